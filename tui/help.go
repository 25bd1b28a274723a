package tui

import "charm.land/bubbles/v2/key"

// helpKeys adapts the App to help.KeyMap: the focused pane's bindings first,
// then the app-wide ones.
type helpKeys struct{ a *App }

// ShortHelp lists the bindings of the one-line help.
func (h helpKeys) ShortHelp() []key.Binding {
	k := h.a.com.Keys
	var out []key.Binding
	if h.a.focus == focusDetail {
		out = h.a.detail.ShortHelp()
	} else {
		out = append(h.a.tree.ShortHelp(), k.NextTab)
	}
	return append(out, k.Focus, k.Help, k.Quit)
}

// FullHelp lists every binding in three columns narrow enough for 80
// cells: navigation, the node and focus, then tabs and the app.
func (h helpKeys) FullHelp() [][]key.Binding {
	k := h.a.com.Keys
	return [][]key.Binding{
		k.Navigation(),
		{k.Expand, k.Collapse, k.Refresh, k.Focus, k.Back},
		append(k.Tabs(), k.Help, k.Quit),
	}
}
