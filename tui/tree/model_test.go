package tree

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

func TestExpandCollapseAndParent(t *testing.T) {
	s := newMem("/a", "/a/x-10", "/a/x-9", "/b")
	mir := mirror(t, s)
	m := newTree(mir)
	if got := press(t, &m, mir, "j"); !slices.Equal(got, []string{"/a"}) {
		t.Fatalf("select messages %v", got)
	}
	press(t, &m, mir, "l")
	view := ansi.Strip(m.View())
	// Children in natural order, under their parent, with the count.
	if i, j := strings.Index(view, "x-9"), strings.Index(view, "x-10"); i < 0 || j < i || !contains(view, "a (2)") {
		t.Fatalf("expanded view:\n%s", view)
	}
	press(t, &m, mir, "l") // on an open node: into the first child
	if m.Selected() != "/a/x-9" {
		t.Fatalf("l on an open node went to %s", m.Selected())
	}
	press(t, &m, mir, "h") // a leaf: to the parent
	if m.Selected() != "/a" {
		t.Fatalf("h on a leaf went to %s", m.Selected())
	}
	press(t, &m, mir, "h") // open: collapse
	if contains(ansi.Strip(m.View()), "x-9") || m.Len() != 3 {
		t.Fatalf("collapse left %d rows:\n%s", m.Len(), ansi.Strip(m.View()))
	}
}

func TestViewFitsAndMovesWindow(t *testing.T) {
	var paths []string
	for i := range 50 {
		paths = append(paths, fmt.Sprintf("/n%03d", i))
	}
	s := newMem(paths...)
	mir := mirror(t, s)
	m := newTree(mir)
	press(t, &m, mir, "G")
	if m.Selected() != "/n049" {
		t.Fatalf("G went to %s", m.Selected())
	}
	lines := strings.Split(m.View(), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) != 40 {
			t.Fatalf("line %q is %d wide", ansi.Strip(l), ansi.StringWidth(l))
		}
	}
	if !contains(ansi.Strip(lines[9]), "n049") {
		t.Fatalf("the cursor row is not in the window:\n%s", ansi.Strip(m.View()))
	}
}

// A change notice re-reads the window: changed rows flash, new ones
// appear flashing, deleted ones stay a moment as faded ghosts, and a
// deleted selection steps up to its parent.
func TestLiveMarks(t *testing.T) {
	s := newMem("/a", "/a/keep", "/a/gone", "/a/edit")
	mir := mirror(t, s)
	m := newTree(mir)
	press(t, &m, mir, "j", "l", "j") // /a/edit
	press(t, &m, mir, "j")           // /a/gone
	if m.Selected() != "/a/gone" {
		t.Fatalf("at %s", m.Selected())
	}
	s.set("/a/edit")
	s.create("/a/new")
	s.remove("/a/gone")
	idle(t, mir)
	now := time.Now()
	moved := m.Live([]string{"/a", "/a/edit", "/a/new", "/a/gone"}, false, now)
	if !moved || m.Selected() != "/a" {
		t.Fatalf("selection after its deletion: %s (moved %v)", m.Selected(), moved)
	}
	for p, want := range map[string][2]bool{"/a/edit": {true, false}, "/a/new": {true, false}, "/a/gone": {false, true}, "/a/keep": {false, false}} {
		if c, d := m.Marked(p); c != want[0] || d != want[1] {
			t.Errorf("%s: changed %v deleted %v, want %v", p, c, d, want)
		}
	}
	if view := ansi.Strip(m.View()); !contains(view, "gone") || !contains(view, "new") {
		t.Fatalf("ghost or new row missing:\n%s", view)
	}
	if m.Expire(now.Add(FadeFor + FlashFor)) {
		t.Fatal("marks outlived their time")
	}
	if contains(ansi.Strip(m.View()), "gone") {
		t.Fatal("the ghost stayed after it faded")
	}
}

func TestFilterLevelAndMatches(t *testing.T) {
	s := newMem("/app", "/app/blob", "/app/config", "/app/queue", "/app/worker", "/zk")
	mir := mirror(t, s)
	m := newTree(mir)
	press(t, &m, mir, "j", "l", "j") // /app/blob
	m.SetFilter("o")
	if got := m.Matches(); !slices.Equal(got, []string{"/app/blob", "/app/config", "/app/worker"}) {
		t.Fatalf("matches %v", got)
	}
	m.SetFilter("or")
	if m.Selected() != "/app/worker" {
		t.Fatalf("cursor on a hidden row: %s", m.Selected())
	}
	// Only the level's other children hide; the rest of the tree stays.
	if view := ansi.Strip(m.View()); contains(view, "queue") || !contains(view, "zk") || !contains(view, "app") {
		t.Fatalf("filtered view:\n%s", view)
	}
	m.SetFilter("o")
	m.NextMatch(1)
	if m.Selected() != "/app/blob" {
		t.Fatalf("next match wraps to the first, at %s", m.Selected())
	}
	m.ClearFilter()
	if m.Selected() != "/app/blob" || !contains(ansi.Strip(m.View()), "queue") {
		t.Fatal("clearing lost the cursor or the rows")
	}
}
