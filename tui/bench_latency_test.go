package tui

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/tree"
	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

// BenchmarkLiveChangeToPane measures, against a real server, the time from
// another client's setData returning to the explorer's data pane holding
// the new value: the watch event, the mirror's refetch, the coalesced
// notice (at most ~60 a second), the App re-reading the selected node. The
// messages are fed to the App as the program would, on this goroutine.
func BenchmarkLiveChangeToPane(b *testing.B) {
	if testing.Short() {
		b.Skip("needs a real ZooKeeper (scripts/install-zookeeper.sh)")
	}
	srv := zktest.Shared(b)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	other, err := zk.DialContext(ctx, "tcp", srv.Addr)
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	node := fmt.Sprintf("/bench-latency-%d", time.Now().UnixNano())
	if _, err := other.Create(ctx, node, []byte("v0"), zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
		b.Fatal(err)
	}
	c := &zk.Client{Ensemble: srv.Addr}
	defer c.Reset()
	if err := c.Connect(ctx); err != nil {
		b.Fatal(err)
	}
	mir := model.New(c, model.Options{})
	if err := mir.Start(ctx); err != nil {
		b.Fatal(err)
	}
	defer mir.Close()
	a := manual(New(c, Options{Tree: mir})) // the benchmark listens itself
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	// Select the node and show its data.
	if err := mir.Load(ctx, node); err != nil {
		b.Fatal(err)
	}
	run(a, a.tree.Select(node))
	drive := func(want []byte) {
		for {
			msg := listenNotices(ctx, mir.Notices())()
			_, cmd := a.Update(msg)
			drain(a, cmd)
			if n := a.detail.Node(); n != nil && n.Path == node && bytes.Equal(n.Data, want) {
				return
			}
		}
	}
	var worst time.Duration
	for i := 0; b.Loop(); i++ {
		want := []byte(fmt.Sprintf("v%d", i+1))
		t0 := time.Now()
		if _, err := other.SetData(ctx, node, want, -1); err != nil {
			b.Fatal(err)
		}
		drive(want)
		worst = max(worst, time.Since(t0))
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}

// drain runs cmd's data reads and feeds their answers back (in manual
// mode there is no listener or tick among them).
func drain(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			drain(a, c)
		}
	case nodeMsg, tree.SelectMsg:
		_, next := a.Update(msg)
		drain(a, next)
	}
}
