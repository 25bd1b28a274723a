package model

import (
	"context"
	"errors"
	"time"

	"github.com/zkui/zkui/zk"
)

// maxEventsPerLock bounds how many queued events the syncer applies under
// one hold of the write lock, so readers get their turn during a burst.
const maxEventsPerLock = 4096

// loop is the syncer: the only goroutine that changes the mirror from the
// network. It applies watch events and fetch replies and keeps up to
// InFlight batches on the wire.
func (t *Tree) loop(events <-chan zk.Event) {
	backoff := time.Duration(0)
	retry := time.NewTimer(time.Hour)
	retry.Stop()
	var hold bool // issuing paused after a failed batch
	for {
		if !hold {
			t.issue()
		}
		select {
		case <-t.ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				t.fail(errors.New("model: the watch ended (session closed)"))
				continue
			}
			t.mu.Lock()
			t.applyEvent(ev)
			closed := t.applyQueued(events)
			t.mu.Unlock()
			if closed {
				events = nil
				t.fail(errors.New("model: the watch ended (session closed)"))
				continue
			}
		case ev := <-t.shots:
			t.mu.Lock()
			t.applyEvent(ev)
			t.mu.Unlock()
		case b := <-t.results:
			t.mu.Lock()
			// Events queued before the reply arrived are applied first:
			// a reply answered after a reconnect must find the loss
			// already known (see applySession), not be taken for one
			// the watch covered.
			closed := t.applyQueued(events)
			t.inflight--
			failed := t.applyBatch(b)
			t.mu.Unlock()
			if closed {
				events = nil
				t.fail(errors.New("model: the watch ended (session closed)"))
				continue
			}
			if failed != nil {
				if errors.Is(failed, zk.ErrClosed) {
					t.fail(failed)
					continue
				}
				backoff = min(max(2*backoff, 50*time.Millisecond), 2*time.Second)
				t.opts.Logger.Debug("model: batch failed, retrying", "err", failed, "in", backoff)
				hold = true
				retry.Reset(backoff)
			} else {
				backoff = 0
			}
		case reply := <-t.idleReq:
			t.mu.RLock()
			reply <- t.idleLocked() && !t.lost && t.dead == nil
			t.mu.RUnlock()
			continue
		case <-retry.C:
			hold = false
		case <-t.kick:
		}
		t.signalIdle()
	}
}

// applyQueued applies the events waiting on the channel, at most
// maxEventsPerLock of them, and reports whether the channel is closed.
// Caller holds t.mu.
func (t *Tree) applyQueued(events <-chan zk.Event) (closed bool) {
	for i := 0; i < maxEventsPerLock; i++ {
		select {
		case ev, ok := <-events:
			if !ok {
				return true
			}
			t.applyEvent(ev)
		default:
			return false
		}
	}
	return false
}

// fail stops the mirror for good (the session is gone).
func (t *Tree) fail(err error) {
	t.mu.Lock()
	if t.dead == nil {
		t.dead = err
		t.connected = false
	}
	t.mu.Unlock()
	t.notes.add("", true)
	t.signalIdle()
}

// signalIdle wakes WaitIdle callers after every step.
func (t *Tree) signalIdle() {
	t.mu.Lock()
	close(t.idleCh)
	t.idleCh = make(chan struct{})
	t.mu.Unlock()
}

// issue sends batches while fewer than InFlight are on the wire.
func (t *Tree) issue() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.dead != nil {
		return
	}
	for t.inflight < t.opts.InFlight {
		b := t.nextBatch()
		if b == nil {
			return
		}
		t.inflight++
		t.counts.Reads += uint64(len(b.ops))
		go t.exec(b)
	}
}

// batchItem is one path of a batch: its kinds and where its ops start.
type batchItem struct {
	path  string
	kinds kind
	op    int
}

// batch is one multiRead (or, without multiRead, a group of pipelined
// single reads) and its outcome.
type batch struct {
	items []batchItem
	ops   []zk.ReadOp
	kids  []bool // ops[i] lists children
	res   []zk.ReadResult
	err   error
}

