package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"
	"github.com/zkui/zkui/model/stats"
)

// S switches to the dashboard and back; esc returns too. The poller here
// polls a port nobody listens on, so its one member is down.
func TestDashboardToggle(t *testing.T) {
	a, _ := newTestApp(t, 120, 30)
	p := stats.New("127.0.0.1:1", stats.Options{Interval: time.Second})
	p.PollOnce(context.Background())
	a.opts.Stats = p
	a.initDashboard()
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})

	a.Update(keyMsg("S")) // the fetches it starts are not run: the snapshot is enough
	view := ansi.Strip(a.View().Content)
	if !a.dash.on || !strings.Contains(view, "Servers │ Health │ Sessions │ Watches") || !strings.Contains(view, "127.0.0.1:1") || !strings.Contains(view, "DOWN") {
		t.Fatalf("dashboard not shown:\n%s", view)
	}
	if !strings.Contains(view, "chart metric") {
		t.Fatalf("help line is not the dashboard's:\n%s", view)
	}
	checkFits(t, a.View().Content, 120, 30)
	a.Update(keyMsg("2"))
	if !strings.Contains(ansi.Strip(a.View().Content), "alerts (") {
		t.Fatal("2 did not reach the dashboard")
	}
	a.Update(keyMsg("S"))
	if a.dash.on || strings.Contains(ansi.Strip(a.View().Content), "alerts (") {
		t.Fatal("S did not return to the explorer")
	}
	a.Update(keyMsg("S"))
	a.Update(keyMsg("esc"))
	if a.dash.on {
		t.Fatal("esc did not return to the explorer")
	}
}

// Without a poller the dashboard says nothing is polled.
func TestDashboardWithoutPoller(t *testing.T) {
	a, _ := newTestApp(t, 80, 24)
	a.Update(keyMsg("S"))
	if view := ansi.Strip(a.View().Content); !strings.Contains(view, "not polled") {
		t.Fatalf("view:\n%s", view)
	}
}
