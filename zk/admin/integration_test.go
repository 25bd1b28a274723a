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

	"github.com/zkui/zkui/zk/admin"
	"github.com/zkui/zkui/zk/zktest"
)

func TestIntegrationEveryCommand(t *testing.T) {
	needServer(t)
	srv := zktest.Standalone(t)
	st := populate(t, srv.Addr)
	cp, ap := port(t, srv.Addr), port(t, srv.AdminAddr)

	t.Run("FourLetterWords", func(t *testing.T) {
		checkAll(t, admin.New(srv.Addr, admin.WithoutAdminServer()), admin.FourLetterWords, st, cp)
	})
	t.Run("AdminServer", func(t *testing.T) {
		// A generous attempt timeout: Jetty's first answers are slow on a
		// loaded machine, and this subtest wants the AdminServer's.
		c := admin.New(srv.Addr, admin.WithAdminPort(ap), admin.WithSources(admin.AdminServer),
			admin.WithTimeout(20*time.Second))
		defer c.Close()
		checkAll(t, c, admin.AdminServer, st, cp)
	})
	t.Run("DefaultOrderPrefersAdminServer", func(t *testing.T) {
		c := admin.New(srv.Addr, admin.WithAdminPort(ap), admin.WithTimeout(20*time.Second))
		defer c.Close()
		checkAll(t, c, admin.AdminServer, st, cp)
	})
	t.Run("AdminServerUnknownCommand", func(t *testing.T) {
		c := admin.New(srv.Addr, admin.WithAdminPort(ap))
		_, err := c.AdminCommand(ctxT(t), "no_such_command")
		var ce *admin.CommandError
		if !errors.As(err, &ce) || !errors.Is(err, admin.ErrAdminServer) {
			t.Errorf("want *CommandError, got %v", err)
		}
	})
	t.Run("FLWHelpers", func(t *testing.T) {
		dead := "127.0.0.1:" + strconv.Itoa(closedPort(t))
		servers := []string{srv.Addr, dead}
		ctx := ctxT(t)
		r := admin.FLWRuok(ctx, servers, 5*time.Second)
		if len(r) != 2 || r[0].Server != srv.Addr || !r[0].OK || r[0].Err != nil || r[1].Server != dead || r[1].OK || r[1].Err == nil {
			t.Errorf("FLWRuok: %+v", r)
		}
		s := admin.FLWSrvr(ctx, servers, 5*time.Second)
		if len(s) != 2 || s[0].Err != nil || s[0].Stats == nil || s[0].Stats.Mode != admin.ModeStandalone ||
			s[1].Err == nil || s[1].Stats != nil {
			t.Errorf("FLWSrvr: %+v", s)
		}
		c := admin.FLWCons(ctx, servers, 5*time.Second)
		if len(c) != 2 || c[0].Err != nil || len(c[0].Connections) < 1 || c[1].Err == nil {
			t.Errorf("FLWCons: %+v", c)
		}
	})
	t.Run("Dialer", func(t *testing.T) {
		var dialed []string
		d := func(ctx context.Context, network, addr string) (net.Conn, error) {
			dialed = append(dialed, addr) // sequential calls only: no lock needed
			var nd net.Dialer
			return nd.DialContext(ctx, network, addr)
		}
		c := admin.New(srv.Addr, admin.WithAdminPort(ap), admin.WithDialer(d), admin.WithTimeout(20*time.Second))
		defer c.Close()
		if _, src, err := c.Stats(ctxT(t)); err != nil || src != admin.AdminServer {
			t.Fatalf("stats via dialer: %v %v", src, err)
		}
		c4 := admin.New(srv.Addr, admin.WithoutAdminServer(), admin.WithDialer(d))
		if _, _, err := c4.Stats(ctxT(t)); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(dialed, []string{srv.AdminAddr, srv.Addr}) {
			t.Errorf("dialed %v, want the AdminServer then the client port", dialed)
		}
	})
	t.Run("HungAdminServerFallsBack", func(t *testing.T) {
		// The AdminServer port leads to a black hole: the per-attempt
		// timeout ends that attempt and the four-letter word answers.
		p := zktest.StartProxy(t, srv.AdminAddr)
		p.Blackhole()
		c := admin.New(srv.Addr, admin.WithAdminPort(port(t, p.Addr())), admin.WithTimeout(500*time.Millisecond))
		defer c.Close()
		st, src, err := c.Stats(ctxT(t))
		if err != nil || src != admin.FourLetterWords || st.Mode != admin.ModeStandalone {
			t.Fatalf("stats: %v %v %v", st, src, err)
		}
	})
	t.Run("CancelledContext", func(t *testing.T) {
		p := zktest.StartProxy(t, srv.Addr)
		p.Blackhole()
		c := admin.New(p.Addr(), admin.WithoutAdminServer(), admin.WithTimeout(0))
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		defer cancel()
		_, _, err := c.Monitor(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("want DeadlineExceeded, got %v", err)
		}
	})
}

