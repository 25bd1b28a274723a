package tui

import (
	"context"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

// realServer starts a standalone ZooKeeper of the test's own (the flow
// tests write at the root) and connects a Conn to it; both end with the
// test, and the context after timeout. Integration tests skip only with
// -short.
func realServer(t *testing.T, timeout time.Duration) (context.Context, *zktest.Server, *zk.Conn) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs a real ZooKeeper (scripts/install-zookeeper.sh)")
	}
	srv := zktest.Standalone(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	c, err := zk.DialContext(ctx, "tcp", srv.Addr)
	if err != nil {
		t.Fatalf("dial %s: %v", srv.Addr, err)
	}
	t.Cleanup(func() { c.Close() })
	return ctx, srv, c
}
