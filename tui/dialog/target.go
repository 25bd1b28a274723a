package dialog

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/edit"
)

// targetForm asks where a copy or move goes.
type targetForm struct {
	source string
	move   bool
	input  textinput.Model
}

// OpenTarget asks for the destination of a copy (or move) of source.
func (m *Model) OpenTarget(source string, move bool) tea.Cmd {
	in := newInput(m.com)
	in.SetValue(source + "-copy")
	in.CursorEnd()
	title := "copy " + source
	if move {
		title = "move " + source
	}
	return m.open(Target, title, &targetForm{source: source, move: move, input: in})
}

func (f *targetForm) focus() tea.Cmd { return f.input.Focus() }

func (f *targetForm) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	if key.Matches(msg, k.Dialog.Submit) || key.Matches(msg, k.Prompt.Accept) {
		dst, err := edit.ChildPath(edit.Parent(f.source), f.input.Value())
		if err != nil {
			m.SetError(err)
			return nil
		}
		m.err, m.busy = "", true
		m.note = "reading the subtree…"
		return emit(TargetMsg{Source: f.source, Dst: dst, Move: f.move})
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	m.err = ""
	return cmd
}

func (f *targetForm) lines(m *Model, w, _ int) []string {
	f.input.SetWidth(max(w-16, 4))
	st := m.com.Styles.Detail
	return []string{
		st.Label.Render(pad("from", 12)) + f.source,
		st.Label.Render(pad("to", 12)) + f.input.View(),
		"",
		st.Dim.Render("A path relative to the source's parent, or absolute; it must not exist."),
	}
}

func (f *targetForm) keys(m *Model) []key.Binding {
	return []key.Binding{m.com.Keys.Prompt.Accept, m.com.Keys.Dialog.Cancel}
}

// other gives pastes to the input.
func (f *targetForm) other(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return cmd
}
