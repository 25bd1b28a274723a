package tui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/theme"
	"github.com/zkui/zkui/tui/detail"
	"github.com/zkui/zkui/tui/prompt"
	"github.com/zkui/zkui/tui/statusbar"
	"github.com/zkui/zkui/tui/tree"
	"github.com/zkui/zkui/zk"
)

// Update dispatches by message type; each handler is short.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
	case tea.BackgroundColorMsg:
		a.setTheme(theme.New(msg.IsDark()))
	case tea.KeyPressMsg:
		return a, a.handleKey(msg)
	case tree.SelectMsg:
		return a, a.selectNode(msg.Path)
	case tree.ChangedMsg:
		return a, a.handleSynced()
	case noticeMsg:
		return a, a.handleNotice(msg)
	case syncedMsg:
		return a, a.handleSynced()
	case markTickMsg:
		return a, a.handleMarkTick()
	case mirrorStartedMsg:
		return a, a.handleMirrorStarted(msg)
	case nodeMsg:
		a.handleNode(msg)
	case pathMsg:
		return a, a.handlePath(msg)
	case searchMsg:
		return a, a.handleSearch(msg)
	case syncProgressMsg:
		return a, a.handleSyncProgress(msg)
	case completeMsg:
		return a, a.handleComplete(msg)
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		if a.ed.dlg.IsOpen() {
			return a, nil // the panes behind a dialog are not on screen
		}
		if click, ok := msg.(tea.MouseClickMsg); ok {
			return a, a.handleClick(click)
		}
		a.handleWheel(msg.(tea.MouseWheelMsg))
	case copiedMsg:
		return a, a.handleCopied(msg)
	case stateMsg:
		return a, a.handleState(msg)
	default:
		if cmd, ok := a.handleDashMsg(msg); ok {
			return a, cmd
		}
		if cmd, ok := a.handleEditMsg(msg); ok {
			return a, cmd
		}
	}
	return a, nil
}

func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.com.Keys
	if cmd, ok := a.handleDashKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.ForceQuit):
		return a.quit()
	case a.prompt.IsOpen():
		return a.handlePromptKey(msg)
	case a.ed.dlg.IsOpen():
		return a.handleDialogKey(msg)
	case key.Matches(msg, k.Quit):
		return a.quit()
	case key.Matches(msg, k.Help):
		a.help.ShowAll = !a.help.ShowAll
		a.layout() // the help grows or shrinks, and the panes with it
		return nil
	case key.Matches(msg, k.Focus):
		a.setFocus(1 - a.focus)
		return nil
	case a.focus == focusDetail && key.Matches(msg, k.Back):
		a.setFocus(focusTree)
		return nil
	case a.help.ShowAll && key.Matches(msg, k.Back):
		a.help.ShowAll = false
		a.layout()
		return nil
	}
	if cmd, ok := a.handleFindKey(msg); ok {
		return cmd
	}
	if cmd, ok := a.handleEditKey(msg); ok {
		return cmd
	}
	switch {
	case a.detail.HandleTabKey(msg):
		return nil
	case key.Matches(msg, k.CycleView):
		a.detail.SetTab(detail.TabData)
		a.detail.CycleView()
		return nil
	case key.Matches(msg, k.Wrap):
		a.detail.SetTab(detail.TabData)
		a.detail.ToggleWrap()
		return nil
	case key.Matches(msg, k.CopyPath):
		return a.copyPath()
	case key.Matches(msg, k.CopyData):
		return a.copyData()
	case key.Matches(msg, k.Refresh):
		return a.handleRefresh()
	case key.Matches(msg, k.Pause):
		return a.togglePause()
	}
	var cmd tea.Cmd
	if a.focus == focusDetail {
		a.detail, cmd = a.detail.Update(msg)
	} else {
		a.tree, cmd = a.tree.Update(msg)
	}
	return cmd
}

func (a *App) setFocus(f focus) {
	a.focus = f
	a.tree.SetFocused(f == focusTree)
	a.detail.SetFocused(f == focusDetail)
}

// quit ends the program: in-flight reads are cancelled and a mirror the
// explorer made is stopped.
func (a *App) quit() tea.Cmd {
	a.cancel()
	a.search.stop()
	if a.ownMir {
		go a.mir.Close() // the syncer may take a moment; the UI need not wait
	}
	return tea.Quit
}

func (a *App) handleNode(msg nodeMsg) {
	if msg.id != a.detailID {
		return // the cursor has moved on
	}
	a.detail.SetNode(msg.node)
	n := msg.node
	switch {
	case errors.Is(n.DataErr, zk.ErrNoAuth):
		a.status.Set(statusbar.Error, noAuthStatus(n.Path))
	case n.DataErr != nil:
		a.status.Set(statusbar.Error, n.DataErr.Error())
	case a.keepStatus:
		a.keepStatus = false
	default:
		// An error about another node would now mislead.
		if kind, _ := a.status.Text(); kind == statusbar.Error {
			a.status.Set(statusbar.Info, "")
		}
	}
}

func noAuthStatus(path string) string {
	return fmt.Sprintf("%s: NoAuth, the node's ACL denies this session (try --auth digest:user:pass)", path)
}

// handleFindKey handles the keys that find nodes: jump, history, filter.
func (a *App) handleFindKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.com.Keys
	switch {
	case key.Matches(msg, k.Jump):
		return a.openPrompt(prompt.Jump), true
	case key.Matches(msg, k.Filter):
		a.setFocus(focusTree)
		a.search.keep = false // n/N now step through the filter
		return a.openPrompt(prompt.Filter), true
	case key.Matches(msg, k.Search):
		return a.openSearch(), true
	case a.search.active() && (key.Matches(msg, k.NextMatch) || key.Matches(msg, k.PrevMatch)):
		if key.Matches(msg, k.PrevMatch) {
			return a.stepSearch(-1), true
		}
		return a.stepSearch(1), true
	case key.Matches(msg, k.NextMatch), key.Matches(msg, k.PrevMatch):
		if len(a.tree.Matches()) == 0 {
			a.status.Set(statusbar.Info, "no matches to step through: / filters the current level")
			return nil, true
		}
		if key.Matches(msg, k.PrevMatch) {
			return a.tree.NextMatch(-1), true
		}
		return a.tree.NextMatch(1), true
	case key.Matches(msg, k.HistBack), key.Matches(msg, k.HistFwd):
		step := a.hist.back
		if key.Matches(msg, k.HistFwd) {
			step = a.hist.forward
		}
		p, ok := step()
		if !ok {
			a.status.Set(statusbar.Info, "no further history")
			return nil, true
		}
		a.histTarget = p
		return a.goTo(p), true
	case (a.search.shown || a.search.keep) && key.Matches(msg, k.Back):
		a.status.Set(statusbar.Info, "search closed")
		a.closeSearch()
		return nil, true
	case a.focus == focusTree && key.Matches(msg, k.Back):
		if level, _ := a.tree.Filter(); level != "" {
			a.tree.ClearFilter()
			a.status.Set(statusbar.Info, "filter cleared")
		}
		return nil, true
	}
	return nil, false
}
