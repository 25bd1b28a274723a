package recipe

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

func TestMain(m *testing.M) { zktest.Main(m) }

// sharedServer is the test binary's shared server (see zktest.Shared).
func sharedServer(t testing.TB) *zktest.Server {
	t.Helper()
	return zktest.Shared(t)
}

// newClient returns a connected Client on addr, closed with the test.
func newClient(t testing.TB, addr string) *zk.Client {
	t.Helper()
	c := &zk.Client{Ensemble: addr, SessionTimeout: 4 * time.Second}
	t.Cleanup(func() { c.Reset() })
	if err := c.Connect(ctxT(t)); err != nil {
		t.Fatalf("connect %s: %v", addr, err)
	}
	return c
}

// sharedClient connects a new session to the shared server.
func sharedClient(t testing.TB) *zk.Client {
	t.Helper()
	return newClient(t, sharedServer(t).Addr)
}

var rootSeq atomic.Int64

// testRoot creates a fresh persistent node for one test.
func testRoot(t testing.TB, c Tree) string {
	t.Helper()
	p := fmt.Sprintf("/t%d-%d", time.Now().UnixNano()%1e9, rootSeq.Add(1))
	if _, err := c.Create(ctxT(t), p, nil, zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatalf("create test root: %v", err)
	}
	return p
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// mustCreate creates the nodes (and their parents) or fails the test.
func mustCreate(t testing.TB, c Tree, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if _, err := CreateRecursive(ctxT(t), c, p, nil, zk.ModePersistent, nil); err != nil && !errors.Is(err, zk.ErrNodeExists) {
			t.Fatalf("create %s: %v", p, err)
		}
	}
}

// within fails the test unless ch closes or yields within d; a generous
// bound for liveness, not a speed assertion.
func within[T any](t testing.TB, ch <-chan T, d time.Duration, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		t.Fatalf("%s: nothing after %v", what, d)
	}
	var zero T
	return zero
}

// startProxy puts a fault proxy in front of addr for one test.
func startProxy(t testing.TB, addr string) *zktest.Proxy { return zktest.StartProxy(t, addr) }
