package zk

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

// Fault 5 as the issue sets it: 200 goroutines calling while the connection
// is reset every 100 ms for 30 s.
const (
	flapDuration      = 30 * time.Second
	flapDurationShort = 3 * time.Second // with -short
	flapEvery         = 100 * time.Millisecond
	flapWorkers       = 200
)

// Fault 5: no deadlock, no panic, every call returns, nothing outlives
// Reset. It runs (shortened) even with -short: it is the Client's main
// concurrency test.
func TestClientFaultFlapping(t *testing.T) {
	srv := zktest.Standalone(t, zktest.WithoutAdminServer())
	p := zktest.StartProxy(t, srv.Addr)
	dur := flapDuration
	if testing.Short() {
		dur = flapDurationShort
	}
	ctx := ctxT(t)
	c := &Client{Ensemble: p.Addr(), SessionTimeout: 10 * time.Second}
	states := c.States()
	var transitions sync.Map // State -> *atomic.Int64
	statesDone := make(chan struct{})
	go func() {
		defer close(statesDone)
		for ev := range states {
			v, _ := transitions.LoadOrStore(ev.State, new(atomic.Int64))
			v.(*atomic.Int64).Add(1)
		}
	}()
	if _, err := c.Create(ctx, "/flap", nil, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	var cc callCounts
	var ambiguous atomic.Int64 // NodeExists/NoNode: a create or delete that failed earlier, or a retried one meeting its own effect
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := range flapWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := fmt.Sprintf("/flap/w%d", i)
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
				var err error
				switch n % 4 {
				case 0:
					_, err = c.Create(cctx, path, nil, ModeEphemeral, WorldACL(PermAll))
				case 1:
					_, _, err = c.GetData(cctx, path)
				case 2:
					_, _, err = c.GetChildren(cctx, "/flap")
				case 3:
					err = c.Delete(cctx, path, -1)
				}
				cancel()
				switch {
				case errors.Is(err, ErrNodeExists), errors.Is(err, ErrNoNode):
					ambiguous.Add(1)
				case errors.Is(err, context.DeadlineExceeded):
					cc.retryable.Add(1)
				default:
					cc.add(err)
				}
			}
		}()
	}
	flaps := 0
	tick := time.NewTicker(flapEvery)
	end := time.After(dur)
flapping:
	for {
		select {
		case <-tick.C:
			p.ResetAll()
			flaps++
		case <-end:
			break flapping
		}
	}
	tick.Stop()
	p.Pass()
	close(stop)
	allDone := make(chan struct{})
	go func() { wg.Wait(); close(allDone) }()
	select {
	case <-allDone:
	case <-time.After(30 * time.Second):
		t.Fatal("calls still blocked 30 s after the flapping stopped: deadlock")
	}
	resetDone := make(chan struct{})
	go func() { c.Reset(); close(resetDone) }()
	select {
	case <-resetDone:
	case <-time.After(10 * time.Second):
		t.Fatal("Reset hangs after the flapping")
	}
	<-statesDone
	waitNoClientGoroutines(t)
	count := func(s State) int64 {
		if v, ok := transitions.Load(s); ok {
			return v.(*atomic.Int64).Load()
		}
		return 0
	}
	if cc.other.Load() != 0 {
		t.Errorf("%d calls failed with an unexpected error", cc.other.Load())
	}
	if cc.ok.Load() == 0 {
		t.Error("no call succeeded")
	}
	t.Logf("FAULT 5 %d workers, %d resets every %v for %v: calls %s NodeExists-or-NoNode=%d; states disconnected=%d connected=%d expired=%d; no goroutine left after Reset",
		flapWorkers, flaps, flapEvery, dur, &cc, ambiguous.Load(), count(StateDisconnected), count(StateConnected), count(StateExpired))
}
