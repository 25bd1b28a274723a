package detail

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is how a node's data is shown.
type Format int

// Data formats, from the most to the least structured.
const (
	FormatEmpty Format = iota
	FormatJSON
	FormatText
	FormatBinary
)

// String names the format as shown in the meta line.
func (f Format) String() string {
	switch f {
	case FormatJSON:
		return "json"
	case FormatText:
		return "text"
	case FormatBinary:
		return "binary"
	}
	return "empty"
}

// DetectFormat picks how to show data: JSON when it parses as an object or
// array, text when it is valid UTF-8 without control characters other than
// whitespace, a hex dump otherwise.
func DetectFormat(data []byte) Format {
	if len(data) == 0 {
		return FormatEmpty
	}
	if !utf8.Valid(data) || hasControl(data) {
		return FormatBinary
	}
	trimmed := bytes.TrimSpace(data)
	// Only objects and arrays: a bare number or string is clearer as text.
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') && json.Valid(trimmed) {
		return FormatJSON
	}
	return FormatText
}

func hasControl(data []byte) bool {
	for _, r := range string(data) {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return true
		}
	}
	return false
}

// prettyJSON indents JSON by two spaces; data that fails (it cannot, once
// DetectFormat said JSON) is returned unchanged.
func prettyJSON(data []byte) string {
	var out bytes.Buffer
	if err := json.Indent(&out, bytes.TrimSpace(data), "", "  "); err != nil {
		return string(data)
	}
	return out.String()
}

// textLines splits text into lines, expanding tabs so cell widths are known.
func textLines(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\t", "    ")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// hexPerLine picks how many bytes a hex dump line holds for a given width:
// 16 like hexdump -C when it fits, else 8, else 4.
func hexPerLine(width int) int {
	for _, n := range []int{16, 8} {
		if hexLineWidth(n) <= width {
			return n
		}
	}
	return 4
}

// hexLineWidth is the cells taken by a line of n bytes:
// the offset and two spaces, "xx " per byte plus a gap every 8 bytes, then
// the ASCII column between bars.
func hexLineWidth(n int) int {
	return 10 + 3*n + (n-1)/8 + n + 2
}

// hexDump renders data as offset, hex bytes and printable ASCII, n bytes a
// line. The three parts are returned separately so the caller can style them.
func hexDump(data []byte, n int) [][3]string {
	var out [][3]string
	for off := 0; off < len(data); off += n {
		chunk := data[off:min(off+n, len(data))]
		var hx, asc strings.Builder
		for i := range n {
			if i > 0 && i%8 == 0 {
				hx.WriteByte(' ')
			}
			if i < len(chunk) {
				fmt.Fprintf(&hx, "%02x ", chunk[i])
				c := chunk[i]
				if c < 0x20 || c > 0x7e {
					c = '.'
				}
				asc.WriteByte(c)
			} else {
				hx.WriteString("   ")
			}
		}
		out = append(out, [3]string{fmt.Sprintf("%08x  ", off), hx.String(), "|" + asc.String() + "|"})
	}
	return out
}

// humanSize renders a byte count the way people read it.
func humanSize(n int) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KiB (%d B)", float64(n)/1024, n)
	}
	return fmt.Sprintf("%.1f MiB (%d B)", float64(n)/(1024*1024), n)
}
