package model

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
)

// TestReconcileStatReadDuringLoss: a stat read answered after the
// connection was lost shows the parent's pzxid moved by a change nobody
// reported. The reconcile pass must still list the parent again: it
// compares with the pzxid the children list matched, not with a stat
// refreshed while events were missed.
func TestReconcileStatReadDuringLoss(t *testing.T) {
	for _, unreported := range []string{"delete", "create"} {
		t.Run(unreported, func(t *testing.T) {
			f := newFakeServer()
			f.create("/p", nil)
			f.create("/p/c", nil)
			tr := startTree(t, f, Options{})
			if err := tr.FullSync(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			waitIdle(t, tr)
			var once sync.Once
			var saved chan zk.Event
			f.mu.Lock()
			f.beforeRead = func(path string) {
				if path != "/p" {
					return
				}
				once.Do(func() {
					// The connection drops, then the tree changes
					// unreported, then the read is answered.
					f.mu.Lock()
					f.watch <- zk.Event{Type: zk.EventSession, State: zk.StateDisconnected}
					saved, f.watch = f.watch, nil
					f.mu.Unlock()
					if unreported == "delete" {
						f.delete("/p/c")
					} else {
						f.create("/p/d", nil)
					}
				})
			}
			f.mu.Unlock()
			f.set("/p", []byte("x")) // the event that makes the tree read /p
			waitLost(t, tr)
			f.mu.Lock()
			f.beforeRead = nil
			f.watch = saved
			f.watch <- zk.Event{Type: zk.EventSession, State: zk.StateConnected}
			f.mu.Unlock()
			waitIdle(t, tr)
			if err := diffTrees(fakeStats(f, nil), mirrorStats(tr)); err != nil {
				t.Fatal(err)
			}
			if st := tr.Status(); st.Reconciles != 1 || st.Stale {
				t.Fatalf("status %+v", st)
			}
		})
	}
}

// waitLost waits until the tree knows the connection is lost and has
// nothing left to read (WaitIdle waits for the reconnect too).
func waitLost(tb testing.TB, tr *Tree) {
	tb.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		st := tr.Status()
		tr.mu.RLock()
		lost := tr.lost && tr.idleLocked()
		tr.mu.RUnlock()
		if lost && !st.Connected {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("tree did not settle while disconnected: %+v", st)
		}
		time.Sleep(time.Millisecond)
	}
}
