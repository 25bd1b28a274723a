package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/model"
)

// Deep search finds nodes below levels never expanded, lists them best
// first, and enter goes to the chosen one; n steps to the next.
func TestDeepSearch(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, "s")
	typeText(a, "task")
	waitSearch(t, a)
	got := a.search.last.Matches
	if len(got) != 3 || !strings.HasPrefix(got[0].Path, "/app/queue/task-") {
		t.Fatalf("matches %+v", got)
	}
	screen := ansi.Strip(a.render())
	if !strings.Contains(screen, `3 matches for "task"`) || !strings.Contains(screen, "/app/queue/task-0000000001") {
		t.Fatalf("results not shown:\n%s", screen)
	}
	press(a, "enter")
	if a.search.shown {
		t.Fatal("enter left the results over the detail pane")
	}
	first := got[0].Path
	if a.tree.Selected() != first {
		t.Fatalf("enter went to %q, want %q", a.tree.Selected(), first)
	}
	press(a, "n")
	if a.tree.Selected() != got[1].Path {
		t.Fatalf("n went to %q, want %q", a.tree.Selected(), got[1].Path)
	}
	press(a, "esc")
	press(a, "n")
	if a.search.active() || a.tree.Selected() != got[1].Path {
		t.Fatalf("esc did not end the search: at %s", a.tree.Selected())
	}
}

// waitSearch runs the search's commands until its last update arrived.
func waitSearch(t *testing.T, a *App) {
	t.Helper()
	for i := 0; i < 100 && !a.search.last.Done; i++ {
		settle(a)
		run(a, a.runSearch(a.search.query))
	}
	if !a.search.last.Done {
		t.Fatal("search never finished")
	}
}

// While the full sync runs, the results pane shows its progress as a bar
// above the results, and the screen still fits.
func TestSearchShowsSyncProgress(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		a, _ := newTestApp(t, size[0], size[1])
		press(a, "s")
		a.search.syncing = true
		a.search.prog = model.Progress{Loaded: 50, Expected: 100}
		view := a.render()
		checkFits(t, view, size[0], size[1])
		screen := ansi.Strip(view)
		if !strings.Contains(screen, "syncing 50/100 ███") || !strings.Contains(screen, "░░░") {
			t.Fatalf("no progress bar:\n%s", screen)
		}
	}
}
