package edit

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

// TestCreateTTLRefusedLeavesNothing: on a server without extended types
// (ZooKeeper's default) a TTL create is refused, and the missing parents
// sent in the same multi are not left behind.
func TestCreateTTLRefusedLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper")
	}
	srv := zktest.Standalone(t,
		zktest.WithConfig("extendedTypesEnabled", "false"),
		zktest.WithSystemProperty("zookeeper.extendedTypesEnabled", "false"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := &zk.Client{Ensemble: srv.Addr}
	defer c.Reset()
	s := CreateSpec{Path: "/p/q/lease", Mode: zk.ModePersistentTTL, TTL: time.Minute,
		ACL: zk.WorldACL(zk.PermAll), Parents: []string{"/p", "/p/q"}}
	_, err := Create(ctx, c, s)
	if err == nil {
		t.Fatal("TTL create accepted by a server without extended types")
	}
	t.Logf("refusal: %v", err)
	if ok, _, err := c.Exists(ctx, "/p"); ok || err != nil {
		t.Fatalf("parent left behind: %v %v", ok, err)
	}
	s.Parents = nil
	s.Path = "/lease"
	if _, err := Create(ctx, c, s); err == nil || errors.Is(err, ErrInput) {
		t.Fatalf("plain TTL create: %v", err)
	}
}
