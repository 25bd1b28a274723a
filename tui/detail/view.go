package detail

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/zkui/zkui/tui/common"
)

// View renders the tab bar, a meta line and the scrolled content, exactly
// height lines of exactly width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := []string{m.tabBar(), m.metaLine()}
	switch {
	case m.height <= chromeHeight:
	case m.showsData():
		lines = append(lines, strings.Split(m.data.View(), "\n")...)
	default:
		lines = append(lines, strings.Split(m.vp.View(), "\n")...)
	}
	out := make([]string, m.height)
	for i := range out {
		if i < len(lines) {
			out[i] = common.Fit(lines[i], m.width)
		} else {
			out[i] = common.Fit("", m.width)
		}
	}
	return strings.Join(out, "\n")
}

func (m Model) tabBar() string {
	st := m.com.Styles.Tabs
	parts := make([]string, 0, numTabs)
	for t := range numTabs {
		if t == m.tab {
			parts = append(parts, st.Active.Render(t.String()))
		} else {
			parts = append(parts, st.Inactive.Render(t.String()))
		}
	}
	return strings.Join(parts, st.Sep.Render("│"))
}

// metaLine names the node shown, its data format and size, and whether a
// newer read is under way.
func (m Model) metaLine() string {
	st := m.com.Styles.Tabs
	n := m.node
	if n == nil {
		return ""
	}
	meta := st.Meta.Render(n.Path)
	switch {
	case m.showsData():
		meta += st.Meta.Render(" · ") + st.Meta.Render(m.data.Meta())
	case m.vp.TotalLineCount() > m.vp.VisibleLineCount():
		meta += st.Meta.Render(" · " + percent(m.vp.ScrollPercent()))
	}
	if m.loading != "" {
		meta += st.Meta.Render(" · loading " + m.loading + "…")
	}
	return meta
}

func percent(f float64) string {
	return strconv.Itoa(int(f*100+0.5)) + "%"
}

// TabAt returns the tab drawn at column x of the tab bar, for mouse
// clicks, and false between or after the tabs.
func (m Model) TabAt(x int) (Tab, bool) {
	st := m.com.Styles.Tabs
	sep := lipgloss.Width(st.Sep.Render("│"))
	left := 0
	for t := range numTabs {
		style := st.Inactive
		if t == m.tab {
			style = st.Active
		}
		w := lipgloss.Width(style.Render(t.String()))
		if x >= left && x < left+w {
			return t, true
		}
		left += w + sep
	}
	return 0, false
}
