package tree

import tea "charm.land/bubbletea/v2"

// Reveal expands every ancestor of path and puts the cursor on it. It
// reports false, changing nothing, when path is not in the tree yet (the
// root model loads the ancestors first). A filter hiding path is cleared.
func (m *Model) Reveal(path string) (tea.Cmd, bool) {
	n := m.byPath[path]
	if n == nil {
		return nil, false
	}
	if m.filter.hides(n) {
		m.filter = filter{}
	}
	for p := n.parent; p != nil; p = p.parent {
		p.expanded = true
	}
	before := m.selectedNode()
	m.rebuild(n)
	return m.selectIfMoved(before), true
}

// Has reports whether path is in the tree.
func (m Model) Has(path string) bool { return m.byPath[path] != nil }

// Ready reports whether path can be revealed as is: it is in the tree and
// every ancestor's children were loaded with their stats (a node known
// only by name from a read ahead is not enough).
func (m Model) Ready(path string) bool {
	n := m.byPath[path]
	if n == nil {
		return false
	}
	for p := n.parent; p != nil; p = p.parent {
		if !p.loaded {
			return false
		}
	}
	return true
}

// ScrollBy moves the window by n rows without moving the cursor, for the
// mouse wheel; the next key press brings the cursor back into view.
func (m *Model) ScrollBy(n int) {
	m.offset = max(0, min(m.offset+n, len(m.rows)-m.height))
}

// ClickRow puts the cursor on the y-th visible row (0 is the top of the
// pane), as a mouse click does. Clicking the selected row toggles it.
func (m *Model) ClickRow(y int) tea.Cmd {
	i := m.offset + y
	if y < 0 || i >= len(m.rows) {
		return nil
	}
	if i == m.cursor {
		if n := m.selectedNode(); n.expanded && n != m.root {
			m.collapse()
			return nil
		}
		return m.expand()
	}
	before := m.selectedNode()
	m.cursor = i
	return m.selectIfMoved(before)
}
