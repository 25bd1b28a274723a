// Package keymap defines every key binding of zkui with its help text. It is
// the only place that names keys: the rest of the program matches bindings
// with key.Matches, so a remap or a disabled action changes behaviour and
// help together. It is a leaf package: it imports no application code.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap is the full set of bindings, grouped by concern.
type KeyMap struct {
	// Navigation, shared by the tree and the scrolling detail pane.
	Up           key.Binding
	Down         key.Binding
	Top          key.Binding
	Bottom       key.Binding
	HalfPageDown key.Binding
	HalfPageUp   key.Binding
	PageDown     key.Binding
	PageUp       key.Binding

	// Tree.
	Expand   key.Binding // expand the node, or step into its first child
	Collapse key.Binding // collapse the node, or go to its parent
	Refresh  key.Binding // re-read the shown rows and the selected node
	Pause    key.Binding // pause or resume live updates

	// Finding nodes.
	Jump      key.Binding // prompt for a path and go there
	HistBack  key.Binding // back to the previously selected node
	HistFwd   key.Binding // forward again after going back
	Filter    key.Binding // filter the current level as you type
	Search    key.Binding // search the whole tree (deep search)
	NextMatch key.Binding
	PrevMatch key.Binding

	// The node's data.
	CycleView key.Binding // pretty / raw / hex / base64
	Wrap      key.Binding // wrap long lines or cut them
	CopyPath  key.Binding
	CopyData  key.Binding

	// Editing: every binding here changes the tree, so read-only mode
	// disables them all (DisableWrites) and help no longer shows them.
	Create      key.Binding // create a node under the selected one
	EditInline  key.Binding // edit the data in a text area
	EditOutside key.Binding // edit the data in $VISUAL / $EDITOR
	Delete      key.Binding // delete the node (confirmed)
	DeleteTree  key.Binding // delete the node and everything under it
	EditACL     key.Binding
	Copy        key.Binding // copy the subtree elsewhere
	Move        key.Binding // move the subtree elsewhere
	Undo        key.Binding // undo the last data edit
	OpLog       key.Binding // show the operation log (not a write)

	// Detail tabs and focus.
	NextTab key.Binding
	PrevTab key.Binding
	DataTab key.Binding
	StatTab key.Binding
	ACLTab  key.Binding
	Focus   key.Binding // move keys between the tree and the detail pane
	Back    key.Binding // from the detail pane back to the tree

	// Application.
	Dashboard key.Binding // switch between the explorer and the server dashboards
	Help      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding // quits even while a prompt captures the keyboard

	// Prompt holds the keys of the one-line prompts, which capture the
	// keyboard while open and so may reuse keys bound above.
	Prompt PromptKeyMap
	// Dialog holds the keys of the editing dialogs, which capture the
	// keyboard too.
	Dialog DialogKeyMap
	// Dash holds the keys of the server dashboards, which receive the
	// keyboard while shown and so may reuse keys bound above.
	Dash DashKeyMap
}

// DashKeyMap holds the bindings of the server dashboards.
type DashKeyMap struct {
	NextView key.Binding // servers -> health -> sessions -> watches
	PrevView key.Binding
	Servers  key.Binding
	Health   key.Binding
	Sessions key.Binding
	Watches  key.Binding
	Metric   key.Binding // the metric charted for the selected server
	Sort     key.Binding // the column the servers are sorted by
	Faster   key.Binding // poll more often
	Slower   key.Binding // poll less often
	Refresh  key.Binding // fetch the sessions / watches again
	Owner    key.Binding // the session owning the explorer's ephemeral node
	ByPath   key.Binding // watches by path (wchp), confirmed first
	BySess   key.Binding // watches by session (wchc), confirmed first
	Confirm  key.Binding
	Cancel   key.Binding
}

// DialogKeyMap holds the bindings active while a dialog is open.
type DialogKeyMap struct {
	Submit    key.Binding // save / create / confirm from any field
	Cancel    key.Binding
	NextField key.Binding
	PrevField key.Binding
	Cycle     key.Binding // next choice of a choice field (mode, ACL kind)
	Overwrite key.Binding // conflict: write mine over the current value
	EditAgain key.Binding // conflict: edit mine again on top of the current value
	Discard   key.Binding // conflict: drop my edit
	External  key.Binding // create: write the data in $VISUAL / $EDITOR

	// The ACL editor's list: toggle one permission of the entry under
	// the cursor, add an entry, remove one.
	PermRead   key.Binding
	PermWrite  key.Binding
	PermCreate key.Binding
	PermDelete key.Binding
	PermAdmin  key.Binding
	AddEntry   key.Binding
	DropEntry  key.Binding
	EntryUp    key.Binding
	EntryDown  key.Binding
}

// PromptKeyMap holds the bindings active while a prompt is open.
type PromptKeyMap struct {
	Accept   key.Binding
	Cancel   key.Binding
	Complete key.Binding
}

