package dashboard

import (
	"context"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/admin"
	"github.com/zkui/zkui/zk/zktest"
)

// pollInterval bounds each poll of these tests: a cold AdminServer can take
// seconds to answer its first request. The tests poll by hand, so it is a
// timeout, never a wait.
const pollInterval = 10 * time.Second

// realEnv is a dashboard over real servers, polled by hand.
type realEnv struct {
	poller *stats.Poller
	m      Model
}

// adminClient reaches a member's AdminServer on its own port (tests run
// several servers on one host), or only its four-letter words.
func adminClient(adminOf map[string]string, addr string) *admin.Client {
	a, ok := adminOf[addr]
	if !ok || a == "" {
		return admin.New(addr, admin.WithoutAdminServer())
	}
	_, port, _ := net.SplitHostPort(a)
	n, _ := strconv.Atoi(port)
	return admin.New(addr, admin.WithAdminPort(n))
}

// newRealEnv polls servers (the connect string, plus /zookeeper/config
// read through conn when not nil) and builds a shown dashboard on them.
func newRealEnv(t *testing.T, connect string, servers []*zktest.Server, conn *zk.Conn) *realEnv {
	t.Helper()
	adminOf := map[string]string{}
	for _, s := range servers {
		adminOf[s.Addr] = s.AdminAddr
	}
	opts := stats.Options{
		Interval:  pollInterval,
		NewSource: func(addr string) stats.Source { return adminClient(adminOf, addr) },
	}
	if conn != nil {
		opts.Config = func(ctx context.Context) ([]byte, error) {
			data, _, err := conn.Config(ctx)
			return data, err
		}
	}
	p := stats.New(connect, opts)
	p.PollOnce(context.Background())
	p.PollOnce(context.Background())
	com := common.New(nil)
	m := New(context.Background(), com, Options{
		Poller:   p,
		NewProbe: func(addr string) Probe { return adminClient(adminOf, addr) },
		Timeout:  pollInterval,
	})
	m.SetSize(160, 48)
	m.after = noTick
	m = drive(m, m.SetVisible(true))
	return &realEnv{poller: p, m: m}
}

func rowOf(m Model, addr string) (row, bool) {
	for _, r := range m.rows {
		if r.Addr == addr {
			return r, true
		}
	}
	return row{}, false
}

