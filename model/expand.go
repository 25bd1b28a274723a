package model

import (
	"context"
	"fmt"

	"github.com/zkui/zkui/zk"
)

// Row is one visible line of the expansion state.
type Row struct {
	Node
	Depth int // 0 for the mirrored root
}

// Expand shows path's children in the rows, listing them (and, one level
// ahead, their children) if not done yet. It reports false if path is not
// in the mirror.
func (t *Tree) Expand(path string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	id, ok := t.s.lookup(path)
	if !ok {
		return false
	}
	if t.s.rows.expand(t.s, id) {
		t.changed(path)
	}
	t.want(id, path)
	for _, k := range t.s.nodes[id].kids {
		if nd := &t.s.nodes[k]; nd.flags&fStat != 0 && nd.stat.NumChildren > 0 {
			t.want(k, joinPath(path, t.s.name(k)))
		}
	}
	t.wake()
	return true
}

// want asks for a node's children to be listed and kept current.
func (t *Tree) want(id int32, path string) {
	nd := &t.s.nodes[id]
	nd.flags |= fWantKids
	if nd.flags&fKids == 0 {
		t.w.queue(path, wKids)
	}
}

// Collapse hides path's children (they stay mirrored).
func (t *Tree) Collapse(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if id, ok := t.s.lookup(path); ok && t.s.rows.collapse(t.s, id) {
		t.changed(path)
	}
}

// Load lists the children of path and of each of its ancestors, waiting
// until they are mirrored; it makes a deep path reachable (e.g. to jump to
// it) without expanding anything. It fails with zk.ErrNoNode if a node on
// the way does not exist.
func (t *Tree) Load(ctx context.Context, path string) error {
	if _, ok := t.s.relative(path); !ok {
		return fmt.Errorf("model: %s is outside the mirrored root %s", path, t.opts.Root)
	}
	chain := append(t.Ancestors(path), path)
	for _, p := range chain {
		for {
			t.mu.Lock()
			id, ok := t.s.lookup(p)
			done := ok && t.s.nodes[id].flags&fKids != 0
			quiet := t.idleLocked()
			if ok && !done {
				t.want(id, p)
				t.wake()
			}
			ch, dead := t.idleCh, t.dead
			t.mu.Unlock()
			switch {
			case dead != nil:
				return dead
			case done:
			case !ok && quiet:
				return fmt.Errorf("model: load %s: %w", p, zk.ErrNoNode)
			default:
				select {
				case <-ch:
				case <-ctx.Done():
					return ctx.Err()
				case <-t.ctx.Done():
					return errStopped
				}
				continue
			}
			break
		}
	}
	return nil
}

// Reveal loads path (see Load), expands every ancestor so that it shows,
// and returns its row: what "jump to path" needs.
func (t *Tree) Reveal(ctx context.Context, path string) (int, error) {
	if err := t.Load(ctx, parentOrSelf(path, t.opts.Root)); err != nil {
		return -1, err
	}
	for _, a := range t.Ancestors(path) {
		t.Expand(a)
	}
	row := t.RowOf(path)
	if row < 0 {
		return -1, fmt.Errorf("model: reveal %s: %w", path, zk.ErrNoNode)
	}
	return row, nil
}

// parentOrSelf is path's parent, or path itself for the mirrored root.
func parentOrSelf(path, root string) string {
	if path == root {
		return path
	}
	return parentOf(path)
}

// RowCount is the number of visible rows (the root is row 0).
func (t *Tree) RowCount() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.s.rows.count(t.s)
}

// RowOf returns the row of path, or -1 when it is not visible (not
// mirrored, or below a collapsed node). O(depth * log children).
func (t *Tree) RowOf(path string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.s.rows.rowOfPath(t.s, path)
}

// PathAt returns the path on a row. O(depth * log children).
func (t *Tree) PathAt(row int) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	id, _, ok := t.s.rows.at(t.s, row)
	if !ok {
		return "", false
	}
	return t.s.path(id), true
}

// Rows returns up to n visible rows starting at row from: what a window of
// n lines shows. It costs O(depth * log children + n), whatever the size of
// the tree.
func (t *Tree) Rows(from, n int) []Row {
	t.mu.Lock()
	defer t.mu.Unlock()
	id, stack, ok := t.s.rows.at(t.s, from)
	if !ok || n <= 0 {
		return nil
	}
	out := make([]Row, 0, n)
	for ok && len(out) < n {
		out = append(out, Row{Node: t.info(id, ""), Depth: len(stack)})
		id, stack, ok = t.s.rows.next(t.s, id, stack)
	}
	return out
}
