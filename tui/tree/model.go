// Package tree is the left pane of zkui: the znode hierarchy, loaded lazily.
//
// The tree never talks to ZooKeeper. When it needs a node's children it
// emits LoadMsg and the root model fetches them, handing the answer back
// with SetChildren or SetLoadError. Expanded nodes are kept flattened in a
// row list, so drawing a frame touches only the rows that fit on screen.
package tree

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/common"
)

// LoadMsg asks the root model to load the children of Path.
type LoadMsg struct{ Path string }

// SelectMsg tells that the cursor moved to Path (or that Path should be
// re-read after a refresh).
type SelectMsg struct{ Path string }

// Model is the tree widget.
type Model struct {
	com     *common.Common
	root    *node
	byPath  map[string]*node
	rows    []*node // expanded nodes, flattened in display order
	cursor  int
	offset  int // first visible row
	width   int
	height  int
	focused bool
	filter  filter
}

// New returns a tree holding only "/", expanded and waiting for its first
// load (the root model issues it from Init).
func New(com *common.Common) Model {
	root := &node{name: "/", path: "/", expanded: true, loading: true}
	m := Model{com: com, root: root, byPath: map[string]*node{"/": root}, focused: true}
	m.rebuild(root)
	return m
}

// SetSize sets the size of the pane's content.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.scrollToCursor()
}

// SetFocused tells the tree whether it receives keys; the cursor is drawn
// dimmer without focus.
func (m *Model) SetFocused(f bool) { m.focused = f }

// Selected returns the path under the cursor.
func (m Model) Selected() string { return m.selectedNode().path }

// Len returns the number of visible rows (expanded nodes) in the list.
func (m Model) Len() int { return len(m.rows) }

func (m Model) selectedNode() *node {
	if m.cursor < len(m.rows) {
		return m.rows[m.cursor]
	}
	return m.root
}

// rebuild flattens the expanded part of the tree and puts the cursor back
// on sel, or on its nearest surviving ancestor.
func (m *Model) rebuild(sel *node) {
	m.rows = m.rows[:0]
	var walk func(n *node)
	walk = func(n *node) {
		if m.filter.hides(n) {
			return
		}
		m.rows = append(m.rows, n)
		if n.expanded {
			for _, c := range n.children {
				walk(c)
			}
		}
	}
	walk(m.root)
	m.cursor = 0
	for n := sel; n != nil; n = n.parent {
		if i := m.indexOf(n); i >= 0 {
			m.cursor = i
			break
		}
	}
	m.scrollToCursor()
}

func (m *Model) indexOf(n *node) int {
	if m.byPath[n.path] != n {
		return -1
	}
	// Rows are in display order; a linear scan is fine because rebuild is
	// already linear and runs only on expand, collapse and loads.
	for i, r := range m.rows {
		if r == n {
			return i
		}
	}
	return -1
}

// scrollToCursor moves the window just enough to show the cursor.
func (m *Model) scrollToCursor() {
	if m.height <= 0 {
		return
	}
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+m.height {
		m.offset = m.cursor - m.height + 1
	}
	m.offset = max(0, min(m.offset, len(m.rows)-m.height))
}

// ShortHelp returns the tree's most useful bindings.
func (m Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	return []key.Binding{k.Up, k.Down, k.Expand, k.Collapse, k.Refresh}
}

// FullHelp returns all tree bindings grouped by concern.
func (m Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{k.Navigation(), {k.Expand, k.Collapse, k.Refresh}}
}

// Init does nothing: the root model owns the first load.
func (m Model) Init() tea.Cmd { return nil }
