package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/zk"
)

// The header follows the session: connected, then a warning while lost,
// then connected again; other events on the channel are ignored, and the
// listener ends when the app quits.
func TestHeaderFollowsSession(t *testing.T) {
	states := make(chan zk.Event, 4)
	a := New(sampleSource(), Options{Title: "prod", States: states})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	if h := ansi.Strip(a.headerView()); !strings.Contains(h, "● connected") {
		t.Fatalf("header %q", h)
	}
	listen := listenStates(a.ctx, states)
	step := func(ev zk.Event) {
		t.Helper()
		states <- ev
		_, listen = a.Update(listen())
		if listen == nil {
			t.Fatal("the handler did not subscribe again")
		}
	}
	states <- zk.Event{Type: zk.EventNodeCreated, Path: "/x"} // not a session event
	step(zk.Event{Type: zk.EventSession, State: zk.StateDisconnected})
	h := a.headerView()
	if !strings.Contains(ansi.Strip(h), "DISCONNECTED") || strings.Contains(ansi.Strip(h), "● connected") {
		t.Fatalf("header while disconnected %q", ansi.Strip(h))
	}
	if !strings.Contains(h, badge(a, "DISCONNECTED")) {
		t.Fatal("the disconnected state is not in the warning style")
	}
	if kind, _ := a.status.Text(); kind.String() != "error" {
		t.Fatal("losing the session is not reported")
	}
	step(zk.Event{Type: zk.EventSession, State: zk.StateExpired})
	if !strings.Contains(ansi.Strip(a.headerView()), "EXPIRED") {
		t.Fatalf("header %q", ansi.Strip(a.headerView()))
	}
	step(zk.Event{Type: zk.EventSession, State: zk.StateConnectedReadOnly})
	if h := ansi.Strip(a.headerView()); !strings.Contains(h, "● connected") || !strings.Contains(h, "READ-ONLY SERVER") {
		t.Fatalf("header on a read-only server %q", h)
	}
	a.cancel() // quitting
	if msg := listen(); msg != nil {
		t.Fatalf("listener after quit returned %v", msg)
	}
}

func badge(a *App, text string) string { return a.com.Styles.Header.Disconnected.Render(text) }

func TestNilStatesNeedsNoListener(t *testing.T) {
	if listenStates(t.Context(), nil) != nil {
		t.Fatal("a nil channel got a listener")
	}
}

func TestClipboard(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	a.overSSH = false
	var got string
	a.writeClipboard = func(s string) error { got = s; return nil }
	press(a, "j", "l", "j", "j") // /app/config
	_, cmd := a.Update(keyMsg("y"))
	msg := cmd()
	if _, next := a.Update(msg); next != nil {
		t.Fatal("OSC 52 used although the system clipboard worked")
	}
	if got != "/app/config" {
		t.Fatalf("copied %q", got)
	}
	if _, text := a.status.Text(); !strings.Contains(text, "system clipboard") {
		t.Fatalf("status %q", text)
	}

	// No system clipboard: OSC 52 through the terminal, and the status says so.
	a.writeClipboard = func(string) error { return errors.New("no xclip") }
	_, cmd = a.Update(keyMsg("Y"))
	_, next := a.Update(cmd())
	if next == nil {
		t.Fatal("no OSC 52 fallback")
	}
	if m := next(); m == nil || !strings.Contains(strings.ToLower(fmt.Sprintf("%T", m)), "clipboard") {
		t.Fatalf("fallback produced %T", m)
	}
	if _, text := a.status.Text(); !strings.Contains(text, "OSC 52") || !strings.Contains(text, "/app/config") {
		t.Fatalf("status %q", text)
	}

	// Over SSH the remote clipboard is skipped.
	a.overSSH = true
	got = ""
	_, cmd = a.Update(keyMsg("y"))
	if _, next := a.Update(cmd()); next == nil || got != "" {
		t.Fatal("over SSH the system clipboard was used")
	}
}
