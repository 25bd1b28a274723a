package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/detail"
	"github.com/zkui/zkui/zk"
)

// An answer overtaken by a newer read of the same thing must not show.
func TestStaleAnswersDropped(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, "j") // /app is shown
	oldID := a.detailID
	cmd := a.selectNode("/zookeeper")
	a.Update(nodeMsg{id: oldID, node: detail.Node{Path: "/stale", Data: []byte("stale")}})
	if n := a.detail.Node(); n == nil || n.Path != "/app" {
		t.Fatalf("stale detail answer shown: %+v", n)
	}
	run(a, cmd)
	if n := a.detail.Node(); n == nil || n.Path != "/zookeeper" {
		t.Fatalf("fresh answer not shown: %+v", n)
	}

}

func TestErrorsGoToStatus(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	a.Update(nodeMsg{id: a.detailID, node: detail.Node{Path: "/", DataErr: errors.New("get /: connection lost")}})
	if kind, text := a.status.Text(); kind.String() != "error" || !strings.Contains(text, "connection lost") {
		t.Fatalf("status %v %q", kind, text)
	}
	a.Update(nodeMsg{id: a.detailID, node: detail.Node{Path: "/", DataErr: zk.ErrNoAuth}})
	if _, text := a.status.Text(); !strings.Contains(text, "--auth digest:user:pass") {
		t.Fatalf("NoAuth status lacks the fix: %q", text)
	}
}

// Resizing through many sizes, including narrow and tiny ones, always yields
// a screen of exactly the new size: no leftover cells, no wrapped lines.
func TestResizeNeverGarbles(t *testing.T) {
	a, _ := newTestApp(t, 80, 24)
	press(a, "j", "l", "j", "j")
	for _, s := range [][2]int{{160, 48}, {99, 30}, {100, 30}, {80, 24}, {200, 60}, {81, 25}, {120, 24}, {30, 12}, {12, 8}, {4, 5}} {
		a.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		checkFits(t, a.View().Content, s[0], s[1])
		press(a, "?")
		checkFits(t, a.View().Content, s[0], s[1])
		press(a, "?")
	}
}

// Below 100 columns the panes stack; from 100 they sit side by side.
func TestNarrowStacks(t *testing.T) {
	a, _ := newTestApp(t, 99, 30)
	// Stacked: some line holds the tree's top border and nothing else.
	if sideBySide(a.render()) {
		t.Fatal("99 columns should stack the panes")
	}
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if !sideBySide(a.render()) {
		t.Fatal("100 columns should put the panes side by side")
	}
}

func sideBySide(screen string) bool {
	for _, l := range strings.Split(ansi.Strip(screen), "\n") {
		if strings.Count(l, "╭") == 2 {
			return true
		}
	}
	return false
}

func TestTabsAndFocus(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, "tab")
	if a.detail.Tab() != detail.TabStat {
		t.Fatalf("tab: %v", a.detail.Tab())
	}
	press(a, "shift+tab", "shift+tab")
	if a.detail.Tab() != detail.TabACL {
		t.Fatalf("shift+tab twice from Stat: %v", a.detail.Tab())
	}
	press(a, "1", "f", "j")
	if a.focus != focusDetail || a.tree.Selected() != "/" {
		t.Fatalf("with the detail focused, j moved the tree to %s", a.tree.Selected())
	}
	press(a, "esc", "j")
	if a.focus != focusTree || a.tree.Selected() != "/app" {
		t.Fatalf("esc did not give keys back to the tree: at %s", a.tree.Selected())
	}
}

func TestHeaderReadOnlyBadge(t *testing.T) {
	a := New(sampleSource(), Options{Title: "prod", Server: "10.0.0.1:2181", SessionID: 0xabc, ReadOnly: true})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	h := ansi.Strip(a.headerView())
	for _, want := range []string{"prod", "10.0.0.1:2181", "0xabc", "READ-ONLY"} {
		if !strings.Contains(h, want) {
			t.Errorf("header %q lacks %q", h, want)
		}
	}
}
