package tui

import (
	"context"
	"os/exec"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/dialog"
	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/tui/oplog"
	"github.com/zkui/zkui/tui/statusbar"
	"github.com/zkui/zkui/zk"
)

// editing is the App's state for changing the tree: the dialog, the
// running subtree operation, the last data edit (for undo) and the
// operation log pane.
type editing struct {
	w       edit.Writer // nil when the Source cannot write
	dlg     dialog.Model
	log     oplog.Model
	showLog bool
	last    *edit.Edit // the last data edit, for undo
	taskID  uint64     // the running subtree operation, 0 when none
	cancel  context.CancelFunc
	// execEditor runs the external editor; tests replace tea.ExecProcess
	// with a direct run.
	execEditor func(*exec.Cmd, tea.ExecCallback) tea.Cmd
}

// whoAmI is the optional part of a Writer that tells the session's
// identities, for the lost-admin warning of the ACL editor.
type whoAmI interface {
	WhoAmI(ctx context.Context) ([]zk.ClientInfo, error)
}

// initEditing wires the editing state. Without a Writer, or in read-only
// mode, every mutating key is disabled, which also hides it from help.
func (a *App) initEditing() {
	a.ed.w, _ = a.src.(edit.Writer)
	a.ed.dlg = dialog.New(a.com)
	a.ed.log = oplog.New(a.com, a.opts.OpLog)
	a.ed.execEditor = tea.ExecProcess
	if a.opts.ReadOnly || a.ed.w == nil {
		a.com.Keys.DisableWrites()
	}
}

// handleEditKey handles the keys that change the tree and the log pane.
func (a *App) handleEditKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.com.Keys
	sel := a.tree.Selected()
	switch {
	case key.Matches(msg, k.OpLog):
		a.ed.showLog = !a.ed.showLog
		return nil, true
	case key.Matches(msg, k.Create):
		return a.ed.dlg.OpenCreate(sel), true
	case key.Matches(msg, k.EditInline):
		return a.readFor(readEdit, sel), true
	case key.Matches(msg, k.EditOutside):
		return a.readFor(readExternal, sel), true
	case key.Matches(msg, k.Delete):
		return a.readFor(readDelete, sel), true
	case key.Matches(msg, k.EditACL):
		return a.readFor(readACL, sel), true
	case key.Matches(msg, k.DeleteTree):
		return a.scanFor(sel, "", false, true), true
	case (key.Matches(msg, k.Copy) || key.Matches(msg, k.Move)) && sel == "/":
		a.status.Set(statusbar.Error, "the root cannot be copied or moved: select a node under it")
		return nil, true
	case key.Matches(msg, k.Copy):
		return a.ed.dlg.OpenTarget(sel, false), true
	case key.Matches(msg, k.Move):
		return a.ed.dlg.OpenTarget(sel, true), true
	case key.Matches(msg, k.Undo):
		return a.undo(), true
	}
	return nil, false
}

// handleDialogKey gives a key to the open dialog.
func (a *App) handleDialogKey(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	a.ed.dlg, cmd = a.ed.dlg.Update(msg)
	return cmd
}

// handleEditMsg handles the dialogs' requests and the answers of the
// writes; ok is false for messages of no concern here.
func (a *App) handleEditMsg(msg tea.Msg) (tea.Cmd, bool) {
	w := a.ed.w // captured: the commands run on other goroutines
	switch msg := msg.(type) {
	case dialog.CancelMsg:
		return a.cancelled(msg), true
	case dialog.CreateMsg:
		return a.write(func(ctx context.Context) tea.Msg { return runCreate(ctx, w, msg) }), true
	case dialog.SaveMsg:
		return a.write(func(ctx context.Context) tea.Msg { return runSave(ctx, w, msg, false) }), true
	case dialog.DeleteMsg:
		return a.startDelete(msg), true
	case dialog.ACLMsg:
		return a.write(func(ctx context.Context) tea.Msg { return runSetACL(ctx, w, msg) }), true
	case dialog.TargetMsg:
		return a.scanFor(msg.Source, msg.Dst, msg.Move, false), true
	case dialog.TransferMsg:
		return a.startTransfer(msg), true
	case dialog.ExternalMsg:
		return a.runEditor(editorDoneMsg{base: []byte(msg.Text), create: true}), true
	case readMsg:
		return a.handleRead(msg), true
	case scanMsg:
		return a.handleScan(msg), true
	case createdMsg:
		return a.handleCreated(msg), true
	case savedMsg:
		return a.handleSaved(msg), true
	case writtenMsg:
		return a.handleWritten(msg), true
	case progressMsg:
		return a.handleProgress(msg), true
	case taskDoneMsg:
		return a.handleTaskDone(msg), true
	case editorDoneMsg:
		return a.handleEditorDone(msg), true
	}
	if a.ed.dlg.IsOpen() {
		var cmd tea.Cmd
		a.ed.dlg, cmd = a.ed.dlg.Update(msg)
		return cmd, cmd != nil
	}
	return nil, false
}

// cancelled handles a closed dialog: a running operation stops between
// batches, and the user hears that nothing was written.
func (a *App) cancelled(msg dialog.CancelMsg) tea.Cmd {
	if a.ed.cancel != nil {
		a.ed.cancel()
		return nil // the task reports what it did before it stopped
	}
	if msg.Discarded {
		a.status.Set(statusbar.Info, "your edit was discarded; the server's value stays")
	}
	return nil
}

// write runs one request of the open dialog as a command.
func (a *App) write(f func(ctx context.Context) tea.Msg) tea.Cmd {
	ctx := a.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
		return f(ctx)
	}
}

// refresh reloads the parent of path and the selected node after a write,
// so the tree and the detail pane show what the server now has.
func (a *App) refresh(paths ...string) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range paths {
		cmds = append(cmds, a.load(p))
	}
	return tea.Batch(append(cmds, a.selectNode(a.tree.Selected()))...)
}

// refreshGone is refresh after gone was deleted (or moved away): the
// selection steps up to its parent instead of reading a node that is gone.
func (a *App) refreshGone(gone string, more ...string) tea.Cmd {
	sel := a.tree.Selected()
	if sel != gone && !strings.HasPrefix(sel, gone+"/") {
		return a.refresh(append(more, edit.Parent(gone))...)
	}
	parent := edit.Parent(gone)
	reveal, _ := a.tree.Reveal(parent)
	cmds := []tea.Cmd{a.load(parent), reveal}
	for _, p := range more {
		cmds = append(cmds, a.load(p))
	}
	return tea.Batch(cmds...)
}

// editingView renders the dialog or the log pane in place of the panes,
// or reports false when neither is shown.
func (a *App) editingView(w, h int) (string, bool) {
	switch {
	case a.ed.dlg.IsOpen():
		a.ed.dlg.SetSize(w-2, h-2)
		return joinPane(a.pane(true, w, h, a.ed.dlg.View())), true
	case a.ed.showLog && !a.help.ShowAll:
		a.ed.log.SetSize(w-2, h-2)
		return joinPane(a.pane(true, w, h, a.ed.log.View())), true
	}
	return "", false
}

// joinPane joins a framed pane's lines.
func joinPane(lines []string) string { return strings.Join(lines, "\n") }
