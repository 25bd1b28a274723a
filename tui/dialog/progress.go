package dialog

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// progressView follows a long operation; cancel stops it between batches.
type progressView struct {
	what        string
	done, total int
	cancelling  bool
}

// OpenProgress shows the progress of an operation over total nodes.
func (m *Model) OpenProgress(what string, total int) tea.Cmd {
	return m.open(Progress, what, &progressView{what: what, total: total})
}

// SetProgress updates the progress shown.
func (m *Model) SetProgress(done, total int) {
	if p, ok := m.b.(*progressView); ok {
		p.done, p.total = done, total
	}
}

func (p *progressView) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.com.Keys.Dialog.Cancel) && !p.cancelling {
		p.cancelling = true
		m.note = "cancelling after the current batch…"
		return emit(CancelMsg{})
	}
	return nil
}

func (p *progressView) lines(m *Model, w, _ int) []string {
	barW := max(w-20, 10)
	filled := 0
	if p.total > 0 {
		filled = barW * p.done / p.total
	}
	bar := m.com.Styles.Tabs.Active.Render(strings.Repeat(" ", filled)) + m.com.Styles.Detail.Dim.Render(strings.Repeat("·", barW-filled))
	if p.total == 0 { // counting: no end known yet
		return []string{fmt.Sprintf("%s: %d node(s) so far", p.what, p.done)}
	}
	return []string{
		fmt.Sprintf("%s: %d of %d node(s)", p.what, p.done, p.total),
		"",
		bar,
	}
}

func (p *progressView) keys(m *Model) []key.Binding {
	c := m.com.Keys.Dialog.Cancel
	return []key.Binding{key.NewBinding(key.WithKeys(c.Keys()...), key.WithHelp(c.Help().Key, "cancel"))}
}

// messageView shows an outcome that needs reading: what a stopped
// operation did, or why nothing was written.
type messageView struct{ text []string }

// OpenMessage shows text (lines) until the user closes it; isErr styles
// the first line as an error.
func (m *Model) OpenMessage(title string, text []string, isErr bool) tea.Cmd {
	cmd := m.open(Message, title, &messageView{text: text})
	if isErr && len(text) > 0 {
		m.err = text[0]
		m.b = &messageView{text: text[1:]}
	}
	return cmd
}

func (v *messageView) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.com.Keys.Prompt.Accept) {
		m.Close()
		return emit(CancelMsg{})
	}
	return nil
}

func (v *messageView) lines(_ *Model, _, h int) []string { return splitLines(joinLines(v.text), h) }

func (v *messageView) keys(m *Model) []key.Binding {
	return []key.Binding{m.com.Keys.Prompt.Accept, m.com.Keys.Dialog.Cancel}
}
