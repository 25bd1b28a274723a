package edit

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

func TestMain(m *testing.M) { zktest.Main(m) }

var seq atomic.Int64

// setup connects a Client to the shared server and makes a fresh root.
func setup(t *testing.T) (*zk.Client, string, context.Context) {
	t.Helper()
	srv := zktest.Shared(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	c := &zk.Client{Ensemble: srv.Addr, SessionTimeout: 20 * time.Second}
	t.Cleanup(func() { c.Reset() })
	root := fmt.Sprintf("/edit%d-%d", time.Now().UnixNano()%1e9, seq.Add(1))
	if _, err := c.Create(ctx, root, nil, zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatalf("create test root: %v", err)
	}
	return c, root, ctx
}

// goZK connects go-zookeeper/zk, the independent client that plays the
// other user and checks what our writes did.
func goZK(t *testing.T) *gozk.Conn {
	t.Helper()
	srv := zktest.Shared(t)
	g, events, err := gozk.Connect([]string{srv.Addr}, 20*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	for ev := range events {
		if ev.State == gozk.StateHasSession {
			break
		}
	}
	return g
}

// seed creates n leaves spread over dirs directories under root, in multi
// batches, each with a little data.
func seed(t *testing.T, ctx context.Context, c *zk.Client, root string, dirs, n int) {
	t.Helper()
	var ops []zk.Op
	flush := func() {
		if len(ops) == 0 {
			return
		}
		if _, err := c.Multi(ctx, ops...); err != nil {
			t.Fatalf("seed: %v", err)
		}
		ops = ops[:0]
	}
	for d := range dirs {
		ops = append(ops, zk.CreateOp(fmt.Sprintf("%s/d%03d", root, d), []byte("dir"), zk.ModePersistent, zk.WorldACL(zk.PermAll)))
	}
	flush()
	for i := range n {
		p := fmt.Sprintf("%s/d%03d/n%05d", root, i%dirs, i)
		ops = append(ops, zk.CreateOp(p, []byte(fmt.Sprintf("v%d", i)), zk.ModePersistent, zk.WorldACL(zk.PermAll)))
		if len(ops) == 500 {
			flush()
		}
	}
	flush()
}
