package recipe

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/zkui/zkui/zk"
)

// PidNode is an ephemeral node that says "this process is alive" (its data
// is typically a host name and pid). The server deletes it when the session
// ends; PidNode creates it again in the next session, and whenever someone
// deletes it, until Stop.
type PidNode struct {
	s    Session
	path string
	data []byte
	acl  []zk.ACL

	done    chan struct{}
	cancel  context.CancelFunc
	once    sync.Once
	created chan string
}

// StartPidNode creates the ephemeral node at path with data (its parents
// too), waiting until it exists or ctx ends, and keeps it there until Stop.
// A node already at path that belongs to another session is taken to be a
// leftover of this program's previous run (it would vanish with that
// session's timeout) and is replaced.
func StartPidNode(ctx context.Context, s Session, path string, data []byte, acl []zk.ACL) (*PidNode, error) {
	loopCtx, cancel := context.WithCancel(context.Background())
	p := &PidNode{
		s: s, path: path, data: data, acl: acl,
		done: make(chan struct{}), cancel: cancel,
		created: make(chan string, 1),
	}
	if err := p.ensure(ctx); err != nil {
		cancel()
		return nil, err
	}
	go p.run(loopCtx)
	return p, nil
}

// Created returns a channel that receives the path each time the node was
// created again (after an expiry or a deletion). Only the latest is kept.
func (p *PidNode) Created() <-chan string { return p.created }

// Stop ends the upkeep and deletes the node.
func (p *PidNode) Stop(ctx context.Context) error {
	p.once.Do(func() { p.cancel() })
	select {
	case <-p.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	err := p.s.Delete(ctx, p.path, -1)
	if errors.Is(err, zk.ErrNoNode) || errors.Is(err, zk.ErrClosed) {
		return nil
	}
	return err
}

// ensure makes the node exist and belong to our current session.
func (p *PidNode) ensure(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		_, err := CreateRecursive(ctx, p.s, p.path, p.data, zk.ModeEphemeral, p.acl)
		if err == nil {
			return nil
		}
		if !errors.Is(err, zk.ErrNodeExists) {
			return fmt.Errorf("pid node %s: %w", p.path, err)
		}
		ok, st, err := p.s.Exists(ctx, p.path)
		if err != nil {
			return fmt.Errorf("pid node %s: %w", p.path, err)
		}
		if ok && st.EphemeralOwner == p.s.SessionID() {
			return nil // ours: a retried create met its own first attempt
		}
		if attempt >= 3 {
			return fmt.Errorf("pid node %s: %w: keeps being created by another session", p.path, zk.ErrNodeExists)
		}
		if ok {
			err = p.s.Delete(ctx, p.path, st.Version)
			if err != nil && !errors.Is(err, zk.ErrNoNode) && !errors.Is(err, zk.ErrBadVersion) {
				return fmt.Errorf("pid node %s: remove leftover: %w", p.path, err)
			}
		}
	}
}

// run watches the node and re-creates it when it goes.
func (p *PidNode) run(ctx context.Context) {
	defer close(p.done)
	backoff := 50 * time.Millisecond
	for ctx.Err() == nil {
		ok, _, ch, err := p.s.ExistsW(ctx, p.path)
		if errors.Is(err, zk.ErrClosed) {
			return
		}
		if err == nil && ok {
			backoff = 50 * time.Millisecond
			if waitEvent(ctx, ch) != nil {
				return
			}
			continue
		}
		if err == nil {
			err = p.ensure(ctx)
		}
		if errors.Is(err, zk.ErrClosed) {
			return
		}
		if err != nil {
			if sleep(ctx, backoff) != nil {
				return
			}
			backoff = min(2*backoff, 2*time.Second)
			continue
		}
		select {
		case <-p.created:
		default:
		}
		p.created <- p.path
	}
}
