// Package tree is the left pane of zkui: the znode hierarchy, drawn from
// the live mirror (model.Tree).
//
// The tree never talks to ZooKeeper and keeps no copy of the hierarchy: it
// holds the selected path, the cursor and the rows of its window, and
// re-reads that window from the mirror (Rows, RowOf, PathAt, all O(depth))
// whenever something changed. A frame therefore costs the same for a
// hundred nodes or a million. Expanding and collapsing run as commands
// (the mirror takes its lock), answered with ChangedMsg.
package tree

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/common"
)

// Mirror is what the tree reads and changes; *model.Tree satisfies it.
type Mirror interface {
	RowCount() int
	Rows(from, n int) []model.Row
	RowOf(path string) int
	PathAt(row int) (string, bool)
	Node(path string) (model.Node, bool)
	Children(path string) ([]string, bool)
	Expand(path string) bool
	Collapse(path string)
	Root() string
}

// SelectMsg tells that the cursor moved to Path (or that Path should be
// re-read after a refresh).
type SelectMsg struct{ Path string }

// ChangedMsg says the expansion state changed (an Expand or Collapse
// command finished): the root model calls Sync.
type ChangedMsg struct{}

// Model is the tree widget.
type Model struct {
	com     *common.Common
	mir     Mirror
	sel     string      // the selected path: what survives changes
	cursor  int         // row of sel
	offset  int         // first row of the window
	count   int         // rows in all
	window  []model.Row // rows offset..offset+height, as last read
	width   int
	height  int
	focused bool
	filter  filter
	marks   marks   // rows flashing or fading out
	frame   *string // the drawn window, nil until drawn
}

// New returns a tree over mir with the cursor on the mirrored root.
func New(com *common.Common, mir Mirror) Model {
	m := Model{com: com, mir: mir, sel: mir.Root(), focused: true, marks: newMarks()}
	m.Sync()
	return m
}

// SetSize sets the size of the pane's content.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.Sync()
}

// SetFocused tells the tree whether it receives keys; the cursor is drawn
// dimmer without focus.
func (m *Model) SetFocused(f bool) {
	if m.focused != f {
		m.focused = f
		m.redraw()
	}
}

// Selected returns the path under the cursor.
func (m Model) Selected() string { return m.sel }

// Len returns the number of rows the tree shows in all (not only in the
// window).
func (m Model) Len() int { return m.count }

// list is where the rows come from: the mirror, or the filtered level.
func (m *Model) list() lister {
	if m.filter.active() {
		return &m.filter
	}
	return mirrorList{m.mir}
}

// Sync re-reads the window from the mirror and puts the cursor back on the
// selected path or, when that is gone or hidden, on its nearest shown
// ancestor. It costs O(depth + height) whatever the size of the tree. It
// reports whether the selection moved.
func (m *Model) Sync() (moved bool) {
	l := m.list()
	if m.filter.active() {
		m.filter.refresh(m.mir)
	}
	m.count = l.count()
	before := m.sel
	row := -1
	for p := m.sel; ; p = parentPath(p) {
		if row = l.rowOf(p); row >= 0 {
			m.sel = p
			break
		}
		if p == "/" || p == m.mir.Root() || p == "" {
			m.sel, row = l.pathAt(0), 0
			break
		}
	}
	m.cursor = max(row, 0)
	m.scrollToCursor()
	m.readWindow()
	m.redraw()
	return m.sel != before
}

// readWindow reads the rows in the window; the caller redraws.
func (m *Model) readWindow() {
	if m.height <= 0 {
		m.window = m.window[:0]
	} else {
		m.window = m.list().rows(m.offset, m.height)
	}
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
	m.offset = max(0, min(m.offset, m.count-m.height))
}

// moveTo puts the cursor on row i (clamped) and reads the window.
func (m *Model) moveTo(i int) {
	m.cursor = max(0, min(i, m.count-1))
	m.scrollToCursor()
	m.readWindow()
	if r := m.cursor - m.offset; r >= 0 && r < len(m.window) {
		m.sel = m.window[r].Path
	}
	m.redraw()
}

// selectedRow returns the row under the cursor, if it is in the window.
func (m Model) selectedRow() (model.Row, bool) {
	if r := m.cursor - m.offset; r >= 0 && r < len(m.window) {
		return m.window[r], true
	}
	return model.Row{}, false
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

// Init does nothing: the mirror loads by itself.
func (m Model) Init() tea.Cmd { return nil }

func parentPath(p string) string {
	i := len(p) - 1
	for i > 0 && p[i] != '/' {
		i--
	}
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

func childPath(parent, name string) string {
	if parent == "/" {
		return "/" + name
	}
	return parent + "/" + name
}
