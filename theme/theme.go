// Package theme builds every lipgloss style of zkui once, named by the role a
// piece of text plays (a selected row, an ephemeral node, an error), so views
// never pick colours themselves and a light palette is one constructor away.
// It is a leaf package: it imports no application code.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Palette names the colours of a theme by role, not by hue.
type Palette struct {
	Text      color.Color // ordinary text
	Muted     color.Color // secondary text: counts, labels, hints
	Subtle    color.Color // borders of unfocused panes, separators
	Accent    color.Color // focus, the active tab, the title
	OnAccent  color.Color // text drawn on an Accent background
	Selection color.Color // background of the selected row
	Ephemeral color.Color // ephemeral nodes and owners
	Locked    color.Color // nodes the session may not read
	Warn      color.Color // read-only badge, notes, lost sessions
	Danger    color.Color // errors
	Success   color.Color // results of actions that went well
	Number    color.Color // numbers in structured data
	String    color.Color // string values in structured data
}

// DarkPalette is the palette for dark terminals.
func DarkPalette() Palette {
	return Palette{
		Text:      lipgloss.Color("#DDDDDD"),
		Muted:     lipgloss.Color("#8A8A8A"),
		Subtle:    lipgloss.Color("#4E4E4E"),
		Accent:    lipgloss.Color("#7AA2F7"),
		OnAccent:  lipgloss.Color("#1A1B26"),
		Selection: lipgloss.Color("#33467C"),
		Ephemeral: lipgloss.Color("#E0AF68"),
		Locked:    lipgloss.Color("#F7768E"),
		Warn:      lipgloss.Color("#FF9E64"),
		Danger:    lipgloss.Color("#F7768E"),
		Success:   lipgloss.Color("#9ECE6A"),
		Number:    lipgloss.Color("#FF9E64"),
		String:    lipgloss.Color("#9ECE6A"),
	}
}

// LightPalette is the palette for light terminals.
func LightPalette() Palette {
	return Palette{
		Text:      lipgloss.Color("#24292F"),
		Muted:     lipgloss.Color("#6E7781"),
		Subtle:    lipgloss.Color("#C8CCD0"),
		Accent:    lipgloss.Color("#0969DA"),
		OnAccent:  lipgloss.Color("#FFFFFF"),
		Selection: lipgloss.Color("#C6DDF9"),
		Ephemeral: lipgloss.Color("#9A6700"),
		Locked:    lipgloss.Color("#CF222E"),
		Warn:      lipgloss.Color("#BC4C00"),
		Danger:    lipgloss.Color("#CF222E"),
		Success:   lipgloss.Color("#1A7F37"),
		Number:    lipgloss.Color("#953800"),
		String:    lipgloss.Color("#0A3069"),
	}
}

// Theme holds every style of the program, grouped by the widget using it.
type Theme struct {
	Dark    bool
	Palette Palette
	Header  HeaderStyles
	Pane    PaneStyles
	Tree    TreeStyles
	Tabs    TabStyles
	Detail  DetailStyles
	Status  StatusStyles
	Syntax  SyntaxStyles
	Prompt  PromptStyles
	Help    help.Styles
}

// HeaderStyles style the top line.
type HeaderStyles struct {
	Bar      lipgloss.Style // the whole line
	Title    lipgloss.Style // program and ensemble name
	Label    lipgloss.Style // "server", "session"
	Value    lipgloss.Style // their values
	ReadOnly lipgloss.Style // the read-only badge
	Sep      lipgloss.Style // separators between fields
	// Connected shows a healthy session state; Disconnected turns the whole
	// state badge to a warning colour while the session is lost or expired.
	Connected    lipgloss.Style
	Disconnected lipgloss.Style
	// Stale marks what may be out of date: live updates paused or the
	// session lost.
	Stale lipgloss.Style
}

// PaneStyles frame the tree and detail panes.
type PaneStyles struct {
	Blurred lipgloss.Style // a pane without keyboard focus
	Focused lipgloss.Style // the pane receiving keys
	// BlurredEdge and FocusedEdge colour the border glyphs alone, for views
	// that draw the frame around content already cut to size (cheaper than
	// Blurred/Focused, which measure and re-wrap the content).
	BlurredEdge lipgloss.Style
	FocusedEdge lipgloss.Style
	Border      lipgloss.Border
}

// TreeStyles style rows of the tree.
type TreeStyles struct {
	Row          lipgloss.Style // an ordinary row
	Selected     lipgloss.Style // the cursor row while the tree has focus
	SelectedBlur lipgloss.Style // the cursor row while another pane has focus
	Marker       lipgloss.Style // expand/collapse glyphs
	Count        lipgloss.Style // child counts
	Ephemeral    lipgloss.Style // the ephemeral badge
	Locked       lipgloss.Style // the NoAuth badge
	Loading      lipgloss.Style // "loading…" placeholders
	Error        lipgloss.Style // a failed load
	Changed      lipgloss.Style // a row another client just changed (flashes)
	Deleted      lipgloss.Style // a row just deleted, fading out
	Match        lipgloss.Style // matched characters in search results
}

// TabStyles style the Data | Stat | ACL tab bar.
type TabStyles struct {
	Active   lipgloss.Style
	Inactive lipgloss.Style
	Sep      lipgloss.Style
	Meta     lipgloss.Style // path and size shown beside the tabs
}

// DetailStyles style the content of the detail tabs.
type DetailStyles struct {
	Label     lipgloss.Style // field names in Stat, column heads in ACL
	Value     lipgloss.Style // field values
	Dim       lipgloss.Style // secondary values: decimal zxids, relative times
	Ephemeral lipgloss.Style // ephemeral owner and kind
	HexOffset lipgloss.Style // offsets in a hex dump
	HexASCII  lipgloss.Style // the ASCII column of a hex dump
	Note      lipgloss.Style // explanations (redacted digests, empty data)
	Error     lipgloss.Style // NoAuth and other failures
	Hint      lipgloss.Style // how to fix an error, e.g. the --auth flag
	// OpenACL marks an ACL entry that lets anyone do anything
	// (world:anyone with ALL): worth a second look.
	OpenACL lipgloss.Style
	// Badge marks how a value was transformed for display (gzip, zlib).
	Badge lipgloss.Style
}

// SyntaxStyles colour structured data (JSON, YAML, XML, properties) by
// token role.
type SyntaxStyles struct {
	Key     lipgloss.Style // object keys, YAML and properties keys
	String  lipgloss.Style // string values
	Number  lipgloss.Style // numbers
	Literal lipgloss.Style // true, false, null
	Punct   lipgloss.Style // braces, brackets, separators
	Comment lipgloss.Style // comments
	Tag     lipgloss.Style // XML tag names and brackets
	Attr    lipgloss.Style // XML attribute names
}

// PromptStyles style the one-line prompts (jump to path, filter).
type PromptStyles struct {
	Label lipgloss.Style // "jump:" or "/"
	Text  lipgloss.Style // what the user types
	Hint  lipgloss.Style // completions and key hints after the input
}

// StatusStyles style the status line.
type StatusStyles struct {
	Bar     lipgloss.Style // the whole line
	Info    lipgloss.Style // neutral messages
	Success lipgloss.Style // results that went well
	Error   lipgloss.Style // recoverable errors
}
