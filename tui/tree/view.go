package tree

import (
	"strconv"
	"strings"

	"github.com/zkui/zkui/tui/common"
)

// Glyphs of a row; single-cell so widths stay predictable in any terminal.
const (
	glyphOpen   = "▾ "
	glyphClosed = "▸ "
	glyphLeaf   = "  "
	badgeEph    = " [eph]"
	badgeLocked = " [noauth]"
	badgeLoad   = " loading…"
)

// View renders exactly height rows of exactly width cells. Only the rows in
// the window are built, so the cost does not grow with the tree.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b strings.Builder
	end := min(m.offset+m.height, len(m.rows))
	for i := m.offset; i < end; i++ {
		b.WriteString(m.row(i))
		b.WriteByte('\n')
	}
	blank := common.Fit("", m.width)
	for i := end - m.offset; i < m.height; i++ {
		b.WriteString(blank)
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (m Model) row(i int) string {
	st := m.com.Styles.Tree
	n := m.rows[i]
	indent := strings.Repeat("  ", n.depth)
	glyph := glyphLeaf
	switch {
	case n.expanded && !n.leaf():
		glyph = glyphOpen
	case n.expandable():
		glyph = glyphClosed
	}
	count := ""
	if c, ok := n.childCount(); ok && c > 0 {
		count = " (" + strconv.Itoa(c) + ")"
	}
	var badges []string
	if n.ephemeral() {
		badges = append(badges, badgeEph)
	}
	if n.locked {
		badges = append(badges, badgeLocked)
	}
	if n.loading {
		badges = append(badges, badgeLoad)
	}
	errText := ""
	if n.err != nil {
		errText = " ! " + n.err.Error()
	}

	if i == m.cursor {
		// One style over the whole row so the highlight spans the pane.
		plain := indent + glyph + n.name + count + strings.Join(badges, "") + errText
		sel := st.Selected
		if !m.focused {
			sel = st.SelectedBlur
		}
		return sel.Render(common.Fit(plain, m.width))
	}
	var b strings.Builder
	b.WriteString(indent)
	b.WriteString(st.Marker.Render(glyph))
	b.WriteString(st.Row.Render(n.name))
	if count != "" {
		b.WriteString(st.Count.Render(count))
	}
	for _, badge := range badges {
		switch badge {
		case badgeEph:
			b.WriteString(st.Ephemeral.Render(badge))
		case badgeLocked:
			b.WriteString(st.Locked.Render(badge))
		default:
			b.WriteString(st.Loading.Render(badge))
		}
	}
	if errText != "" {
		b.WriteString(st.Error.Render(errText))
	}
	return common.Fit(b.String(), m.width)
}
