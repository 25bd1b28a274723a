package stats

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/admin"
	"github.com/zkui/zkui/zk/zktest"
)

// TestPollerOnEnsemble polls a real 3-member ensemble given only one member
// in the connect string: the others come from /zookeeper/config.
func TestPollerOnEnsemble(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	e := zktest.NewEnsemble(t, 3)
	adminOf := map[string]string{}
	for _, s := range e.Servers {
		adminOf[s.Addr] = s.AdminAddr
	}
	first := e.Servers[0].Addr
	conn, err := zk.DialContext(context.Background(), "tcp", first)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	p := New(first, Options{
		Interval: 10 * time.Second, // bounds each poll: a cold AdminServer answers slowly
		NewSource: func(addr string) Source {
			_, port, _ := net.SplitHostPort(adminOf[addr])
			n, _ := strconv.Atoi(port)
			return admin.New(addr, admin.WithAdminPort(n))
		},
		Config: func(ctx context.Context) ([]byte, error) {
			data, _, err := conn.Config(ctx)
			return data, err
		},
	})
	p.PollOnce(context.Background())
	time.Sleep(100 * time.Millisecond)
	p.PollOnce(context.Background())
	ms := p.Members()
	if len(ms) != 3 {
		t.Fatalf("members %+v, want all 3", ms)
	}
	leaders := 0
	for _, m := range ms {
		if m.Err != nil || m.Polls != 2 || m.Source != admin.AdminServer {
			t.Fatalf("member %+v", m)
		}
		if m.Mode == admin.ModeLeader {
			leaders++
		}
		if s, ok := p.Latest(m.Addr, MetricZnodes); !ok || s.Value < 1 {
			t.Fatalf("znodes of %s: %v %v", m.Addr, s, ok)
		}
		if _, ok := p.Latest(m.Addr, MetricReceivedRate); !ok {
			t.Fatalf("no packet rate for %s", m.Addr)
		}
	}
	if leaders != 1 {
		t.Fatalf("%d leaders in %+v", leaders, ms)
	}
}
