package tree

import "github.com/zkui/zkui/zk"

// setEntries replaces n's children with entries, reusing the nodes that
// survive so their expansion and loaded subtrees are kept across a refresh.
func (m *Model) setEntries(n *node, entries []Entry) {
	old := make(map[string]*node, len(n.children))
	for _, c := range n.children {
		old[c.name] = c
	}
	names := make([]string, 0, len(entries))
	byName := make(map[string]Entry, len(entries))
	for _, e := range entries {
		names = append(names, e.Name)
		byName[e.Name] = e
	}
	sortNatural(names)

	kids := make([]*node, 0, len(names))
	for _, name := range names {
		e := byName[name]
		c := old[name]
		if c == nil {
			c = &node{name: name, path: childPath(n.path, name), depth: n.depth + 1, parent: n}
			m.byPath[c.path] = c
		}
		delete(old, name)
		if e.Known {
			c.stat, c.known = e.Stat, true
		}
		c.locked = e.Locked
		if e.Children != nil {
			m.setNames(c, e.Children)
		}
		kids = append(kids, c)
	}
	for _, gone := range old {
		m.forget(gone)
	}
	n.children = kids
	n.listed = true
}

// setNames records the names of n's children learnt one level ahead. Known
// children keep their stats; new ones start unknown.
func (m *Model) setNames(n *node, names []string) {
	entries := make([]Entry, len(names))
	for i, name := range names {
		entries[i] = Entry{Name: name}
		if c := m.byPath[childPath(n.path, name)]; c != nil && c.parent == n {
			entries[i] = Entry{Name: name, Stat: c.stat, Known: c.known, Locked: c.locked}
		}
	}
	m.setEntries(n, entries)
}

// forget removes n and its subtree from the path index.
func (m *Model) forget(n *node) {
	delete(m.byPath, n.path)
	for _, c := range n.children {
		m.forget(c)
	}
}

// SetChildren records the result of loading path: its own stat and its
// children. A path no longer in the tree (collapsed away by a refresh of an
// ancestor) is ignored.
func (m *Model) SetChildren(path string, stat zk.Stat, entries []Entry) {
	n := m.byPath[path]
	if n == nil {
		return
	}
	sel := m.selectedNode()
	n.stat, n.known, n.locked, n.err = stat, true, false, nil
	m.setEntries(n, entries)
	n.loaded, n.loading = true, false
	m.rebuild(sel)
}

// SetLoadError records that loading path failed. locked marks a NoAuth
// refusal, shown as a lock rather than an error.
func (m *Model) SetLoadError(path string, err error, locked bool) {
	n := m.byPath[path]
	if n == nil {
		return
	}
	sel := m.selectedNode()
	n.loading = false
	if locked {
		n.locked, n.err = true, nil
		n.expanded = false
	} else {
		n.err = err
	}
	m.rebuild(sel)
}
