package tui

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/zkui/zkui/tui/dataview"
	"github.com/zkui/zkui/zk"
)

// TestFlowFindAndViewRealServer drives jump-to-path with completion, the
// level filter and the data view cycle on a gzip value, against a real
// ZooKeeper.
func TestFlowFindAndViewRealServer(t *testing.T) {
	ctx, srv, c := realServer(t, time.Minute)
	world := zk.WorldACL(zk.PermAll)
	mk := func(p string, data []byte) {
		t.Helper()
		if _, err := c.Create(ctx, p, data, zk.ModePersistent, world); err != nil {
			t.Fatalf("create %s: %v", p, err)
		}
	}
	mk("/svc", nil)
	for _, name := range []string{"alpha", "beta", "gamma", "delta", "epsilon"} {
		mk("/svc/"+name, []byte(name))
	}
	mk("/svc/gamma/deep", nil)
	mk("/svc/gamma/deep/leaf", []byte("found the leaf"))
	mk("/svc/packed", gzipped(`{"compressed":"yes","level":9}`))

	// The explorer reads through a Client, whose session states feed the
	// header.
	client := &zk.Client{Ensemble: srv.Addr}
	states := client.States()
	if err := client.Connect(ctx); err != nil {
		t.Fatalf("client connect: %v", err)
	}
	defer func() { _ = client.Reset() }()
	app := New(client, Options{Title: "flow", Server: srv.Addr, SessionID: client.SessionID(), States: states})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 36))
	typeKeys := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keyMsg(k))
		}
	}
	waitScreen(t, tm, "zookeeper")

	// Jump: type a prefix, complete with tab (the Source lists children),
	// then finish the path by hand.
	typeKeys(":", "ctrl+u")
	tm.Type("/svc/gam")
	typeKeys("tab")
	waitScreen(t, tm, "jump to: /svc/gamma")
	tm.Type("/deep/leaf")
	typeKeys("enter")
	waitScreen(t, tm, "found the leaf")

	// Filter /svc's level: "ta" keeps beta and delta only.
	typeKeys(":", "ctrl+u")
	tm.Type("/svc/alpha")
	typeKeys("enter")
	waitScreen(t, tm, "/svc/alpha · text")
	typeKeys("/")
	tm.Type("ta")
	waitScreen(t, tm, "2 matches")
	typeKeys("enter", "n")
	waitScreen(t, tm, "/svc/delta · text")

	// The gzip value, inflated and marked, then through the view cycle.
	typeKeys("esc", ":", "ctrl+u")
	tm.Type("/svc/packed")
	typeKeys("enter")
	waitScreen(t, tm, `"compressed": "yes"`)
	waitScreen(t, tm, "gzip json")
	typeKeys("v")
	waitScreen(t, tm, `{"compressed":"yes","level":9}`)
	typeKeys("v")
	waitScreen(t, tm, "00000000  1f 8b")
	typeKeys("v")
	waitScreen(t, tm, "H4sI") // base64 of the gzip magic

	// The server goes away: the header says so; it comes back: connected.
	if err := srv.Stop(); err != nil {
		t.Fatalf("stop server: %v", err)
	}
	waitScreen(t, tm, "DISCONNECTED")
	if err := srv.Restart(ctx); err != nil {
		t.Fatalf("restart server: %v", err)
	}
	waitScreen(t, tm, "● connected")
	typeKeys("q")

	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
	if got := final.tree.Selected(); got != "/svc/packed" {
		t.Fatalf("selected %q", got)
	}
	dv := final.detail.DataView()
	if dv.Mode() != dataview.ModeBase64 || dv.Decoded().Compression != "gzip" {
		t.Fatalf("data view mode %v compression %q", dv.Mode(), dv.Decoded().Compression)
	}
	if level, q := final.tree.Filter(); level != "" || q != "" {
		t.Fatalf("esc left the filter %q on %s", q, level)
	}
}