func TestIntegrationDefaultWhitelist(t *testing.T) {
	needServer(t)
	srv := zktest.Standalone(t, zktest.WithDefaultWhitelist())
	ctx := ctxT(t)

	flw := admin.New(srv.Addr, admin.WithoutAdminServer())
	if st, src, err := flw.Stats(ctx); err != nil || src != admin.FourLetterWords || st.Mode != admin.ModeStandalone {
		t.Fatalf("srvr is whitelisted by default: %v %v %v", st, src, err)
	}
	_, _, err := flw.Monitor(ctx)
	var nw *admin.NotWhitelistedError
	if !errors.As(err, &nw) || !errors.Is(err, admin.ErrNotWhitelisted) || nw.Command != "mntr" {
		t.Fatalf("want *NotWhitelistedError for mntr, got %v", err)
	}
	if !strings.Contains(err.Error(), "4lw.commands.whitelist=srvr, mntr") {
		t.Errorf("error lacks the enabling line: %v", err)
	}
	if errors.Is(err, admin.ErrParse) {
		t.Errorf("a refusal is not a parse error: %v", err)
	}

	// The entry point gets mntr's data from the AdminServer, which ignores
	// the whitelist, and says so.
	both := admin.New(srv.Addr, admin.WithAdminPort(port(t, srv.AdminAddr)), admin.WithTimeout(20*time.Second))
	defer both.Close()
	m, src, err := both.Monitor(ctx)
	if err != nil || src != admin.AdminServer || m.State != admin.ModeStandalone {
		t.Fatalf("monitor via AdminServer: %v %v %v", m, src, err)
	}
	if _, src, err := both.Connections(ctx); err != nil || src != admin.AdminServer {
		t.Errorf("connections: %v %v", src, err)
	}
}

func TestIntegrationWithoutAdminServer(t *testing.T) {
	needServer(t)
	srv := zktest.Standalone(t, zktest.WithoutAdminServer())
	ctx := ctxT(t)
	// Nothing listens on the admin port: the entry point falls back to the
	// four-letter words and says so, every time.
	c := admin.New(srv.Addr, admin.WithAdminPort(closedPort(t)))
	defer c.Close()
	for range 2 { // the second call skips the known-dead AdminServer
		m, src, err := c.Monitor(ctx)
		if err != nil || src != admin.FourLetterWords || m.State != admin.ModeStandalone {
			t.Fatalf("monitor: %v %v %v", m, src, err)
		}
	}
	if ok, src, err := c.Ruok(ctx); !ok || src != admin.FourLetterWords || err != nil {
		t.Errorf("ruok: %v %v %v", ok, src, err)
	}
}

func TestIntegrationNoSourceWorks(t *testing.T) {
	needServer(t)
	srv := zktest.Standalone(t, zktest.WithoutAdminServer(), zktest.WithDefaultWhitelist())
	c := admin.New(srv.Addr, admin.WithAdminPort(closedPort(t)))
	defer c.Close()
	_, src, err := c.Monitor(ctxT(t))
	if src != 0 || !errors.Is(err, admin.ErrNotWhitelisted) ||
		!strings.Contains(err.Error(), "4lw.commands.whitelist=srvr, mntr") {
		t.Errorf("want the whitelist error among the failures, got %v (source %v)", err, src)
	}
	if st, src, err := c.Stats(ctxT(t)); err != nil || src != admin.FourLetterWords || st.NodeCount < 4 {
		t.Errorf("srvr still works: %v %v %v", st, src, err)
	}
}

func TestIntegrationTLS(t *testing.T) {
	needServer(t)
	srv := zktest.Standalone(t, zktest.WithTLS(), zktest.WithoutAdminServer())
	cfg, err := srv.TLS.ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	c := admin.New(srv.SecureAddr, admin.WithoutAdminServer(), admin.WithTLS(cfg))
	ctx := ctxT(t)
	st, src, err := c.Stats(ctx)
	if err != nil || src != admin.FourLetterWords || st.Mode != admin.ModeStandalone {
		t.Fatalf("srvr over TLS: %v %v %v", st, src, err)
	}
	if m, _, err := c.Monitor(ctx); err != nil || m.ZnodeCount < 4 {
		t.Errorf("mntr over TLS: %v %v", m, err)
	}
	r := admin.FLWRuok(ctx, []string{srv.SecureAddr}, 5*time.Second, admin.WithTLS(cfg))
	if !r[0].OK || r[0].Err != nil {
		t.Errorf("FLWRuok over TLS: %+v", r[0])
	}
}

func TestIntegrationEnsemble(t *testing.T) {
	needServer(t)
	ens := zktest.NewEnsemble(t, 3, zktest.WithoutAdminServer())
	ctx := ctxT(t)
	var servers []string
	for _, s := range ens.Servers {
		servers = append(servers, s.Addr)
	}
	res := admin.FLWSrvr(ctx, servers, 10*time.Second)
	modes := map[admin.Mode]int{}
	var leader string
	for i, r := range res {
		if r.Err != nil || r.Server != servers[i] {
			t.Fatalf("member %d: %+v", i, r)
		}
		modes[r.Stats.Mode]++
		if r.Stats.Mode == admin.ModeLeader {
			leader = r.Server
			if r.Stats.Proposal == nil {
				t.Error("leader's srvr lacks proposal sizes")
			}
			// A new leader opens a new epoch (followers report 0 until
			// the first transaction).
			if r.Stats.Zxid.Epoch() < 1 {
				t.Errorf("leader zxid %v has no epoch", r.Stats.Zxid)
			}
		}
	}
	if modes[admin.ModeLeader] != 1 || modes[admin.ModeFollower] != 2 {
		t.Fatalf("modes %v", modes)
	}
	m, _, err := admin.New(leader, admin.WithoutAdminServer()).Monitor(ctx)
	if err != nil || m.State != admin.ModeLeader || m.Followers != 2 || m.SyncedFollowers != 2 {
		t.Errorf("leader mntr: %+v %v", m, err)
	}
	conf, _, err := admin.New(leader, admin.WithoutAdminServer()).Config(ctx)
	if err != nil || len(conf.Servers) != 3 || conf.ServerID < 1 {
		t.Errorf("leader conf: %+v %v", conf, err)
	}
}
