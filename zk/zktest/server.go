package zktest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// loopback is the only address servers listen on.
const loopback = "127.0.0.1"

// startAttempts is how often Start picks fresh ports when another process
// grabbed one between our probe and the server's bind.
const startAttempts = 3

// Server is one ZooKeeper server process (a JVM) with its own directory.
type Server struct {
	// ID is the server's myid: 1 for a standalone server, 1..n in an ensemble.
	ID int
	// Addr is the plain client address, "127.0.0.1:<clientPort>".
	Addr string
	// AdminAddr is the AdminServer's "127.0.0.1:<port>", "" when it is off.
	// GET http://<AdminAddr>/commands/<name> answers JSON.
	AdminAddr string
	// SecureAddr is the TLS client address when WithTLS is on, else "".
	SecureAddr string
	// Dir holds zoo.cfg, data/, server.log and, with TLS, the certificates.
	Dir string
	// TLS names the CA and client certificate files; nil unless WithTLS.
	TLS *TLSFiles

	cfg                                                         Config
	tls                                                         *tlsMaterial
	clientPort, adminPort, securePort, quorumPort, electionPort int

	mu   sync.Mutex
	proc *process // the current or last JVM; nil before the first launch
}

// Start starts one standalone server in dir (created if needed) and waits
// until it serves clients. The server keeps running when ctx ends: ctx only
// bounds the wait. Stop or Kill it when done. When java or ZooKeeper's jars
// are missing the error wraps ErrNotInstalled.
func Start(ctx context.Context, dir string, opts ...Option) (*Server, error) {
	cfg := NewConfig(opts...)
	if err := cfg.CheckInstall(); err != nil {
		return nil, err
	}
	tlsm, err := maybeTLS(cfg, dir)
	if err != nil {
		return nil, err
	}
	var lastErr error
	for attempt := 1; attempt <= startAttempts; attempt++ {
		s, err := newServer(dir, 1, cfg, tlsm, attempt > 1)
		if err != nil {
			return nil, err
		}
		if err := s.writeFiles(nil); err != nil {
			return nil, err
		}
		if err := s.launch(); err != nil {
			return nil, err
		}
		err = s.waitStarted(ctx)
		if err == nil && !s.portClash() {
			return s, nil
		}
		s.Kill()
		if err == nil {
			err = fmt.Errorf("zktest: server in %s lost a port to another process", dir)
		}
		if !s.portClash() || ctx.Err() != nil {
			return nil, err
		}
		lastErr = err
	}
	return nil, lastErr
}

// maybeTLS generates the certificates under dir/tls when cfg asks for TLS.
func maybeTLS(cfg Config, dir string) (*tlsMaterial, error) {
	if !cfg.TLS {
		return nil, nil
	}
	return generateTLS(filepath.Join(dir, "tls"))
}

// newServer fills in a Server with fresh ports. fresh wipes the data and log
// of an earlier failed attempt in the same directory.
func newServer(dir string, id int, cfg Config, tlsm *tlsMaterial, fresh bool) (*Server, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if fresh {
		os.RemoveAll(filepath.Join(dir, dataSubdir))
	}
	os.Remove(filepath.Join(dir, logFile))
	p, err := pickPorts(5)
	if err != nil {
		return nil, err
	}
	s := &Server{
		ID: id, Dir: dir, cfg: cfg, tls: tlsm,
		clientPort: p[0], adminPort: p[1], securePort: p[2], quorumPort: p[3], electionPort: p[4],
	}
	s.Addr = hostPort(s.clientPort)
	if cfg.AdminServer {
		s.AdminAddr = hostPort(s.adminPort)
	}
	if tlsm != nil {
		s.SecureAddr = hostPort(s.securePort)
		s.TLS = &tlsm.TLSFiles
	}
	return s, nil
}

func hostPort(port int) string { return fmt.Sprintf("%s:%d", loopback, port) }

// launch starts the JVM with stdout and stderr appended to server.log.
func (s *Server) launch() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc != nil && !s.proc.exited() {
		return fmt.Errorf("zktest: server %d is already running", s.ID)
	}
	log, err := os.OpenFile(filepath.Join(s.Dir, logFile), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	// The child gets its own copy of the descriptor; ours is not needed.
	defer log.Close()
	cmd := exec.Command(s.cfg.Java, s.javaArgs()...)
	cmd.Dir = s.Dir
	cmd.Stdout = log
	cmd.Stderr = log
	p, err := launch(cmd)
	if err != nil {
		return fmt.Errorf("zktest: start java: %w", err)
	}
	s.proc = p
	return nil
}

