package model

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/zkui/zkui/zk"
)

// Tree is the live mirror of one ensemble's tree below Options.Root.
// Its methods are safe for concurrent use; readers never wait for the
// network.
type Tree struct {
	opts  Options
	sess  Session
	cache *dataCache
	notes *notifier

	mu        sync.RWMutex
	s         *store
	w         *workQueue
	full      bool            // mirror everything (a full sync ran)
	recon     map[int32]int64 // reconcile: pzxid of listed nodes before the loss
	connected bool
	lost      bool // connection or session lost since the last reconcile
	expired   bool // the session expired since the last reconcile
	dead      error
	inflight  int // batches on the wire
	batchOps  int // current batch size: halved when a batch fails, regrown after
	counts    Counts
	idleCh    chan struct{}

	multiOff atomic.Bool // the server has no multiRead
	oneShot  bool        // fallback: one-shot watches on loaded nodes

	kick    chan struct{}
	idleReq chan chan bool // WaitIdle asks the syncer, which holds no unapplied event then
	results chan *batch
	shots   chan zk.Event // events of one-shot watches (fallback)
	events  <-chan zk.Event
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

// errStopped is returned by waits cut short by Close.
var errStopped = errors.New("model: tree closed")

// New makes a Tree over sess; Start begins the mirroring.
func New(sess Session, opts Options) *Tree {
	opts = opts.withDefaults()
	ctx, cancel := context.WithCancel(context.Background())
	t := &Tree{
		opts:     opts,
		batchOps: opts.BatchOps,
		sess:     sess,
		cache:    newDataCache(opts.DataBudget),
		notes:    newNotifier(opts.NoticeInterval),
		s:        newStore(opts.Root),
		w:        newWorkQueue(),
		idleCh:   make(chan struct{}),
		kick:     make(chan struct{}, 1),
		idleReq:  make(chan chan bool),
		results:  make(chan *batch, opts.InFlight),
		shots:    make(chan zk.Event, 1024),
		ctx:      ctx,
		cancel:   cancel,
	}
	return t
}

// Start sets the one persistent recursive watch on the root (or, on servers
// older than 3.6 or with Options.OneShotWatches, switches to one-shot
// watches), queues the root and its children, and starts the syncer. It
// returns once the watch is set; loading goes on in the background.
func (t *Tree) Start(ctx context.Context) error {
	var events <-chan zk.Event
	_, oneShot := t.sess.(OneShotSession)
	if t.opts.OneShotWatches {
		if !oneShot {
			return fmt.Errorf("model: OneShotWatches needs a session with GetChildrenW and GetDataW")
		}
		t.oneShot = true
	} else {
		ch, err := t.sess.AddWatch(ctx, t.opts.Root, zk.AddWatchPersistentRecursive)
		switch {
		case errors.Is(err, zk.ErrUnimplemented) && oneShot:
			t.oneShot = true // a server older than 3.6
		case err != nil:
			return fmt.Errorf("model: watch %s: %w", t.opts.Root, err)
		default:
			events = ch
			t.events = ch
		}
	}
	if t.oneShot {
		t.multiOff.Store(true) // multiRead came with 3.6 too
	}
	t.mu.Lock()
	t.connected = true
	t.s.nodes[0].flags |= fWantKids
	t.s.rows.expand(t.s, 0)
	t.w.queue(t.opts.Root, wKids)
	t.mu.Unlock()
	t.wg.Add(2)
	go func() {
		defer t.wg.Done()
		t.notes.run(t.ctx.Done())
	}()
	go func() {
		defer t.wg.Done()
		t.loop(events)
	}()
	return nil
}

// Close stops the syncer. It does not close the session, which belongs to
// the caller; the persistent watch ends with it.
func (t *Tree) Close() {
	t.cancel()
	t.wg.Wait()
}

// Notices returns the channel of change notices. There is one channel per
// Tree; it is never closed.
func (t *Tree) Notices() <-chan Notice { return t.notes.ch }

// Root is the mirrored path.
func (t *Tree) Root() string { return t.opts.Root }

// Status is the state of the mirror as a whole.
type Status struct {
	Connected bool  // the session is connected
	Stale     bool  // changes may have been missed; a reconcile is pending or running
	Loaded    int   // nodes whose stat is known
	Nodes     int   // nodes in the mirror
	Pending   int   // fetches queued or in flight
	Full      bool  // every node is mirrored (after FullSync)
	DataBytes int64 // memory held by cached data
	Err       error // the syncer stopped (the session ended)
	Counts
}

// Counts are running totals of the syncer's work, for diagnostics.
type Counts struct {
	Events     uint64 // watch events applied
	Reads      uint64 // reads sent (ops of multiReads, or single reads)
	Refetches  uint64 // replies made suspect by an event while in flight
	Reconciles uint64 // reconcile passes after a lost connection or session
	Failures   uint64 // batches that failed as a whole and were retried
}

// Status reports the state of the mirror.
func (t *Tree) Status() Status {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return Status{
		Connected: t.connected && t.dead == nil,
		Stale:     t.lost || len(t.recon) > 0 || t.dead != nil,
		Loaded:    t.s.loaded,
		Nodes:     t.s.live,
		Pending:   len(t.w.pending) + len(t.w.flying),
		Full:      t.full,
		DataBytes: t.cache.bytes(),
		Err:       t.dead,
		Counts:    t.counts,
	}
}

// WaitIdle waits until nothing is queued or in flight and every event
// received so far is applied: the mirror agrees with all it has heard of.
func (t *Tree) WaitIdle(ctx context.Context) error {
	for {
		t.mu.RLock()
		ch, dead := t.idleCh, t.dead
		t.mu.RUnlock()
		if dead != nil {
			return dead
		}
		// Only the syncer can tell: an event it has taken off the channel
		// but not applied yet is visible nowhere else.
		reply := make(chan bool, 1)
		select {
		case t.idleReq <- reply:
		case <-ctx.Done():
			return ctx.Err()
		case <-t.ctx.Done():
			return errStopped
		}
		if <-reply {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-t.ctx.Done():
			return errStopped
		}
	}
}

// idleLocked reports that no fetch is queued or in flight and no event
// waits to be applied. Caller holds t.mu.
func (t *Tree) idleLocked() bool {
	return t.w.idle() && t.inflight == 0 && len(t.events) == 0 && len(t.shots) == 0
}

// wake tells the syncer that work was queued.
func (t *Tree) wake() {
	select {
	case t.kick <- struct{}{}:
	default:
	}
}

// changed records a changed path for the next notice.
func (t *Tree) changed(path string) { t.notes.add(path, false) }
