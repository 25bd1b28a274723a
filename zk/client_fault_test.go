package zk

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

// The fault tests put real servers through what the Client must survive;
// their t.Logf lines ("FAULT ...") give the counts recorded in
// docs/FAULTS.md.

// callCounts tallies the outcome of calls made during a fault.
type callCounts struct {
	ok, retryable, other atomic.Int64
}

func (cc *callCounts) add(err error) {
	switch {
	case err == nil:
		cc.ok.Add(1)
	case IsRetryable(err):
		cc.retryable.Add(1)
	default:
		cc.other.Add(1)
	}
}

func (cc *callCounts) String() string {
	return fmt.Sprintf("ok=%d retryable-failures=%d other-errors=%d", cc.ok.Load(), cc.retryable.Load(), cc.other.Load())
}

// Fault 1: the only server restarts while calls are in flight.
func TestClientFaultServerRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper")
	}
	srv := zktest.Standalone(t, zktest.WithoutAdminServer())
	ctx := ctxT(t)
	c := newClient(t, srv.Addr, func(c *Client) { c.SessionTimeout = 10 * time.Second; c.MaxRetries = 20 })
	states := c.States()
	if _, err := c.Create(ctx, "/r", []byte("0"), ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ctx, "/r/eph", nil, ModeEphemeral, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	sid := c.SessionID()
	var cc callCounts
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				cctx, cancel := context.WithTimeout(ctx, 15*time.Second)
				var err error
				if i%2 == 0 {
					_, _, err = c.GetData(cctx, "/r")
				} else {
					_, err = c.SetData(cctx, "/r", []byte("v"), -1)
				}
				cancel()
				cc.add(err)
				if err != nil && !IsRetryable(err) {
					t.Errorf("call failed with a non-retryable error: %v", err)
				}
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	before := cc.ok.Load()
	if err := srv.Kill(); err != nil {
		t.Fatal(err)
	}
	nextState(t, states, StateDisconnected, 10*time.Second)
	if err := srv.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	nextState(t, states, StateConnected, 15*time.Second)
	time.Sleep(300 * time.Millisecond)
	close(stop)
	wg.Wait()
	if c.SessionID() != sid {
		t.Errorf("session 0x%x after the restart, want the same 0x%x", c.SessionID(), sid)
	}
	if ok, _, err := c.Exists(ctx, "/r/eph"); err != nil || !ok {
		t.Errorf("the session's ephemeral after the restart: exists=%v err=%v", ok, err)
	}
	if cc.ok.Load() <= before {
		t.Error("no call succeeded after the restart")
	}
	t.Logf("FAULT 1 server kill+restart: calls %s; same session %v", &cc, c.SessionID() == sid)
}

// Fault 2: the leader of a 3-member ensemble dies under the client.
func TestClientFaultLeaderKill(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper")
	}
	e := zktest.NewEnsemble(t, 3, zktest.WithoutAdminServer())
	ctx := ctxT(t)
	leader, err := e.Leader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hosts := leader.Addr
	var other *zktest.Server
	for _, s := range e.Servers {
		if s != leader {
			hosts += "," + s.Addr
			other = s
		}
	}
	c := newClient(t, hosts, func(c *Client) { c.SessionTimeout = 10 * time.Second }) // leader first
	if _, err := c.Create(ctx, "/w", nil, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if c.Server() != leader.Addr {
		t.Fatalf("connected to %s, want the leader %s first", c.Server(), leader.Addr)
	}
	ch, err := c.AddWatch(ctx, "/w", AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	sid := c.SessionID()
	if err := leader.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := e.WaitQuorum(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.WaitConnected(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Sync(ctx, "/w"); err != nil {
		t.Fatalf("sync after failover: %v", err)
	}
	if c.SessionID() != sid || c.Server() == leader.Addr {
		t.Errorf("after failover: session 0x%x (want 0x%x) on %s", c.SessionID(), sid, c.Server())
	}
	if err := c.CheckWatches(ctx, "/w", WatcherAny); err != nil {
		t.Errorf("checkWatches after failover on %s: %v", c.Server(), err)
	}
	writer := dialAddr(t, other.Addr)
	const changes = 5
	for i := range changes {
		if _, err := writer.Create(ctx, fmt.Sprintf("/w/n%d", i), nil, ModePersistent, WorldACL(PermAll)); err != nil {
			t.Fatal(err)
		}
	}
	got := 0
	var session []State
	deadline := time.After(10 * time.Second)
	for got < changes {
		select {
		case ev := <-ch:
			if ev.Type == EventSession {
				session = append(session, ev.State)
				continue
			}
			if ev.Type != EventNodeCreated {
				t.Errorf("unexpected event %+v", ev)
			}
			got++
		case <-deadline:
			t.Fatalf("recursive watch reported %d of %d creations after failover (session events %v)", got, changes, session)
		}
	}
	t.Logf("FAULT 2 leader kill: moved %s -> %s, same session %v, recursive watch got %d/%d creations, session events %v",
		leader.Addr, c.Server(), c.SessionID() == sid, got, changes, session)
}
