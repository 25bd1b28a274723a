package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/dialog"
	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/tui/statusbar"
)

// progressMsg reports a running subtree operation's progress; its handler
// listens again for the next one.
type progressMsg struct {
	id          uint64
	done, total int
	ch          <-chan tea.Msg
}

// taskDoneMsg ends a subtree operation.
type taskDoneMsg struct {
	id      uint64
	what    string // "deleted", "copied", "moved"
	root    string
	dst     string
	done    []string // exactly what was removed or created
	skipped []string // ephemerals left out of a copy
	err     error
}

// taskResult is the final message of a task, tagged with its id so a
// stale one is dropped.
type taskResult interface{ withID(uint64) tea.Msg }

func (m taskDoneMsg) withID(id uint64) tea.Msg { m.id = id; return m }
func (m scanMsg) withID(id uint64) tea.Msg     { m.id = id; return m }

// endTask forgets the running task; it reports false for a stale id.
func (a *App) endTask(id uint64) bool {
	if id != a.ed.taskID || a.ed.cancel == nil {
		return false
	}
	a.ed.cancel()
	a.ed.taskID, a.ed.cancel = 0, nil
	return true
}

// startDelete deletes one node, or runs a recursive delete as a task.
func (a *App) startDelete(m dialog.DeleteMsg) tea.Cmd {
	w := a.ed.w
	if m.Tree == nil {
		return a.write(func(ctx context.Context) tea.Msg {
			return writtenMsg{what: "deleted", path: m.Path, err: edit.Delete(ctx, w, m.Path, m.Version)}
		})
	}
	t := m.Tree
	return a.startTask("deleting "+t.Root, len(t.Nodes), func(ctx context.Context, p edit.Progress) taskResult {
		done, err := edit.DeleteTree(ctx, w, t, p)
		return taskDoneMsg{what: "deleted", root: t.Root, done: done, err: err}
	})
}

// startTransfer runs a previewed copy or move as a task.
func (a *App) startTransfer(m dialog.TransferMsg) tea.Cmd {
	w := a.ed.w
	t, dst := m.Tree, m.Dst
	if m.Move {
		return a.startTask("moving "+t.Root, 2*len(t.Nodes), func(ctx context.Context, p edit.Progress) taskResult {
			skipped, err := edit.MoveTree(ctx, w, t, dst, p)
			return taskDoneMsg{what: "moved", root: t.Root, dst: dst, skipped: skipped, err: err}
		})
	}
	return a.startTask("copying "+t.Root, len(t.Nodes)-len(t.Ephemerals), func(ctx context.Context, p edit.Progress) taskResult {
		done, skipped, err := edit.CopyTree(ctx, w, t, dst, p)
		return taskDoneMsg{what: "copied", root: t.Root, dst: dst, done: done, skipped: skipped, err: err}
	})
}

// startTask runs f on its own goroutine with a progress dialog. Progress
// comes back on a channel the App listens to one message at a time; a
// full channel drops a progress update (a newer one follows), never the
// final result.
func (a *App) startTask(what string, total int, f func(context.Context, edit.Progress) taskResult) tea.Cmd {
	a.lastID++
	id := a.lastID
	ctx, cancel := context.WithCancel(a.ctx)
	a.ed.taskID, a.ed.cancel = id, cancel
	ch := make(chan tea.Msg, 16)
	go func() {
		defer close(ch)
		var out <-chan tea.Msg = ch
		res := f(ctx, func(done, total int) {
			select {
			case ch <- progressMsg{id: id, done: done, total: total, ch: out}:
			default:
			}
		})
		ch <- res.withID(id)
	}()
	return tea.Batch(a.ed.dlg.OpenProgress(what, total), listenTask(ch))
}

// listenTask waits for the task's next message.
func listenTask(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

func (a *App) handleProgress(m progressMsg) tea.Cmd {
	if m.id == a.ed.taskID {
		a.ed.dlg.SetProgress(m.done, m.total)
	}
	return listenTask(m.ch)
}

func (a *App) handleTaskDone(m taskDoneMsg) tea.Cmd {
	if !a.endTask(m.id) {
		return nil
	}
	var more []string
	if m.dst != "" {
		more = append(more, edit.Parent(m.dst))
	}
	refresh := a.refresh(append(more, edit.Parent(m.root))...)
	if m.what != "copied" {
		refresh = a.refreshGone(m.root, more...)
	}
	if m.err == nil {
		a.ed.dlg.Close()
		text := fmt.Sprintf("%s %s", m.what, m.root)
		if m.dst != "" {
			text += " to " + m.dst
		}
		if len(m.done) > 0 {
			text += fmt.Sprintf(" (%d nodes)", len(m.done))
		}
		if len(m.skipped) > 0 {
			text += fmt.Sprintf("; %d ephemeral(s) skipped: %s", len(m.skipped), strings.Join(m.skipped, ", "))
		}
		a.status.Set(statusbar.Success, text)
		return refresh
	}
	// Stopped early: say exactly what was done, in the dialog.
	lines := []string{fmt.Sprintf("%s stopped: %v", m.what, explain(m.err)), ""}
	var pe *edit.PartialError
	if errors.As(m.err, &pe) {
		lines = append(lines, fmt.Sprintf("%s step: %d node(s) done before it stopped:", pe.Op, len(pe.Done)))
		lines = append(lines, firstN(pe.Done, 8)...)
		a.com.Logger.Warn("subtree operation stopped early", "op", pe.Op, "root", m.root, "done", pe.Done, "err", pe.Err)
	} else {
		lines = append(lines, "nothing was changed")
	}
	a.status.Set(statusbar.Error, lines[0])
	return tea.Batch(a.ed.dlg.OpenMessage(m.what+" stopped", lines, true), refresh)
}

func firstN(paths []string, n int) []string {
	var out []string
	for i, p := range paths {
		if i == n {
			return append(out, fmt.Sprintf("  … and %d more (all listed in the log file)", len(paths)-n))
		}
		out = append(out, "  "+p)
	}
	return out
}
