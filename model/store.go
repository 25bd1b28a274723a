package model

import (
	"encoding/binary"
	"slices"
	"strings"
	"unsafe"

	"github.com/zkui/zkui/zk"
)

// noID marks "no node" where an id is expected.
const noID int32 = -1

// nodeFlags is what the mirror knows and wants about one node.
type nodeFlags uint16

const (
	fStat     nodeFlags = 1 << iota // stat fetched at least once
	fKids                           // children listed; kept up to date since
	fWantKids                       // list the children (expanded, prefetch, full sync)
	fExpanded                       // shown expanded in the row view
	fNoAuth                         // the server refused to read it
	fFree                           // slot on the free list
)

// node is one mirrored znode. The layout is what keeps a million nodes
// under 200 bytes each: ids instead of pointers, the name as an offset into
// one shared byte arena, children as a sorted slice of ids, and no map
// entry per node (paths are resolved by binary search from the root).
type node struct {
	stat   zk.Stat
	kids   []int32 // sorted by compareNames
	parent int32
	name   uint32 // offset of the uvarint-prefixed name in store.names
	desc   int32  // mirrored descendants
	flags  nodeFlags
}

// store is the mirror's data structure, without any locking or I/O: the
// syncer mutates it under the Tree's write lock.
type store struct {
	root    string // mirrored root path ("/" or "/a/b")
	nodes   []node
	free    []int32
	names   []byte
	garbage int // bytes of names of freed nodes, reclaimed by compact
	live    int
	loaded  int // nodes with fStat
	rows    rowIndex
}

func newStore(root string) *store {
	s := &store{root: root}
	s.rows.init()
	s.alloc(noID, "")
	return s
}

// name returns a node's name without copying it out of the arena. The
// string stays valid even after the arena grows or is compacted, because
// both make a new array and leave the old one to the strings that use it.
func (s *store) name(id int32) string {
	off := s.nodes[id].name
	n, k := binary.Uvarint(s.names[off:])
	if n == 0 {
		return ""
	}
	return unsafe.String(&s.names[int(off)+k], int(n))
}

func (s *store) alloc(parent int32, name string) int32 {
	off := uint32(len(s.names))
	s.names = binary.AppendUvarint(s.names, uint64(len(name)))
	s.names = append(s.names, name...)
	nd := node{parent: parent, name: off}
	s.live++
	if n := len(s.free); n > 0 {
		id := s.free[n-1]
		s.free = s.free[:n-1]
		s.nodes[id] = nd
		return id
	}
	s.nodes = append(s.nodes, nd)
	return int32(len(s.nodes) - 1)
}

// relative splits path into the part below the mirrored root; ok is false
// for paths outside the mirror.
func (s *store) relative(path string) (string, bool) {
	if path == s.root {
		return "", true
	}
	if s.root == "/" {
		return path[1:], strings.HasPrefix(path, "/")
	}
	if len(path) > len(s.root) && strings.HasPrefix(path, s.root) && path[len(s.root)] == '/' {
		return path[len(s.root)+1:], true
	}
	return "", false
}

// lookup resolves a path to its node in O(depth * log(children)).
func (s *store) lookup(path string) (int32, bool) {
	rel, ok := s.relative(path)
	if !ok {
		return noID, false
	}
	id := int32(0)
	for rel != "" {
		var part string
		part, rel, _ = strings.Cut(rel, "/")
		i, found := s.childIndex(id, part)
		if !found {
			return noID, false
		}
		id = s.nodes[id].kids[i]
	}
	return id, true
}

// lookupParent resolves the parent of path; name is the last component.
func (s *store) lookupParent(path string) (parent int32, name string, ok bool) {
	if path == s.root {
		return noID, "", false
	}
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return noID, "", false
	}
	dir := path[:i]
	if dir == "" {
		dir = "/"
	}
	p, ok := s.lookup(dir)
	return p, path[i+1:], ok
}

// childIndex finds name among p's children by binary search.
func (s *store) childIndex(p int32, name string) (int, bool) {
	kids := s.nodes[p].kids
	return slices.BinarySearchFunc(kids, name, func(id int32, name string) int {
		return compareNames(s.name(id), name)
	})
}

// path builds the absolute path of a node.
func (s *store) path(id int32) string {
	if id == 0 {
		return s.root
	}
	var parts []string
	for ; id != 0; id = s.nodes[id].parent {
		parts = append(parts, s.name(id))
	}
	var b strings.Builder
	if s.root != "/" {
		b.WriteString(s.root)
	}
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(parts[i])
	}
	return b.String()
}

