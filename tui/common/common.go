// Package common holds what every zkui widget shares: styles, keys, the
// read-only flag, a logger and a clock. It is passed down explicitly, never
// kept in a global, so tests can build widgets with their own settings.
package common

import (
	"io"
	"log/slog"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/keymap"
	"github.com/zkui/zkui/theme"
)

// Common is shared by pointer between the root model and its children.
type Common struct {
	Styles   *theme.Theme
	Keys     *keymap.KeyMap
	ReadOnly bool
	Logger   *slog.Logger
	// Now and Location are the clock and zone used to show times; tests pin
	// them so golden views do not depend on when or where they run.
	Now      func() time.Time
	Location *time.Location
}

// New returns a Common with a dark theme, default keys, the local clock and
// a logger that discards everything when l is nil.
func New(l *slog.Logger) *Common {
	if l == nil {
		l = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	keys := keymap.Default()
	return &Common{
		Styles:   theme.New(true),
		Keys:     &keys,
		Logger:   l,
		Now:      time.Now,
		Location: time.Local,
	}
}

// Widget is what every child of the root model offers.
type Widget interface {
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// Fit cuts s to at most width cells (ANSI-aware) and pads it with spaces to
// exactly width, so rows never wrap and never leave stale cells behind.
func Fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = ansi.Truncate(s, width, "…")
	if w := ansi.StringWidth(s); w < width {
		s += spaces(width - w)
	}
	return s
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}
