package tree

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
)

// filter shows one level (the node whose children were on screen when
// filtering started) and only those of its children whose names contain
// the query, ignoring case. It is a lister: the level's row, then the
// matches.
type filter struct {
	mir     Mirror
	level   string   // "" when no filter is set
	query   string   // lower-cased
	matches []string // paths of the matching children, in the mirror's order
}

func (f *filter) active() bool { return f.level != "" }

// refresh recomputes the matches from the mirror's children of the level.
func (f *filter) refresh(mir Mirror) {
	f.mir = mir
	names, _ := mir.Children(f.level)
	f.matches = f.matches[:0]
	for _, n := range names {
		if strings.Contains(strings.ToLower(n), f.query) {
			f.matches = append(f.matches, childPath(f.level, n))
		}
	}
}

func (f *filter) count() int { return 1 + len(f.matches) }

func (f *filter) rows(from, n int) []model.Row {
	var out []model.Row
	for i := from; i < f.count() && len(out) < n; i++ {
		p := f.pathAt(i)
		nd, ok := f.mir.Node(p)
		if !ok {
			nd = model.Node{Path: p, Name: p[strings.LastIndexByte(p, '/')+1:]}
		}
		depth := 0
		if i > 0 {
			depth = 1
		}
		// The matches are shown flat below their level, closed.
		nd.Expanded = i == 0
		out = append(out, model.Row{Node: nd, Depth: depth})
	}
	return out
}

func (f *filter) rowOf(path string) int {
	if path == f.level {
		return 0
	}
	for i, p := range f.matches {
		if p == path {
			return i + 1
		}
	}
	return -1
}

func (f *filter) pathAt(row int) string {
	if row <= 0 || row > len(f.matches) {
		return f.level
	}
	return f.matches[row-1]
}

// SetFilter filters the cursor's level by query as the user types; an
// empty query shows the whole level again but keeps the level chosen. The
// cursor moves to the first match when its row is hidden.
func (m *Model) SetFilter(query string) tea.Cmd {
	if !m.filter.active() {
		level := parentPath(m.sel)
		if m.sel == m.mir.Root() {
			level = m.sel // the root: filter its children
		}
		m.filter.level = level
	}
	m.filter.query = strings.ToLower(query)
	m.filter.refresh(m.mir)
	before := m.sel
	if m.filter.rowOf(m.sel) < 0 && len(m.filter.matches) > 0 {
		m.sel = m.filter.matches[0]
	}
	m.Sync()
	return m.selectIfMoved(before)
}

// ClearFilter shows every row again, keeping the cursor where it is.
func (m *Model) ClearFilter() {
	if !m.filter.active() {
		return
	}
	m.filter = filter{}
	m.Sync()
}

// Filter returns the filtered level's path and the query, or "" and ""
// when nothing is filtered.
func (m Model) Filter() (level, query string) {
	return m.filter.level, m.filter.query
}

// Matches returns the paths of the children the filter shows, in order.
func (m Model) Matches() []string {
	if !m.filter.active() || m.filter.query == "" {
		return nil
	}
	return append([]string(nil), m.filter.matches...)
}

// NextMatch moves the cursor to the next (dir > 0) or previous match of
// the filter, wrapping around.
func (m *Model) NextMatch(dir int) tea.Cmd {
	ms := m.Matches()
	if len(ms) == 0 {
		return nil
	}
	i := -1
	for j, p := range ms {
		if p == m.sel {
			i = j
		}
	}
	switch {
	case i < 0 && dir < 0:
		i = len(ms) - 1
	case i < 0:
		i = 0
	default:
		i = (i + dir + len(ms)) % len(ms)
	}
	return m.Select(ms[i])
}

// selectIfMoved tells the root model about a new selection.
func (m *Model) selectIfMoved(before string) tea.Cmd {
	if m.sel != before {
		return selectCmd(m.sel)
	}
	return nil
}
