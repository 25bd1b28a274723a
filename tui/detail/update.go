package detail

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// HandleTabKey switches tabs when msg is a tab binding and reports whether
// it was one. Tabs switch whichever pane has focus.
func (m *Model) HandleTabKey(msg tea.KeyPressMsg) bool {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.NextTab):
		m.SetTab(m.tab + 1)
	case key.Matches(msg, k.PrevTab):
		m.SetTab(m.tab - 1)
	case key.Matches(msg, k.DataTab):
		m.SetTab(TabData)
	case key.Matches(msg, k.StatTab):
		m.SetTab(TabStat)
	case key.Matches(msg, k.ACLTab):
		m.SetTab(TabACL)
	default:
		return false
	}
	return true
}

// Update scrolls the content while the pane has focus.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	if m.showsData() {
		m.scrollData(kp)
		return m, nil
	}
	k := m.com.Keys
	switch {
	case key.Matches(kp, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(kp, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(kp, k.Top):
		m.vp.GotoTop()
	case key.Matches(kp, k.Bottom):
		m.vp.GotoBottom()
	case key.Matches(kp, k.HalfPageDown):
		m.vp.HalfPageDown()
	case key.Matches(kp, k.HalfPageUp):
		m.vp.HalfPageUp()
	case key.Matches(kp, k.PageDown):
		m.vp.PageDown()
	case key.Matches(kp, k.PageUp):
		m.vp.PageUp()
	}
	return m, nil
}

// scrollData scrolls the Data tab's value view.
func (m *Model) scrollData(kp tea.KeyPressMsg) {
	k, d := m.com.Keys, &m.data
	page := max(d.Height(), 1)
	switch {
	case key.Matches(kp, k.Up):
		d.ScrollBy(-1)
	case key.Matches(kp, k.Down):
		d.ScrollBy(1)
	case key.Matches(kp, k.Top):
		d.GotoTop()
	case key.Matches(kp, k.Bottom):
		d.GotoBottom()
	case key.Matches(kp, k.HalfPageDown):
		d.ScrollBy(max(page/2, 1))
	case key.Matches(kp, k.HalfPageUp):
		d.ScrollBy(-max(page/2, 1))
	case key.Matches(kp, k.PageDown):
		d.ScrollBy(page)
	case key.Matches(kp, k.PageUp):
		d.ScrollBy(-page)
	}
}

// ScrollBy scrolls the active tab by n rows, for the mouse wheel.
func (m *Model) ScrollBy(n int) {
	switch {
	case m.showsData():
		m.data.ScrollBy(n)
	case n < 0:
		m.vp.ScrollUp(-n)
	default:
		m.vp.ScrollDown(n)
	}
}