// Default returns fresh bindings: callers may disable or rebind their copy
// without affecting anyone else's.
func Default() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),

		Expand:   key.NewBinding(key.WithKeys("enter", "l", "right"), key.WithHelp("→/l", "expand")),
		Collapse: key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", "collapse/parent")),
		Refresh:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		Pause:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause live")),

		Jump:      key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "jump")),
		HistBack:  key.NewBinding(key.WithKeys("[", "alt+left"), key.WithHelp("[", "back")),
		HistFwd:   key.NewBinding(key.WithKeys("]", "alt+right"), key.WithHelp("]", "forward")),
		Filter:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Search:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "deep search")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "prev match")),

		CycleView: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "view mode")),
		Wrap:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "wrap lines")),
		CopyPath:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy path")),
		CopyData:  key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy data")),

		Create:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add node")),
		EditInline:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "edit data")),
		EditOutside: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit in $EDITOR")),
		Delete:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		DeleteTree:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete subtree")),
		EditACL:     key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "edit ACL")),
		Copy:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy subtree")),
		Move:        key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move subtree")),
		Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo edit")),
		OpLog:       key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "operation log")),

		NextTab: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev tab")),
		DataTab: key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "data")),
		StatTab: key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "stat")),
		ACLTab:  key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "acl")),
		Focus:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "focus pane")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to tree")),

		Dashboard: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "server dashboard")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit anywhere")),

		Prompt: PromptKeyMap{
			Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
			Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
			Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
		},
		Dialog: DialogKeyMap{
			Submit:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save/confirm")),
			Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
			NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
			PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev field")),
			Cycle:     key.NewBinding(key.WithKeys("right", "space", "ctrl+n"), key.WithHelp("→/space", "next choice")),
			Overwrite: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "overwrite")),
			EditAgain: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit again on current")),
			Discard:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discard mine")),
			External:  key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "data in $EDITOR")),

			PermRead:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r/w/c/x/a", "toggle read/write/create/delete/admin")),
			PermWrite:  key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "toggle write")),
			PermCreate: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "toggle create")),
			PermDelete: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "toggle delete")),
			PermAdmin:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "toggle admin")),
			AddEntry:   key.NewBinding(key.WithKeys("+", "n"), key.WithHelp("+", "add entry")),
			DropEntry:  key.NewBinding(key.WithKeys("-", "delete"), key.WithHelp("-", "remove entry")),
			EntryUp:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "prev entry")),
			EntryDown:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "next entry")),
		},
		Dash: DashKeyMap{
			NextView: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
			PrevView: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev view")),
			Servers:  key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "servers")),
			Health:   key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "health")),
			Sessions: key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "sessions")),
			Watches:  key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "watches")),
			Metric:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "chart metric")),
			Sort:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "sort by")),
			Faster:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "poll faster")),
			Slower:   key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "poll slower")),
			Refresh:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
			Owner:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "owner of node")),
			ByPath:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "by path (wchp)")),
			BySess:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "by session (wchc)")),
			Confirm:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "run it")),
			Cancel:   key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "cancel")),
		},
	}
}

// Edit returns the bindings that change the tree (and the log of what was
// sent), for help columns.
func (k KeyMap) Edit() []key.Binding {
	return []key.Binding{k.Create, k.EditInline, k.EditOutside, k.Delete, k.DeleteTree, k.EditACL, k.Copy, k.Move, k.Undo, k.OpLog}
}

// Writes returns pointers to every binding that changes the tree.
func (k *KeyMap) Writes() []*key.Binding {
	return []*key.Binding{&k.Create, &k.EditInline, &k.EditOutside, &k.Delete, &k.DeleteTree, &k.EditACL, &k.Copy, &k.Move, &k.Undo}
}

// DisableWrites turns off every binding that changes the tree, for
// read-only mode: a disabled binding matches no key and help hides it.
func (k *KeyMap) DisableWrites() {
	for _, b := range k.Writes() {
		b.SetEnabled(false)
	}
}

// Navigation returns the movement bindings, for help columns.
func (k KeyMap) Navigation() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp}
}

// Finding returns the bindings that find nodes, for help columns.
func (k KeyMap) Finding() []key.Binding {
	return []key.Binding{k.Jump, k.HistBack, k.HistFwd, k.Filter, k.Search, k.NextMatch, k.PrevMatch}
}

// Data returns the bindings acting on the node's data, for help columns.
func (k KeyMap) Data() []key.Binding {
	return []key.Binding{k.CycleView, k.Wrap, k.CopyPath, k.CopyData}
}

// Tabs returns the tab bindings, for help columns.
func (k KeyMap) Tabs() []key.Binding {
	return []key.Binding{k.NextTab, k.PrevTab, k.DataTab, k.StatTab, k.ACLTab}
}

// App returns the application-wide bindings, for help columns.
func (k KeyMap) App() []key.Binding {
	return []key.Binding{k.Focus, k.Back, k.Dashboard, k.Help, k.Quit, k.ForceQuit}
}

// Tree returns the bindings that shape the tree, for help columns.
func (k KeyMap) Tree() []key.Binding {
	return []key.Binding{k.Expand, k.Collapse, k.Refresh, k.Pause}
}
