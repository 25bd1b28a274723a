package zk

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

// One real server serves every integration test of this package that does
// not need its own: starting a JVM per test would cost seconds each. Tests
// keep out of each other's way by working under their own root path.
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

// sharedServer returns the package's server, starting it on first use. It
// fails the test (never skips) when ZooKeeper cannot start.
func sharedServer(t testing.TB) *zktest.Server {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper (run without -short)")
	}
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "zk-test-")
		if shared.err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		shared.srv, shared.err = zktest.Start(ctx, shared.dir)
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.srv
}

var rootSeq atomic.Int64

// testRoot creates a fresh persistent node for one test and returns its path.
func testRoot(t testing.TB, c *Conn) string {
	t.Helper()
	p := fmt.Sprintf("/t%d-%d", time.Now().UnixNano()%1e9, rootSeq.Add(1))
	if _, err := c.Create(context.Background(), p, nil, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatalf("create test root: %v", err)
	}
	return p
}

// dialShared connects to the shared server; the Conn closes with the test.
func dialShared(t testing.TB, opts ...Option) *Conn {
	t.Helper()
	return dialAddr(t, sharedServer(t).Addr, opts...)
}

func dialAddr(t testing.TB, addr string, opts ...Option) *Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := DialContext(ctx, "tcp", addr, opts...)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// mustErr fails unless err matches want.
func mustIs(t testing.TB, err, want error) {
	t.Helper()
	if err == nil || !errorsIs(err, want) {
		t.Fatalf("got error %v, want %v", err, want)
	}
}

// zktestStandaloneNoTTL starts a server of its own with extended types (TTL
// nodes) off, as ZooKeeper ships by default.
func zktestStandaloneNoTTL(t *testing.T) *zktest.Server {
	return zktest.Standalone(t,
		zktest.WithConfig("extendedTypesEnabled", "false"),
		zktest.WithSystemProperty("zookeeper.extendedTypesEnabled", "false"))
}
