// Package detail is the right pane of zkui: the selected node's data, stat
// and ACL in three tabs. It shows what the root model hands it with SetNode
// and never talks to ZooKeeper itself.
package detail

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"

	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/tui/dataview"
	"github.com/zkui/zkui/zk"
)

// Tab is one of the detail pane's tabs.
type Tab int

// The tabs, in display order.
const (
	TabData Tab = iota
	TabStat
	TabACL
	numTabs
)

// String returns the tab's title.
func (t Tab) String() string {
	switch t {
	case TabStat:
		return "Stat"
	case TabACL:
		return "ACL"
	}
	return "Data"
}

// Node is everything the pane shows about one znode. Each part has its own
// error because a session may, say, read the data but not the ACL.
type Node struct {
	Path    string
	Data    []byte
	Stat    zk.Stat
	HasStat bool
	DataErr error
	ACL     []zk.ACL
	ACLErr  error
}

// chromeHeight is the tab bar plus the meta line under it.
const chromeHeight = 2

// Model is the detail widget.
type Model struct {
	com     *common.Common
	tab     Tab
	node    *Node
	loading string // path being fetched, "" when idle
	width   int
	height  int
	focused bool
	vp      viewport.Model // the Stat and ACL tabs, and data errors
	data    dataview.Model // the Data tab
}

// New returns an empty detail pane on the Data tab.
func New(com *common.Common) Model {
	vp := viewport.New()
	vp.SoftWrap = true
	// Scrolling keys come from keymap via Update, not the viewport's own map.
	vp.KeyMap = viewport.KeyMap{}
	vp.MouseWheelEnabled = false
	return Model{com: com, vp: vp, data: dataview.New(com)}
}

// SetSize sets the size of the pane's content.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.vp.SetWidth(m.width)
	m.vp.SetHeight(max(m.height-chromeHeight, 0))
	m.data.SetSize(m.width, max(m.height-chromeHeight, 0))
	m.refresh(false)
}

// SetFocused tells the pane whether navigation keys scroll it.
func (m *Model) SetFocused(f bool) { m.focused = f }

// SetLoading marks path as being fetched; the previous content stays until
// the answer arrives so the pane does not flicker.
func (m *Model) SetLoading(path string) { m.loading = path }

// SetNode shows n, scrolled to the top when it is another node.
func (m *Model) SetNode(n Node) {
	moved := m.node == nil || m.node.Path != n.Path
	m.node = &n
	m.loading = ""
	if n.DataErr == nil {
		m.data.SetData(n.Path, n.Data)
	}
	m.refresh(moved)
}

// CycleView steps the Data tab to its next view (pretty, raw, hex,
// base64); the choice is remembered for the node's path.
func (m *Model) CycleView() { m.data.CycleMode() }

// ToggleWrap wraps or cuts long lines of the Data tab.
func (m *Model) ToggleWrap() { m.data.ToggleWrap() }

// DataView returns the Data tab's view, for its mode and scroll state.
func (m Model) DataView() dataview.Model { return m.data }

// showsData reports whether the Data tab's value view is on screen (not an
// error about the data).
func (m Model) showsData() bool {
	return m.tab == TabData && m.node != nil && m.node.DataErr == nil
}

// Node returns the node shown, or nil before the first one arrives.
func (m Model) Node() *Node { return m.node }

// Tab returns the active tab.
func (m Model) Tab() Tab { return m.tab }

// SetTab switches to t.
func (m *Model) SetTab(t Tab) {
	m.tab = (t%numTabs + numTabs) % numTabs
	m.refresh(true)
}

// refresh rebuilds the viewport content for the current tab and width.
func (m *Model) refresh(top bool) {
	m.vp.SetContentLines(m.contentLines())
	if top {
		m.vp.GotoTop()
	}
}

// ShortHelp returns the pane's most useful bindings.
func (m Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	if m.focused {
		return []key.Binding{k.Up, k.Down, k.HalfPageDown, k.HalfPageUp, k.NextTab, k.Back}
	}
	return []key.Binding{k.NextTab}
}

// FullHelp returns all pane bindings grouped by concern.
func (m Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{k.Tabs(), {k.Back}}
}
