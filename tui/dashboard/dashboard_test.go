package dashboard

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/zk/admin"
)

// checkFits asserts the view is exactly w x h cells.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Errorf("line %d is %d wide, want %d: %q", i, lw, w, ansi.Strip(l))
		}
	}
}

func TestGoldenViews(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"servers", nil},
		{"servers_chart_packets", []string{"j", "m", "m"}},
		{"health", []string{"2"}},
		{"sessions", []string{"j", "3"}},
		{"watches", []string{"4"}},
		{"watches_confirm", []string{"4", "j", "c"}},
		{"watches_listed", []string{"4", "j", "c", "y"}},
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 48}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size.w, size.h), func(t *testing.T) {
				m, _ := newTestModel(size.w, size.h)
				m = press(m, sc.keys...)
				view := m.View()
				checkFits(t, view, size.w, size.h)
				golden.RequireEqual(t, ansi.Strip(view))
			})
		}
	}
}

func TestServersTable(t *testing.T) {
	m, _ := newTestModel(160, 48)
	view := ansi.Strip(m.View())
	for _, want := range []string{"10.0.0.1:2181", "follower", "10.0.0.2:2181", "leader", "http", "2:1f4", "1502", "3.8.0",
		"10.0.0.3:2181         DOWN: dial tcp 10.0.0.3:2181: connect: connection refused"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	// The down member's row is drawn in the error style, not the row style.
	down := m.rowLine(m.rows[2], visibleColumns(160), 160)
	if down != m.com.Styles.Tree.Error.Render(ansi.Strip(down)) {
		t.Errorf("down row not in the error style: %q", down)
	}
	// Sorting by mode puts the leader first and the down member last.
	m = press(m, "o")
	if m.rows[0].Addr != "10.0.0.2:2181" || m.rows[2].Addr != "10.0.0.3:2181" {
		t.Fatalf("sorted by %s: %v", m.sortBy, m.addrs())
	}
}

func TestIntervalKeys(t *testing.T) {
	m, _ := newTestModel(80, 24)
	p := m.opts.Poller
	m = press(m, "+")
	if p.Interval().Seconds() != 1 || !strings.Contains(m.note, "1s") {
		t.Fatalf("faster: %v %q", p.Interval(), m.note)
	}
	m = press(m, "-", "-")
	if p.Interval().Seconds() != 4 {
		t.Fatalf("slower: %v", p.Interval())
	}
	if !strings.Contains(ansi.Strip(m.View()), "poll 4s") {
		t.Fatal("tab line does not show the interval")
	}
}

func TestHealthAlerts(t *testing.T) {
	rows := []row{
		{MemberStatus: stats.MemberStatus{Member: stats.Member{Addr: "a", ID: 1}, Mode: admin.ModeFollower, Polls: 1},
			vals: map[string]float64{stats.MetricOutstanding: 50, stats.MetricAvgLatency: 90, stats.MetricZnodes: 100}, latBase: 5},
		{MemberStatus: stats.MemberStatus{Member: stats.Member{Addr: "b", ID: 2}, Mode: admin.ModeFollower, Polls: 1},
			vals: map[string]float64{stats.MetricZnodes: 180}, latBase: 5},
		{MemberStatus: stats.MemberStatus{Member: stats.Member{Addr: "c", ID: 3}, Err: errors.New("refused")}},
	}
	h := computeHealth(rows, nil, DefaultThresholds())
	var texts []string
	for _, a := range h.alerts {
		texts = append(texts, a.Server+" "+a.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"c down: refused", "no leader", "a 50 outstanding", "a latency spike", "znode count drift: members hold 100 to 180"} {
		if !strings.Contains(all, want) {
			t.Errorf("alerts lack %q:\n%s", want, all)
		}
	}
	if h.voters != 3 || h.quorum != 2 || h.up != 2 {
		t.Errorf("quorum: %+v", h)
	}
	// A healthy pair raises nothing.
	rows[0].Mode, rows[0].vals = admin.ModeLeader, map[string]float64{stats.MetricAvgLatency: 4, stats.MetricZnodes: 180}
	h = computeHealth(rows[:2], nil, DefaultThresholds())
	if len(h.alerts) != 0 || h.leader != "a" {
		t.Fatalf("healthy: %+v", h.alerts)
	}
}

func TestZxidLag(t *testing.T) {
	m, _ := newTestModel(80, 24)
	h := computeHealth(m.rows, m.zxids, m.opts.Thresholds)
	if h.lag["10.0.0.1:2181"] != "4" || h.lag["10.0.0.2:2181"] != "leader" || h.lag["10.0.0.3:2181"] != "-" {
		t.Fatalf("lags %v", h.lag)
	}
}

// The expensive watch listings run only once confirmed, and say why.
func TestWatchListNeedsConfirmation(t *testing.T) {
	m, probes := newTestModel(160, 48)
	m = press(m, "4", "j", "c")
	view := ansi.Strip(m.View())
	if probes["10.0.0.2:2181"].wchCall != 0 || !strings.Contains(view, "run wchc on 10.0.0.2:2181?") || !strings.Contains(view, "stalls the server") {
		t.Fatalf("no confirmation asked:\n%s", view)
	}
	m = press(m, "n")
	if probes["10.0.0.2:2181"].wchCall != 0 || m.watch.pending != "" {
		t.Fatal("cancel ran the command")
	}
	m = press(m, "p", "y")
	if probes["10.0.0.2:2181"].wchCall != 1 {
		t.Fatal("confirmed command not run")
	}
}

// With only srvr whitelisted and no AdminServer, the views say what is
// missing and how to enable it.
func TestOnlySrvr(t *testing.T) {
	m, probes := newTestModel(160, 48)
	refused := fmt.Errorf("admin server: connection refused\n%w", &admin.NotWhitelistedError{Command: "cons"})
	probes["10.0.0.1:2181"].err = refused
	p := m.opts.Poller.(*fakePoller)
	p.members[0].Source = admin.FourLetterWords
	delete(p.series["10.0.0.1:2181"], stats.MetricWatches)
	m = tickNow(m)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "mntr not whitelisted") || !strings.Contains(view, "4lw.commands.whitelist=srvr, mntr") {
		t.Fatalf("servers view does not explain the missing mntr:\n%s", view)
	}
	m = press(m, "3")
	view = ansi.Strip(m.View())
	if !strings.Contains(view, "cons: cons not whitelisted") || !strings.Contains(view, "4lw.commands.whitelist=srvr, cons") {
		t.Fatalf("sessions view does not explain the refusal:\n%s", view)
	}
}

func TestOwnerLookup(t *testing.T) {
	m, _ := newTestModel(160, 48)
	m.SetNode("/locks/l-0001", 0x1000a)
	m = press(m, "3", "e")
	if m.view != ViewSessions || m.sel != "10.0.0.1:2181" || m.sess.selectedSession() != 0x1000a {
		t.Fatalf("owner not selected: view %v sel %s session %x", m.view, m.sel, m.sess.selectedSession())
	}
	view := ansi.Strip(m.View())
	for _, want := range []string{"/locks/l-0001 is owned by session 0x1000a", "client 10.1.0.7:50123", "/workers/w1"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	m.SetNode("/plain", 0)
	m = press(m, "e")
	if !strings.Contains(m.note, "/plain is not ephemeral") {
		t.Fatalf("note %q", m.note)
	}
}

// Ticks refresh the snapshot only while shown, and a chain started by an
// earlier showing stops.
func TestTicksOnlyWhileShown(t *testing.T) {
	m, _ := newTestModel(80, 24)
	var ticks int
	m.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { ticks++; return nil }
	m, _ = m.Update(tickMsg{gen: m.tickGen})
	if ticks != 1 {
		t.Fatalf("a current tick scheduled %d more", ticks)
	}
	m, _ = m.Update(tickMsg{gen: m.tickGen - 1})
	m.SetVisible(false)
	m, _ = m.Update(tickMsg{gen: m.tickGen})
	if ticks != 1 {
		t.Fatalf("stale or hidden ticks went on: %d", ticks)
	}
}

// A long connection list scrolls to keep the cursor in view.
func TestSessionsScroll(t *testing.T) {
	m, probes := newTestModel(80, 24)
	var conns []admin.Connection
	for i := range 40 {
		conns = append(conns, admin.Connection{Addr: fmt.Sprintf("10.9.0.%d:5%04d", i/10, i), SessionID: int64(0x5000 + i)})
	}
	probes["10.0.0.1:2181"].conns = conns
	m = press(m, "3")
	for range 30 {
		m = press(m, "j")
	}
	view := ansi.Strip(m.View())
	checkFits(t, view, 80, 24)
	if m.sess.selectedSession() != 0x5000+30 || !strings.Contains(view, "0x501e") || strings.Contains(view, "0x5000 ") {
		t.Fatalf("cursor row not shown or list not scrolled:\n%s", view)
	}
}

// The sessions page offers the owner lookup of the explorer's ephemeral.
func TestSessionsOfferOwnerLookup(t *testing.T) {
	m, _ := newTestModel(80, 24)
	m.SetNode("/workers/w1", 0x1000a)
	m = press(m, "3")
	if view := ansi.Strip(m.View()); !strings.Contains(view, "e: find the session 0x1000a owning the explorer's ephemeral /workers/w1") {
		t.Fatalf("no hint:\n%s", view)
	}
	m = press(m, "e")
	if view := ansi.Strip(m.View()); strings.Contains(view, "e: find the session") || !strings.Contains(view, "/workers/w1 is owned by session 0x1000a") {
		t.Fatalf("after the lookup:\n%s", view)
	}
}