// TestEnsembleServersAndKill: the servers view lists every member of a
// real ensemble with the right leader; a killed member turns red within
// two polls and the health page raises the alert.
func TestEnsembleServersAndKill(t *testing.T) {
	if testing.Short() {
		t.Skip("needs a real ZooKeeper ensemble")
	}
	e := zktest.NewEnsemble(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	leader, err := e.Leader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := zk.DialContext(ctx, "tcp", e.Servers[0].Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Only one member in the connect string: the others come from
	// /zookeeper/config.
	env := newRealEnv(t, e.Servers[0].Addr, e.Servers, conn)
	view := ansi.Strip(env.m.View())
	for _, s := range e.Servers {
		r, ok := rowOf(env.m, s.Addr)
		if !ok || !strings.Contains(view, s.Addr) {
			t.Fatalf("member %s missing:\n%s", s.Addr, view)
		}
		want := admin.ModeFollower
		if s == leader {
			want = admin.ModeLeader
		}
		if r.Err != nil || r.Mode != want || r.Source != admin.AdminServer {
			t.Fatalf("member %s: mode %v err %v source %v, want %v", s.Addr, r.Mode, r.Err, r.Source, want)
		}
	}
	if !strings.Contains(view, "leader") || strings.Count(view, " leader ") != 1 {
		t.Fatalf("want exactly one leader row:\n%s", view)
	}
	env.m = press(env.m, "2")
	health := ansi.Strip(env.m.View())
	if !strings.Contains(health, "leader  "+leader.Addr) || !strings.Contains(health, "alerts (0)") {
		t.Fatalf("health of a sound ensemble:\n%s", health)
	}
	// Every follower's lag behind the leader is a number of transactions
	// (srvr zxids); the leader counts both followers as synced.
	h := computeHealth(env.m.rows, env.m.zxids, env.m.opts.Thresholds)
	for _, s := range e.Servers {
		if s == leader {
			continue
		}
		if n, err := strconv.Atoi(h.lag[s.Addr]); err != nil || n < 0 {
			t.Fatalf("lag of %s is %q", s.Addr, h.lag[s.Addr])
		}
	}
	if !strings.Contains(health, "2 followers synced") {
		t.Fatalf("synced followers not shown:\n%s", health)
	}

	var victim *zktest.Server
	for _, s := range e.Servers {
		if s != leader {
			victim = s
			break
		}
	}
	if err := victim.Kill(); err != nil {
		t.Fatal(err)
	}
	red := false
	for poll := 0; poll < 2 && !red; poll++ {
		env.poller.PollOnce(context.Background())
		env.m = tickNow(env.m)
		r, _ := rowOf(env.m, victim.Addr)
		red = r.Err != nil
	}
	if !red {
		t.Fatalf("killed member %s not down after two polls", victim.Addr)
	}
	r, _ := rowOf(env.m, victim.Addr)
	env.m.sel = leader.Addr // the selection style would hide the error style
	cols := visibleColumns(160)
	if line := env.m.rowLine(r, cols, 160); line != env.m.com.Styles.Tree.Error.Render(ansi.Strip(line)) {
		t.Fatalf("down row not drawn in the error style: %q", line)
	}
	health = ansi.Strip(env.m.View())
	if !strings.Contains(health, "! "+victim.Addr+" down:") {
		t.Fatalf("no alert for the killed member:\n%s", health)
	}
	env.m = press(env.m, "1")
	if view := ansi.Strip(env.m.View()); !regexp.MustCompile(regexp.QuoteMeta(victim.Addr) + ` +DOWN: .*connection refused`).MatchString(view) {
		t.Fatalf("servers view does not show the member down:\n%s", view)
	}
}

// TestOwnerOfEphemeralNode: the session owning an ephemeral node created
// by another client is found, with that client's address.
func TestOwnerOfEphemeralNode(t *testing.T) {
	if testing.Short() {
		t.Skip("needs a real ZooKeeper")
	}
	srv := zktest.Standalone(t)
	var mu sync.Mutex
	var local string
	dialer := func(network, addr string, timeout time.Duration) (net.Conn, error) {
		c, err := net.DialTimeout(network, addr, timeout)
		if err == nil {
			mu.Lock()
			local = c.LocalAddr().String()
			mu.Unlock()
		}
		return c, err
	}
	other, events, err := gozk.Connect([]string{srv.Addr}, 10*time.Second, gozk.WithDialer(dialer), gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	waitConnected(t, events)
	if _, err := other.Create("/owned", nil, gozk.FlagEphemeral, gozk.WorldACL(gozk.PermAll)); err != nil {
		t.Fatal(err)
	}
	_, st, err := other.Exists("/owned")
	if err != nil || st.EphemeralOwner == 0 {
		t.Fatalf("stat %+v %v", st, err)
	}
	env := newRealEnv(t, srv.Addr, []*zktest.Server{srv}, nil)
	env.m.SetNode("/owned", st.EphemeralOwner)
	env.m = press(env.m, "e")
	mu.Lock()
	want := local
	mu.Unlock()
	o := env.m.sess.owner
	if o == nil || o.conn == nil {
		t.Fatalf("owner not found: %+v, note %q", o, env.m.note)
	}
	if o.conn.Addr != want || o.server != srv.Addr || o.owner != st.EphemeralOwner {
		t.Fatalf("owner at %s on %s, want client %s on %s", o.conn.Addr, o.server, want, srv.Addr)
	}
	view := ansi.Strip(env.m.View())
	if !strings.Contains(view, "client "+want) || !strings.Contains(view, "/owned") {
		t.Fatalf("sessions view:\n%s", view)
	}
	if env.m.sess.selectedSession() != st.EphemeralOwner {
		t.Fatalf("selected session 0x%x, want 0x%x", env.m.sess.selectedSession(), st.EphemeralOwner)
	}
}

// TestOnlySrvrWhitelisted: with the default whitelist and no AdminServer
// the views show what srvr gives and say how to enable the rest.
func TestOnlySrvrWhitelisted(t *testing.T) {
	if testing.Short() {
		t.Skip("needs a real ZooKeeper")
	}
	srv := zktest.Standalone(t, zktest.WithDefaultWhitelist(), zktest.WithoutAdminServer())
	env := newRealEnv(t, srv.Addr, []*zktest.Server{srv}, nil)
	r, ok := rowOf(env.m, srv.Addr)
	if !ok || r.Err != nil || r.Mode != admin.ModeStandalone || r.Source != admin.FourLetterWords {
		t.Fatalf("row %+v", r)
	}
	view := ansi.Strip(env.m.View())
	if !strings.Contains(view, "standalone") || !strings.Contains(view, "mntr not whitelisted") ||
		!strings.Contains(view, "4lw.commands.whitelist=srvr, mntr") {
		t.Fatalf("servers view:\n%s", view)
	}
	env.m = press(env.m, "2")
	view = ansi.Strip(env.m.View())
	if !strings.Contains(view, "standalone server: no quorum") || !strings.Contains(view, "alerts (0)") {
		t.Fatalf("health view:\n%s", view)
	}
	env.m = press(env.m, "3")
	view = ansi.Strip(env.m.View())
	if !strings.Contains(view, "cons not whitelisted") || !strings.Contains(view, "4lw.commands.whitelist=srvr, cons") {
		t.Fatalf("sessions view:\n%s", view)
	}
	env.m = press(env.m, "4")
	view = ansi.Strip(env.m.View())
	if !strings.Contains(view, "wchs not whitelisted") || !strings.Contains(view, "4lw.commands.whitelist=srvr, wchs") {
		t.Fatalf("watches view:\n%s", view)
	}
}

func waitConnected(t *testing.T, events <-chan gozk.Event) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case ev := <-events:
			if ev.State == gozk.StateHasSession {
				return
			}
		case <-timeout:
			t.Fatal("the go-zookeeper client never connected")
		}
	}
}
