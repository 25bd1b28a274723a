package model

import (
	"errors"
	"strings"

	"github.com/zkui/zkui/zk"
)

// parentOf returns the parent path of p ("" for "/").
func parentOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	switch {
	case p == "/" || i < 0:
		return ""
	case i == 0:
		return "/"
	}
	return p[:i]
}

// joinPath appends a child name to a path.
func joinPath(dir, name string) string {
	if dir == "/" {
		return "/" + name
	}
	return dir + "/" + name
}

// applyEvent folds one watch event into the mirror and queues the fetches
// it calls for. Events below nodes whose children are not listed cost a
// path lookup and nothing else. Caller holds t.mu.
func (t *Tree) applyEvent(ev zk.Event) {
	t.counts.Events++
	switch ev.Type {
	case zk.EventSession:
		t.applySession(ev.State)
	case zk.EventNodeCreated:
		t.w.touch(ev.Path)
		parent := parentOf(ev.Path)
		t.w.touch(parent)
		if ev.Path == t.opts.Root {
			t.w.queue(ev.Path, wKids)
			t.changed(ev.Path)
			return
		}
		pid, name, ok := t.s.lookupParent(ev.Path)
		if !ok {
			return
		}
		if t.s.nodes[pid].flags&fKids != 0 {
			if _, created := t.s.insertChild(pid, name); created {
				t.w.queue(ev.Path, wStat)
				t.changed(ev.Path)
			}
		}
		t.w.queue(parent, wStat) // numChildren, cversion, pzxid
	case zk.EventNodeDeleted:
		t.w.touch(ev.Path)
		parent := parentOf(ev.Path)
		t.w.touch(parent)
		if id, ok := t.s.lookup(ev.Path); ok {
			t.s.remove(id)
			t.w.drop(ev.Path)
			t.changed(ev.Path)
		}
		if _, ok := t.s.lookup(parent); ok && ev.Path != t.opts.Root {
			t.w.queue(parent, wStat)
		}
	case zk.EventNodeDataChanged:
		t.w.touch(ev.Path)
		if _, ok := t.s.lookup(ev.Path); ok {
			t.w.queue(ev.Path, wStat)
		}
	case zk.EventNodeChildrenChanged:
		// Only one-shot child watches (the fallback) report this.
		t.w.touch(ev.Path)
		if id, ok := t.s.lookup(ev.Path); ok {
			t.w.queue(ev.Path, t.kidsOrStat(id))
		}
	}
}

// kidsOrStat is what to fetch for a node whose children may have changed.
func (t *Tree) kidsOrStat(id int32) kind {
	if t.s.nodes[id].flags&fWantKids != 0 {
		return wKids
	}
	return wStat
}

// applySession reacts to a change of the session's state. A persistent
// watch is not replayed after a reconnect, so anything may have been
// missed while disconnected: every reply on the wire becomes suspect and,
// once connected again, a reconcile pass runs.
func (t *Tree) applySession(st zk.State) {
	switch st {
	case zk.StateDisconnected, zk.StateExpired:
		if t.connected || !t.lost {
			t.opts.Logger.Debug("model: session lost", "state", st)
		}
		t.connected = false
		t.lost = true
		t.expired = t.expired || st == zk.StateExpired
		t.w.touchAll()
		t.keepListBases()
		t.notes.add("", true)
	case zk.StateConnected, zk.StateConnectedReadOnly:
		t.connected = true
		if t.lost {
			t.lost = false
			t.reconcile()
		}
		t.notes.add("", true)
	case zk.StateClosed, zk.StateAuthFailed:
		t.connected = false
		t.w.touchAll()
		t.notes.add("", true)
	}
}

// keepListBases remembers, when the loss is noticed, the pzxid that each
// listed node's children list matches: its stat's, as every event before
// the loss is applied. Replies that land while the connection is lost (or
// that were answered after the reconnect) may carry a pzxid moved by
// changes no event reported, so the base must be taken now, not at the
// reconnect, and nothing applied meanwhile may change it. A base kept from
// an earlier loss whose reconcile has not finished stays.
func (t *Tree) keepListBases() {
	if t.recon == nil {
		t.recon = make(map[int32]int64)
	}
	for id := range t.s.nodes {
		nd := &t.s.nodes[id]
		if nd.flags&fFree != 0 || nd.flags&fKids == 0 {
			continue
		}
		if _, ok := t.recon[int32(id)]; !ok {
			t.recon[int32(id)] = nd.stat.Pzxid
		}
	}
}

// reconcile re-reads the stat of every mirrored node; the listed ones
// whose pzxid moved from the base kept at the loss are listed again.
// With one-shot watches after an expiry every watch is gone, so every
// listed node is listed again (which sets its child watch again).
func (t *Tree) reconcile() {
	t.counts.Reconciles++
	relist := t.oneShot && t.expired
	t.expired = false
	for id := range t.s.nodes {
		nd := &t.s.nodes[id]
		if nd.flags&fFree != 0 {
			continue
		}
		k := wCheck
		if nd.flags&fKids != 0 && relist {
			k = wKids
		}
		t.w.queue(t.s.path(int32(id)), k)
	}
	t.w.touchAll()
}

