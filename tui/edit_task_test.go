package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/edit"
)

// TestTaskCancelReportsWhatWasDone: esc on the progress dialog cancels
// the operation between batches, and the outcome lists exactly what was
// done before it stopped.
func TestTaskCancelReportsWhatWasDone(t *testing.T) {
	a, _ := newTestApp(t, 100, 30)
	started := make(chan struct{})
	cmd := a.startTask("deleting /x", 10, func(ctx context.Context, p edit.Progress) taskResult {
		p(1, 10)
		close(started)
		<-ctx.Done()
		return taskDoneMsg{what: "deleted", root: "/x", err: &edit.PartialError{Op: "delete", Done: []string{"/x/a"}, Err: ctx.Err()}}
	})
	<-started
	if a.ed.dlg.Kind().String() != "progress" {
		t.Fatalf("dialog %v", a.ed.dlg.Kind())
	}
	press(a, "esc")
	run(a, cmd)
	view := ansi.Strip(a.View().Content)
	for _, want := range []string{"delete step: 1 node(s) done before it stopped", "/x/a", "context canceled"} {
		if !strings.Contains(view, want) {
			t.Fatalf("outcome lacks %q:\n%s", want, view)
		}
	}
	if a.ed.taskID != 0 || a.ed.cancel != nil {
		t.Fatal("the task was not forgotten")
	}
	press(a, "enter")
	if a.ed.dlg.IsOpen() {
		t.Fatal("the outcome did not close")
	}
}
