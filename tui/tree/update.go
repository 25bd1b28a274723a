package tree

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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
	before := m.selectedNode()
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Up):
		m.moveTo(m.cursor - 1)
	case key.Matches(msg, k.Down):
		m.moveTo(m.cursor + 1)
	case key.Matches(msg, k.Top):
		m.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.moveTo(len(m.rows) - 1)
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
		m.collapse()
	case key.Matches(msg, k.Refresh):
		return m, m.Refresh()
	}
	if after := m.selectedNode(); after != before {
		cmd = tea.Batch(cmd, selectCmd(after.path))
	}
	return m, cmd
}

func (m *Model) moveTo(i int) {
	m.cursor = max(0, min(i, len(m.rows)-1))
	m.scrollToCursor()
}

// expand opens the selected node, asking for its children the first time;
// on an open node it steps to the first child instead.
func (m *Model) expand() tea.Cmd {
	n := m.selectedNode()
	if !n.expandable() {
		return nil
	}
	if n.expanded {
		if len(n.children) > 0 {
			m.moveTo(m.cursor + 1)
		}
		return nil
	}
	n.expanded = true
	var cmd tea.Cmd
	if !n.loaded && !n.loading {
		n.loading = true
		cmd = loadCmd(n.path)
	}
	m.rebuild(n)
	return cmd
}

// collapse closes the selected node, or moves to its parent when it is
// closed already.
func (m *Model) collapse() {
	n := m.selectedNode()
	if n.expanded && n != m.root {
		n.expanded = false
		m.rebuild(n)
		return
	}
	if n.parent != nil {
		m.rebuild(n.parent)
	}
}

// Refresh re-reads the selected node: its children when it has been opened
// and its data through SelectMsg.
func (m *Model) Refresh() tea.Cmd {
	n := m.selectedNode()
	cmds := []tea.Cmd{selectCmd(n.path)}
	if n.loaded || n.expanded || n.locked {
		n.loading = true
		cmds = append(cmds, loadCmd(n.path))
	}
	return tea.Batch(cmds...)
}

func loadCmd(path string) tea.Cmd {
	return func() tea.Msg { return LoadMsg{Path: path} }
}

func selectCmd(path string) tea.Cmd {
	return func() tea.Msg { return SelectMsg{Path: path} }
}
