package recipe

import (
	"context"
	"errors"
	"path"
	"slices"
	"sync"
	"time"

	"github.com/zkui/zkui/zk"
)

// candidatePrefix names the candidates' nodes in an election directory.
const candidatePrefix = "n_"

// ErrNoLeader is returned by Election.Leader when there is no candidate.
var ErrNoLeader = errors.New("recipe: no leader")

// Election is one candidate in a leader election held in a directory: each
// candidate owns an ephemeral sequential node there and the lowest one
// leads. A follower watches only the candidate just before it, so when the
// leader's session ends (or it resigns) exactly the next candidate takes
// over.
//
// The candidate's view arrives on Leadership: true when it became leader,
// false when it is not (or no longer) leader. While the connection is lost
// it reports false, because another candidate may lead once the session
// expires; after an expiry it enters the election again with a new node.
type Election struct {
	s    Session
	dir  string
	data []byte
	acl  []zk.ACL

	out    chan bool
	done   chan struct{}
	cancel context.CancelFunc

	mu     sync.Mutex
	node   string
	leader bool
	once   sync.Once
}

// Campaign enters the election at dir (created if needed) as a candidate
// whose node holds data (typically the candidate's address, read by
// Leader) and returns at once; the outcome arrives on Leadership. Resign
// to leave.
func Campaign(s Session, dir string, data []byte, acl []zk.ACL) *Election {
	ctx, cancel := context.WithCancel(context.Background())
	e := &Election{
		s: s, dir: path.Clean(dir), data: data, acl: acl,
		out: make(chan bool, 1), done: make(chan struct{}), cancel: cancel,
	}
	go e.run(ctx)
	return e
}

// Leadership returns the candidate's stream of "leader" (true) and "not
// leader" (false). Only the latest value is kept: a slow reader skips
// intermediate flips but always sees the current one. It closes after
// Resign, or when the client is closed.
func (e *Election) Leadership() <-chan bool { return e.out }

// IsLeader reports the candidate's current view.
func (e *Election) IsLeader() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.leader
}

// Resign leaves the election: the candidate's node is deleted, so the next
// candidate takes over at once, and Leadership closes after a final false.
func (e *Election) Resign(ctx context.Context) error {
	e.once.Do(func() { e.cancel() })
	select {
	case <-e.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	e.mu.Lock()
	node := e.node
	e.node = ""
	e.mu.Unlock()
	if node == "" {
		return nil
	}
	err := e.s.Delete(ctx, node, -1)
	if errors.Is(err, zk.ErrNoNode) || errors.Is(err, zk.ErrClosed) {
		return nil
	}
	return err
}

// Leader returns the data of the current leader's node: the lowest
// candidate in dir. It is ErrNoLeader when there is none.
func (e *Election) Leader(ctx context.Context) ([]byte, error) {
	return Leader(ctx, e.s, e.dir)
}

// Leader returns the data of the leading candidate of the election at dir,
// for observers that do not take part.
func Leader(ctx context.Context, t Tree, dir string) ([]byte, error) {
	for {
		kids, _, err := t.GetChildren(ctx, dir)
		if errors.Is(err, zk.ErrNoNode) {
			return nil, ErrNoLeader
		}
		if err != nil {
			return nil, err
		}
		kids = withPrefix(kids, candidatePrefix)
		if len(kids) == 0 {
			return nil, ErrNoLeader
		}
		sortBySequence(kids)
		data, _, err := t.GetData(ctx, path.Join(dir, kids[0]))
		if errors.Is(err, zk.ErrNoNode) {
			continue // the leader left between the two reads
		}
		return data, err
	}
}

// publish records and sends the candidate's view, replacing an unread one.
func (e *Election) publish(leader bool) {
	e.mu.Lock()
	e.leader = leader
	e.mu.Unlock()
	select {
	case <-e.out: // drop the stale value nobody read
	default:
	}
	e.out <- leader // the only sender: room is guaranteed
}

// run is the candidate's loop: make sure our node exists, find our place,
// watch the node that decides our fate, and start over when it changes.
func (e *Election) run(ctx context.Context) {
	defer close(e.done)
	defer close(e.out)
	defer e.publish(false)
	backoff := 50 * time.Millisecond
	for ctx.Err() == nil {
		err := e.step(ctx)
		if errors.Is(err, zk.ErrClosed) || errors.Is(err, zk.ErrAuthFailed) {
			return // the client is gone for good
		}
		if err != nil {
			e.publish(false)
			if sleep(ctx, backoff) != nil {
				return
			}
			backoff = min(2*backoff, 2*time.Second)
			continue
		}
		backoff = 50 * time.Millisecond
	}
}

// step runs one round: it returns when the watched node changed, the
// session expired, or an error happened.
func (e *Election) step(ctx context.Context) error {
	e.mu.Lock()
	node := e.node
	e.mu.Unlock()
	if node == "" {
		created, err := createProtected(ctx, e.s, e.dir, newGUID(), candidatePrefix, e.data, zk.ModeEphemeralSequential, e.acl)
		if err != nil {
			return err
		}
		e.mu.Lock()
		e.node, node = created, created
		e.mu.Unlock()
	}
	kids, _, err := e.s.GetChildren(ctx, e.dir)
	if err != nil {
		return err
	}
	kids = withPrefix(kids, candidatePrefix)
	sortBySequence(kids)
	i := slices.Index(kids, path.Base(node))
	if i < 0 {
		// Our node is gone (session expired, or deleted by hand): enter
		// again with a new one.
		e.publish(false)
		e.mu.Lock()
		e.node = ""
		e.mu.Unlock()
		return nil
	}
	// The leader watches its own node (deleted by hand, or its session
	// ends); a follower the candidate just before it.
	watched := node
	if i > 0 {
		watched = path.Join(e.dir, kids[i-1])
	}
	ok, _, ch, err := e.s.ExistsW(ctx, watched)
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	e.publish(i == 0)
	return e.await(ctx, ch, i == 0)
}

// await waits for the watch to fire. A lost connection makes a leader
// report false at once (it cannot know whether its session survives);
// reconnecting ends the round so the candidate looks again.
func (e *Election) await(ctx context.Context, ch <-chan zk.Event, leader bool) error {
	for {
		select {
		case ev, ok := <-ch:
			if !ok || ev.Type != zk.EventSession {
				return nil
			}
			switch ev.State {
			case zk.StateDisconnected:
				if leader {
					e.publish(false)
				}
			case zk.StateConnected, zk.StateConnectedReadOnly:
				if leader {
					return nil
				}
			case zk.StateClosed:
				return zk.ErrClosed
			default:
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
