package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/prompt"
	"github.com/zkui/zkui/tui/statusbar"
)

// searchState is the deep search: a query over the whole mirror, the
// streamed results, and the full sync that makes the mirror whole.
type searchState struct {
	shown    bool   // the results list is on screen
	keep     bool   // n/N step through the results (after enter)
	query    string // the query of the running or last search
	id       uint64 // the search whose updates are wanted
	cancel   context.CancelFunc
	last     model.SearchUpdate
	cursor   int // the selected result
	offset   int // first result drawn
	syncing  bool
	synced   bool // a full sync finished: the whole tree is searched
	prog     model.Progress
	stopSync context.CancelFunc
}

// active reports whether n/N step through the search's results.
func (s *searchState) active() bool { return s.keep && len(s.last.Matches) > 0 }

// stop cancels the running search and full sync.
func (s *searchState) stop() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	if s.stopSync != nil {
		s.stopSync()
		s.stopSync = nil
	}
}

// searchMsg carries one update of search id; ch is where the next comes
// from.
type searchMsg struct {
	id uint64
	u  model.SearchUpdate
	ch <-chan model.SearchUpdate
}

// syncProgressMsg carries the full sync's progress; ch is where the next
// comes from. ended says the sync stopped (done, cancelled or failed).
type syncProgressMsg struct {
	p     model.Progress
	ch    <-chan model.Progress
	ended bool
}

// openSearch opens the search prompt over the results list, and starts a
// full sync when the mirror is not whole yet.
func (a *App) openSearch() tea.Cmd {
	a.search.shown = true
	cmd := a.prompt.Open(prompt.Search, a.search.query)
	a.prompt.SetSize(a.width, 1)
	a.prompt.SetHint("fuzzy over names · ↑/↓ choose · enter goes · esc closes")
	var sync tea.Cmd
	if !a.search.syncing && !a.search.synced && !a.mir.Status().Full {
		sync = a.startFullSync()
	}
	return tea.Batch(cmd, sync, a.runSearch(a.search.query))
}

// startFullSync mirrors the whole tree in the background, reporting
// progress on a channel the explorer listens to.
func (a *App) startFullSync() tea.Cmd {
	ctx, cancel := context.WithCancel(a.ctx)
	a.search.syncing, a.search.stopSync = true, cancel
	ch := make(chan model.Progress, 1)
	mir := a.mir
	go func() {
		defer close(ch)
		_ = mir.FullSync(ctx, func(p model.Progress) {
			select { // keep only the latest: the UI draws at its own pace
			case <-ch:
			default:
			}
			ch <- p
		})
	}()
	return listenProgress(ch)
}

func listenProgress(ch <-chan model.Progress) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-ch
		return syncProgressMsg{p: p, ch: ch, ended: !ok}
	}
}

// handleSyncProgress updates the bar and searches again over what the
// sync has added, so results keep coming while it runs.
func (a *App) handleSyncProgress(msg syncProgressMsg) tea.Cmd {
	if msg.ended {
		a.search.syncing, a.search.stopSync = false, nil
		return nil
	}
	a.search.prog = msg.p
	var again tea.Cmd
	if a.search.shown && (a.search.last.Done || msg.p.Done) {
		again = a.runSearch(a.search.query)
	}
	if msg.p.Done {
		a.search.synced = true
	}
	return tea.Batch(listenProgress(msg.ch), again)
}

// runSearch starts a search for query, cancelling the previous one.
func (a *App) runSearch(query string) tea.Cmd {
	if a.search.cancel != nil {
		a.search.cancel()
	}
	a.search.query = query
	a.lastID++
	a.search.id = a.lastID
	if query == "" {
		a.search.cancel = nil
		a.search.last = model.SearchUpdate{Done: true}
		return nil
	}
	ctx, cancel := context.WithCancel(a.ctx)
	a.search.cancel = cancel
	ch := a.mir.Search(ctx, query, model.SearchOptions{})
	return listenSearch(a.lastID, ch)
}

func listenSearch(id uint64, ch <-chan model.SearchUpdate) tea.Cmd {
	return func() tea.Msg {
		u, ok := <-ch
		if !ok {
			return nil
		}
		return searchMsg{id: id, u: u, ch: ch}
	}
}

func (a *App) handleSearch(msg searchMsg) tea.Cmd {
	if msg.id != a.search.id {
		return nil // an older query
	}
	if msg.u.Err != nil && len(msg.u.Matches) == 0 {
		return nil // cancelled: a newer search replaces it
	}
	a.search.last = msg.u
	a.search.cursor = min(a.search.cursor, max(len(msg.u.Matches)-1, 0))
	if msg.u.Done || msg.u.Err != nil {
		return nil
	}
	return listenSearch(msg.id, msg.ch)
}

// handleSearchKey edits the query (searching as it changes) and moves
// through the results.
func (a *App) handleSearchKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "up":
		a.moveResult(-1)
		return nil
	case "down":
		a.moveResult(1)
		return nil
	}
	var cmd tea.Cmd
	var changed bool
	a.prompt, cmd, changed = a.prompt.Update(msg)
	if changed {
		a.search.cursor, a.search.offset = 0, 0
		cmd = tea.Batch(cmd, a.runSearch(a.prompt.Value()))
	}
	return cmd
}

func (a *App) moveResult(d int) {
	n := len(a.search.last.Matches)
	if n == 0 {
		return
	}
	a.search.cursor = (a.search.cursor + d + n) % n
}

// acceptSearch goes to the chosen result, hiding the list (the detail pane
// shows the node) but keeping it for n/N.
func (a *App) acceptSearch() tea.Cmd {
	a.search.shown = false
	ms := a.search.last.Matches
	if len(ms) == 0 {
		a.status.Set(statusbar.Info, fmt.Sprintf("no match for %q", a.search.query))
		return nil
	}
	a.search.keep = true
	cmd := a.goTo(ms[a.search.cursor].Path)
	// After goTo, whose "going to" note it replaces.
	a.status.Set(statusbar.Info, fmt.Sprintf("match %d of %d: %s · n/N step · s shows the list", a.search.cursor+1, len(ms), ms[a.search.cursor].Path))
	return cmd
}

// stepSearch goes to the next (dir > 0) or previous result.
func (a *App) stepSearch(dir int) tea.Cmd {
	a.moveResult(dir)
	return a.acceptSearch()
}

// closeSearch hides the results and stops the search and a full sync
// still running (what it loaded stays mirrored; the next search goes on
// from there).
func (a *App) closeSearch() {
	a.search.shown, a.search.keep = false, false
	if a.search.cancel != nil {
		a.search.cancel()
		a.search.cancel = nil
	}
	if a.search.syncing && a.search.stopSync != nil {
		a.search.stopSync()
		a.search.stopSync = nil
		a.status.Set(statusbar.Info, fmt.Sprintf("full sync stopped at %d nodes", a.search.prog.Loaded))
	}
}
