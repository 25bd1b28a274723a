package tui

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/zk"
)

// liveEnv is a real server, a client for the explorer with its mirror
// started, and another client that changes things behind its back.
type liveEnv struct {
	ctx   context.Context
	other *zk.Conn
	tm    *teatest.TestModel
}

func newLiveEnv(t *testing.T, setup func(ctx context.Context, c *zk.Conn)) *liveEnv {
	t.Helper()
	ctx, srv, other := realServer(t, 2*time.Minute)
	setup(ctx, other)
	c := &zk.Client{Ensemble: srv.Addr}
	t.Cleanup(func() { c.Reset() })
	if err := c.Connect(ctx); err != nil {
		t.Fatal(err)
	}
	mir := model.New(c, model.Options{})
	if err := mir.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mir.Close)
	app := New(c, Options{Title: "live", Server: srv.Addr, SessionID: c.SessionID(), Tree: mir})
	return &liveEnv{ctx: ctx, other: other, tm: teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))}
}

// A change by another client shows in the tree and the data pane without
// any key: the explorer listens to the mirror's notices.
func TestFlowLiveUpdates(t *testing.T) {
	world := zk.WorldACL(zk.PermAll)
	e := newLiveEnv(t, func(ctx context.Context, c *zk.Conn) {
		for _, n := range [][2]string{{"/svc", "svc"}, {"/svc/config", "version one"}, {"/svc/gone", "bye"}} {
			if _, err := c.Create(ctx, n[0], []byte(n[1]), zk.ModePersistent, world); err != nil {
				t.Fatalf("create %s: %v", n[0], err)
			}
		}
	})
	waitScreen(t, e.tm, "svc")
	e.tm.Type("j") // /svc
	e.tm.Type("l") // expand
	waitScreen(t, e.tm, "gone")
	e.tm.Type("j") // /svc/config
	waitScreen(t, e.tm, "version one")

	if _, err := e.other.SetData(e.ctx, "/svc/config", []byte("version two"), -1); err != nil {
		t.Fatal(err)
	}
	waitScreen(t, e.tm, "version two")
	if _, err := e.other.Create(e.ctx, "/svc/fresh", nil, zk.ModePersistent, world); err != nil {
		t.Fatal(err)
	}
	waitScreen(t, e.tm, "fresh")

	// Paused, a change does not show; resuming catches up.
	e.tm.Type("p")
	waitScreen(t, e.tm, "paused")
	if _, err := e.other.SetData(e.ctx, "/svc/config", []byte("version three"), -1); err != nil {
		t.Fatal(err)
	}
	e.tm.Type("p")
	waitScreen(t, e.tm, "version three")
	e.tm.Type("q")
	final := e.tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
	if got := final.tree.Selected(); got != "/svc/config" {
		t.Fatalf("selected %q", got)
	}
}

// Deep search finds a node five levels down that was never expanded: the
// mirror is fully synced first, and enter jumps there.
func TestFlowDeepSearch(t *testing.T) {
	world := zk.WorldACL(zk.PermAll)
	e := newLiveEnv(t, func(ctx context.Context, c *zk.Conn) {
		p := ""
		for i := range 5 {
			p += fmt.Sprintf("/lvl%d", i)
			if _, err := c.Create(ctx, p, nil, zk.ModePersistent, world); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := c.Create(ctx, p+"/needle-in-haystack", []byte("found me"), zk.ModePersistent, world); err != nil {
			t.Fatal(err)
		}
	})
	waitScreen(t, e.tm, "lvl0")
	e.tm.Type("s")
	e.tm.Type("needle")
	// Short strings: the renderer sends only changed cells, and a long one
	// may arrive in two reads.
	waitScreen(t, e.tm, "haystack")
	e.tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitScreen(t, e.tm, "found me")
	e.tm.Type("q")
	final := e.tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
	if got := final.tree.Selected(); got != "/lvl0/lvl1/lvl2/lvl3/lvl4/needle-in-haystack" {
		t.Fatalf("selected %q", got)
	}
}
