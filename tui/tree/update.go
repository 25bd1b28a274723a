package tree

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
)

// Update handles keys while the tree has focus.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		return m.handleKey(msg)
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.com.Keys
	before := m.sel
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Up):
		m.moveTo(m.cursor - 1)
	case key.Matches(msg, k.Down):
		m.moveTo(m.cursor + 1)
	case key.Matches(msg, k.Top):
		m.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.moveTo(m.count - 1)
	case key.Matches(msg, k.HalfPageDown):
		m.moveTo(m.cursor + max(1, m.height/2))
	case key.Matches(msg, k.HalfPageUp):
		m.moveTo(m.cursor - max(1, m.height/2))
	case key.Matches(msg, k.PageDown):
		m.moveTo(m.cursor + max(1, m.height))
	case key.Matches(msg, k.PageUp):
		m.moveTo(m.cursor - max(1, m.height))
	case key.Matches(msg, k.Expand):
		cmd = m.expand()
	case key.Matches(msg, k.Collapse):
		cmd = m.collapse()
	}
	return m, tea.Batch(cmd, m.selectIfMoved(before))
}

// expandable reports whether expanding a row could show anything.
func expandable(r model.Row) bool {
	if r.NoAuth {
		return false
	}
	if r.ChildrenKnown {
		return r.Children > 0
	}
	return !r.StatKnown || r.Stat.NumChildren > 0
}

// expand opens the selected node (the mirror lists its children if it has
// not yet); on an open node it steps to the first child instead.
func (m *Model) expand() tea.Cmd {
	r, ok := m.selectedRow()
	if !ok || !expandable(r) {
		return nil
	}
	if r.Expanded {
		if r.Children > 0 {
			m.moveTo(m.cursor + 1)
		}
		return nil
	}
	mir, p := m.mir, r.Path
	return func() tea.Msg {
		mir.Expand(p)
		return ChangedMsg{}
	}
}

// collapse closes the selected node, or moves to its parent when it is
// closed already.
func (m *Model) collapse() tea.Cmd {
	r, ok := m.selectedRow()
	if !ok {
		return nil
	}
	if r.Expanded && r.Depth > 0 {
		mir, p := m.mir, r.Path
		return func() tea.Msg {
			mir.Collapse(p)
			return ChangedMsg{}
		}
	}
	if r.Depth > 0 {
		m.sel = parentPath(r.Path)
		m.Sync()
	}
	return nil
}

// Select puts the cursor on path, which must be shown (its ancestors
// expanded); a filter that hides it is cleared. It returns the SelectMsg
// command when the selection moved.
func (m *Model) Select(path string) tea.Cmd {
	if m.filter.active() && m.filter.rowOf(path) < 0 {
		m.filter = filter{}
	}
	before := m.sel
	m.sel = path
	m.Sync()
	return m.selectIfMoved(before)
}

// ScrollBy moves the window by n rows without moving the cursor, for the
// mouse wheel; the next key press brings the cursor back into view.
func (m *Model) ScrollBy(n int) {
	m.offset = max(0, min(m.offset+n, m.count-m.height))
	m.readWindow()
	m.redraw()
}

// ClickRow puts the cursor on the y-th line of the pane (0 is the top),
// as a mouse click does. Clicking the selected row toggles it; clicking a
// fading ghost does nothing.
func (m *Model) ClickRow(y int) tea.Cmd {
	items := m.display()
	if y < 0 || y >= len(items) || items[y].ghost {
		return nil
	}
	p := items[y].row.Path
	if p == m.sel {
		if r, _ := m.selectedRow(); r.Expanded && r.Depth > 0 {
			return m.collapse()
		}
		return m.expand()
	}
	return m.Select(p)
}

func selectCmd(path string) tea.Cmd {
	return func() tea.Msg { return SelectMsg{Path: path} }
}

// Reveal puts the cursor on path when it has a row (its ancestors are
// expanded; a filter hiding it is cleared); it reports false, changing
// nothing, when it has none yet.
func (m *Model) Reveal(path string) (tea.Cmd, bool) {
	if m.mir.RowOf(path) < 0 {
		return nil, false
	}
	return m.Select(path), true
}
