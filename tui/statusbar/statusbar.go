// Package statusbar is zkui's status line: the outcome of the last action
// or the last recoverable error, one line at the bottom of the screen.
package statusbar

import (
	"charm.land/bubbles/v2/key"

	"github.com/zkui/zkui/tui/common"
)

// Kind says how a status message is styled.
type Kind int

// Kinds of messages.
const (
	Info Kind = iota
	Success
	Error
)

// String names the kind, for logs and tests.
func (k Kind) String() string {
	switch k {
	case Success:
		return "success"
	case Error:
		return "error"
	}
	return "info"
}

// Model is the status line widget.
type Model struct {
	com   *common.Common
	width int
	kind  Kind
	text  string
}

// New returns an empty status line.
func New(com *common.Common) Model { return Model{com: com} }

// SetSize sets the width; the status line is always one row high.
func (m *Model) SetSize(width, _ int) { m.width = max(width, 0) }

// Set shows text styled by kind, replacing the previous message.
func (m *Model) Set(kind Kind, text string) { m.kind, m.text = kind, text }

// Text returns the message shown and its kind.
func (m Model) Text() (Kind, string) { return m.kind, m.text }

// View renders one line of exactly width cells.
func (m Model) View() string {
	st := m.com.Styles.Status
	style := st.Info
	switch m.kind {
	case Success:
		style = st.Success
	case Error:
		style = st.Error
	}
	return st.Bar.Render(common.Fit(style.Render(m.text), m.width))
}

// ShortHelp returns nothing: the status line takes no keys.
func (m Model) ShortHelp() []key.Binding { return nil }

// FullHelp returns nothing: the status line takes no keys.
func (m Model) FullHelp() [][]key.Binding { return nil }
