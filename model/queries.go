package model

import (
	"context"
	"strings"

	"github.com/zkui/zkui/zk"
)

// Node is what the mirror knows about one znode.
type Node struct {
	Path string
	Name string // "" for the mirrored root
	// Stat is valid when StatKnown.
	Stat      zk.Stat
	StatKnown bool
	// ChildrenKnown says the children are listed and kept current; Children
	// counts the mirrored ones, Descendants the mirrored nodes below.
	ChildrenKnown bool
	Children      int
	Descendants   int
	Expanded      bool
	NoAuth        bool // the server refused to read the node
}

// HasChildren reports whether the node has children, by the mirror's
// count or, before they are listed, by its stat.
func (n Node) HasChildren() bool {
	if n.ChildrenKnown {
		return n.Children > 0
	}
	return n.StatKnown && n.Stat.NumChildren > 0
}

func (t *Tree) info(id int32, path string) Node {
	nd := &t.s.nodes[id]
	if path == "" {
		path = t.s.path(id)
	}
	n := Node{
		Path:          path,
		Stat:          nd.stat,
		StatKnown:     nd.flags&fStat != 0,
		ChildrenKnown: nd.flags&fKids != 0,
		Children:      len(nd.kids),
		Descendants:   int(nd.desc),
		Expanded:      nd.flags&fExpanded != 0,
		NoAuth:        nd.flags&fNoAuth != 0,
	}
	if id != 0 {
		n.Name = strings.Clone(t.s.name(id))
	}
	return n
}

// Node returns what the mirror knows of path.
func (t *Tree) Node(path string) (Node, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	id, ok := t.s.lookup(path)
	if !ok {
		return Node{}, false
	}
	return t.info(id, path), true
}

// Children returns the mirrored children names of path, sorted with
// sequential names in numeric order; known is false until they are listed.
func (t *Tree) Children(path string) (names []string, known bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	id, ok := t.s.lookup(path)
	if !ok {
		return nil, false
	}
	kids := t.s.nodes[id].kids
	names = make([]string, len(kids))
	for i, k := range kids {
		names[i] = strings.Clone(t.s.name(k))
	}
	return names, t.s.nodes[id].flags&fKids != 0
}

// Ancestors returns the paths from the mirrored root down to path's parent.
func (t *Tree) Ancestors(path string) []string {
	var out []string
	for p := parentOf(path); p != ""; p = parentOf(p) {
		if _, ok := t.s.relative(p); !ok {
			break
		}
		out = append(out, p)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// SubtreeCount returns the number of mirrored nodes at and below path, and
// whether the whole subtree is mirrored (after a full sync).
func (t *Tree) SubtreeCount(path string) (n int, complete bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	id, ok := t.s.lookup(path)
	if !ok {
		return 0, false
	}
	return int(t.s.nodes[id].desc) + 1, t.full && t.idleLocked()
}

// Data returns a node's data, from the cache when it holds the version the
// mirror knows, otherwise read from the server and cached.
func (t *Tree) Data(ctx context.Context, path string) ([]byte, zk.Stat, error) {
	t.mu.RLock()
	id, ok := t.s.lookup(path)
	var st zk.Stat
	if ok && t.s.nodes[id].flags&fStat != 0 {
		st = t.s.nodes[id].stat
	}
	t.mu.RUnlock()
	if ok && st.Czxid != 0 {
		if data, hit := t.cache.get(path, st); hit {
			return data, st, nil
		}
	}
	data, st, err := t.sess.GetData(ctx, path)
	if err != nil {
		return nil, zk.Stat{}, err
	}
	t.cache.put(path, data, st)
	return data, st, nil
}
