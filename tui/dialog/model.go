// Package dialog holds zkui's editing dialogs: create a node, edit its
// data, resolve a write conflict, confirm a delete, edit an ACL, choose
// where to copy or move a subtree, and follow a long operation's progress.
// A dialog captures the keyboard while open. It checks what the user typed
// (through tui/edit) and shows any problem in place, sending nothing; when
// the input is good it emits a typed message (CreateMsg, SaveMsg...) for
// the root model, which runs the write and reports back with SetError,
// Close or one of the Open functions.
package dialog

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
)

// Kind says which dialog is open.
type Kind int

// Dialog kinds.
const (
	None Kind = iota
	Create
	EditData
	Conflict
	Confirm
	ACL
	Target
	Progress
	Message
)

// String names the kind, for tests and logs.
func (k Kind) String() string {
	return [...]string{"none", "create", "edit", "conflict", "confirm", "acl", "target", "progress", "message"}[k]
}

// body is one kind of dialog.
type body interface {
	// update handles a key; the Cmd carries the dialog's result message.
	update(m *Model, msg tea.KeyPressMsg) tea.Cmd
	// lines renders the content, at most h lines of at most w cells.
	lines(m *Model, w, h int) []string
	// keys lists the bindings the dialog reacts to, for help.
	keys(m *Model) []key.Binding
}

// Model is the dialog widget; the zero Kind is closed.
type Model struct {
	com    *common.Common
	kind   Kind
	title  string
	b      body
	err    string // what is wrong with the input, or the server's refusal
	note   string // a neutral hint: what the next key does
	busy   bool   // the dialog's request is on its way
	width  int
	height int
}

// New returns a closed dialog.
func New(com *common.Common) Model { return Model{com: com} }

// IsOpen reports whether a dialog is shown.
func (m Model) IsOpen() bool { return m.kind != None }

// Kind returns the open dialog's kind.
func (m Model) Kind() Kind { return m.kind }

// Err returns the message the dialog shows, "" when none.
func (m Model) Err() string { return m.err }

// Busy reports whether the dialog waits for its request.
func (m Model) Busy() bool { return m.busy }

// SetError shows err in the dialog (a refusal by the server, typically)
// and makes it accept input again.
func (m *Model) SetError(err error) {
	m.busy = false
	if err == nil {
		m.err = ""
		return
	}
	m.err = err.Error()
}

// SetBusy marks the dialog as waiting for the request it sent.
func (m *Model) SetBusy(b bool) { m.busy = b }

// Close hides the dialog.
func (m *Model) Close() { *m = Model{com: m.com, width: m.width, height: m.height} }

// SetSize gives the dialog the body's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	if r, ok := m.b.(resizer); ok {
		r.resize(m.innerWidth(), m.innerHeight())
	}
}

type resizer interface{ resize(w, h int) }

func (m *Model) open(kind Kind, title string, b body) tea.Cmd {
	m.kind, m.title, m.b, m.err, m.note, m.busy = kind, title, b, "", "", false
	m.SetSize(m.width, m.height)
	if f, ok := b.(interface{ focus() tea.Cmd }); ok {
		return f.focus()
	}
	return nil
}

// innerWidth and innerHeight are what a body gets: the frame, title, error
// and note lines are the Model's.
func (m *Model) innerWidth() int  { return max(m.width-2, 1) }
func (m *Model) innerHeight() int { return max(m.height-6, 1) }

// Update routes keys to the open dialog. Cancel closes any dialog but a
// running operation's, which decides itself.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || m.kind == None {
		return m, m.passOn(msg)
	}
	if m.busy && m.kind != Progress {
		return m, nil // one request at a time; esc waits for the answer too
	}
	if c, ok := m.b.(interface{ capturesCancel() bool }); ok && c.capturesCancel() {
		return m, m.b.update(&m, km) // esc closes the body's own input first
	}
	if m.kind != Progress && key.Matches(km, m.com.Keys.Dialog.Cancel) {
		m.Close()
		return m, func() tea.Msg { return CancelMsg{} }
	}
	return m, m.b.update(&m, km)
}

// passOn gives non-key messages (cursor blinks) to bodies that want them.
func (m *Model) passOn(msg tea.Msg) tea.Cmd {
	if p, ok := m.b.(interface{ other(tea.Msg) tea.Cmd }); ok && m.kind != None {
		return p.other(msg)
	}
	return nil
}

// View renders the dialog as exactly height lines of width cells.
func (m Model) View() string {
	st := m.com.Styles
	w, h := m.width, m.height
	out := make([]string, 0, h)
	out = append(out, common.Fit(" "+st.Tabs.Active.Render(" "+m.title+" "), w), common.Fit("", w))
	if m.b != nil {
		for _, l := range m.b.lines(&m, m.innerWidth(), m.innerHeight()) {
			out = append(out, common.Fit(" "+l, w))
		}
	}
	for len(out) < h-3 {
		out = append(out, common.Fit("", w))
	}
	out = out[:max(h-3, 0)]
	// The status may take two lines: messages name paths and positions.
	text, style := "", st.Detail.Hint
	switch {
	case m.err != "":
		text, style = "✗ "+m.err, st.Detail.Error
	case m.busy:
		text, style = "working…", st.Detail.Note
	case m.note != "":
		text = m.note
	}
	status := strings.Split(ansi.Wordwrap(text, max(w-2, 1), " "), "\n")
	if len(status) > 2 {
		status = status[:2]
	}
	if len(status) == 1 {
		status = append([]string{""}, status...)
	}
	tail := []string{
		common.Fit(" "+style.Render(status[0]), w),
		common.Fit(" "+style.Render(status[1]), w),
		common.Fit(" "+st.Detail.Dim.Render(m.helpLine()), w),
	}
	out = append(out, tail[max(0, 3-h):]...)
	return strings.Join(out, "\n")
}

func (m *Model) helpLine() string {
	var parts []string
	for _, b := range m.keys() {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " · ")
}

func (m *Model) keys() []key.Binding {
	if m.b == nil {
		return nil
	}
	return m.b.keys(m)
}

// ShortHelp returns the open dialog's keys.
func (m Model) ShortHelp() []key.Binding { return m.keys() }

// FullHelp returns the open dialog's keys in one group.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.keys()} }

// emit wraps a result message in a Cmd.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
