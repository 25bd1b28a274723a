package recipe

import (
	"errors"
	"testing"
	"time"
)

func TestQueueLock(t *testing.T) {
	a, b := sharedClient(t), sharedClient(t)
	dir := testRoot(t, a) + "/actions/queue"
	ctx := ctxT(t)
	qa, qb := NewQueueLock(a, dir, nil), NewQueueLock(b, dir, nil)
	if err := qa.Wait(ctx, 0, nil); !errors.Is(err, ErrNotLocked) {
		t.Fatalf("Wait without an entry: %v", err)
	}
	if err := qa.Lock(ctx, []byte("first"), 0, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := qa.Enqueue(ctx, nil); !errors.Is(err, ErrDeadlock) {
		t.Fatalf("second Enqueue: %v, want ErrDeadlock", err)
	}
	if _, err := qb.Enqueue(ctx, []byte("second")); err != nil {
		t.Fatal(err)
	}
	if q, err := Queue(ctx, a, dir); err != nil || len(q) != 2 || string(q[0]) != "first" || string(q[1]) != "second" {
		t.Fatalf("Queue = %q, %v", q, err)
	}
	if err := qb.Wait(ctx, 200*time.Millisecond, nil); !errors.Is(err, ErrTimeout) {
		t.Fatalf("Wait behind the holder: %v, want ErrTimeout", err)
	}
	interrupt := make(chan struct{})
	close(interrupt)
	if err := qb.Wait(ctx, 0, interrupt); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("interrupted Wait: %v, want ErrInterrupted", err)
	}
	// The entry stays queued after a failed Wait, and gets the lock once
	// the holder releases.
	got := make(chan error, 1)
	go func() { got <- qb.Wait(ctx, 0, nil) }()
	if err := qa.Release(ctx); err != nil {
		t.Fatal(err)
	}
	if err := within(t, got, 20*time.Second, "queue lock after release"); err != nil {
		t.Fatal(err)
	}
	if err := qa.Release(ctx); !errors.Is(err, ErrNotLocked) {
		t.Fatalf("second Release: %v", err)
	}
	// Lock that times out withdraws its entry.
	if err := qa.Lock(ctx, []byte("late"), 100*time.Millisecond, nil); !errors.Is(err, ErrTimeout) {
		t.Fatalf("Lock behind a holder: %v, want ErrTimeout", err)
	}
	if q, _ := Queue(ctx, a, dir); len(q) != 1 {
		t.Fatalf("queue after a timed-out Lock: %q, want only the holder", q)
	}
	if err := qb.Release(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestPidNodeRecreated(t *testing.T) {
	srv := sharedServer(t)
	p := startProxy(t, srv.Addr)
	c := newClient(t, p.Addr())
	other := sharedClient(t)
	pid := testRoot(t, other) + "/pids/host-1"
	ctx := ctxT(t)
	n, err := StartPidNode(ctx, c, pid, []byte("host-1:4242"), nil)
	if err != nil {
		t.Fatal(err)
	}
	owner := func() int64 {
		ok, st, err := other.Exists(ctx, pid)
		if err != nil || !ok {
			return 0
		}
		return st.EphemeralOwner
	}
	first := c.SessionID()
	if owner() != first {
		t.Fatal("pid node missing or not owned by its session")
	}
	// Deleted by someone else: created again.
	if err := other.Delete(ctx, pid, -1); err != nil {
		t.Fatal(err)
	}
	within(t, n.Created(), 20*time.Second, "re-creation after delete")
	// The session expires: created again in the new session.
	p.Blackhole()
	time.Sleep(6 * time.Second) // past the 4s session timeout
	p.Pass()
	p.ResetAll()
	within(t, n.Created(), 30*time.Second, "re-creation after expiry")
	if id := c.SessionID(); id == first || owner() != id {
		t.Fatalf("after expiry: session %x (was %x), node owner %x", id, first, owner())
	}
	if data, _, err := other.GetData(ctx, pid); err != nil || string(data) != "host-1:4242" {
		t.Fatalf("pid node data %q, %v", data, err)
	}
	if err := n.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if owner() != 0 {
		t.Fatal("pid node still there after Stop")
	}
}
