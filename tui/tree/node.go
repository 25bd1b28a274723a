package tree

import (
	"path"

	"github.com/zkui/zkui/zk"
)

// Entry is what one load tells about a child of the loaded node.
type Entry struct {
	Name     string
	Stat     zk.Stat
	Known    bool     // Stat was read; false when only the name is known
	Locked   bool     // the server refused to read the child (NoAuth)
	Children []string // the child's own children, one level ahead; nil if unknown
}

// node is one znode as the tree knows it. Children are filled lazily: nil
// until listed, then names (possibly without stats), then full entries once
// the node itself has been loaded.
type node struct {
	name     string
	path     string
	depth    int
	parent   *node
	stat     zk.Stat
	known    bool  // stat is valid
	locked   bool  // NoAuth on the last read
	err      error // last load failure other than NoAuth
	children []*node
	listed   bool // children names are known
	loaded   bool // children carry stats (a load of this node finished)
	loading  bool
	expanded bool
}

func childPath(parent, name string) string {
	return path.Join(parent, name)
}

// leaf reports whether the node certainly has no children.
func (n *node) leaf() bool {
	if n.known && n.stat.NumChildren == 0 {
		return true
	}
	return n.listed && len(n.children) == 0
}

// expandable reports whether expanding could show anything.
func (n *node) expandable() bool { return !n.leaf() && !n.locked }

// childCount returns the number of children and whether it is known.
func (n *node) childCount() (int, bool) {
	switch {
	case n.known:
		return int(n.stat.NumChildren), true
	case n.listed:
		return len(n.children), true
	}
	return 0, false
}

// ephemeral reports whether the node is owned by a session.
func (n *node) ephemeral() bool {
	return n.known && n.stat.Kind() == zk.KindEphemeral
}
