package admin

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tests against in-process fakes that replay the real fixtures: the https
// path and the error paths, which the real test server cannot easily show.

// fakeAdmin serves testdata/admin_<name>.json at /commands/<name>, 404
// for anything else.
func fakeAdmin(t *testing.T, tlsOn bool) (*httptest.Server, int) {
	t.Helper()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/commands/")
		if !ok || name == "" || strings.Contains(name, "/") {
			http.NotFound(w, r)
			return
		}
		file := "admin_" + name + ".json"
		if name == "nosuch" {
			file = "admin_error_unknown.json" // the AdminServer's 200-with-error
		}
		b, err := readFixture(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	})
	srv := httptest.NewUnstartedServer(h)
	// The untrusted-certificate case makes the server log a handshake error.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	if tlsOn {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	_, p, _ := net.SplitHostPort(srv.Listener.Addr().String())
	n, _ := strconv.Atoi(p)
	return srv, n
}

func readFixture(name string) ([]byte, error) {
	if strings.ContainsAny(name, `/\`) {
		return nil, errors.New("bad name")
	}
	return os.ReadFile(filepath.Join("testdata", name))
}

// fakeFLW answers each four-letter word with answer(word) and closes, as
// ZooKeeper does.
func fakeFLW(t *testing.T, answer func(word string) string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				word := make([]byte, 4)
				if _, err := io.ReadFull(c, word); err != nil {
					return
				}
				io.WriteString(c, answer(string(word)))
			}()
		}
	}()
	return l.Addr().String()
}

func TestAdminHTTPS(t *testing.T) {
	srv, p := fakeAdmin(t, true)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	tlsCfg := srv.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
	tlsCfg.RootCAs = pool
	c := New("127.0.0.1:2181", WithAdminPort(p), WithAdminTLS(tlsCfg), WithSources(AdminServer))
	defer c.Close()
	if !strings.HasPrefix(c.AdminURL(), "https://127.0.0.1:") {
		t.Errorf("admin URL %s", c.AdminURL())
	}
	ctx := context.Background()
	st, src, err := c.Stats(ctx)
	if err != nil || src != AdminServer || st.NodeCount != 10 {
		t.Fatalf("stats over https: %+v %v %v", st, src, err)
	}
	d, _, err := c.Dump(ctx)
	if err != nil || d.SessionCount != 2 {
		t.Errorf("dump: %+v %v", d, err)
	}
	// Without trusting the test CA the handshake must fail.
	bad := New("127.0.0.1:2181", WithAdminPort(p), WithAdminTLS(&tlsCfgZero), WithSources(AdminServer))
	if _, _, err := bad.Stats(ctx); err == nil {
		t.Error("untrusted certificate accepted")
	}
}

var tlsCfgZero tls.Config

func TestAdminHTTPErrors(t *testing.T) {
	_, p := fakeAdmin(t, false)
	c := New("127.0.0.1:2181", WithAdminPort(p), WithSources(AdminServer))
	defer c.Close()
	ctx := context.Background()
	_, err := c.AdminCommand(ctx, "nosuch")
	var ce *CommandError
	if !errors.As(err, &ce) || !strings.Contains(ce.Message, "Unknown command") {
		t.Errorf("error JSON: %v", err)
	}
	_, err = c.AdminCommand(ctx, "leader") // no fixture: 404
	var he *HTTPError
	if !errors.As(err, &he) || he.StatusCode != http.StatusNotFound || !errors.Is(err, ErrAdminServer) {
		t.Errorf("404: %v", err)
	}
}

func TestFallbackAfterHTTPError(t *testing.T) {
	// Something else answers on the admin port with 404s: the Client falls
	// back to the four-letter word and then skips that port for a while.
	other := httptest.NewServer(http.NotFoundHandler())
	defer other.Close()
	_, p, _ := net.SplitHostPort(other.Listener.Addr().String())
	port, _ := strconv.Atoi(p)
	addr := fakeFLW(t, func(word string) string {
		b, _ := readFixture(word + ".txt")
		return string(b)
	})
	c := New(addr, WithAdminPort(port))
	defer c.Close()
	for i := range 2 {
		m, src, err := c.Monitor(context.Background())
		if err != nil || src != FourLetterWords || m.ZnodeCount != 10 {
			t.Fatalf("call %d: %v %v %v", i, m, src, err)
		}
	}
	if err := c.adminSkipped(); err == nil || !errors.Is(err, ErrAdminServer) {
		t.Errorf("admin port not remembered as failing: %v", err)
	}
}

func TestFourLetterFake(t *testing.T) {
	addr := fakeFLW(t, func(word string) string {
		switch word {
		case "srvr":
			b, _ := readFixture("srvr.txt")
			return string(b)
		case "mntr":
			b, _ := readFixture("notwhitelisted.txt")
			return string(b)
		case "isro":
			return "This ZooKeeper instance is not currently serving requests\n"
		}
		return ""
	})
	c := New(addr, WithoutAdminServer())
	ctx := context.Background()
	if _, src, err := c.Stats(ctx); err != nil || src != FourLetterWords {
		t.Errorf("srvr: %v %v", src, err)
	}
	_, _, err := c.Monitor(ctx)
	if !errors.Is(err, ErrNotWhitelisted) || !strings.Contains(err.Error(), "4lw.commands.whitelist=srvr, mntr") {
		t.Errorf("mntr: %v", err)
	}
	if _, _, err := c.IsReadOnly(ctx); !errors.Is(err, ErrNotServing) {
		t.Errorf("isro: %v", err)
	}
	if _, _, err := c.Dump(ctx); !errors.Is(err, ErrParse) {
		t.Errorf("empty answer: %v", err)
	}
	small := New(addr, WithoutAdminServer(), WithMaxResponseSize(16))
	if _, _, err := small.Stats(ctx); !errors.Is(err, ErrResponseTooLarge) {
		t.Errorf("size limit: %v", err)
	}
}

func TestMultiKeepsOrder(t *testing.T) {
	addr := fakeFLW(t, func(word string) string {
		b, _ := readFixture(word + ".txt")
		return string(b)
	})
	// A black hole: accepts, never answers; the per-server timeout ends it.
	hole, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer hole.Close()
	servers := []string{hole.Addr().String(), addr, addr}
	res := FLWSrvr(context.Background(), servers, 200*time.Millisecond)
	if len(res) != 3 || res[0].Err == nil || !errors.Is(res[0].Err, context.DeadlineExceeded) {
		t.Fatalf("hung server: %+v", res)
	}
	for i, r := range res[1:] {
		if r.Server != addr || r.Err != nil || r.Stats.NodeCount != 10 {
			t.Errorf("result %d: %+v", i+1, r)
		}
	}
}
