package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/zkui/zkui/tui/common"
)

// wideWidth is the narrowest terminal that gets side-by-side panes; below
// it the panes stack so each keeps a usable width.
const wideWidth = 100

// layout hands every widget its size. Chrome heights are measured from the
// rendered header and help, not assumed.
func (a *App) layout() {
	if a.width <= 0 || a.height <= 0 {
		return
	}
	a.status.SetSize(a.width, 1)
	a.prompt.SetSize(a.width, 1)
	a.help.SetWidth(a.width)
	chrome := lipgloss.Height(a.headerView()) + 1 + lipgloss.Height(a.helpView())
	body := max(a.height-chrome, 0)
	frameW := a.com.Styles.Pane.Blurred.GetHorizontalFrameSize()
	frameH := a.com.Styles.Pane.Blurred.GetVerticalFrameSize()
	tw, th, dw, dh := a.paneSizes(body)
	a.tree.SetSize(tw-frameW, th-frameH)
	a.detail.SetSize(dw-frameW, dh-frameH)
	a.dash.m.SetSize(a.width, body)
}

// paneSizes returns the outer sizes of the tree and detail panes.
func (a *App) paneSizes(body int) (tw, th, dw, dh int) {
	if a.width >= wideWidth {
		tw = a.width * 2 / 5
		return tw, body, a.width - tw, body
	}
	th = body * 2 / 5
	return a.width, th, a.width, body - th
}

// View renders the whole screen in the alternate buffer.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "zkui " + a.opts.Title
	return v
}

func (a *App) render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	// Header and help are drawn once per frame: measuring them is drawing.
	header, help := a.headerView(), a.helpView()
	body := a.height - lipgloss.Height(header) - 1 - lipgloss.Height(help)
	tw, th, dw, dh := a.paneSizes(max(body, 0))
	var panes string
	edView, editing := a.editingView(a.width, max(body, 0))
	switch {
	case editing: // a dialog has the keyboard, so it is shown above help
		panes = edView
	case a.help.ShowAll:
		panes = a.helpPage(a.width, max(body, 0))
	case a.dash.on:
		panes = a.dash.m.View()
	case a.width >= wideWidth:
		treePane := a.pane(a.focus == focusTree, tw, th, a.tree.View())
		detailPane := a.pane(a.focus == focusDetail, dw, dh, a.detailView(dw-2, dh-2))
		for i := range treePane {
			treePane[i] += detailPane[i]
		}
		panes = strings.Join(treePane, "\n")
	default:
		treePane := a.pane(a.focus == focusTree, tw, th, a.tree.View())
		detailPane := a.pane(a.focus == focusDetail, dw, dh, a.detailView(dw-2, dh-2))
		panes = strings.Join(append(treePane, detailPane...), "\n")
	}
	parts := []string{header}
	if body > 0 {
		parts = append(parts, panes)
	}
	bottom := a.status.View()
	if a.prompt.IsOpen() {
		bottom = a.prompt.View()
	}
	parts = append(parts, bottom, help)
	return strings.Join(parts, "\n")
}

// pane frames content (exactly w-2 by h-2 cells: the widgets' views are)
// with a border, as h lines of w cells. The frame is drawn by hand: lipgloss
// would measure and re-wrap every line of the content on every frame.
func (a *App) pane(focused bool, w, h int, content string) []string {
	if w <= 2 || h <= 2 {
		out := make([]string, max(h, 0)) // nothing fits: blank cells keep the layout
		for i := range out {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
		return out
	}
	st := a.com.Styles.Pane
	edge := st.BlurredEdge
	if focused {
		edge = st.FocusedEdge
	}
	b := st.Border
	left, right := edge.Render(b.Left), edge.Render(b.Right)
	lines := strings.Split(content, "\n")
	blank := strings.Repeat(" ", w-2)
	out := make([]string, 0, h)
	out = append(out, edge.Render(b.TopLeft+strings.Repeat(b.Top, w-2)+b.TopRight))
	for i := range h - 2 {
		l := blank
		if i < len(lines) {
			l = lines[i]
		}
		out = append(out, left+l+right)
	}
	return append(out, edge.Render(b.BottomLeft+strings.Repeat(b.Bottom, w-2)+b.BottomRight))
}

// headerView shows what the session is connected to.
func (a *App) headerView() string {
	key := fmt.Sprintf("%p|%d|%t|%t|%d", a.com.Styles, a.width, a.live.paused, a.stale(), a.session)
	if a.chrome.headKey != key {
		a.chrome.headKey, a.chrome.head = key, a.drawHeader()
	}
	return a.chrome.head
}

// chromeCache keeps the header and the help line with a key of what they
// were drawn from; they are drawn again only when that changes, which
// keeps a frame's cost in the panes.
type chromeCache struct{ headKey, head, helpKey, help string }

func (a *App) drawHeader() string {
	st := a.com.Styles.Header
	sep := st.Sep.Render(" │ ")
	title := st.Title.Render("zkui")
	if a.opts.Title != "" {
		title += " " + st.Title.Render(a.opts.Title)
	}
	switch {
	case a.live.paused:
		title += " " + st.Stale.Render("⏸ stale")
	case a.stale():
		title += " " + st.Stale.Render("stale")
	}
	// What may be wrong comes first, so a narrow terminal cuts off the
	// server and session id rather than a warning.
	state := a.sessionBadge()
	if a.opts.ReadOnly {
		state += " " + st.ReadOnly.Render("READ-ONLY")
	}
	parts := []string{title, state}
	if a.opts.Server != "" {
		parts = append(parts, st.Label.Render("server ")+st.Value.Render(a.opts.Server))
	}
	parts = append(parts, st.Label.Render("session ")+st.Value.Render(fmt.Sprintf("0x%x", a.opts.SessionID)))
	return st.Bar.Render(common.Fit(strings.Join(parts, sep), a.width))
}

// helpView renders the short or full help, every line padded to the width
// so a shorter help never leaves cells of a longer one behind.
func (a *App) helpView() string {
	// Always the short help: ? shows the full one in place of the panes.
	bindings := helpKeys{a}.ShortHelp()
	var k strings.Builder
	fmt.Fprintf(&k, "%p|%d", a.com.Styles, a.width)
	for _, b := range bindings {
		h := b.Help()
		fmt.Fprintf(&k, "|%s:%s:%t", h.Key, h.Desc, b.Enabled())
	}
	if a.chrome.helpKey == k.String() {
		return a.chrome.help
	}
	lines := strings.Split(a.help.ShortHelpView(bindings), "\n")
	for i, l := range lines {
		lines[i] = common.Fit(l, a.width)
	}
	a.chrome.helpKey, a.chrome.help = k.String(), strings.Join(lines, "\n")
	return a.chrome.help
}
