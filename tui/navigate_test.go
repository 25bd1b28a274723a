package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/detail"
)

// Jumping to a node never opened loads its ancestors and selects it.
func TestJumpToUnloadedPath(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, ":", "ctrl+u")
	typeText(a, "/app/queue/task-0000000002")
	press(a, "enter")
	if got := a.tree.Selected(); got != "/app/queue/task-0000000002" {
		t.Fatalf("selected %q after the jump", got)
	}
	if n := a.detail.Node(); n == nil || string(n.Data) != "task-0000000002" {
		t.Fatalf("detail after the jump: %+v", n)
	}
	if a.prompt.IsOpen() {
		t.Fatal("prompt still open")
	}
	// A node known only by name from a read ahead: its level is loaded
	// first, so its siblings show as the leaves they are.
	press(a, ":", "ctrl+u")
	typeText(a, "/formats/app.xml")
	press(a, "enter")
	if a.tree.Selected() != "/formats/app.xml" {
		t.Fatalf("selected %q", a.tree.Selected())
	}
	if screen := ansi.Strip(a.render()); strings.Contains(screen, "▸ long.txt") || !strings.Contains(screen, "long.txt") {
		t.Fatalf("siblings of the jump target not loaded:\n%s", screen)
	}
	// A missing node: the deepest existing ancestor and an error.
	press(a, ":", "ctrl+u")
	typeText(a, "app/nope/deeper")
	press(a, "enter")
	if got := a.tree.Selected(); got != "/app" {
		t.Fatalf("selected %q, want the deepest existing ancestor /app", got)
	}
	if kind, text := a.status.Text(); kind.String() != "error" || !strings.Contains(text, "/app/nope") {
		t.Fatalf("status %v %q", kind, text)
	}
}

func TestJumpCompletion(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, ":", "ctrl+u")
	typeText(a, "/ap")
	press(a, "tab")
	if v := a.prompt.Value(); v != "/app" {
		t.Fatalf("one candidate: %q, want /app", v)
	}
	press(a, "tab") // complete already: descend
	if v := a.prompt.Value(); v != "/app/" {
		t.Fatalf("second tab: %q, want /app/", v)
	}
	press(a, "tab") // four children: listed, no common prefix
	screen := ansi.Strip(a.render())
	for _, want := range []string{"blob", "config", "queue", "worker"} {
		if !strings.Contains(screen, want+" ") {
			t.Errorf("candidates lack %q:\n%s", want, screen)
		}
	}
	typeText(a, "q")
	press(a, "tab")
	if v := a.prompt.Value(); v != "/app/queue" {
		t.Fatalf("completed to %q", v)
	}
	press(a, "tab")
	typeText(a, "task-00000000")
	press(a, "tab") // three tasks share a longer prefix
	if v := a.prompt.Value(); v != "/app/queue/task-00000000" {
		t.Fatalf("common prefix %q", v)
	}
	press(a, "esc")
	if a.prompt.IsOpen() || a.tree.Selected() != "/" {
		t.Fatal("esc should close the prompt and stay")
	}
}

func TestFilterLevel(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, "j", "l", "j") // /app/blob, in the level of /app's children
	press(a, "/")
	typeText(a, "o")
	// blob, config, queue, worker: "o" is in blob, config, worker.
	if got := a.tree.Matches(); len(got) != 3 {
		t.Fatalf("matches %v", got)
	}
	typeText(a, "r")
	if got := a.tree.Matches(); len(got) != 1 || got[0] != "/app/worker" {
		t.Fatalf("matches %v, want /app/worker", got)
	}
	if a.tree.Selected() != "/app/worker" {
		t.Fatalf("cursor on a hidden row: %s", a.tree.Selected())
	}
	screen := ansi.Strip(a.render())
	if strings.Contains(screen, "config") || strings.Contains(screen, "queue") || !strings.Contains(screen, "zookeeper") {
		t.Fatalf("filter should hide only this level's other rows:\n%s", screen)
	}
	press(a, "backspace", "enter") // keep "o"
	if a.prompt.IsOpen() {
		t.Fatal("enter did not close the filter prompt")
	}
	press(a, "n")
	if a.tree.Selected() != "/app/blob" {
		t.Fatalf("n from the last match wraps to the first, at %s", a.tree.Selected())
	}
	press(a, "N")
	if a.tree.Selected() != "/app/worker" {
		t.Fatalf("N back to %s", a.tree.Selected())
	}
	press(a, "esc")
	if level, _ := a.tree.Filter(); level != "" || !strings.Contains(ansi.Strip(a.render()), "queue") {
		t.Fatal("esc did not clear the filter")
	}
	if a.tree.Selected() != "/app/worker" {
		t.Fatalf("clearing moved the cursor to %s", a.tree.Selected())
	}
}

