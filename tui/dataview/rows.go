package dataview

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// rows is a value laid out for display: a count of screen rows and a way
// to draw any one of them. Laying out is done once per value, width or
// wrap change; drawing touches only the visible rows, so a frame costs the
// same for 10 bytes or 1 MiB.
type rows interface {
	Len() int
	// Row appends row i, coloured, at most width cells wide.
	Row(p *painter, b *strings.Builder, i, width int)
}

// span is a byte range of the text shown as one screen row.
type span struct{ start, end int }

// textRows shows text, one row per line or, wrapped, per width-sized piece.
type textRows struct {
	text  string
	spans []span
	hl    highlighter
}

// newTextRows splits text into rows; wrap > 0 cuts lines to that width.
func newTextRows(text string, hl highlighter, wrap int) *textRows {
	t := &textRows{text: text, hl: hl}
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if wrap > 0 {
			t.spans = appendWrapped(t.spans, text, start, end, wrap)
		} else {
			t.spans = append(t.spans, span{start, end})
		}
		start = end + 1
	}
	// A final newline does not make an extra empty row.
	if n := len(t.spans); n > 1 && t.spans[n-1].start == len(text) {
		t.spans = t.spans[:n-1]
	}
	return t
}

// appendWrapped cuts text[start:end] into pieces of at most width cells.
func appendWrapped(spans []span, text string, start, end, width int) []span {
	if start == end {
		return append(spans, span{start, end})
	}
	for start < end {
		cut := cutCells(text[start:end], width)
		if cut == 0 { // a character wider than the pane: show it anyway
			_, cut = utf8.DecodeRuneInString(text[start:end])
		}
		spans = append(spans, span{start, start + cut})
		start += cut
	}
	return spans
}

// cutCells returns how many bytes of s fit in width cells. It stops
// scanning at the width, so a 1 MiB line costs as much as a short one.
func cutCells(s string, width int) int {
	cells := 0
	for i, r := range s {
		w := runewidth.RuneWidth(r)
		if cells+w > width {
			return i
		}
		cells += w
	}
	return len(s)
}

func (t *textRows) Len() int { return len(t.spans) }

func (t *textRows) Row(p *painter, b *strings.Builder, i, width int) {
	s := t.spans[i]
	line := t.text[s.start:s.end]
	t.hl(p, b, line[:cutCells(line, width)])
}

// hexRows shows bytes as a hex dump: offset, hex bytes, printable ASCII.
// Rows are formatted when drawn, so nothing is prepared up front.
type hexRows struct {
	data    []byte
	perLine int
}

func (h hexRows) Len() int { return (len(h.data) + h.perLine - 1) / h.perLine }

func (h hexRows) Row(p *painter, b *strings.Builder, i, _ int) {
	off := i * h.perLine
	chunk := h.data[off:min(off+h.perLine, len(h.data))]
	p.hexOff.add(b, fmt.Sprintf("%08x  ", off))
	var hx, asc strings.Builder
	for j := range h.perLine {
		if j > 0 && j%8 == 0 {
			hx.WriteByte(' ')
		}
		if j >= len(chunk) {
			hx.WriteString("   ")
			continue
		}
		c := chunk[j]
		hx.WriteByte(hexDigits[c>>4])
		hx.WriteByte(hexDigits[c&0xf])
		hx.WriteByte(' ')
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		asc.WriteByte(c)
	}
	p.plain.add(b, hx.String())
	p.hexASCII.add(b, "|"+asc.String()+"|")
}

const hexDigits = "0123456789abcdef"

// hexPerLine picks how many bytes a hex dump row holds for a width: 16
// like hexdump -C when it fits, else 8, else 4.
func hexPerLine(width int) int {
	for _, n := range []int{16, 8} {
		if hexLineWidth(n) <= width {
			return n
		}
	}
	return 4
}

// hexLineWidth is the cells taken by a row of n bytes: the offset and two
// spaces, "xx " per byte plus a gap every 8 bytes, then the ASCII column
// between bars.
func hexLineWidth(n int) int {
	return 10 + 3*n + (n-1)/8 + n + 2
}

// chunkRows shows a long single-line text (base64) cut into rows of a
// fixed number of bytes; the text is ASCII so bytes are cells.
type chunkRows struct {
	text  string
	width int
}

func (c chunkRows) Len() int { return (len(c.text) + c.width - 1) / c.width }

func (c chunkRows) Row(p *painter, b *strings.Builder, i, _ int) {
	p.plain.add(b, c.text[i*c.width:min((i+1)*c.width, len(c.text))])
}

// noteRows shows one explanatory line, e.g. for an empty value.
type noteRows string

func (n noteRows) Len() int { return 1 }

func (n noteRows) Row(p *painter, b *strings.Builder, _, _ int) { p.note.add(b, string(n)) }
