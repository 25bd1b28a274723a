package tree

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// filter hides the children of one node (the level the cursor was on when
// filtering started) whose names do not contain the query, ignoring case.
type filter struct {
	parent *node
	query  string // lower-cased
}

func (f filter) hides(n *node) bool {
	return f.parent != nil && n.parent == f.parent && !strings.Contains(strings.ToLower(n.name), f.query)
}

// SetFilter filters the cursor's level by query as the user types; an
// empty query shows the whole level again but keeps the level chosen. The
// cursor moves to the first match when its row is hidden.
func (m *Model) SetFilter(query string) tea.Cmd {
	if m.filter.parent == nil {
		sel := m.selectedNode()
		m.filter.parent = sel.parent
		if sel.parent == nil { // the root: filter its children
			m.filter.parent = sel
		}
	}
	m.filter.query = strings.ToLower(query)
	before := m.selectedNode()
	sel := before
	if m.filter.hides(sel) {
		if ms := m.matches(); len(ms) > 0 {
			sel = ms[0]
		} else {
			sel = m.filter.parent
		}
	}
	m.rebuild(sel)
	return m.selectIfMoved(before)
}

// ClearFilter shows every row again, keeping the cursor where it is.
func (m *Model) ClearFilter() {
	if m.filter.parent == nil {
		return
	}
	sel := m.selectedNode()
	m.filter = filter{}
	m.rebuild(sel)
}

// Filter returns the filtered level's path and the query, or "" and ""
// when nothing is filtered.
func (m Model) Filter() (level, query string) {
	if m.filter.parent == nil {
		return "", ""
	}
	return m.filter.parent.path, m.filter.query
}

// Matches returns the paths of the rows the filter shows, in order.
func (m Model) Matches() []string {
	var out []string
	for _, n := range m.matches() {
		out = append(out, n.path)
	}
	return out
}

func (m Model) matches() []*node {
	if m.filter.parent == nil || m.filter.query == "" {
		return nil
	}
	var out []*node
	for _, c := range m.filter.parent.children {
		if !m.filter.hides(c) {
			out = append(out, c)
		}
	}
	return out
}

// NextMatch moves the cursor to the next (dir > 0) or previous match of
// the filter, wrapping around.
func (m *Model) NextMatch(dir int) tea.Cmd {
	ms := m.matches()
	if len(ms) == 0 {
		return nil
	}
	before := m.selectedNode()
	i := -1
	for j, n := range ms {
		if n == before {
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
	m.rebuild(ms[i])
	return m.selectIfMoved(before)
}

// selectIfMoved tells the root model about a new selection.
func (m *Model) selectIfMoved(before *node) tea.Cmd {
	if after := m.selectedNode(); after != before {
		return selectCmd(after.path)
	}
	return nil
}