// current returns the current or last JVM, nil before the first launch.
func (s *Server) current() *process {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.proc
}

// Running reports whether the server's JVM is alive.
func (s *Server) Running() bool {
	p := s.current()
	return p != nil && !p.exited()
}

// Pid is the process id of the current or last JVM, 0 before the first start.
func (s *Server) Pid() int {
	if p := s.current(); p != nil {
		return p.pid()
	}
	return 0
}

// Stop shuts the server down gracefully: SIGTERM, then SIGKILL if it has not
// exited within the stop timeout. It waits until the JVM is reaped. Stopping
// a stopped server does nothing.
func (s *Server) Stop() error {
	p := s.current()
	if p == nil || p.exited() {
		return nil
	}
	if err := p.terminate(); err != nil {
		return fmt.Errorf("zktest: stop server %d: %w", s.ID, err)
	}
	select {
	case <-p.done:
		return nil
	case <-time.After(s.cfg.StopTimeout):
	}
	if err := p.kill(); err != nil {
		return fmt.Errorf("zktest: kill server %d: %w", s.ID, err)
	}
	<-p.done
	return nil
}

// Kill kills the server with SIGKILL, as a crash would, and waits until the
// JVM is reaped.
func (s *Server) Kill() error {
	p := s.current()
	if p == nil || p.exited() {
		return nil
	}
	if err := p.kill(); err != nil {
		return fmt.Errorf("zktest: kill server %d: %w", s.ID, err)
	}
	<-p.done
	return nil
}

// Restart stops the server if it runs, starts it again with the same ports,
// configuration and data, and waits until it serves clients. A member of an
// ensemble serves only once it has joined a quorum.
func (s *Server) Restart(ctx context.Context) error {
	if err := s.Stop(); err != nil {
		return err
	}
	if err := s.launch(); err != nil {
		return err
	}
	return s.waitStarted(ctx)
}

// waitStarted is WaitServing bounded by the configured start timeout.
func (s *Server) waitStarted(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.StartTimeout)
	defer cancel()
	return s.WaitServing(ctx)
}

// pollInterval is how often waits re-ask the servers.
const pollInterval = 50 * time.Millisecond

// WaitServing waits until the server answers ruok with imok (or refuses it by
// whitelist, which still proves it alive) and srvr shows a Mode line, i.e. it
// serves clients rather than merely running. It fails at once if the JVM exits.
func (s *Server) WaitServing(ctx context.Context) error {
	var last error
	for {
		p := s.current()
		if p == nil {
			return fmt.Errorf("zktest: server %d was never started", s.ID)
		}
		if p.exited() {
			return fmt.Errorf("zktest: server %d exited (%v) before serving; end of %s:\n%s",
				s.ID, p.err, filepath.Join(s.Dir, logFile), s.logTail(20))
		}
		_, err := serving(ctx, s.Addr)
		if err == nil && s.SecureAddr != "" {
			// The secure port is bound by its own connection factory,
			// sometimes after the plain one already serves.
			err = listening(ctx, s.SecureAddr)
		}
		if err == nil {
			return nil
		}
		last = err
		select {
		case <-ctx.Done():
			return fmt.Errorf("zktest: server %d at %s not serving: %w (last: %v); end of log:\n%s",
				s.ID, s.Addr, ctx.Err(), last, s.logTail(20))
		case <-time.After(pollInterval):
		}
	}
}

// Log returns the server's log so far: the JVM's stdout and stderr across
// every start, from server.log in Dir.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.Dir, logFile))
	return string(b)
}

// logTail returns the last n lines of the log.
func (s *Server) logTail(n int) string {
	lines := strings.Split(strings.TrimRight(s.Log(), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// portClash reports whether the server failed to bind one of its ports.
func (s *Server) portClash() bool {
	l := s.Log()
	return strings.Contains(l, "Address already in use") || strings.Contains(l, "BindException")
}

// errNoLeader is returned by Leader while no member leads.
var errNoLeader = errors.New("zktest: no leader")

// listening reports whether something accepts TCP connections at addr.
func listening(ctx context.Context, addr string) error {
	var d net.Dialer
	dctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	c, err := d.DialContext(dctx, "tcp", addr)
	if err != nil {
		return err
	}
	return c.Close()
}
