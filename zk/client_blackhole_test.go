package zk

import (
	"fmt"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

// Fault 3: the path to the server goes silent for less than the session
// timeout. The connection is declared lost after 2/3 of the timeout, the
// session is resumed after the heal, and each change another client made
// meanwhile fires its watch exactly once.
func TestClientFaultShortBlackhole(t *testing.T) {
	srv := sharedServer(t)
	p := zktest.StartProxy(t, srv.Addr)
	ctx := ctxT(t)
	direct := dialShared(t)
	root := testRoot(t, direct)
	const timeout = 10 * time.Second
	c := newClient(t, p.Addr(), func(c *Client) { c.SessionTimeout = timeout })
	st := c.States()
	const nodes = 20
	watches := make([]<-chan Event, nodes)
	for i := range nodes {
		path := fmt.Sprintf("%s/n%d", root, i)
		if _, err := direct.Create(ctx, path, nil, ModePersistent, WorldACL(PermAll)); err != nil {
			t.Fatal(err)
		}
		var err error
		if _, _, watches[i], err = c.GetDataW(ctx, path); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := c.AddWatch(ctx, root, AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	sid := c.SessionID()
	// A request just before the fault: the server last heard from us now,
	// so it keeps the session for the whole timeout from here.
	if _, err := c.Sync(ctx, root); err != nil {
		t.Fatal(err)
	}
	p.Blackhole()
	t0 := time.Now()
	for i := range nodes {
		if _, err := direct.SetData(ctx, fmt.Sprintf("%s/n%d", root, i), []byte("x"), -1); err != nil {
			t.Fatal(err)
		}
	}
	nextState(t, st, StateDisconnected, timeout)
	time.Sleep(time.Until(t0.Add(timeout * 8 / 10)))
	p.Pass()
	nextState(t, st, StateConnected, timeout)
	if c.SessionID() != sid {
		t.Fatalf("session 0x%x after a blackhole of %v, want 0x%x", c.SessionID(), timeout*8/10, sid)
	}
	fired := 0
	for i, ch := range watches {
		n := 0
		for ev := range ch {
			if ev.Type == EventNodeDataChanged {
				n++
			}
		}
		if n != 1 {
			t.Errorf("watch %d reported the change %d times, want once", i, n)
		}
		fired += n
	}
	// Persistent watches are re-registered but the server does not replay
	// what happened meanwhile for them (SetWatches2 only re-adds them):
	// count what arrived, for the record.
	recEvents := 0
	drain := time.After(500 * time.Millisecond)
loop:
	for {
		select {
		case ev := <-rec:
			if ev.Type != EventSession {
				recEvents++
			}
		case <-drain:
			break loop
		}
	}
	t.Logf("FAULT 3 blackhole %v (timeout %v): same session %v, one-shot watches fired %d/%d changes exactly once, recursive watch replayed %d of them",
		timeout*8/10, timeout, c.SessionID() == sid, fired, nodes, recEvents)
}

// Fault 4: silence longer than the session timeout. After the heal the
// server says the session expired: Expired is reported, a new session
// starts, the old ephemerals are gone, one-shot watches close, persistent
// ones carry on.
func TestClientFaultLongBlackhole(t *testing.T) {
	srv := sharedServer(t)
	p := zktest.StartProxy(t, srv.Addr)
	ctx := ctxT(t)
	direct := dialShared(t)
	root := testRoot(t, direct)
	const timeout = 2 * time.Second
	c := newClient(t, p.Addr(), func(c *Client) { c.SessionTimeout = timeout })
	st := c.States()
	eph, err := c.Create(ctx, root+"/eph", nil, ModeEphemeral, WorldACL(PermAll))
	if err != nil {
		t.Fatal(err)
	}
	_, _, oneShot, err := c.ExistsW(ctx, root+"/never")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := c.AddWatch(ctx, root, AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	sid := c.SessionID()
	p.Blackhole()
	nextState(t, st, StateDisconnected, timeout)
	time.Sleep(3 * timeout)
	p.Pass()
	nextState(t, st, StateExpired, 5*timeout)
	nextState(t, st, StateConnected, 5*timeout)
	if c.SessionID() == sid || c.SessionID() == 0 {
		t.Errorf("session after expiry 0x%x (old 0x%x): want a new one", c.SessionID(), sid)
	}
	if ok, _, err := c.Exists(ctx, eph); err != nil || ok {
		t.Errorf("old ephemeral %s: exists=%v err=%v, want gone", eph, ok, err)
	}
	var last Event
	for ev := range oneShot {
		last = ev
	}
	if last.State != StateExpired {
		t.Errorf("one-shot watch ended with %+v, want an Expired event then close", last)
	}
	if _, err := direct.Create(ctx, root+"/after", nil, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	var recSession []State
	for {
		select {
		case ev := <-rec:
			if ev.Type == EventSession {
				recSession = append(recSession, ev.State)
				continue
			}
			if ev.Path != root+"/after" {
				continue
			}
			t.Logf("FAULT 4 blackhole %v (timeout %v): expired reported, new session 0x%x (old 0x%x), old ephemeral gone, one-shot watch closed after %s, recursive watch heard %v then the new node",
				3*timeout, timeout, c.SessionID(), sid, last.State, recSession)
			return
		case <-time.After(10 * time.Second):
			t.Fatalf("recursive watch silent on the new session (session events %v)", recSession)
		}
	}
}

// Fault 6: Reset while the reconnect loop cannot get through returns at
// once and leaves nothing running.
func TestClientFaultResetWhileReconnecting(t *testing.T) {
	srv := sharedServer(t)
	p := zktest.StartProxy(t, srv.Addr)
	ctx := ctxT(t)
	c := newClient(t, p.Addr(), func(c *Client) { c.SessionTimeout = 10 * time.Second })
	st := c.States()
	if err := c.Connect(ctx); err != nil {
		t.Fatal(err)
	}
	p.DropNew()
	p.ResetAll()
	nextState(t, st, StateDisconnected, 5*time.Second)
	time.Sleep(500 * time.Millisecond) // a few rounds of refused attempts
	done := make(chan time.Duration)
	go func() {
		t0 := time.Now()
		c.Reset()
		done <- time.Since(t0)
	}()
	select {
	case d := <-done:
		t.Logf("FAULT 6 Reset during a reconnect loop (DropNew) returned after %v", d)
	case <-time.After(10 * time.Second):
		t.Fatal("Reset hangs while the client is reconnecting")
	}
	nextState(t, st, StateClosed, time.Second)
	waitNoClientGoroutines(t)
}
