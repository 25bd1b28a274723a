package zktest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"
)

// TestReconfigAsSuper removes a member with reconfig, authenticated as the
// super user that WithReconfig configures, and checks /zookeeper/config.
func TestReconfigAsSuper(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper ensemble")
	}
	t.Parallel()
	e := NewEnsemble(t, 3, WithReconfig(), WithoutAdminServer())
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	// Remove a follower, talking to the leader: removing the leader would
	// restart the election and drop the session mid-test.
	leader, err := e.Leader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var gone *Server
	for _, s := range e.Servers {
		if s != leader {
			gone = s
		}
	}
	id := itoa(gone.ID)
	conn, _, err := gozk.Connect([]string{leader.Addr}, 10*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	// Without credentials, reconfig is refused.
	if _, err := conn.IncrementalReconfig(nil, []string{id}, -1); !errors.Is(err, gozk.ErrNoAuth) {
		t.Fatalf("reconfig without the super user: %v, want %v", err, gozk.ErrNoAuth)
	}
	if err := conn.AddAuth("digest", []byte(SuperUser+":"+SuperPassword)); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.IncrementalReconfig(nil, []string{id}, -1); err != nil {
		t.Fatalf("reconfig as super: %v", err)
	}
	cfg, _, err := conn.Get("/zookeeper/config")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(cfg), "server."+itoa(leader.ID)+"=") || strings.Contains(string(cfg), "server."+id+"=") {
		t.Errorf("/zookeeper/config after removing member %s:\n%s", id, cfg)
	}
	if now, err := e.Leader(ctx); err != nil || now != leader {
		t.Errorf("leader after the reconfig = %v, %v; want member %d", now, err, leader.ID)
	}
}
