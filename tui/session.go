package tui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/statusbar"
	"github.com/zkui/zkui/zk"
)

// stateMsg carries a session state change from Options.States.
type stateMsg struct{ state zk.State }

// listenStates waits for the next session event. Its handler calls it
// again (listen, message, re-subscribe); it ends when the app quits or the
// channel closes.
func listenStates(ctx context.Context, ch <-chan zk.Event) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		for {
			select {
			case <-ctx.Done():
				return nil
			case ev, ok := <-ch:
				if !ok {
					return stateMsg{zk.StateClosed}
				}
				if ev.Type == zk.EventSession {
					return stateMsg{ev.State}
				}
			}
		}
	}
}

func (a *App) handleState(msg stateMsg) tea.Cmd {
	prev := a.session
	a.session = msg.state
	switch {
	case sessionLost(msg.state) && !sessionLost(prev):
		a.status.Set(statusbar.Error, "session "+msg.state.String()+": showing what was last read")
	case !sessionLost(msg.state) && sessionLost(prev):
		a.status.Set(statusbar.Success, "session "+msg.state.String())
	}
	if msg.state == zk.StateClosed {
		return nil // the channel is done: stop listening
	}
	return listenStates(a.ctx, a.opts.States)
}

// sessionLost reports whether reads cannot be served in state s.
func sessionLost(s zk.State) bool {
	switch s {
	case zk.StateConnected, zk.StateConnectedReadOnly, zk.StateSaslAuthenticated:
		return false
	}
	return true
}

// sessionBadge renders the session state for the header: quiet when
// connected, a warning badge otherwise.
func (a *App) sessionBadge() string {
	st := a.com.Styles.Header
	switch a.session {
	case zk.StateConnected, zk.StateSaslAuthenticated:
		return st.Connected.Render("● connected")
	case zk.StateConnectedReadOnly:
		return st.Connected.Render("● connected") + " " + st.ReadOnly.Render("READ-ONLY SERVER")
	}
	return st.Disconnected.Render(strings.ToUpper(a.session.String()))
}
