package zk

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

func TestMain(m *testing.M) { zktest.Main(m) }

// sharedServer is the test binary's shared server (see zktest.Shared).
func sharedServer(t testing.TB) *zktest.Server {
	t.Helper()
	return zktest.Shared(t)
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
