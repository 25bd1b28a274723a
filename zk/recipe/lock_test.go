package recipe

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

// Ten goroutines over three sessions take turns; an atomic counter of the
// goroutines inside the critical section must never exceed one.
func TestLockMutualExclusion(t *testing.T) {
	sessions := []*zk.Client{sharedClient(t), sharedClient(t), sharedClient(t)}
	dir := testRoot(t, sessions[0]) + "/lock"
	ctx := ctxT(t)
	var inside, maxInside, entries atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := NewLock(sessions[g%3], dir, nil)
			for round := 0; round < 5; round++ {
				if err := l.Lock(ctx); err != nil {
					errs <- err
					return
				}
				n := inside.Add(1)
				for {
					m := maxInside.Load()
					if n <= m || maxInside.CompareAndSwap(m, n) {
						break
					}
				}
				entries.Add(1)
				time.Sleep(time.Millisecond) // widen the window an overlap would need
				inside.Add(-1)
				if err := l.Unlock(ctx); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := maxInside.Load(); got != 1 {
		t.Fatalf("%d goroutines were inside the critical section at once", got)
	}
	if got := entries.Load(); got != 50 {
		t.Fatalf("critical section entered %d times, want 50", got)
	}
	kids, _, err := sessions[0].GetChildren(ctx, dir)
	if err != nil || len(kids) != 0 {
		t.Fatalf("lock directory after all unlocks: %v, %v; want empty", kids, err)
	}
}

func TestLockErrors(t *testing.T) {
	c := sharedClient(t)
	dir := testRoot(t, c) + "/a/b/lock" // missing parents are created
	ctx := ctxT(t)
	l := NewLock(c, dir, nil)
	if err := l.Unlock(ctx); !errors.Is(err, ErrNotLocked) {
		t.Fatalf("Unlock of a fresh Lock: %v, want ErrNotLocked", err)
	}
	if l.Lost() != nil || l.Node() != "" {
		t.Fatal("a Lock not held has a Lost channel or a node")
	}
	if err := l.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	if err := l.Lock(ctx); !errors.Is(err, ErrDeadlock) {
		t.Fatalf("second Lock: %v, want ErrDeadlock", err)
	}
	if ok, err := l.TryLock(ctx); ok || !errors.Is(err, ErrDeadlock) {
		t.Fatalf("TryLock while held: %v %v, want ErrDeadlock", ok, err)
	}
	// A second contender cannot take it, and leaves no node behind.
	other := NewLock(c, dir, nil)
	if ok, err := other.TryLock(ctx); ok || err != nil {
		t.Fatalf("TryLock of a held lock: %v %v, want false, nil", ok, err)
	}
	if kids, _, _ := c.GetChildren(ctx, dir); len(kids) != 1 {
		t.Fatalf("children after a failed TryLock: %v, want only the holder's", kids)
	}
	// A waiter whose ctx ends withdraws its node.
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if err := other.Lock(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Lock with a short ctx: %v, want DeadlineExceeded", err)
	}
	if kids, _, _ := c.GetChildren(ctx, dir); len(kids) != 1 {
		t.Fatalf("children after an abandoned Lock: %v, want only the holder's", kids)
	}
	if err := l.Unlock(ctx); err != nil {
		t.Fatal(err)
	}
	if err := l.Unlock(ctx); !errors.Is(err, ErrNotLocked) {
		t.Fatalf("second Unlock: %v, want ErrNotLocked", err)
	}
	if ok, err := other.TryLock(ctx); !ok || err != nil {
		t.Fatalf("TryLock of a free lock: %v %v", ok, err)
	}
	if n := other.Node(); n == "" || !hasProtectedShape(n) {
		t.Fatalf("lock node %q lacks the protected name", n)
	}
}

func hasProtectedShape(p string) bool {
	name := p[len(p)-len("_c_")-32-1-len(lockPrefix)-seqDigits:]
	_, ok := sequence(name)
	return ok && name[:3] == protectedPrefix
}

// Closing the holder's session hands the lock to the waiter in another
// session.
func TestLockHandoverWhenHolderSessionCloses(t *testing.T) {
	a, b := sharedClient(t), sharedClient(t)
	dir := testRoot(t, a) + "/lock"
	ctx := ctxT(t)
	la, lb := NewLock(a, dir, nil), NewLock(b, dir, nil)
	if err := la.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	go func() { got <- lb.Lock(ctx) }()
	select {
	case err := <-got:
		t.Fatalf("second session got the lock while it was held: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	a.Reset() // closeSession: the holder's ephemeral node goes at once
	if err := within(t, got, 20*time.Second, "handover"); err != nil {
		t.Fatal(err)
	}
	within(t, la.Lost(), 10*time.Second, "Lost of the closed holder")
	if err := lb.Unlock(ctx); err != nil {
		t.Fatal(err)
	}
}

// The session expiring (the server stops hearing from it) reports the lock
// lost, and the other session gets it.
func TestLockLostOnExpiry(t *testing.T) {
	srv := sharedServer(t)
	p := zktest.StartProxy(t, srv.Addr)
	holder := newClient(t, p.Addr())
	waiter := sharedClient(t)
	dir := testRoot(t, waiter) + "/lock"
	ctx := ctxT(t)
	lh := NewLock(holder, dir, nil)
	if err := lh.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	lost := lh.Lost()
	lw := NewLock(waiter, dir, nil)
	got := make(chan error, 1)
	go func() { got <- lw.Lock(ctx) }()
	p.Blackhole() // longer than the 4s session timeout: the server expires it
	if err := within(t, got, 30*time.Second, "lock after the holder expired"); err != nil {
		t.Fatal(err)
	}
	p.Pass()
	p.ResetAll() // the client reconnects, hears Expired
	within(t, lost, 30*time.Second, "Lost after expiry")
	if err := lh.Unlock(ctx); err != nil {
		t.Fatalf("Unlock after expiry: %v", err)
	}
}