func TestHistoryBackAndForward(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, "j", "l", "j", "j") // /app/config
	press(a, ":", "ctrl+u")
	typeText(a, "/zookeeper/quota")
	press(a, "enter")
	press(a, "[")
	if a.tree.Selected() != "/app/config" {
		t.Fatalf("back to %s, want /app/config", a.tree.Selected())
	}
	press(a, "[")
	if a.tree.Selected() != "/app" {
		t.Fatalf("back to %s, want /app", a.tree.Selected())
	}
	press(a, "]", "]")
	if a.tree.Selected() != "/zookeeper/quota" {
		t.Fatalf("forward to %s", a.tree.Selected())
	}
	press(a, "]")
	if _, text := a.status.Text(); !strings.Contains(text, "no further history") {
		t.Fatalf("status %q", text)
	}
}

func TestMouse(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	treeR, detailR := a.paneRects()
	// Row 1 of the tree (the root is row 0) is /app.
	_, cmd := a.Update(tea.MouseClickMsg{X: treeR.x + 5, Y: treeR.y + 2, Button: tea.MouseLeft})
	run(a, cmd)
	if a.tree.Selected() != "/app" || a.detail.Node().Path != "/app" {
		t.Fatalf("click selected %s", a.tree.Selected())
	}
	// The Stat tab: "Data" is 6 cells, the bar one, so Stat starts at 7.
	a.Update(tea.MouseClickMsg{X: detailR.x + 1 + 8, Y: detailR.y + 1, Button: tea.MouseLeft})
	if a.detail.Tab() != detail.TabStat || a.focus != focusDetail {
		t.Fatalf("tab click: tab %v focus %v", a.detail.Tab(), a.focus)
	}
	a.Update(tea.MouseClickMsg{X: detailR.x + 1 + 15, Y: detailR.y + 1, Button: tea.MouseLeft})
	if a.detail.Tab() != detail.TabACL {
		t.Fatalf("tab click: %v, want ACL", a.detail.Tab())
	}
	// The wheel scrolls the data under the pointer.
	a.detail.SetTab(detail.TabData)
	a.detail.SetNode(detail.Node{Path: "/long", Data: []byte(strings.Repeat("line\n", 200))})
	a.Update(tea.MouseWheelMsg{X: detailR.x + 3, Y: detailR.y + 5, Button: tea.MouseWheelDown})
	if off := a.detail.DataView().Offset(); off != wheelStep {
		t.Fatalf("wheel scrolled the data to %d", off)
	}
	if a.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("the view does not ask for mouse events")
	}
}

// Enter typed while a completion is on its way waits for it, so typing
// ahead (as tmux or a fast typist does) jumps to the completed path.
func TestEnterWaitsForCompletion(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, ":", "ctrl+u")
	typeText(a, "/formats/app.p")
	_, completion := a.Update(keyMsg("tab"))
	press(a, "enter")
	if !a.prompt.IsOpen() {
		t.Fatal("enter accepted before the completion landed")
	}
	run(a, completion)
	if a.prompt.IsOpen() || a.tree.Selected() != "/formats/app.properties" {
		t.Fatalf("prompt open %v, selected %q", a.prompt.IsOpen(), a.tree.Selected())
	}
}

// Stacked panes (narrow terminal): the detail pane is below the tree.
func TestMouseStacked(t *testing.T) {
	a, _ := newTestApp(t, 80, 24)
	treeR, detailR := a.paneRects()
	if detailR.y != treeR.y+treeR.h || detailR.x != 0 {
		t.Fatalf("stacked rects %+v %+v", treeR, detailR)
	}
	// Rows: / app formats secret zookeeper.
	_, cmd := a.Update(tea.MouseClickMsg{X: 5, Y: treeR.y + 1 + 3, Button: tea.MouseLeft})
	run(a, cmd)
	if a.tree.Selected() != "/secret" {
		t.Fatalf("click selected %s", a.tree.Selected())
	}
	a.Update(tea.MouseClickMsg{X: detailR.x + 1 + 15, Y: detailR.y + 1, Button: tea.MouseLeft})
	if a.detail.Tab() != detail.TabACL {
		t.Fatalf("tab click in the lower pane: %v", a.detail.Tab())
	}
	// Clicks while the help page is shown do nothing.
	press(a, "?")
	before := a.tree.Selected()
	_, cmd = a.Update(tea.MouseClickMsg{X: 5, Y: treeR.y + 2, Button: tea.MouseLeft})
	run(a, cmd)
	if a.tree.Selected() != before {
		t.Fatal("a click went through the help page")
	}
}

func TestNextMatchWithoutFilterExplains(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	press(a, "n")
	if _, text := a.status.Text(); !strings.Contains(text, "/ filters") || a.tree.Selected() != "/" {
		t.Fatalf("status %q at %s", text, a.tree.Selected())
	}
}
