package theme

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// New builds every style once for a dark or light terminal background.
func New(dark bool) *Theme {
	p := LightPalette()
	if dark {
		p = DarkPalette()
	}
	return FromPalette(dark, p)
}

// FromPalette builds a theme from any palette, for user-defined colours.
func FromPalette(dark bool, p Palette) *Theme {
	base := lipgloss.NewStyle().Foreground(p.Text)
	muted := lipgloss.NewStyle().Foreground(p.Muted)
	pane := lipgloss.NewStyle().Border(lipgloss.RoundedBorder())

	t := &Theme{Dark: dark, Palette: p}
	t.Header = HeaderStyles{
		Bar:      lipgloss.NewStyle(),
		Title:    lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
		Label:    muted,
		Value:    base,
		ReadOnly: lipgloss.NewStyle().Bold(true).Foreground(p.OnAccent).Background(p.Warn).Padding(0, 1),
		Sep:      lipgloss.NewStyle().Foreground(p.Subtle),

		Connected:    lipgloss.NewStyle().Foreground(p.Success),
		Disconnected: lipgloss.NewStyle().Bold(true).Foreground(p.OnAccent).Background(p.Warn).Padding(0, 1),
		Stale:        lipgloss.NewStyle().Bold(true).Foreground(p.Warn),
	}
	t.Pane = PaneStyles{
		Blurred: pane.BorderForeground(p.Subtle),
		Focused: pane.BorderForeground(p.Accent),

		BlurredEdge: lipgloss.NewStyle().Foreground(p.Subtle),
		FocusedEdge: lipgloss.NewStyle().Foreground(p.Accent),
		Border:      lipgloss.RoundedBorder(),
	}
	t.Tree = TreeStyles{
		Row:          base,
		Selected:     lipgloss.NewStyle().Bold(true).Foreground(p.Text).Background(p.Selection),
		SelectedBlur: lipgloss.NewStyle().Foreground(p.Text).Background(p.Subtle),
		Marker:       lipgloss.NewStyle().Foreground(p.Accent),
		Count:        muted,
		Ephemeral:    lipgloss.NewStyle().Foreground(p.Ephemeral),
		Locked:       lipgloss.NewStyle().Foreground(p.Locked),
		Loading:      muted.Italic(true),
		Error:        lipgloss.NewStyle().Foreground(p.Danger),
		Changed:      lipgloss.NewStyle().Bold(true).Foreground(p.OnAccent).Background(p.Success),
		Deleted:      muted.Strikethrough(true).Faint(true),
		Match:        lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
	}
	t.Tabs = TabStyles{
		Active:   lipgloss.NewStyle().Bold(true).Foreground(p.OnAccent).Background(p.Accent).Padding(0, 1),
		Inactive: muted.Padding(0, 1),
		Sep:      lipgloss.NewStyle().Foreground(p.Subtle),
		Meta:     muted,
	}
	t.Detail = DetailStyles{
		Label:     muted,
		Value:     base,
		Dim:       muted,
		Ephemeral: lipgloss.NewStyle().Foreground(p.Ephemeral),
		HexOffset: muted,
		HexASCII:  lipgloss.NewStyle().Foreground(p.Accent),
		Note:      lipgloss.NewStyle().Foreground(p.Warn),
		Error:     lipgloss.NewStyle().Bold(true).Foreground(p.Danger),
		Hint:      base,
		OpenACL:   lipgloss.NewStyle().Bold(true).Foreground(p.Warn),
		Badge:     lipgloss.NewStyle().Foreground(p.OnAccent).Background(p.Ephemeral),
	}
	t.Syntax = SyntaxStyles{
		Key:     lipgloss.NewStyle().Foreground(p.Accent),
		String:  lipgloss.NewStyle().Foreground(p.String),
		Number:  lipgloss.NewStyle().Foreground(p.Number),
		Literal: lipgloss.NewStyle().Foreground(p.Ephemeral),
		Punct:   muted,
		Comment: muted.Italic(true),
		Tag:     lipgloss.NewStyle().Foreground(p.Accent),
		Attr:    lipgloss.NewStyle().Foreground(p.Ephemeral),
	}
	t.Prompt = PromptStyles{
		Label: lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
		Text:  base,
		Hint:  muted,
	}
	t.Status = StatusStyles{
		Bar:     lipgloss.NewStyle(),
		Info:    muted,
		Success: lipgloss.NewStyle().Foreground(p.Success),
		Error:   lipgloss.NewStyle().Foreground(p.Danger),
	}
	t.Help = help.DefaultStyles(dark)
	return t
}
