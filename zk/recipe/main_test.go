package recipe

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

// One real server serves the integration tests that do not need their own
// (a JVM per test costs seconds); each test works under its own root.
var shared struct {
	once sync.Once
	srv  *zktest.Server
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.srv != nil {
		shared.srv.Kill()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// sharedServer starts the package's server on first use. It fails the test
// (never skips, except with -short) when ZooKeeper cannot start.
func sharedServer(t testing.TB) *zktest.Server {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper (run without -short)")
	}
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "recipe-test-")
		if shared.err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		shared.srv, shared.err = zktest.Start(ctx, shared.dir)
	})
	if shared.err != nil {
		t.Fatal(shared.err) // names the install script when ZooKeeper is missing
	}
	return shared.srv
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
