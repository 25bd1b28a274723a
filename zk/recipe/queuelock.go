package recipe

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"time"

	"github.com/zkui/zkui/zk"
)

// queuePrefix names the entries of a queue lock directory.
const queuePrefix = "queue-"

// QueueLock is a lock held by the lowest entry of a queue directory, for
// work that is queued and then waited on: an entry is added first
// (Enqueue, with data saying what the holder will do, which others can
// read while it waits) and the wait for its turn is separate (Wait),
// bounded by a duration and an interrupt channel, as an operator tool
// needs. Every waiter watches the directory, so each change wakes all of
// them; use Lock for many contenders. A QueueLock is one entry: it is not
// meant for concurrent use by several goroutines.
type QueueLock struct {
	s    Session
	dir  string
	acl  []zk.ACL
	node string
}

// NewQueueLock returns a handle on the queue lock at dir, created (with its
// ancestors) on first use with acl, open to all when nil.
func NewQueueLock(s Session, dir string, acl []zk.ACL) *QueueLock {
	return &QueueLock{s: s, dir: path.Clean(dir), acl: acl}
}

// Enqueue adds our entry (an ephemeral sequential node holding data) to
// the queue and returns its path. One QueueLock holds one entry at a time.
func (q *QueueLock) Enqueue(ctx context.Context, data []byte) (string, error) {
	if q.node != "" {
		return "", fmt.Errorf("queue lock %s: %w", q.dir, ErrDeadlock)
	}
	node, err := createProtected(ctx, q.s, q.dir, newGUID(), queuePrefix, data, zk.ModeEphemeralSequential, q.acl)
	if err != nil {
		return "", fmt.Errorf("queue lock %s: %w", q.dir, err)
	}
	q.node = node
	return node, nil
}

// Wait blocks until our entry is the lowest of the queue, and so holds the
// lock. It gives up with ErrTimeout after wait (no limit when wait <= 0),
// with ErrInterrupted when interrupt closes, or with ctx's error; our
// entry is then still queued: Release it, or Wait again. Wait without an
// entry is ErrNotLocked.
func (q *QueueLock) Wait(ctx context.Context, wait time.Duration, interrupt <-chan struct{}) error {
	if q.node == "" {
		return ErrNotLocked
	}
	var expire <-chan time.Time
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		expire = t.C
	}
	name := path.Base(q.node)
	for {
		kids, _, ch, err := q.s.GetChildrenW(ctx, q.dir)
		if err != nil {
			return fmt.Errorf("queue lock %s: %w", q.dir, err)
		}
		kids = withPrefix(kids, queuePrefix)
		sortBySequence(kids)
		switch i := slices.Index(kids, name); {
		case i == 0:
			return nil
		case i < 0:
			return fmt.Errorf("queue lock %s: %w: our entry %s vanished", q.dir, zk.ErrSessionExpired, name)
		}
		select {
		case <-ch:
			// Any change of the queue (or of the session): look again.
		case <-expire:
			return fmt.Errorf("queue lock %s: %w after %v", q.dir, ErrTimeout, wait)
		case <-interrupt:
			return fmt.Errorf("queue lock %s: %w", q.dir, ErrInterrupted)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Lock is Enqueue then Wait; when Wait fails the entry is withdrawn.
func (q *QueueLock) Lock(ctx context.Context, data []byte, wait time.Duration, interrupt <-chan struct{}) error {
	if _, err := q.Enqueue(ctx, data); err != nil {
		return err
	}
	if err := q.Wait(ctx, wait, interrupt); err != nil {
		ctx, cancel := context.WithTimeout(context.Background(), withdrawTimeout)
		defer cancel()
		q.Release(ctx)
		return err
	}
	return nil
}

// Release removes our entry, whether it holds the lock or still waits.
// It is ErrNotLocked when there is none.
func (q *QueueLock) Release(ctx context.Context) error {
	if q.node == "" {
		return ErrNotLocked
	}
	err := q.s.Delete(ctx, q.node, -1)
	if err != nil && !errors.Is(err, zk.ErrNoNode) && !errors.Is(err, zk.ErrClosed) {
		return fmt.Errorf("queue lock %s: %w", q.dir, err)
	}
	q.node = ""
	return nil
}

// Node is our entry's path, or "" when there is none.
func (q *QueueLock) Node() string { return q.node }

// Queue returns the data of every entry of the queue at dir, holder
// first, for tools that show what is waiting.
func Queue(ctx context.Context, t Tree, dir string) ([][]byte, error) {
	kids, _, err := t.GetChildren(ctx, dir)
	if errors.Is(err, zk.ErrNoNode) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	kids = withPrefix(kids, queuePrefix)
	sortBySequence(kids)
	out := make([][]byte, len(kids))
	gone := make([]bool, len(kids))
	err = forEach(ctx, len(kids), func(ctx context.Context, i int) error {
		data, _, err := t.GetData(ctx, path.Join(dir, kids[i]))
		out[i], gone[i] = data, errors.Is(err, zk.ErrNoNode)
		if gone[i] {
			return nil
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	var kept [][]byte
	for i, d := range out {
		if !gone[i] {
			kept = append(kept, d)
		}
	}
	return kept, nil
}
