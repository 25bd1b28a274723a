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
