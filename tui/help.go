package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/zkui/zkui/tui/common"
)

// helpKeys adapts the App to help.KeyMap: the focused pane's bindings first,
// then the app-wide ones.
type helpKeys struct{ a *App }

// ShortHelp lists the bindings of the one-line help.
func (h helpKeys) ShortHelp() []key.Binding {
	k := h.a.com.Keys
	if h.a.prompt.IsOpen() {
		return h.a.prompt.ShortHelp()
	}
	if h.a.ed.dlg.IsOpen() {
		return h.a.ed.dlg.ShortHelp()
	}
	if h.a.dash.on {
		return append(h.a.dash.m.ShortHelp(), k.Help, k.Quit)
	}
	if h.a.focus == focusDetail {
		return append(h.a.detail.ShortHelp(), k.CycleView, k.Help, k.Quit)
	}
	// Up and down go without saying; what is worth discovering comes first.
	return []key.Binding{k.Expand, k.Collapse, k.Jump, k.Filter, k.CycleView, k.Help, k.Quit, k.NextTab}
}

// FullHelp lists every binding grouped by concern, for ?.
func (h helpKeys) FullHelp() [][]key.Binding {
	k := h.a.com.Keys
	d := k.Dash
	return [][]key.Binding{k.Navigation(), k.Tree(), k.Finding(), k.Data(), k.Edit(), k.Tabs(), k.App(),
		{k.Prompt.Complete, k.Prompt.Accept, k.Prompt.Cancel},
		{k.Dashboard, d.NextView, d.Metric, d.Sort, d.Faster, d.Slower, d.Refresh, d.Owner, d.BySess, d.ByPath}}
}

// helpTitles name the groups of FullHelp, in the same order.
var helpTitles = []string{"Navigation", "Tree", "Find", "Data", "Edit", "Tabs", "App", "Prompts", "Dashboard"}

// helpPage renders the full help in place of the panes: one titled block
// per group, flowed into columns like a newspaper so the page uses the
// height before the width, exactly width x height.
func (a *App) helpPage(width, height int) string {
	var cols [][]string
	var col []string
	for i, g := range (helpKeys{a}).FullHelp() {
		block := a.helpBlock(helpTitles[i], g)
		if len(col) > 0 && len(col)+1+len(block) > height {
			cols, col = append(cols, col), nil
		}
		if len(col) > 0 {
			col = append(col, "")
		}
		col = append(col, block...)
	}
	cols = append(cols, col)
	page := make([]string, height)
	for _, c := range cols {
		w := 0
		for _, l := range c {
			w = max(w, lipgloss.Width(l))
		}
		for i := range page {
			cell := ""
			if i < len(c) {
				cell = c[i]
			}
			page[i] += common.Fit(cell, w+3)
		}
	}
	for i := range page {
		page[i] = common.Fit(page[i], width)
	}
	return strings.Join(page, "\n")
}

// helpBlock renders one group: its title, then key and description
// columns. Disabled bindings (read-only mode) are left out.
func (a *App) helpBlock(title string, g []key.Binding) []string {
	st := a.com.Styles
	keyW := 0
	for _, b := range g {
		keyW = max(keyW, lipgloss.Width(b.Help().Key))
	}
	lines := []string{st.Header.Title.Render(title)}
	for _, b := range g {
		if !b.Enabled() {
			continue
		}
		pad := strings.Repeat(" ", keyW-lipgloss.Width(b.Help().Key))
		lines = append(lines, st.Help.FullKey.Render(b.Help().Key)+pad+"  "+st.Help.FullDesc.Render(b.Help().Desc))
	}
	return lines
}
