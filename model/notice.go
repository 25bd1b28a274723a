package model

import (
	"sync"
	"time"
)

// Notice says what changed in the mirror since the previous one.
type Notice struct {
	// Seq numbers notices from 1 up.
	Seq uint64
	// Paths are the nodes whose stat, children or presence changed
	// (a set, in no order). Empty when Resync is set.
	Paths []string
	// Resync says anything may have changed: the reader fell behind, too
	// many paths changed at once, or the session state changed. Re-read
	// everything shown.
	Resync bool
}

// maxNoticePaths bounds the paths of one notice; beyond it the notice says
// Resync instead, which costs the reader one re-read of what it shows.
const maxNoticePaths = 512

// notifier coalesces changes into Notices sent at most once per interval on
// a channel of capacity one. The syncer only ever calls add, which never
// blocks. If the reader has not taken the previous notice by the time the
// next is due, that one stays queued and the one after it says Resync.
type notifier struct {
	ch       chan Notice
	interval time.Duration

	mu     sync.Mutex
	paths  map[string]struct{}
	resync bool
	dirty  bool
	seq    uint64
	kick   chan struct{}
}

func newNotifier(interval time.Duration) *notifier {
	return &notifier{
		ch:       make(chan Notice, 1),
		interval: interval,
		paths:    make(map[string]struct{}),
		kick:     make(chan struct{}, 1),
	}
}

// add records a changed path ("" with all set means everything).
func (n *notifier) add(path string, all bool) {
	n.mu.Lock()
	switch {
	case all:
		n.resync = true
	case !n.resync:
		if len(n.paths) >= maxNoticePaths {
			n.resync = true
			clear(n.paths)
		} else {
			n.paths[path] = struct{}{}
		}
	}
	wasDirty := n.dirty
	n.dirty = true
	n.mu.Unlock()
	if !wasDirty {
		select {
		case n.kick <- struct{}{}:
		default:
		}
	}
}

// flush tries to send what has accumulated; it reports whether anything is
// still waiting (the reader has not taken the previous notice).
func (n *notifier) flush() (waiting bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.dirty {
		return false
	}
	nt := Notice{Seq: n.seq + 1, Resync: n.resync}
	if !n.resync {
		nt.Paths = make([]string, 0, len(n.paths))
		for p := range n.paths {
			nt.Paths = append(nt.Paths, p)
		}
	}
	select {
	case n.ch <- nt:
		n.seq++
		n.dirty = false
		n.resync = false
		clear(n.paths)
		return false
	default:
		// The reader is behind: it will get everything at once.
		n.resync = true
		clear(n.paths)
		return true
	}
}

// run sends notices until done is closed, never faster than the interval.
func (n *notifier) run(done <-chan struct{}) {
	var last time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-done:
			timer.Stop()
			return
		case <-n.kick:
		case <-timer.C:
		}
		if wait := n.interval - time.Since(last); wait > 0 {
			timer.Reset(wait)
			continue
		}
		last = time.Now()
		if n.flush() {
			timer.Reset(n.interval)
		}
	}
}
