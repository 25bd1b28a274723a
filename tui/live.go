package tui

import (
	"context"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/statusbar"
)

// markTick is how often the flashing and fading rows are checked for
// expiry while there are any.
const markTick = 250 * time.Millisecond

// syncWait bounds how long a refresh after a write waits for the mirror to
// take the write in.
const syncWait = 5 * time.Second

// liveState is the explorer's side of live updates.
type liveState struct {
	paused  bool // notices are taken but not shown
	missed  bool // notices came while paused
	stale   bool // the mirror says changes may have been missed
	ticking bool // a markTickMsg is on its way
	manual  bool // tests drive notices by hand: no listener, no tick
}

// mirrorStartedMsg answers startMirror.
type mirrorStartedMsg struct{ err error }

// noticeMsg carries one change notice of the mirror.
type noticeMsg struct{ n model.Notice }

// syncedMsg says the mirror has taken in what was asked (a write, a
// refresh): re-read the window and the selected node.
type syncedMsg struct{}

// markTickMsg expires flashing and fading rows.
type markTickMsg struct{}

// startMirror starts a mirror the explorer made itself (the caller starts
// its own), then listens to its notices.
func (a *App) startMirror() tea.Cmd {
	if !a.ownMir {
		return a.listen()
	}
	ctx, mir := a.ctx, a.mir
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
		return mirrorStartedMsg{err: mir.Start(ctx)}
	}
}

func (a *App) handleMirrorStarted(msg mirrorStartedMsg) tea.Cmd {
	if msg.err != nil {
		a.status.Set(statusbar.Error, "mirror: "+msg.err.Error())
		return nil
	}
	return a.listen()
}

// listen waits for the mirror's next notice.
func (a *App) listen() tea.Cmd {
	if a.live.manual {
		return nil
	}
	return listenNotices(a.ctx, a.mir.Notices())
}

// listenNotices waits for the next notice (listen, message, re-subscribe:
// its handler calls it again); it ends when the explorer quits.
func listenNotices(ctx context.Context, ch <-chan model.Notice) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-ctx.Done():
			return nil
		case n := <-ch:
			return noticeMsg{n}
		}
	}
}

// handleNotice re-reads the window and, when it changed, the selected
// node; while paused it only remembers that something changed.
func (a *App) handleNotice(msg noticeMsg) tea.Cmd {
	listen := a.listen()
	a.live.stale = a.mir.Status().Stale
	if a.live.paused {
		a.live.missed = true
		return listen
	}
	sel := a.tree.Selected()
	moved := a.tree.Live(msg.n.Paths, msg.n.Resync, time.Now())
	var cmd tea.Cmd
	switch {
	case moved:
		cmd = a.selectNode(a.tree.Selected())
	case msg.n.Resync || slices.Contains(msg.n.Paths, sel):
		cmd = a.reloadNode()
	}
	return tea.Batch(listen, cmd, a.tickMarks())
}

// tickMarks keeps one expiry tick going while rows flash or fade.
func (a *App) tickMarks() tea.Cmd {
	if !a.tree.Expire(time.Now()) || a.live.ticking || a.live.manual {
		return nil
	}
	a.live.ticking = true
	return tea.Tick(markTick, func(time.Time) tea.Msg { return markTickMsg{} })
}

func (a *App) handleMarkTick() tea.Cmd {
	a.live.ticking = false
	return a.tickMarks()
}

// reloadNode reads the selected node again without blanking the pane: a
// live update should not flicker.
func (a *App) reloadNode() tea.Cmd {
	a.lastID++
	a.detailID, a.detailFor = a.lastID, a.tree.Selected()
	return loadNode(a.ctx, a.src, a.mir, a.lastID, a.detailFor)
}

// togglePause stops or resumes showing live updates; resuming catches up
// on what changed meanwhile.
func (a *App) togglePause() tea.Cmd {
	a.live.paused = !a.live.paused
	if a.live.paused {
		a.status.Set(statusbar.Info, "live updates paused: the view may be stale (p resumes, r refreshes)")
		return nil
	}
	a.status.Set(statusbar.Info, "live updates resumed")
	if !a.live.missed {
		return nil
	}
	a.live.missed = false
	return a.refreshView()
}

// refreshView re-reads the window and the selected node by hand.
func (a *App) refreshView() tea.Cmd {
	a.live.stale = a.mir.Status().Stale
	if a.tree.Live(nil, true, time.Now()) {
		return tea.Batch(a.selectNode(a.tree.Selected()), a.tickMarks())
	}
	return tea.Batch(a.reloadNode(), a.tickMarks())
}

// handleRefresh is the refresh key: the window and the selected node are
// read again (even while paused, which stays on).
func (a *App) handleRefresh() tea.Cmd {
	a.live.missed = false
	a.status.Set(statusbar.Info, "refreshed")
	return a.refreshView()
}

// load waits until the mirror has taken in the changes made so far (after
// a write, the watch event comes before the reply), then re-reads the
// window. path is for the callers' benefit: the whole mirror is live.
func (a *App) load(string) tea.Cmd {
	ctx, mir := a.ctx, a.mir
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, syncWait)
		defer cancel()
		_ = mir.WaitIdle(ctx) // on a timeout, show what there is
		return syncedMsg{}
	}
}

func (a *App) handleSynced() tea.Cmd {
	if a.tree.Live(nil, true, time.Now()) {
		return a.selectNode(a.tree.Selected())
	}
	return a.tickMarks()
}

// stale reports whether what is shown may be out of date.
func (a *App) stale() bool {
	return a.live.paused || a.live.stale || sessionLost(a.session)
}
