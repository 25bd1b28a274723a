// Package dataview shows a znode's value: it detects the format (JSON,
// YAML, XML, properties, text, binary; gzip and zlib are inflated first),
// highlights it, and offers four views (pretty, raw, hex, base64) with the
// choice remembered per path for the session. A value is laid out once and
// only the visible rows are drawn, so a 1 MiB value scrolls as fast as a
// small one.
package dataview

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"unicode"

	"github.com/zkui/zkui/tui/common"
)

// Mode is how the value is shown.
type Mode int

// The views, in the order the cycle key steps through them.
const (
	ModePretty Mode = iota // formatted and highlighted by detected format
	ModeRaw                // the (decompressed) text as stored, uncoloured
	ModeHex                // the stored bytes as a hex dump
	ModeBase64             // the stored bytes in base64
	numModes
)

// String names the mode as shown in the meta line.
func (m Mode) String() string {
	return [...]string{"pretty", "raw", "hex", "base64"}[m]
}

// Model is the data view widget.
type Model struct {
	com    *common.Common
	path   string
	data   []byte
	dec    Decoded
	pretty string // the pretty text, built once per value (JSON re-indented)
	raw    string // the raw text, made printable once per value
	mode   Mode
	modes  map[string]Mode // the mode chosen per path, for the session
	wrap   bool
	width  int
	height int
	offset int
	rows   rows
	paint  painter
}

// New returns an empty data view.
func New(com *common.Common) Model {
	return Model{com: com, modes: map[string]Mode{}, rows: noteRows(""), paint: newPainter(com.Styles)}
}

// SetSize sets the size of the view in cells and lays the value out again.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.paint = newPainter(m.com.Styles) // the theme may have changed
	m.layout()
}

// SetData shows data of path. The view is the one last chosen for path,
// and the scroll position is kept when the same path is shown again (its
// value refreshed).
func (m *Model) SetData(path string, data []byte) {
	same := path == m.path && m.rows != nil
	m.path, m.data = path, data
	m.dec = Detect(data)
	m.pretty, m.raw = prettyText(m.dec), printable(m.dec.Body)
	m.mode = m.modes[path]
	if !same {
		m.offset = 0
	}
	m.layout()
}

// CycleMode steps to the next view and remembers it for the path.
func (m *Model) CycleMode() {
	m.SetMode((m.mode + 1) % numModes)
}

// SetMode switches to view mode and remembers it for the path.
func (m *Model) SetMode(mode Mode) {
	m.mode = mode
	m.modes[m.path] = mode
	m.offset = 0
	m.layout()
}

// ToggleWrap switches between wrapping long lines and cutting them.
func (m *Model) ToggleWrap() {
	m.wrap = !m.wrap
	m.layout()
}

// Mode returns the view in use.
func (m Model) Mode() Mode { return m.mode }

// Wrap reports whether long lines wrap.
func (m Model) Wrap() bool { return m.wrap }

// Decoded returns what detection found about the value shown.
func (m Model) Decoded() Decoded { return m.dec }

// layout builds the row source for the current value, mode, width and wrap.
func (m *Model) layout() {
	wrap := 0
	if m.wrap {
		wrap = max(m.width, 1)
	}
	switch {
	case len(m.data) == 0:
		m.rows = noteRows("(no data)")
	case m.mode == ModeHex || (m.mode == ModePretty && m.dec.Format == FormatBinary):
		m.rows = hexRows{data: m.data, perLine: hexPerLine(m.width)}
	case m.mode == ModeBase64:
		m.rows = chunkRows{text: base64.StdEncoding.EncodeToString(m.data), width: max(m.width, 4)}
	case m.mode == ModeRaw:
		m.rows = newTextRows(m.raw, hlPlain, wrap)
	default:
		m.rows = newTextRows(m.pretty, highlighterFor(m.dec.Format), wrap)
	}
	m.clamp()
}

// prettyText is the text of the pretty view: JSON re-indented by two
// spaces, other text as stored with tabs expanded.
func prettyText(d Decoded) string {
	if d.Format == FormatJSON {
		var out bytes.Buffer
		if err := json.Indent(&out, bytes.TrimSpace(d.Body), "", "  "); err == nil {
			return out.String()
		}
	}
	return printable(d.Body)
}

// printable makes text safe to draw: CRLF becomes LF, tabs four spaces,
// invalid UTF-8 and control characters a visible dot, so a binary value in
// the raw view cannot move the terminal's cursor.
func printable(b []byte) string {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.ToValidUTF8(s, "·")
	return strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) {
			return '·'
		}
		return r
	}, strings.ReplaceAll(s, "\t", "    ")) // tabs first: cell widths must be known
}
