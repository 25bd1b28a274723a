package tree

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk"
)

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// msgs runs cmd (and batches inside it) and returns the messages.
func msgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch m := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, msgs(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{m}
	}
}

func send(t *testing.T, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var all []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(keyPress(k))
		all = append(all, msgs(cmd)...)
	}
	return m, all
}

func dir(n int32) zk.Stat { return zk.Stat{NumChildren: n} }

// loaded returns a tree with / -> a (2 children, names known ahead), b (leaf).
func loaded(t *testing.T) Model {
	t.Helper()
	m := New(common.New(nil))
	m.SetSize(40, 10)
	m.SetChildren("/", dir(2), []Entry{
		{Name: "b", Stat: dir(0), Known: true, Children: []string{}},
		{Name: "a", Stat: dir(2), Known: true, Children: []string{"x-10", "x-9"}},
	})
	return m
}

func TestExpandAsksOnceAndShowsNamesAhead(t *testing.T) {
	m := loaded(t)
	m, out := send(t, m, "j", "l")
	if len(out) != 2 || out[0] != (SelectMsg{Path: "/a"}) || out[1] != (LoadMsg{Path: "/a"}) {
		t.Fatalf("messages %#v", out)
	}
	// Names read one level ahead show at once, naturally sorted.
	view := ansi.Strip(m.View())
	if i, j := strings.Index(view, "x-9"), strings.Index(view, "x-10"); i < 0 || j < i {
		t.Fatalf("children not shown in natural order:\n%s", view)
	}
	// Collapsing and expanding again must not ask a second time while loading.
	m, out = send(t, m, "h", "l")
	for _, msg := range out {
		if _, ok := msg.(LoadMsg); ok {
			t.Fatalf("second LoadMsg while the first is in flight: %#v", out)
		}
	}
	m.SetChildren("/a", dir(2), []Entry{{Name: "x-9", Known: true}, {Name: "x-10", Known: true}})
	if m.Len() != 5 {
		t.Fatalf("rows %d, want 5", m.Len())
	}
}

func TestLeafDoesNotExpand(t *testing.T) {
	m := loaded(t)
	m, out := send(t, m, "j", "j", "l")
	if m.Selected() != "/b" {
		t.Fatalf("selected %s", m.Selected())
	}
	for _, msg := range out {
		if _, ok := msg.(LoadMsg); ok {
			t.Fatal("expanding a leaf asked for a load")
		}
	}
}

func TestCollapseThenParent(t *testing.T) {
	m := loaded(t)
	m, _ = send(t, m, "j", "l", "l") // into /a, then step to its first child
	if m.Selected() != "/a/x-9" {
		t.Fatalf("selected %s, want /a/x-9", m.Selected())
	}
	m, _ = send(t, m, "h")
	if m.Selected() != "/a" {
		t.Fatalf("h on a closed node should go to the parent, at %s", m.Selected())
	}
	m, _ = send(t, m, "h")
	if m.Selected() != "/a" || m.Len() != 3 {
		t.Fatalf("h on an open node should collapse it: at %s, %d rows", m.Selected(), m.Len())
	}
}

func TestRefreshKeepsExpansionAndDropsGone(t *testing.T) {
	m := loaded(t)
	m, _ = send(t, m, "j", "l")
	m.SetChildren("/a", dir(2), []Entry{{Name: "x-9", Known: true}, {Name: "x-10", Known: true}})
	// / reloaded: b is gone, c is new, a keeps its open subtree.
	m.SetChildren("/", dir(2), []Entry{
		{Name: "a", Stat: dir(2), Known: true, Children: []string{"x-9", "x-10"}},
		{Name: "c", Stat: dir(0), Known: true},
	})
	view := ansi.Strip(m.View())
	if strings.Contains(view, " b") || !strings.Contains(view, "x-10") || !strings.Contains(view, "c") {
		t.Fatalf("after refresh:\n%s", view)
	}
	if m.Selected() != "/a" {
		t.Fatalf("cursor moved to %s", m.Selected())
	}
	// A late answer for a path that no longer exists is ignored.
	m.SetChildren("/b", dir(0), nil)
	m.SetLoadError("/b", fmt.Errorf("boom"), false)
}

func TestLockedNode(t *testing.T) {
	m := New(common.New(nil))
	m.SetSize(40, 5)
	m.SetChildren("/", dir(1), []Entry{{Name: "secret", Locked: true}})
	m, out := send(t, m, "j", "l")
	for _, msg := range out {
		if _, ok := msg.(LoadMsg); ok {
			t.Fatal("a locked node was expanded")
		}
	}
	if !strings.Contains(ansi.Strip(m.View()), "secret [noauth]") {
		t.Fatalf("no lock marker:\n%s", ansi.Strip(m.View()))
	}
}

func TestLoadErrorShown(t *testing.T) {
	m := loaded(t)
	m, _ = send(t, m, "j", "l")
	m.SetLoadError("/a", fmt.Errorf("connection lost"), false)
	if !strings.Contains(ansi.Strip(m.View()), "! connection lost") {
		t.Fatalf("error not shown:\n%s", ansi.Strip(m.View()))
	}
}

func bigTree(n int) Model {
	m := New(common.New(nil))
	entries := make([]Entry, n)
	for i := range entries {
		entries[i] = Entry{Name: fmt.Sprintf("node-%d", i), Known: true}
	}
	m.SetChildren("/", dir(int32(n)), entries)
	return m
}

// Paging moves by the window and the window follows the cursor; the view is
// always exactly the pane's size.
func TestPagingAndWindow(t *testing.T) {
	m := bigTree(1000)
	m.SetSize(30, 10)
	m, _ = send(t, m, "G")
	if m.Selected() != "/node-999" {
		t.Fatalf("G went to %s", m.Selected())
	}
	m, _ = send(t, m, "g")
	m, _ = m.Update(tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl})
	if m.Selected() != "/node-4" { // row 5 of the list: / then node-0..
		t.Fatalf("ctrl+d went to %s", m.Selected())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	if m.Selected() != "/node-14" {
		t.Fatalf("pgdown went to %s", m.Selected())
	}
	lines := strings.Split(m.View(), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) != 30 {
			t.Fatalf("line width %d: %q", ansi.StringWidth(l), ansi.Strip(l))
		}
	}
	if !strings.Contains(ansi.Strip(lines[len(lines)-1]), "node-14") {
		t.Fatalf("cursor row not at the bottom of the window:\n%s", ansi.Strip(m.View()))
	}
}

// BenchmarkView shows a frame costs the same for a small and a huge tree.
func BenchmarkView(b *testing.B) {
	for _, n := range []int{100, 100000} {
		m := bigTree(n)
		m.SetSize(60, 40)
		m.moveTo(n / 2)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}
