package tree

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// wide returns a tree with / -> a (x-9, x-10, y), b, c-ax.
func wide(t *testing.T) Model {
	t.Helper()
	m := loaded(t)
	m.SetChildren("/", dir(3), []Entry{
		{Name: "a", Stat: dir(3), Known: true, Children: []string{"x-10", "x-9", "y"}},
		{Name: "b", Stat: dir(0), Known: true, Children: []string{}},
		{Name: "c-ax", Stat: dir(0), Known: true, Children: []string{}},
	})
	return m
}

func TestFilterHidesOnlyTheCursorsLevel(t *testing.T) {
	m := wide(t)
	m, _ = send(t, m, "j", "l") // a, expanded: its children show
	m.SetFilter("A")            // the level of a: /'s children
	if got := m.Matches(); len(got) != 2 || got[0] != "/a" || got[1] != "/c-ax" {
		t.Fatalf("matches %v", got)
	}
	view := ansi.Strip(m.View())
	if strings.Contains(view, " b") || !strings.Contains(view, "x-10") {
		t.Fatalf("b should hide, a's children stay:\n%s", view)
	}
	if level, q := m.Filter(); level != "/" || q != "a" {
		t.Fatalf("filter %q on %q", q, level)
	}
	// The cursor's row is hidden: it moves to the first match and says so.
	m.SetFilter("")
	m, _ = send(t, m, "G", "k") // b
	if m.Selected() != "/b" {
		t.Fatalf("at %s", m.Selected())
	}
	cmd := m.SetFilter("c")
	if m.Selected() != "/c-ax" || len(msgs(cmd)) != 1 {
		t.Fatalf("cursor %s, select messages %v", m.Selected(), msgs(cmd))
	}
	m.ClearFilter()
	if m.Selected() != "/c-ax" || !strings.Contains(ansi.Strip(m.View()), " b") {
		t.Fatal("clearing lost the cursor or kept rows hidden")
	}
}

func TestNextMatchWraps(t *testing.T) {
	m := wide(t)
	m, _ = send(t, m, "j")
	m.SetFilter("a")
	for _, want := range []string{"/c-ax", "/a", "/c-ax"} {
		m.NextMatch(1)
		if m.Selected() != want {
			t.Fatalf("n: at %s, want %s", m.Selected(), want)
		}
	}
	m.NextMatch(-1)
	if m.Selected() != "/a" {
		t.Fatalf("N: at %s", m.Selected())
	}
	m.SetFilter("zzz")
	if m.NextMatch(1) != nil || m.Selected() != "/" {
		t.Fatalf("no match: at %s", m.Selected())
	}
}

func TestRevealAndClick(t *testing.T) {
	m := wide(t)
	m.SetChildren("/a", dir(3), []Entry{
		{Name: "x-9", Known: true}, {Name: "x-10", Known: true}, {Name: "y", Known: true},
	})
	if _, ok := m.Reveal("/nope"); ok {
		t.Fatal("revealed a path not in the tree")
	}
	if !m.Ready("/a/y") {
		t.Fatal("/a/y should be ready: / and /a are loaded")
	}
	cmd, ok := m.Reveal("/a/y")
	if !ok || m.Selected() != "/a/y" || len(msgs(cmd)) != 1 {
		t.Fatalf("reveal: ok %v at %s", ok, m.Selected())
	}
	// Rows: / a x-9 x-10 y b c-ax; clicking row 5 selects b.
	m.ClickRow(5)
	if m.Selected() != "/b" {
		t.Fatalf("click: at %s", m.Selected())
	}
	m.ClickRow(1) // a
	m.ClickRow(1) // again: a collapses
	if m.Len() != 4 {
		t.Fatalf("second click should collapse a: %d rows", m.Len())
	}
	m.ScrollBy(10)
	if m.offset != 0 {
		t.Fatalf("scrolled past the end: offset %d", m.offset)
	}
}
