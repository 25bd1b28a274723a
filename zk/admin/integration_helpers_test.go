package admin_test

import (
	"context"
	"errors"
	"net"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/zk/admin"
)

// Integration tests against real ZooKeeper servers started by zktest. They
// fail (never skip) when ZooKeeper is missing; only -short skips them.

func needServer(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper (run without -short)")
	}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// port returns the port of a "127.0.0.1:port" address.
func port(t *testing.T, addr string) int {
	t.Helper()
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(p)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// closedPort returns a loopback port nobody listens on (it was free a
// moment ago).
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return port(t, addr)
}

// state is what an independent client (go-zookeeper) put on the server, so
// the statistics have something to report.
type state struct {
	session   int64
	ephemeral string
	watched   string
}

func populate(t *testing.T, addr string) state {
	t.Helper()
	conn, events, err := gozk.Connect([]string{addr}, 10*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	deadline := time.After(20 * time.Second)
	for conn.State() != gozk.StateHasSession {
		select {
		case <-events:
		case <-deadline:
			t.Fatal("go-zookeeper: no session")
		}
	}
	acl := gozk.WorldACL(gozk.PermAll)
	if _, err := conn.Create("/stats", []byte("x"), 0, acl); err != nil && !errors.Is(err, gozk.ErrNodeExists) {
		t.Fatal(err)
	}
	eph := "/stats/eph"
	if _, err := conn.Create(eph, nil, gozk.FlagEphemeral, acl); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := conn.GetW("/stats"); err != nil {
		t.Fatal(err)
	}
	return state{session: conn.SessionID(), ephemeral: eph, watched: "/stats"}
}

// checkAll asks for every statistic and checks the values are sane and that
// want answered each time.
func checkAll(t *testing.T, c *admin.Client, want admin.Source, st state, clientPort int) {
	ctx := ctxT(t)
	src := func(name string, got admin.Source, err error) bool {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return false
		}
		if got != want {
			t.Errorf("%s answered by %v, want %v", name, got, want)
		}
		return true
	}

	if ok, s, err := c.Ruok(ctx); src("ruok", s, err) && !ok {
		t.Error("ruok: not ok")
	}
	if st0, s, err := c.Stats(ctx); src("stats", s, err) {
		if st0.Mode != admin.ModeStandalone || st0.NodeCount < 4 || st0.Connections < 1 ||
			st0.Zxid <= 0 || !strings.HasPrefix(st0.Version, "3.") {
			t.Errorf("stats: %+v", *st0)
		}
	}
	if st1, s, err := c.StatsWithClients(ctx); src("stats with clients", s, err) {
		if len(st1.Clients) < 1 || st1.Mode != admin.ModeStandalone {
			t.Errorf("stats with clients: %+v", *st1)
		}
	}
	if m, s, err := c.Monitor(ctx); src("monitor", s, err) {
		if m.State != admin.ModeStandalone || m.ZnodeCount < 5 || m.EphemeralsCount < 1 ||
			m.WatchCount < 1 || m.AliveConnections < 1 || len(m.Values) < 20 {
			t.Errorf("monitor: %+v", *m)
		}
	}
	if cs, s, err := c.Connections(ctx); src("connections", s, err) {
		i := slices.IndexFunc(cs, func(c admin.Connection) bool { return c.SessionID == st.session })
		if i < 0 {
			t.Errorf("connections: session %#x not among %+v", st.session, cs)
		} else if cs[i].Established.IsZero() || cs[i].SessionTimeout <= 0 || cs[i].Addr == "" {
			t.Errorf("connection: %+v", cs[i])
		}
	}
	if conf, s, err := c.Config(ctx); src("config", s, err) {
		if conf.ClientPort != clientPort || conf.TickTime <= 0 || conf.DataDir == "" {
			t.Errorf("config: %+v", *conf)
		}
	}
	if env, s, err := c.Environment(ctx); src("environment", s, err) {
		if env["java.version"] == "" || !strings.HasPrefix(env["zookeeper.version"], "3.") {
			t.Errorf("environment: %v", env)
		}
	}
	if ws, s, err := c.WatchSummary(ctx); src("watch summary", s, err) {
		if ws.Total < 1 || ws.Paths < 1 || ws.Connections < 1 {
			t.Errorf("watch summary: %+v", *ws)
		}
	}
	if w, s, err := c.Watches(ctx); src("watches", s, err) && !slices.Contains(w[st.session], st.watched) {
		t.Errorf("watches: %v lacks %#x -> %s", w, st.session, st.watched)
	}
	if w, s, err := c.WatchesByPath(ctx); src("watches by path", s, err) && !slices.Contains(w[st.watched], st.session) {
		t.Errorf("watches by path: %v lacks %s -> %#x", w, st.watched, st.session)
	}
	if d, s, err := c.Dump(ctx); src("dump", s, err) {
		if !slices.Contains(d.Ephemerals[st.session], st.ephemeral) || !slices.Contains(d.Sessions, st.session) ||
			d.SessionCount < 1 {
			t.Errorf("dump: %+v", *d)
		}
	}
	if ro, s, err := c.IsReadOnly(ctx); src("is read only", s, err) && ro {
		t.Error("standalone server reports read-only")
	}
	if d, s, err := c.Dirs(ctx); src("dirs", s, err) && d.DataDirSize <= 0 {
		t.Errorf("dirs: %+v", *d)
	}
	// Resets last: they zero the counters checked above (packet counts are
	// not asserted, since an earlier subtest's reset zeroes them too).
	s, err := c.ResetConnectionStats(ctx)
	src("connection stat reset", s, err)
	s, err = c.ResetStats(ctx)
	src("stat reset", s, err)
}
