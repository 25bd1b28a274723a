package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/dialog"
	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/tui/statusbar"
)

// editorDoneMsg says the external editor exited.
type editorDoneMsg struct {
	path    string
	file    string
	base    []byte
	version int32
	create  bool // the data of the create dialog, not a node's value
	err     error
}

// editorCommand is $VISUAL, else $EDITOR, else vi; the variable may carry
// arguments ("code --wait").
func editorCommand() []string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(os.Getenv(v)); len(f) > 0 {
			return f
		}
	}
	return []string{"vi"}
}

// openExternal writes the value to a private temporary file (0600, as
// os.CreateTemp makes it) and suspends the UI for the editor.
func (a *App) openExternal(path string, data []byte, version int32) tea.Cmd {
	return a.runEditor(editorDoneMsg{path: path, base: data, version: version})
}

// runEditor opens done.base in the editor; done comes back with the file
// name and the editor's outcome.
func (a *App) runEditor(done editorDoneMsg) tea.Cmd {
	data := done.base
	f, err := os.CreateTemp("", "zkui-*.txt")
	if err != nil {
		return a.ed.dlg.OpenMessage("editor", []string{"cannot make a temporary file: " + err.Error()}, true)
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return a.ed.dlg.OpenMessage("editor", []string{"cannot write the temporary file: " + err.Error()}, true)
	}
	argv := append(editorCommand(), f.Name())
	cmd := exec.Command(argv[0], argv[1:]...)
	name := f.Name()
	return a.ed.execEditor(cmd, func(err error) tea.Msg {
		done.file, done.err = name, err
		return done
	})
}

// handleEditorDone reads the edited file back and removes it. A failed
// editor sends nothing; an unchanged value sends nothing; JSON that broke
// opens the inline editor on the text, flagged; anything else is saved,
// version-checked like an inline edit.
func (a *App) handleEditorDone(m editorDoneMsg) tea.Cmd {
	data, rerr := os.ReadFile(m.file)
	os.Remove(m.file)
	if m.create {
		switch {
		case m.err != nil:
			a.ed.dlg.SetError(fmt.Errorf("the editor failed (%v): the data field is unchanged", m.err))
		case rerr != nil:
			a.ed.dlg.SetError(fmt.Errorf("cannot read the edited file back: %v", rerr))
		default:
			a.ed.dlg.SetData(string(data))
		}
		return nil
	}
	switch {
	case m.err != nil:
		return a.ed.dlg.OpenMessage("editor", []string{
			fmt.Sprintf("the editor failed (%v): nothing was written", m.err),
			"",
			"The value of " + m.path + " is unchanged on the server.",
		}, true)
	case rerr != nil:
		return a.ed.dlg.OpenMessage("editor", []string{"cannot read the edited file back: " + rerr.Error() + ": nothing was written"}, true)
	case bytes.Equal(data, m.base):
		a.status.Set(statusbar.Info, "no change: nothing was written")
		return nil
	}
	if edit.BrokenJSON(m.base, data) != nil || edit.CheckSize(data) != nil {
		return a.ed.dlg.OpenEdit(m.path, m.base, m.version, string(data))
	}
	w := a.ed.w
	save := dialog.SaveMsg{Path: m.path, Base: m.base, Data: data, Version: m.version}
	return a.write(func(ctx context.Context) tea.Msg { return runSave(ctx, w, save, false) })
}
