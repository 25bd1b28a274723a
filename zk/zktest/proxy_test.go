package zktest

import (
	"bufio"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"
)

// echoServer answers every line with prefix+line until the test ends.
func echoServer(t *testing.T, prefix string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close() // like a real server, hang up at EOF
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					if _, err := io.WriteString(c, prefix+line); err != nil {
						return
					}
				}
			}()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return ln.Addr().String()
}

// client is one connection through the proxy.
type client struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

func dial(t *testing.T, addr string) *client {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &client{t: t, conn: c, r: bufio.NewReader(c)}
}

// roundTrip sends line and returns the answer line (or the read error),
// waiting at most wait.
func (c *client) roundTrip(line string, wait time.Duration) (string, error) {
	c.t.Helper()
	if _, err := io.WriteString(c.conn, line+"\n"); err != nil {
		return "", err
	}
	c.conn.SetReadDeadline(time.Now().Add(wait))
	got, err := c.r.ReadString('\n')
	return strings.TrimSuffix(got, "\n"), err
}

// want asserts that line comes back with prefix.
func (c *client) want(line, prefix string) {
	c.t.Helper()
	got, err := c.roundTrip(line, 10*time.Second)
	if err != nil || got != prefix+line {
		c.t.Fatalf("echo of %q = %q, %v; want %q", line, got, err, prefix+line)
	}
}

// wantTimeout asserts that nothing comes back within d and the connection
// is still open.
func (c *client) wantTimeout(line string, d time.Duration) {
	c.t.Helper()
	got, err := c.roundTrip(line, d)
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		c.t.Fatalf("read through a black hole = %q, %v; want a timeout", got, err)
	}
}

// eventually polls cond for up to 10 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("never happened: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestProxyPassToZooKeeper(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	s := Standalone(t, WithoutAdminServer())
	p := StartProxy(t, s.Addr)
	if got := fourLetter(t, p.Addr(), "ruok"); got != "imok" {
		t.Errorf("ruok through the proxy = %q, want imok", got)
	}
	if got := Mode(fourLetter(t, p.Addr(), "srvr")); got != "standalone" {
		t.Errorf("srvr mode through the proxy = %q, want standalone", got)
	}
	// A whole session, with a little latency on every packet.
	p.Delay(5 * time.Millisecond)
	conn, _, err := gozk.Connect([]string{p.Addr()}, 5*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Create("/via-proxy", []byte("hi"), 0, gozk.WorldACL(gozk.PermAll)); err != nil {
		t.Fatal(err)
	}
	if data, _, err := conn.Get("/via-proxy"); err != nil || string(data) != "hi" {
		t.Fatalf("get through the proxy = %q, %v", data, err)
	}
	if p.Conns() != 1 {
		t.Errorf("Conns = %d with one session open, want 1", p.Conns())
	}
}

func TestProxyBlackhole(t *testing.T) {
	t.Parallel()
	p := StartProxy(t, echoServer(t, ""))
	old := dial(t, p.Addr())
	old.want("before", "")

	p.Blackhole()
	old.wantTimeout("swallowed", 300*time.Millisecond)
	fresh := dial(t, p.Addr())
	fresh.wantTimeout("into the void", 300*time.Millisecond)
	if n := p.Conns(); n != 2 {
		t.Errorf("Conns = %d while blackholed, want 2 (connections stay open)", n)
	}

	p.Pass()
	// The existing connection forwards again; what was swallowed is gone.
	old.want("after", "")
	dial(t, p.Addr()).want("new", "")
}

func TestProxyDropNew(t *testing.T) {
	t.Parallel()
	p := StartProxy(t, echoServer(t, ""))
	old := dial(t, p.Addr())
	old.want("before", "")

	p.DropNew()
	dropped := dial(t, p.Addr())
	if got, err := dropped.roundTrip("hello", 10*time.Second); err == nil {
		t.Fatalf("a new connection was answered %q while dropping", got)
	} else if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, syscall.EPIPE) {
		// closed by the proxy, as wanted
	} else {
		t.Fatalf("new connection while dropping: %v, want EOF or reset", err)
	}
	old.want("still here", "")

	p.Pass()
	dial(t, p.Addr()).want("accepted again", "")
}

func TestProxyResetAll(t *testing.T) {
	t.Parallel()
	p := StartProxy(t, echoServer(t, ""))
	a, b := dial(t, p.Addr()), dial(t, p.Addr())
	a.want("a", "")
	b.want("b", "")
	if n := p.Conns(); n != 2 {
		t.Fatalf("Conns = %d, want 2", n)
	}

	p.ResetAll()
	if n := p.Conns(); n != 0 {
		t.Errorf("Conns = %d right after ResetAll, want 0", n)
	}
	_, err := a.roundTrip("gone?", 10*time.Second)
	if !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("read after ResetAll: %v, want connection reset", err)
	}
	// The proxy itself keeps working.
	dial(t, p.Addr()).want("next", "")
}

func TestProxyDelay(t *testing.T) {
	t.Parallel()
	p := StartProxy(t, echoServer(t, ""))
	c := dial(t, p.Addr())
	const d = 150 * time.Millisecond
	p.Delay(d)
	start := time.Now()
	c.want("slow", "")
	if took := time.Since(start); took < d {
		t.Errorf("round trip with Delay(%v) took %v, want at least %v", d, took, d)
	}
	p.Pass()
	c.want("normal again", "")
}

func TestProxySetTargetAndClose(t *testing.T) {
	t.Parallel()
	p, err := NewProxy(echoServer(t, "one:"))
	if err != nil {
		t.Fatal(err)
	}
	first := dial(t, p.Addr())
	first.want("x", "one:")

	p.SetTarget(echoServer(t, "two:"))
	dial(t, p.Addr()).want("y", "two:")
	first.want("z", "one:") // existing connections stay where they were

	addr := p.Addr()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if n := p.Conns(); n != 0 {
		t.Errorf("Conns = %d after Close, want 0", n)
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Error("the proxy still accepts after Close")
	}
	if _, err := first.roundTrip("dead", 10*time.Second); err == nil {
		t.Error("a connection survived Close")
	}
}

func TestProxyClientCloseForgetsLink(t *testing.T) {
	t.Parallel()
	p := StartProxy(t, echoServer(t, ""))
	c := dial(t, p.Addr())
	c.want("hi", "")
	c.conn.Close()
	eventually(t, "Conns drops to 0 after the client closed", func() bool { return p.Conns() == 0 })
}