// nextBatch takes up to BatchOps reads from the queue, skipping requests
// that no longer apply (the node left the mirror, nobody wants its children).
func (t *Tree) nextBatch() *batch {
	var b *batch
	for b == nil || len(b.ops)+2 <= t.batchOps {
		path, k, ok := t.w.take()
		if !ok {
			break
		}
		id, ok := t.s.lookup(path)
		if !ok {
			t.w.land(path)
			continue
		}
		if k&wKids != 0 && t.s.nodes[id].flags&fWantKids == 0 {
			k &^= wKids
			if k == 0 {
				k = wStat
			}
		}
		if b == nil {
			b = &batch{}
		}
		b.items = append(b.items, batchItem{path: path, kinds: k, op: len(b.ops)})
		if k&wKids != 0 {
			b.ops = append(b.ops, zk.GetChildrenOp(path))
			b.kids = append(b.kids, true)
		}
		b.ops = append(b.ops, zk.GetDataOp(path))
		b.kids = append(b.kids, false)
	}
	return b
}

// exec runs a batch and hands it back to the syncer.
func (t *Tree) exec(b *batch) {
	if !t.multiOff.Load() {
		b.res, b.err = t.sess.MultiRead(t.ctx, b.ops...)
		if errors.Is(b.err, zk.ErrUnimplemented) {
			t.multiOff.Store(true)
		}
	}
	if t.multiOff.Load() {
		b.res, b.err = t.execSingly(b)
	}
	select {
	case t.results <- b:
	case <-t.ctx.Done():
	}
}

// execSingly sends a batch's reads as separate requests, all in flight at
// once on the session (servers without multiRead). Session-level failures
// become the batch's error so that it is retried as a whole.
func (t *Tree) execSingly(b *batch) ([]zk.ReadResult, error) {
	res := make([]zk.ReadResult, len(b.ops))
	done := make(chan struct{}, len(b.ops))
	for i, op := range b.ops {
		go func() {
			defer func() { done <- struct{}{} }()
			res[i] = t.readOne(op.Path, b.kids[i])
		}()
	}
	for range b.ops {
		<-done
	}
	for _, r := range res {
		if isSessionError(r.Err) {
			return nil, r.Err
		}
	}
	return res, nil
}

func (t *Tree) readOne(path string, kids bool) zk.ReadResult {
	var r zk.ReadResult
	if t.oneShot {
		os := t.sess.(OneShotSession)
		var ch <-chan zk.Event
		if kids {
			r.Children, r.Stat, ch, r.Err = os.GetChildrenW(t.ctx, path)
		} else {
			r.Data, r.Stat, ch, r.Err = os.GetDataW(t.ctx, path)
		}
		if r.Err == nil {
			t.forward(ch)
		}
		return r
	}
	if kids {
		r.Children, r.Stat, r.Err = t.sess.GetChildren(t.ctx, path)
	} else {
		r.Data, r.Stat, r.Err = t.sess.GetData(t.ctx, path)
	}
	return r
}

// forward hands the events of a one-shot watch to the syncer.
func (t *Tree) forward(ch <-chan zk.Event) {
	go func() {
		for {
			select {
			case ev, ok := <-ch:
				if !ok {
					return
				}
				select {
				case t.shots <- ev:
				case <-t.ctx.Done():
					return
				}
			case <-t.ctx.Done():
				return
			}
		}
	}()
}

// isSessionError tells failures of the whole session (retry the batch)
// from failures of one read.
func isSessionError(err error) bool {
	return err != nil && (zk.IsRetryable(err) || errors.Is(err, zk.ErrClosed) ||
		errors.Is(err, zk.ErrSessionExpired) || errors.Is(err, context.Canceled))
}

func isUnimplemented(err error) bool { return errors.Is(err, zk.ErrUnimplemented) }
