package dataview

import (
	"fmt"
	"strings"

	"github.com/zkui/zkui/tui/common"
)

// View renders exactly height rows of exactly width cells; only the rows
// in the window are drawn.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b, row strings.Builder
	end := min(m.offset+m.height, m.rows.Len())
	for i := m.offset; i < m.offset+m.height; i++ {
		row.Reset()
		if i < end {
			m.rows.Row(&m.paint, &row, i, m.width)
		}
		b.WriteString(common.Fit(row.String(), m.width))
		if i < m.offset+m.height-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Meta describes the value for the line above it: format (with how it was
// compressed), size, the view and wrap state.
func (m Model) Meta() string {
	d := m.com.Styles.Detail
	format := m.dec.Format.String()
	if m.dec.Compression != "" {
		format = d.Badge.Render(m.dec.Compression) + " " + format
	}
	size := HumanSize(len(m.data))
	if m.dec.Compression != "" {
		size += ", " + HumanSize(len(m.dec.Body)) + " inflated"
	}
	meta := format + " · " + size + " · " + m.mode.String()
	if m.wrap {
		meta += " · wrap"
	}
	if m.rows.Len() > m.height && m.height > 0 {
		meta += fmt.Sprintf(" · %d%%", m.ScrollPercent())
	}
	return meta
}

// ScrollPercent is how far down the view is scrolled, 0 to 100.
func (m Model) ScrollPercent() int {
	last := m.rows.Len() - m.height
	if last <= 0 {
		return 100
	}
	return m.offset * 100 / last
}

// ScrollBy moves the window by n rows (negative moves up).
func (m *Model) ScrollBy(n int) {
	m.offset += n
	m.clamp()
}

// GotoTop scrolls to the first row.
func (m *Model) GotoTop() { m.offset = 0 }

// GotoBottom scrolls so the last row is at the bottom.
func (m *Model) GotoBottom() {
	m.offset = m.rows.Len()
	m.clamp()
}

// Height returns the number of rows the view shows.
func (m Model) Height() int { return m.height }

// Offset returns the first visible row.
func (m Model) Offset() int { return m.offset }

// Rows returns how many rows the laid-out value takes.
func (m Model) Rows() int { return m.rows.Len() }

func (m *Model) clamp() {
	m.offset = max(0, min(m.offset, m.rows.Len()-m.height))
}

// HumanSize renders a byte count the way people read it.
func HumanSize(n int) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KiB (%d B)", float64(n)/1024, n)
	}
	return fmt.Sprintf("%.1f MiB (%d B)", float64(n)/(1024*1024), n)
}
