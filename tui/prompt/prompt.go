// Package prompt is zkui's one-line input, drawn in place of the status
// line: the jump-to-path prompt (with completion candidates after the
// input) and the filter of the current level. While open it captures the
// keyboard; the root model decides what accepting, cancelling or
// completing means.
package prompt

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/zkui/zkui/tui/common"
)

// Kind says what the prompt is asking for.
type Kind int

// Prompt kinds.
const (
	None   Kind = iota
	Jump        // a path to go to
	Filter      // a filter for the current level
	Search      // a deep search over the whole tree
)

// String returns the label drawn before the input.
func (k Kind) String() string {
	switch k {
	case Jump:
		return "jump to: "
	case Filter:
		return "filter: "
	case Search:
		return "search: "
	}
	return ""
}

// Model is the prompt widget.
type Model struct {
	com   *common.Common
	kind  Kind
	input textinput.Model
	hint  string // completions or key hints after the input
	width int
}

// New returns a closed prompt.
func New(com *common.Common) Model {
	in := textinput.New()
	in.Prompt = ""
	// Tab completes paths through the Source, not from a fixed list, and
	// the textinput's own ctrl+u/ctrl+d stay: they edit text here.
	in.KeyMap.AcceptSuggestion = key.NewBinding(key.WithDisabled())
	in.KeyMap.NextSuggestion = key.NewBinding(key.WithDisabled())
	in.KeyMap.PrevSuggestion = key.NewBinding(key.WithDisabled())
	m := Model{com: com, input: in}
	m.restyle()
	return m
}

func (m *Model) restyle() {
	st := m.com.Styles.Prompt
	s := textinput.DefaultDarkStyles()
	if !m.com.Styles.Dark {
		s = textinput.DefaultLightStyles()
	}
	s.Focused.Text, s.Blurred.Text = st.Text, st.Text
	s.Cursor.Blink = false // a blinking cursor would repaint twice a second for nothing
	m.input.SetStyles(s)
}

// Open shows the prompt for kind with an initial value.
func (m *Model) Open(kind Kind, value string) tea.Cmd {
	m.kind, m.hint = kind, ""
	m.restyle()
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m.input.Focus()
}

// Close hides the prompt.
func (m *Model) Close() {
	m.kind, m.hint = None, ""
	m.input.Blur()
	m.input.Reset()
}

// Kind returns what the open prompt asks for, None when closed.
func (m Model) Kind() Kind { return m.kind }

// IsOpen reports whether the prompt is shown.
func (m Model) IsOpen() bool { return m.kind != None }

// Value returns the text typed so far.
func (m Model) Value() string { return m.input.Value() }

// SetValue replaces the text, with the cursor at its end (completion).
func (m *Model) SetValue(v string) {
	m.input.SetValue(v)
	m.input.CursorEnd()
}

// SetHint shows text after the input: completion candidates, match counts.
func (m *Model) SetHint(h string) { m.hint = h }

// SetSize sets the width; the prompt is always one row high.
func (m *Model) SetSize(width, _ int) {
	m.width = max(width, 0)
	m.input.SetWidth(max(m.width-len(m.kind.String())-1, 1))
}

// Update edits the text. It reports whether the value changed, so the
// filter can follow every keystroke.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, bool) {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd, m.input.Value() != before
}

// View renders one line of exactly width cells.
func (m Model) View() string {
	st := m.com.Styles.Prompt
	// The input is only as wide as its text, so hints follow it closely.
	in := m.input
	avail := max(m.width-lipgloss.Width(m.kind.String())-1, 1)
	in.SetWidth(min(avail, lipgloss.Width(in.Value())+1))
	line := st.Label.Render(m.kind.String()) + in.View()
	if m.hint != "" {
		line += "  " + st.Hint.Render(m.hint)
	}
	return common.Fit(line, m.width)
}

// ShortHelp returns the prompt's keys.
func (m Model) ShortHelp() []key.Binding {
	k := m.com.Keys.Prompt
	if m.kind == Jump {
		return []key.Binding{k.Complete, k.Accept, k.Cancel}
	}
	return []key.Binding{k.Accept, k.Cancel}
}

// FullHelp returns the prompt's keys in one group.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Candidates formats completion candidates for the hint, as many as fit
// in about width cells.
func Candidates(names []string, width int) string {
	var b strings.Builder
	for i, n := range names {
		if b.Len()+len(n)+1 > width {
			b.WriteString("… +" + strconv.Itoa(len(names)-i))
			break
		}
		b.WriteString(n)
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}