// applyBatch folds a batch's replies into the mirror. It returns the
// batch's error when the batch failed as a whole (its paths are queued
// again). Caller holds t.mu.
func (t *Tree) applyBatch(b *batch) error {
	if b.err != nil {
		// A reply too large for the frame limit (big data in a batch)
		// kills the connection: retry in smaller batches, and give up on a
		// node that fails alone.
		t.counts.Failures++
		poison := len(b.items) == 1 && (errors.Is(b.err, zk.ErrProtocol) || errors.Is(b.err, zk.ErrFrameTooLarge))
		for _, it := range b.items {
			if poison {
				t.w.land(it.path)
				t.opts.Logger.Warn("model: node cannot be read", "path", it.path, "err", b.err)
			} else {
				t.w.abort(it.path)
			}
		}
		if len(b.ops) > 2 {
			t.batchOps = max(2, len(b.ops)/2)
		}
		return b.err
	}
	if t.batchOps < t.opts.BatchOps {
		t.batchOps = min(t.opts.BatchOps, 2*t.batchOps)
	}
	defer func() {
		if t.recon != nil && !t.lost && t.w.idle() && t.inflight == 0 {
			t.recon = nil // every reconcile read landed (or its node left)
		}
	}()
	for _, it := range b.items {
		suspect := t.w.land(it.path)
		if suspect {
			t.counts.Refetches++
		}
		id, ok := t.s.lookup(it.path)
		if !ok {
			continue
		}
		if it.kinds&wKids != 0 {
			t.applyKids(id, it.path, b.res[it.op], b.res[it.op+1], suspect)
		} else {
			t.applyData(id, it.path, b.res[it.op], suspect)
		}
	}
	return nil
}

// applyKids applies a children list and the stat read after it.
func (t *Tree) applyKids(id int32, path string, kr, dr zk.ReadResult, suspect bool) {
	if errors.Is(kr.Err, zk.ErrNoAuth) || errors.Is(dr.Err, zk.ErrNoAuth) {
		t.s.nodes[id].flags |= fNoAuth | fKids
		t.changed(path)
		return
	}
	if kr.Err != nil || dr.Err != nil {
		err := kr.Err
		if err == nil {
			err = dr.Err
		}
		t.missing(id, path, err, suspect)
		return
	}
	added := t.s.setKids(id, kr.Children)
	t.s.nodes[id].flags |= fKids
	t.s.nodes[id].flags &^= fNoAuth
	for _, k := range added {
		t.w.queue(joinPath(path, t.s.name(k)), wStat)
	}
	switch {
	case t.lost:
		// Listed while changes go unreported: the list matches no pzxid
		// known to the mirror, so the reconcile lists it again.
		t.recon[id] = -1
	case !suspect:
		delete(t.recon, id)
	}
	// Without multiRead the two reads run concurrently and the stat read
	// may predate the list; getChildren2 then gave a stat taken with the
	// list. Keep whichever snapshot is later (the cache keeps the data
	// with its own stat).
	if kr.Stat.Czxid != 0 && laterStat(kr.Stat, dr.Stat) {
		d := dr
		d.Stat = kr.Stat
		if !laterStat(dr.Stat, kr.Stat) {
			d.Data = nil
			t.applyStatOnly(id, path, d, suspect)
			t.changed(path)
			return
		}
	}
	t.applyData(id, path, dr, suspect)
	t.changed(path)
}

// laterStat reports whether a is a snapshot of the node at least as late
// as b: every counter of a node only grows while it lives.
func laterStat(a, b zk.Stat) bool {
	if a.Czxid != b.Czxid {
		return a.Czxid > b.Czxid
	}
	return a.Mzxid >= b.Mzxid && a.Pzxid >= b.Pzxid && a.Aversion >= b.Aversion && a.Cversion >= b.Cversion
}

// applyStatOnly applies a stat whose data was not read with it: the cache
// is left alone.
func (t *Tree) applyStatOnly(id int32, path string, r zk.ReadResult, suspect bool) {
	t.applyDataCache(id, path, r, suspect, false)
}

// missing handles a read that failed for one node. Membership is decided by
// children lists and events only, so a missing node matters for the
// mirrored root alone (it has no parent list); any other node is removed by
// its parent's list or by its deletion event.
func (t *Tree) missing(id int32, path string, err error, suspect bool) {
	if errors.Is(err, zk.ErrNoAuth) {
		t.s.nodes[id].flags |= fNoAuth
		t.changed(path)
		return
	}
	if id == 0 && errors.Is(err, zk.ErrNoNode) && !suspect {
		t.s.remove(0)
		t.changed(path)
		return
	}
	if !errors.Is(err, zk.ErrNoNode) {
		t.opts.Logger.Debug("model: read failed", "path", path, "err", err)
	}
}

// applyData applies a node's stat (and data, if the node's data is cached)
// and decides whether its children should be listed.
func (t *Tree) applyData(id int32, path string, r zk.ReadResult, suspect bool) {
	t.applyDataCache(id, path, r, suspect, true)
}

func (t *Tree) applyDataCache(id int32, path string, r zk.ReadResult, suspect, withData bool) {
	if r.Err != nil {
		t.missing(id, path, r.Err, suspect)
		return
	}
	nd := &t.s.nodes[id]
	old, had := nd.stat, nd.flags&fStat != 0
	t.s.setStat(id, r.Stat, true)
	if !had || old != r.Stat {
		t.changed(path)
	}
	if withData && t.cache.has(path) {
		t.cache.put(path, r.Data, r.Stat)
	}
	if base, ok := t.recon[id]; ok && !suspect && !t.lost {
		delete(t.recon, id)
		if base != r.Stat.Pzxid && nd.flags&fKids != 0 {
			t.w.queue(path, wKids)
		}
	}
	if nd.flags&fWantKids == 0 && (t.full || (id != 0 && t.s.nodes[nd.parent].flags&fExpanded != 0)) {
		nd.flags |= fWantKids // full sync, or one level ahead of what is shown
	}
	// A wanted node's children are listed once it has any. With one-shot
	// watches a childless one is listed too: that sets the child watch
	// that tells of its first child (no created event will).
	if nd.flags&(fWantKids|fKids) == fWantKids && (r.Stat.NumChildren > 0 || t.oneShot) {
		t.w.queue(path, wKids)
	}
}
