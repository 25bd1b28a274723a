package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/zkui/zkui/zk"
)

// TestFlowRealServer drives the explorer with keys against a real
// ZooKeeper: expand a node, read JSON data, and meet a digest-protected node.
func TestFlowRealServer(t *testing.T) {
	ctx, srv, c := realServer(t, time.Minute)

	world := zk.WorldACL(zk.PermAll)
	mk := func(p, data string, acl []zk.ACL) {
		t.Helper()
		if _, err := c.Create(ctx, p, []byte(data), zk.ModePersistent, acl); err != nil {
			t.Fatalf("create %s: %v", p, err)
		}
	}
	mk("/demo", "demo root", world)
	mk("/demo/config", `{"service":"billing","replicas":3}`, world)
	for _, name := range []string{"item-10", "item-9", "item-2"} {
		mk("/demo/"+name, name, world)
	}
	mk("/demo/secret", "hidden", zk.DigestACL(zk.PermAll, "u", "p"))
	if _, err := c.Create(ctx, "/demo/live", []byte("me"), zk.ModeEphemeral, world); err != nil {
		t.Fatalf("create ephemeral: %v", err)
	}

	app := New(c, Options{Title: "flow", Server: srv.Addr, SessionID: c.SessionID()})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitText := func(what string) {
		t.Helper()
		waitScreen(t, tm, what)
	}

	waitText("zookeeper") // the root's children arrived
	tm.Type("j")          // /demo
	waitText("demo root")
	tm.Type("l") // expand: children listed and read one level ahead
	waitText("item-10")
	tm.Type("j") // /demo/config, the first child in natural order
	waitText(`"replicas": 3`)
	tm.Type("G") // /zookeeper
	waitText("/zookeeper · ")
	tm.Type("k") // /demo/secret
	waitText("NoAuth: this session may not read")
	tm.Type("3")
	waitText("may not read the node's ACL")
	tm.Type("q")

	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
	if got := final.tree.Selected(); got != "/demo/secret" {
		t.Fatalf("selected %q, want /demo/secret", got)
	}
	n := final.detail.Node()
	if n == nil || n.Path != "/demo/secret" || !errors.Is(n.DataErr, zk.ErrNoAuth) || !errors.Is(n.ACLErr, zk.ErrNoAuth) {
		t.Fatalf("detail node %+v, want NoAuth on /demo/secret", n)
	}
	if final.ctx.Err() == nil {
		t.Fatal("quitting did not cancel in-flight reads")
	}
	screen := ansi.Strip(final.render())
	order := []string{"config", "item-2", "item-9", "item-10", "live [eph]", "secret [noauth]"}
	last := -1
	for _, name := range order {
		i := strings.Index(screen, name)
		if i < 0 || i < last {
			t.Fatalf("tree rows out of order or missing %q (want %v):\n%s", name, order, screen)
		}
		last = i
	}
	if !strings.Contains(screen, "session 0x") || !strings.Contains(screen, srv.Addr) {
		t.Fatalf("header lacks session or server:\n%s", screen)
	}
}

// waitScreen waits until the screen shows what. The renderer sends only
// the cells that changed, so text can arrive split by cursor moves; each
// miss asks for a full repaint and looks again at what follows it, with
// escape sequences and blanks removed from both sides.
func waitScreen(t *testing.T, tm *teatest.TestModel, what string) {
	t.Helper()
	want := squash(what)
	mark := 0
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		if strings.Contains(squash(ansi.Strip(string(b[mark:]))), want) {
			return true
		}
		mark = len(b)
		tm.Send(tea.ClearScreen())
		return false
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(150*time.Millisecond))
}

func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// TestFlowQuitKeys checks that ctrl+c quits as well as q.
func TestFlowQuitKeys(t *testing.T) {
	src := sampleSource()
	tm := teatest.NewTestModel(t, New(src, Options{}), teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "zookeeper")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
