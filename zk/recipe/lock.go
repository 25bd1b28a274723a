package recipe

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"sync"

	"github.com/zkui/zkui/zk"
)

// lockPrefix names the contenders' nodes in a lock directory.
const lockPrefix = "lock-"

// Lock is a mutual exclusion lock shared by every process that uses the
// same directory: each contender creates an ephemeral sequential node
// there (under a protected name) and the lowest one holds the lock. A
// waiter watches only the node just before its own, so a release wakes one
// contender.
//
// A Lock value is one contender: locking it again while held is
// ErrDeadlock (it is not reentrant), and several goroutines that want to
// take turns use one Lock each. Because the node is ephemeral, the lock is
// released when the session ends; Lost tells the holder.
type Lock struct {
	s   Session
	dir string
	acl []zk.ACL
	mon *monitor

	mu   sync.Mutex
	busy bool   // locked, or Lock/TryLock running
	node string // our node while locked
	lost <-chan struct{}
}

// NewLock returns a contender for the lock at dir, which is created (with
// its ancestors) on first use with acl, open to all when nil.
func NewLock(s Session, dir string, acl []zk.ACL) *Lock {
	return &Lock{s: s, dir: path.Clean(dir), acl: acl, mon: monitorOf(s)}
}

// Lock waits until the lock is held or ctx ends. On ctx's end it withdraws
// (deletes its node) and returns ctx's error.
func (l *Lock) Lock(ctx context.Context) error {
	_, err := l.acquire(ctx, true)
	return err
}

// TryLock takes the lock if nobody holds it and reports whether it did,
// without waiting for the holder.
func (l *Lock) TryLock(ctx context.Context) (bool, error) {
	return l.acquire(ctx, false)
}

// Unlock releases the lock: its node is deleted. It is ErrNotLocked when
// the Lock is not held. After the session expired, Unlock only forgets the
// node (the server already deleted it).
func (l *Lock) Unlock(ctx context.Context) error {
	l.mu.Lock()
	node := l.node
	if node == "" {
		l.mu.Unlock()
		return ErrNotLocked
	}
	l.mu.Unlock()
	err := l.s.Delete(ctx, node, -1)
	if errors.Is(err, zk.ErrNoNode) || errors.Is(err, zk.ErrClosed) {
		err = nil // gone with the session, or deleted by someone else
	}
	if err != nil {
		return fmt.Errorf("unlock %s: %w", node, err)
	}
	l.mu.Lock()
	l.node, l.lost, l.busy = "", nil, false
	l.mu.Unlock()
	return nil
}

// Lost returns a channel closed when the session that held the lock ended
// (expired, or the client was closed): the lock may be held by someone else
// by then. It is nil while the Lock is not held.
func (l *Lock) Lost() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

// Node is the path of the lock's node while it is held, else "".
func (l *Lock) Node() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.node
}

func (l *Lock) acquire(ctx context.Context, wait bool) (bool, error) {
	l.mu.Lock()
	if l.busy {
		l.mu.Unlock()
		return false, ErrDeadlock
	}
	l.busy = true
	l.mu.Unlock()
	node, lost, err := l.contend(ctx, wait)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil || node == "" {
		l.busy = false
		return false, err
	}
	l.node, l.lost = node, lost
	return true, nil
}

// contend creates our node and waits until it is the lowest. It returns ""
// (and no error) when wait is false and someone else holds the lock.
func (l *Lock) contend(ctx context.Context, wait bool) (string, <-chan struct{}, error) {
	// Take the generation before creating the node: an expiry after this
	// point reports the lock lost, never the other way round.
	lost := l.mon.current()
	node, err := createProtected(ctx, l.s, l.dir, newGUID(), lockPrefix, nil, zk.ModeEphemeralSequential, l.acl)
	if err != nil {
		return "", nil, fmt.Errorf("lock %s: %w", l.dir, err)
	}
	name := path.Base(node)
	for {
		kids, _, err := l.s.GetChildren(ctx, l.dir)
		if err != nil {
			return "", nil, l.withdraw(node, err)
		}
		kids = withPrefix(kids, lockPrefix)
		sortBySequence(kids)
		i := slices.Index(kids, name)
		if i < 0 {
			// Our node is gone: the session expired while we waited.
			return "", nil, fmt.Errorf("lock %s: %w: our node %s vanished", l.dir, zk.ErrSessionExpired, name)
		}
		if i == 0 {
			return node, lost, nil
		}
		if !wait {
			return "", nil, l.withdraw(node, nil)
		}
		// Watch the node just before ours; when it goes (released, or
		// its session ended), look again: it need not mean we are first.
		ok, _, ch, err := l.s.ExistsW(ctx, path.Join(l.dir, kids[i-1]))
		if err != nil {
			return "", nil, l.withdraw(node, err)
		}
		if !ok {
			continue
		}
		if err := waitEvent(ctx, ch); err != nil {
			return "", nil, l.withdraw(node, err)
		}
	}
}

// withdraw deletes our node after a failed or abandoned attempt, with a
// fresh context since ctx may be what ended, and returns err.
func (l *Lock) withdraw(node string, err error) error {
	ctx, cancel := context.WithTimeout(context.Background(), withdrawTimeout)
	defer cancel()
	if derr := l.s.Delete(ctx, node, -1); derr != nil && !errors.Is(derr, zk.ErrNoNode) && err == nil {
		err = fmt.Errorf("lock %s: withdraw %s: %w", l.dir, node, derr)
	}
	if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("lock %s: %w", l.dir, err)
	}
	return err
}

// waitEvent waits for a one-shot watch to fire. Disconnected and
// Connected only say the connection moved; the watch stays set (the client
// replays it), so keep waiting. Anything else, or the channel closing
// (expiry), means "look again".
func waitEvent(ctx context.Context, ch <-chan zk.Event) error {
	for {
		select {
		case ev, ok := <-ch:
			if !ok || ev.Type != zk.EventSession {
				return nil
			}
			if ev.State == zk.StateExpired || ev.State == zk.StateClosed {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