// depth is the number of steps from the mirrored root.
func (s *store) depth(id int32) int {
	d := 0
	for ; id != 0; id = s.nodes[id].parent {
		d++
	}
	return d
}

// insertChild adds name under p if missing; created says whether it did.
func (s *store) insertChild(p int32, name string) (int32, bool) {
	i, found := s.childIndex(p, name)
	if found {
		return s.nodes[p].kids[i], false
	}
	id := s.alloc(p, name)
	s.nodes[p].kids = slices.Insert(s.nodes[p].kids, i, id)
	s.addDesc(p, 1)
	s.rows.childAdded(s, p)
	return id, true
}

// remove deletes a node and its subtree from the mirror.
func (s *store) remove(id int32) {
	if id == 0 {
		// The mirrored root itself went away: keep the slot, forget all.
		for len(s.nodes[0].kids) > 0 {
			s.remove(s.nodes[0].kids[0])
		}
		s.setStat(0, zk.Stat{}, false)
		s.nodes[0].flags &^= fKids | fNoAuth
		return
	}
	p := s.nodes[id].parent
	s.rows.childRemoving(s, p, id)
	s.addDesc(p, -1-s.nodes[id].desc)
	if i, found := s.childIndex(p, s.name(id)); found {
		s.nodes[p].kids = slices.Delete(s.nodes[p].kids, i, i+1)
	}
	s.free1(id)
}

// free1 releases id and its descendants (already detached from the parent).
func (s *store) free1(id int32) {
	for _, k := range s.nodes[id].kids {
		s.free1(k)
	}
	nd := &s.nodes[id]
	if nd.flags&fStat != 0 {
		s.loaded--
	}
	s.rows.forget(id)
	s.garbage += len(s.name(id)) + 1
	*nd = node{flags: fFree}
	s.free = append(s.free, id)
	s.live--
	if s.garbage > 1<<20 && s.garbage > len(s.names)/2 {
		s.compact()
	}
}

// compact rewrites the name arena without the names of freed nodes, so a
// mirror under steady churn does not grow without bound.
func (s *store) compact() {
	names := make([]byte, 0, len(s.names)-s.garbage+64)
	for id := range s.nodes {
		if s.nodes[id].flags&fFree != 0 {
			continue
		}
		name := s.name(int32(id))
		s.nodes[id].name = uint32(len(names))
		names = binary.AppendUvarint(names, uint64(len(name)))
		names = append(names, name...)
	}
	s.names = names
	s.garbage = 0
}

// setStat records a node's stat; ok false marks it unknown again.
func (s *store) setStat(id int32, st zk.Stat, ok bool) {
	nd := &s.nodes[id]
	had := nd.flags&fStat != 0
	nd.stat = st
	switch {
	case ok && !had:
		nd.flags |= fStat
		s.loaded++
	case !ok && had:
		nd.flags &^= fStat
		s.loaded--
	}
}

// setKids makes p's children exactly names (as listed by the server):
// missing ones are added (returned, so their stats can be fetched), extra
// ones removed with their subtrees.
func (s *store) setKids(p int32, names []string) (added []int32) {
	slices.SortFunc(names, compareNames)
	names = slices.Compact(names)
	old := s.nodes[p].kids
	var gone []int32
	i := 0
	for _, id := range old {
		nm := s.name(id)
		for i < len(names) && compareNames(names[i], nm) < 0 {
			i++
		}
		if i < len(names) && names[i] == nm {
			i++
			continue
		}
		gone = append(gone, id)
	}
	for _, id := range gone {
		s.remove(id)
	}
	if len(s.nodes[p].kids) == len(names) {
		return nil
	}
	// Merge the surviving ids with new ones in one pass, instead of one
	// O(n) insert per new child.
	cur := s.nodes[p].kids
	merged := make([]int32, 0, len(names))
	j := 0
	for _, nm := range names {
		if j < len(cur) && s.name(cur[j]) == nm {
			merged = append(merged, cur[j])
			j++
			continue
		}
		id := s.alloc(p, nm)
		merged = append(merged, id)
		added = append(added, id)
	}
	s.nodes[p].kids = merged
	s.addDesc(p, int32(len(added)))
	s.rows.childrenAdded(s, p, len(added))
	return added
}

// addDesc adds delta to the descendant counts of p and its ancestors.
func (s *store) addDesc(p int32, delta int32) {
	for {
		s.nodes[p].desc += delta
		if p == 0 {
			return
		}
		p = s.nodes[p].parent
	}
}
