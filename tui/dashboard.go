package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/dashboard"
)

// dashState is the server dashboard and whether it replaces the panes.
type dashState struct {
	m  dashboard.Model
	on bool
}

// initDashboard builds the dashboard on the poller of Options.Stats; without
// one the dashboard says that nothing is polled.
func (a *App) initDashboard() {
	opts := dashboard.Options{}
	if a.opts.Stats != nil {
		opts.Poller = a.opts.Stats
	}
	a.dash.m = dashboard.New(a.ctx, a.com, opts)
}

// toggleDashboard switches between the explorer and the dashboard, telling
// the dashboard which node is selected (for the owner of an ephemeral).
func (a *App) toggleDashboard() tea.Cmd {
	a.dash.on = !a.dash.on
	if n := a.detail.Node(); n != nil && a.dash.on {
		a.dash.m.SetNode(n.Path, n.Stat.Owner())
	}
	a.layout()
	return a.dash.m.SetVisible(a.dash.on)
}

// handleDashKey switches to and from the dashboard and, while it is shown,
// gives it the keys; quit, help and the toggle keep their meaning. It
// reports whether the key was used.
func (a *App) handleDashKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.com.Keys
	if a.prompt.IsOpen() || a.ed.dlg.IsOpen() || key.Matches(msg, k.ForceQuit) {
		return nil, false
	}
	capturing := a.dash.on && a.dash.m.Capturing()
	switch {
	case capturing:
	case key.Matches(msg, k.Dashboard):
		return a.toggleDashboard(), true
	case !a.dash.on:
		return nil, false
	case a.help.ShowAll || key.Matches(msg, k.Quit) || key.Matches(msg, k.Help):
		return nil, false // the app's own handling
	case key.Matches(msg, k.Back):
		return a.toggleDashboard(), true
	}
	var cmd tea.Cmd
	a.dash.m, cmd = a.dash.m.Update(msg)
	return cmd, true
}

// handleDashMsg hands the dashboard its own messages, shown or not.
func (a *App) handleDashMsg(msg tea.Msg) (tea.Cmd, bool) {
	if !dashboard.Owns(msg) {
		return nil, false
	}
	var cmd tea.Cmd
	a.dash.m, cmd = a.dash.m.Update(msg)
	return cmd, true
}
