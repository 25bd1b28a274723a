package zk

import (
	"fmt"
	"strings"
	"testing"

	"github.com/zkui/zkui/zk/zktest"
)

// Reconfig against a real ensemble: the super user removes a follower, and
// the new membership is what /zookeeper/config then says.
func TestIncrementalReconfigRemovesAMember(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	e := zktest.NewEnsemble(t, 3, zktest.WithReconfig())
	ctx := ctxT(t)
	leader, err := e.Leader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Remove a follower: removing the leader would drop our session.
	var victim *zktest.Server
	for _, s := range e.Servers {
		if s != leader {
			victim = s
			break
		}
	}
	c := dialAddr(t, leader.Addr)
	_, _, err = c.IncrementalReconfig(ctx, nil, []string{fmt.Sprint(victim.ID)}, -1)
	mustIs(t, err, ErrNoAuth)
	if err := c.AddAuth(ctx, "digest", []byte(zktest.SuperUser+":"+zktest.SuperPassword)); err != nil {
		t.Fatal(err)
	}
	before, st, err := c.Config(ctx)
	if err != nil || !strings.Contains(string(before), fmt.Sprintf("server.%d=", victim.ID)) {
		t.Fatalf("config before: %q %v", before, err)
	}
	_, _, err = c.IncrementalReconfig(ctx, nil, []string{fmt.Sprint(victim.ID)}, st.Mzxid+1)
	mustIs(t, err, ErrBadVersion)
	newCfg, _, err := c.IncrementalReconfig(ctx, nil, []string{fmt.Sprint(victim.ID)}, st.Mzxid)
	if err != nil {
		t.Fatalf("reconfig: %v", err)
	}
	if strings.Contains(string(newCfg), fmt.Sprintf("server.%d=", victim.ID)) {
		t.Fatalf("member %d still in the new config:\n%s", victim.ID, newCfg)
	}
	after, _, err := c.Config(ctx)
	if err != nil || string(after) != string(newCfg) {
		t.Fatalf("config after: %q %v", after, err)
	}
}
