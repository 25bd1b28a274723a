package detail

import (
	"strings"

	"github.com/zkui/zkui/tui/common"
)

// View renders the tab bar, a meta line and the scrolled content, exactly
// height lines of exactly width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := []string{m.tabBar(), m.metaLine()}
	if m.height > chromeHeight {
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
	meta := n.Path
	if n.DataErr == nil {
		meta += " · " + DetectFormat(n.Data).String() + " · " + humanSize(len(n.Data))
	}
	if m.loading != "" {
		meta += " · loading " + m.loading + "…"
	}
	if pct := m.vp.ScrollPercent(); m.vp.TotalLineCount() > m.vp.VisibleLineCount() {
		meta += " · " + percent(pct)
	}
	return st.Meta.Render(meta)
}

func percent(f float64) string {
	p := int(f*100 + 0.5)
	return strings.TrimSpace(strings.Repeat(" ", 0)) + itoa(p) + "%"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
