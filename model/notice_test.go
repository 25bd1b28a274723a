package model

import (
	"strconv"
	"sync"
	"testing"
	"time"
)

func runNotifier(t *testing.T, interval time.Duration) *notifier {
	n := newNotifier(interval)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		n.run(done)
	}()
	t.Cleanup(func() {
		close(done)
		wg.Wait()
	})
	return n
}

// TestNoticesCoalesce: many changes from several goroutines arrive as few
// notices whose paths cover every change.
func TestNoticesCoalesce(t *testing.T) {
	n := runNotifier(t, 20*time.Millisecond)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				n.add("/g"+strconv.Itoa(g)+"/"+strconv.Itoa(i), false)
			}
		}()
	}
	wg.Wait()
	seen := make(map[string]bool)
	notices := 0
	var lastSeq uint64
	for len(seen) < 400 {
		select {
		case nt := <-n.ch:
			notices++
			if nt.Seq != lastSeq+1 {
				t.Fatalf("seq %d after %d", nt.Seq, lastSeq)
			}
			lastSeq = nt.Seq
			if nt.Resync {
				t.Fatalf("resync without overflow: %+v", nt)
			}
			for _, p := range nt.Paths {
				seen[p] = true
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("only %d of 400 paths notified", len(seen))
		}
	}
	// 400 adds in a burst: far fewer notices than changes.
	if notices > 100 {
		t.Fatalf("%d notices for 400 changes: not coalesced", notices)
	}
}

// TestNoticesLaggingReaderGetsResync: while the reader does not read,
// the syncer's adds never block, and the notice after the unread one says
// Resync.
func TestNoticesLaggingReaderGetsResync(t *testing.T) {
	n := runNotifier(t, time.Millisecond)
	n.add("/first", false)
	for len(n.ch) == 0 {
		time.Sleep(time.Millisecond)
	}
	for i := 0; i < 100000; i++ {
		n.add("/later/"+strconv.Itoa(i%10), false) // never blocks
	}
	// Wait until the notifier has tried (and failed) to send the next one.
	for {
		n.mu.Lock()
		r := n.resync
		n.mu.Unlock()
		if r {
			break
		}
		time.Sleep(time.Millisecond)
	}
	first := <-n.ch
	if first.Resync || len(first.Paths) != 1 || first.Paths[0] != "/first" {
		t.Fatalf("first notice %+v", first)
	}
	second := <-n.ch
	if !second.Resync || len(second.Paths) != 0 || second.Seq != first.Seq+1 {
		t.Fatalf("second notice %+v, want Resync", second)
	}
}

// TestNoticesTooManyPathsResync: a change to more paths than a notice
// carries becomes a Resync notice.
func TestNoticesTooManyPathsResync(t *testing.T) {
	n := newNotifier(time.Millisecond) // flushed by hand, no goroutine
	for i := 0; i <= maxNoticePaths; i++ {
		n.add("/p"+strconv.Itoa(i), false)
	}
	if n.flush() {
		t.Fatal("flush into an empty channel failed")
	}
	if nt := <-n.ch; !nt.Resync {
		t.Fatalf("notice %+v, want Resync", nt)
	}
	if n.flush() {
		t.Fatal("nothing was pending")
	}
	select {
	case nt := <-n.ch:
		t.Fatalf("notice %+v with nothing changed", nt)
	default:
	}
}

// TestTreeNotices: a change on the server reaches the notice channel with
// its path.
func TestTreeNotices(t *testing.T) {
	f := newFakeServer()
	f.create("/a", nil)
	tr := startTree(t, f, Options{})
	waitIdle(t, tr)
	for len(tr.Notices()) > 0 {
		<-tr.Notices()
	}
	f.set("/a", []byte("x"))
	deadline := time.After(10 * time.Second)
	for {
		select {
		case nt := <-tr.Notices():
			for _, p := range nt.Paths {
				if p == "/a" {
					return
				}
			}
			if nt.Resync {
				return
			}
		case <-deadline:
			t.Fatal("no notice for /a")
		}
	}
}
