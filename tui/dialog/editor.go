package dialog

import (
	"bytes"
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/edit"
)

// dataEditor edits a node's value in a text area.
type dataEditor struct {
	path    string
	base    []byte // the value read, at version
	version int32
	area    textarea.Model
	// forced is the text the user chose to save despite broken JSON: a
	// second submit of the same text writes it.
	forced string
}

// OpenEdit shows the inline editor on path's value base, read at version.
// text is what the editor starts with (base, or the user's own value when
// editing again after a conflict or after $EDITOR).
func (m *Model) OpenEdit(path string, base []byte, version int32, text string) tea.Cmd {
	ta := newArea(m.com)
	ta.ShowLineNumbers = true
	ta.SetValue(text)
	ta.MoveToBegin()
	d := &dataEditor{path: path, base: base, version: version, area: ta}
	cmd := m.open(EditData, fmt.Sprintf("edit %s (version %d)", path, version), d)
	if !bytes.Equal([]byte(text), base) {
		// Opened on other text than the node's: check it now, so broken
		// JSON from $EDITOR is flagged before any save.
		d.check(m, []byte(text))
	}
	return cmd
}

func (d *dataEditor) focus() tea.Cmd { return d.area.Focus() }

func (d *dataEditor) resize(w, h int) {
	d.area.SetWidth(max(w-1, 8))
	d.area.SetHeight(max(h-1, 1))
}

func (d *dataEditor) other(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	d.area, cmd = d.area.Update(msg)
	return cmd
}

// check flags a value that would be refused or that broke valid JSON; it
// reports whether the value may be saved as it is.
func (d *dataEditor) check(m *Model, data []byte) bool {
	if err := edit.CheckSize(data); err != nil {
		m.SetError(err)
		return false
	}
	var je *edit.JSONError
	if err := edit.BrokenJSON(d.base, data); errors.As(err, &je) && d.forced != string(data) {
		m.SetError(fmt.Errorf("%v — fix it, or ctrl+s again to save anyway", err))
		d.forced = string(data)
		d.area.MoveToBegin()
		for range je.Line - 1 {
			d.area.CursorDown()
		}
		d.area.SetCursorColumn(je.Column - 1)
		return false
	}
	return true
}

func (d *dataEditor) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.com.Keys.Dialog.Submit) {
		data := []byte(d.area.Value())
		if !d.check(m, data) {
			return nil
		}
		m.err, m.busy = "", true
		return emit(SaveMsg{Path: d.path, Base: d.base, Data: data, Version: d.version})
	}
	var cmd tea.Cmd
	d.area, cmd = d.area.Update(msg)
	if d.area.Value() != d.forced {
		m.err = ""
	}
	return cmd
}

func (d *dataEditor) lines(m *Model, w, h int) []string {
	d.resize(w, h)
	return splitLines(d.area.View(), h)
}

func (d *dataEditor) keys(m *Model) []key.Binding {
	k := m.com.Keys.Dialog
	return []key.Binding{k.Submit, k.Cancel}
}
