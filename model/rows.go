package model

import (
	"sort"
	"strings"
)

// expansion is the row bookkeeping of one expanded node. Only expanded nodes
// have one, so collapsed subtrees cost nothing however big they are.
type expansion struct {
	vis    int32   // rows of the subtree when shown: 1 + sum of the children's
	prefix []int32 // prefix[i] = rows of kids[:i]; rebuilt lazily when dirty
	dirty  bool
}

// rowIndex keeps per-node visible-row counts over the expanded part of the
// tree (an order-statistics tree whose fan-out is the children lists), so
// that the row of a path and the path of a row cost O(depth * log children)
// however many nodes are mirrored or visible.
type rowIndex struct {
	exp map[int32]*expansion
}

func (r *rowIndex) init() { r.exp = make(map[int32]*expansion) }

// vis is the number of rows a node takes when shown.
func (r *rowIndex) vis(s *store, id int32) int32 {
	if s.nodes[id].flags&fExpanded == 0 {
		return 1
	}
	return r.exp[id].vis
}

// adjust adds delta rows below the expanded node p and carries the change up
// through expanded ancestors: O(depth).
func (r *rowIndex) adjust(s *store, p int32, delta int32) {
	for {
		if s.nodes[p].flags&fExpanded == 0 {
			return
		}
		e := r.exp[p]
		e.vis += delta
		e.dirty = true
		if p == 0 {
			return
		}
		p = s.nodes[p].parent
	}
}

// touch marks p's prefix sums stale after its children changed order or
// membership without a change in row count.
func (r *rowIndex) touch(s *store, p int32) {
	if s.nodes[p].flags&fExpanded != 0 {
		r.exp[p].dirty = true
	}
}

func (r *rowIndex) childAdded(s *store, p int32) { r.adjust(s, p, 1) }

func (r *rowIndex) childrenAdded(s *store, p int32, n int) {
	r.touch(s, p)
	if n > 0 {
		r.adjust(s, p, int32(n))
	}
}

func (r *rowIndex) childRemoving(s *store, p, id int32) { r.adjust(s, p, -r.vis(s, id)) }

// forget drops the bookkeeping of a node being freed.
func (r *rowIndex) forget(id int32) { delete(r.exp, id) }

// expand shows id's children; it reports false if already expanded.
func (r *rowIndex) expand(s *store, id int32) bool {
	nd := &s.nodes[id]
	if nd.flags&fExpanded != 0 {
		return false
	}
	vis := int32(1)
	for _, k := range nd.kids {
		vis += r.vis(s, k)
	}
	nd.flags |= fExpanded
	r.exp[id] = &expansion{vis: vis, dirty: true}
	if id != 0 {
		r.adjust(s, nd.parent, vis-1)
	}
	return true
}

// collapse hides id's children; it reports false if not expanded.
func (r *rowIndex) collapse(s *store, id int32) bool {
	nd := &s.nodes[id]
	if nd.flags&fExpanded == 0 {
		return false
	}
	delta := 1 - r.exp[id].vis
	delete(r.exp, id)
	nd.flags &^= fExpanded
	if id != 0 {
		r.adjust(s, nd.parent, delta)
	}
	return true
}

// count is the number of visible rows (the root is row 0).
func (r *rowIndex) count(s *store) int { return int(r.vis(s, 0)) }

func (r *rowIndex) prefix(s *store, p int32) []int32 {
	e := r.exp[p]
	if e.dirty {
		kids := s.nodes[p].kids
		e.prefix = e.prefix[:0]
		sum := int32(0)
		e.prefix = append(e.prefix, 0)
		for _, k := range kids {
			sum += r.vis(s, k)
			e.prefix = append(e.prefix, sum)
		}
		e.dirty = false
	}
	return e.prefix
}

// rowOf is the row of id, or -1 if an ancestor is collapsed.
func (r *rowIndex) rowOf(s *store, id int32) int {
	var chain []int32
	for c := id; c != 0; c = s.nodes[c].parent {
		chain = append(chain, c)
	}
	row := 0
	p := int32(0)
	for i := len(chain) - 1; i >= 0; i-- {
		if s.nodes[p].flags&fExpanded == 0 {
			return -1
		}
		c := chain[i]
		idx, found := s.childIndex(p, s.name(c))
		if !found {
			return -1
		}
		row += 1 + int(r.prefix(s, p)[idx])
		p = c
	}
	return row
}

// rowOfPath is rowOf for a path, resolved in the same descent: one binary
// search per level instead of two.
func (r *rowIndex) rowOfPath(s *store, path string) int {
	rel, ok := s.relative(path)
	if !ok {
		return -1
	}
	row := 0
	p := int32(0)
	for rel != "" {
		var part string
		part, rel, _ = strings.Cut(rel, "/")
		if s.nodes[p].flags&fExpanded == 0 {
			return -1
		}
		idx, found := s.childIndex(p, part)
		if !found {
			return -1
		}
		row += 1 + int(r.prefix(s, p)[idx])
		p = s.nodes[p].kids[idx]
	}
	return row
}

// frame is one level of a walk over visible rows: kids[idx] of parent.
type frame struct {
	parent int32
	idx    int
}

// at finds the node on a row and the frames leading to it (for walking on
// to the following rows); ok is false when row is out of range.
func (r *rowIndex) at(s *store, row int) (id int32, stack []frame, ok bool) {
	if row < 0 || row >= r.count(s) {
		return noID, nil, false
	}
	id = 0
	rem := int32(row)
	for rem > 0 {
		rem--
		pre := r.prefix(s, id)
		kids := s.nodes[id].kids
		// The child whose rows contain rem: the last i with pre[i] <= rem.
		i := sort.Search(len(kids), func(i int) bool { return pre[i+1] > rem })
		rem -= pre[i]
		stack = append(stack, frame{parent: id, idx: i})
		id = kids[i]
	}
	return id, stack, true
}

// next moves a row walk one row down; ok is false past the last row.
func (r *rowIndex) next(s *store, id int32, stack []frame) (int32, []frame, bool) {
	nd := &s.nodes[id]
	if nd.flags&fExpanded != 0 && len(nd.kids) > 0 {
		return nd.kids[0], append(stack, frame{parent: id, idx: 0}), true
	}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		kids := s.nodes[f.parent].kids
		if f.idx+1 < len(kids) {
			f.idx++
			return kids[f.idx], stack, true
		}
		stack = stack[:len(stack)-1]
	}
	return noID, nil, false
}
