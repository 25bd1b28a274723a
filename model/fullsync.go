package model

import (
	"context"
	"time"
)

// Progress of a full sync: Loaded of about Expected nodes have their stat
// mirrored. Expected comes from getAllChildrenNumber (servers >= 3.6; 0
// when unknown) and is a count taken without a lock on the server's tree,
// so Loaded may end a little off it.
type Progress struct {
	Loaded   int
	Expected int
	Done     bool
}

// progressEvery is how often FullSync reports progress.
const progressEvery = 100 * time.Millisecond

// FullSync mirrors the whole tree below the root and keeps it mirrored
// afterwards (new nodes are loaded as they appear), for deep search and
// export. It reports progress (if progress is not nil) about ten times a
// second and once more when done, and returns when every node is mirrored.
// The mirror stays usable meanwhile. Cancelling ctx stops it: children not
// listed yet are no longer wanted, except where rows are shown.
func (t *Tree) FullSync(ctx context.Context, progress func(Progress)) error {
	expected := 0
	if n, err := t.sess.GetAllChildrenNumber(ctx, t.opts.Root); err == nil {
		expected = n + 1
	}
	t.mu.Lock()
	t.full = true
	for id := range t.s.nodes {
		nd := &t.s.nodes[id]
		if nd.flags&fFree != 0 {
			continue
		}
		nd.flags |= fWantKids
		if nd.flags&fKids == 0 && (id == 0 || nd.stat.NumChildren > 0 || t.oneShot) {
			t.w.queue(t.s.path(int32(id)), wKids)
		}
	}
	t.mu.Unlock()
	t.wake()
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	for {
		t.mu.RLock()
		p := Progress{Loaded: t.s.loaded, Expected: expected}
		p.Done = t.idleLocked()
		ch, dead := t.idleCh, t.dead
		t.mu.RUnlock()
		if progress != nil && (p.Done || len(tick.C) > 0) {
			select {
			case <-tick.C:
			default:
			}
			progress(p)
		}
		if dead != nil {
			return dead
		}
		if p.Done {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			t.cancelFull()
			return ctx.Err()
		case <-t.ctx.Done():
			return errStopped
		}
	}
}

// cancelFull stops wanting the children of nodes that are neither shown
// nor one level ahead of what is shown.
func (t *Tree) cancelFull() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.full = false
	for id := range t.s.nodes {
		nd := &t.s.nodes[id]
		if id == 0 || nd.flags&fFree != 0 || nd.flags&fExpanded != 0 {
			continue
		}
		if t.s.nodes[nd.parent].flags&fExpanded == 0 {
			nd.flags &^= fWantKids
		}
	}
}
