package tree

import (
	"strconv"
	"strings"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk"
)

// Glyphs of a row; single-cell so widths stay predictable in any terminal.
const (
	glyphOpen   = "▾ "
	glyphClosed = "▸ "
	glyphLeaf   = "  "
	badgeEph    = " [eph]"
	badgeSeq    = " [seq]"
	badgeCont   = " [container]"
	badgeTTL    = " [ttl]"
	badgeLocked = " [noauth]"
	badgeLoad   = " loading…"
)

// item is one line of the pane: a row of the window, or the ghost of a
// row just deleted.
type item struct {
	row   model.Row
	ghost bool
}

// display interleaves the window's rows with the ghosts of deleted rows
// (each under the row it was shown under), cut to the pane's height.
func (m Model) display() []item {
	var ghosts map[string][]model.Row
	for _, mk := range m.marks {
		if mk.ghost {
			if ghosts == nil {
				ghosts = map[string][]model.Row{}
			}
			ghosts[mk.after] = append(ghosts[mk.after], mk.row)
		}
	}
	out := make([]item, 0, m.height)
	if ghosts != nil && m.offset == 0 {
		for _, g := range ghosts[""] {
			out = append(out, item{row: g, ghost: true})
		}
	}
	for _, r := range m.window {
		out = append(out, item{row: r})
		for _, g := range ghosts[r.Path] {
			out = append(out, item{row: g, ghost: true})
		}
	}
	return out[:min(len(out), m.height)]
}

// View renders exactly height rows of exactly width cells. The frame is
// drawn when the window changes (in Update), so View itself costs a string
// copy; only the rows in the window are ever built, so neither cost grows
// with the tree.
func (m Model) View() string {
	if m.frame != nil {
		return *m.frame
	}
	return m.draw()
}

// redraw draws the frame after a change of the window, the selection, the
// focus or the marks.
func (m *Model) redraw() {
	f := m.draw()
	m.frame = &f
}

func (m Model) draw() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b strings.Builder
	items := m.display()
	for _, it := range items {
		b.WriteString(m.line(it))
		b.WriteByte('\n')
	}
	blank := common.Fit("", m.width)
	for i := len(items); i < m.height; i++ {
		b.WriteString(blank)
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func rowName(r model.Row) string {
	if r.Depth == 0 || r.Name == "" {
		return r.Path
	}
	return r.Name
}

// badges lists the markers of a row's node kind and state.
func badges(r model.Row) []string {
	var out []string
	if r.StatKnown {
		switch r.Stat.Kind() {
		case zk.KindEphemeral:
			out = append(out, badgeEph)
		case zk.KindContainer:
			out = append(out, badgeCont)
		case zk.KindTTL:
			out = append(out, badgeTTL)
		}
	}
	if isSequential(r.Name) {
		out = append(out, badgeSeq)
	}
	if r.NoAuth {
		out = append(out, badgeLocked)
	}
	if r.Expanded && !r.ChildrenKnown && !r.NoAuth {
		out = append(out, badgeLoad)
	}
	return out
}

// isSequential reports a name ending in the 10-digit counter ZooKeeper
// appends to sequential nodes.
func isSequential(name string) bool {
	if len(name) < 10 {
		return false
	}
	for _, c := range name[len(name)-10:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (m Model) line(it item) string {
	st := m.com.Styles.Tree
	r := it.row
	indent := strings.Repeat("  ", r.Depth)
	glyph := glyphLeaf
	switch {
	case r.Expanded && expandable(r):
		glyph = glyphOpen
	case expandable(r):
		glyph = glyphClosed
	}
	count := ""
	if r.ChildrenKnown && r.Children > 0 {
		count = " (" + strconv.Itoa(r.Children) + ")"
	} else if !r.ChildrenKnown && r.StatKnown && r.Stat.NumChildren > 0 {
		count = " (" + strconv.Itoa(int(r.Stat.NumChildren)) + ")"
	}
	bs := badges(r)
	plain := func() string { return indent + glyph + rowName(r) + count + strings.Join(bs, "") }
	changed, _ := m.Marked(r.Path)
	switch {
	case it.ghost:
		return st.Deleted.Render(common.Fit(plain(), m.width))
	case r.Path == m.sel:
		// One style over the whole row so the highlight spans the pane.
		sel := st.Selected
		if !m.focused {
			sel = st.SelectedBlur
		}
		return sel.Render(common.Fit(plain(), m.width))
	case changed:
		return st.Changed.Render(common.Fit(plain(), m.width))
	}
	var b strings.Builder
	b.WriteString(indent)
	b.WriteString(st.Marker.Render(glyph))
	b.WriteString(st.Row.Render(rowName(r)))
	if count != "" {
		b.WriteString(st.Count.Render(count))
	}
	for _, badge := range bs {
		switch badge {
		case badgeEph, badgeSeq, badgeCont, badgeTTL:
			b.WriteString(st.Ephemeral.Render(badge))
		case badgeLocked:
			b.WriteString(st.Locked.Render(badge))
		default:
			b.WriteString(st.Loading.Render(badge))
		}
	}
	return common.Fit(b.String(), m.width)
}
