package zk

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Client is the long-lived ZooKeeper handle most programs want: one session
// that survives the loss of servers and connections.
//
// The zero value plus an Ensemble is ready to use; the Client connects
// lazily on first use (or on Connect) and is safe for concurrent use. Set the
// exported fields before first use and do not change them after; do not
// copy a Client.
//
//	client := &zk.Client{Ensemble: "h1:2181,h2:2181,h3:2181/app"}
//	defer client.Reset()
//	data, stat, err := client.GetData(ctx, "/")
//
// # Sessions
//
// When a connection is lost, a background loop connects to the next server
// (Ensemble order shuffled, or as given with HostsInOrder; names are
// resolved again on every attempt) and resumes the same session with its id,
// password and last seen zxid; a server that is behind that zxid refuses
// and the next one is tried. On the new connection the credentials go
// first, then every watch is re-registered (SetWatches), then the requests
// of the program. When the server says the session expired, Expired is
// reported on the state stream and to every watcher, a new session is
// started and persistent watches are registered on it again.
//
// # Retries
//
// A call that fails with a retryable error (IsRetryable: connection loss,
// operation or request timeout, throttling) is sent again, up to MaxRetries
// times, with exponential backoff and jitter, and never past the caller's
// ctx. A call waits for a connection at most SessionTimeout per attempt.
// Other errors return at once. Because a lost connection may have lost only
// the reply, a retried write can meet its own earlier effect, and this
// Client reports what the server says rather than guessing:
//
//   - Create of a plain (non-sequential) node may return ErrNodeExists when
//     the first attempt created it; Delete with version -1 may return
//     ErrNoNode when the first attempt deleted it; SetData with a version may
//     return ErrBadVersion after its own earlier success.
//   - Sequential creates (and Multi or Reconfig) are NOT retried once the
//     request may have reached a server: a retry could create a second node
//     with another counter. They are retried only when the request was never
//     sent (no connection) or was refused with ErrThrottledOp. The caller
//     gets the ErrConnectionLoss and decides (e.g. by listing the parent).
//
// # Read-only mode
//
// With AllowReadOnly a server that lost its quorum may serve the session
// read-only: the state is ConnectedReadOnly, writes fail with ErrReadOnly
// before anything is sent, and the Client keeps looking for a read-write
// server in the background and moves to it when found.
//
// # Security
//
// TLS (a server's secureClientPort) is used when TLS is set; Auth credentials
// (e.g. digest) and SASL DIGEST-MD5 are sent right after every handshake.
// Kerberos (SASL GSSAPI) is not supported: it needs a Kerberos library and
// ticket cache that the Go standard library does not provide, and this
// module keeps to it. Credentials never appear in logs, errors or in the
// formatted Client.
type Client struct {
	// Network is "tcp" when empty.
	Network string
	// Ensemble is "host:port,host:port[/chroot]"; a host without a port gets
	// 2181.
	Ensemble string
	// MaxRetries bounds the retries of one call: 0 means DefaultMaxRetries,
	// a negative value means never retry.
	MaxRetries int
	// SessionTimeout is asked of the server (DefaultSessionTimeout when 0).
	SessionTimeout time.Duration
	// Dialer opens connections; net.Dialer when nil.
	Dialer DialFunc
	// TLS, when set, connects with TLS (the servers' secureClientPort).
	TLS *tls.Config
	// Auth holds credentials sent on every connection before any request,
	// e.g. {Scheme: "digest", Auth: []byte("user:password")}.
	Auth []Credential
	// SASL, when set, authenticates every connection with SASL DIGEST-MD5.
	SASL *SASLAuth
	// HostOrder chooses the order in which servers are tried.
	HostOrder HostOrder
	// AllowReadOnly lets a server without quorum serve the session
	// read-only.
	AllowReadOnly bool
	// Logger receives connection events; nothing is logged when nil.
	Logger *slog.Logger
	// MaxFrameSize is the largest frame sent or accepted
	// (DefaultMaxFrameSize when 0).
	MaxFrameSize int
	// ReadOnly makes the Client refuse every write (create, delete,
	// setData, setACL, multi, reconfig) with ErrReadOnly before anything
	// is sent, whatever the server allows. Watches, reads and session
	// operations still work.
	ReadOnly bool
	// OnRequest, when set, is told of every call once it ends (see
	// OpRecord and WithOnRequest); an OpLog's Record method fits.
	OnRequest func(OpRecord)

	onSend func(opcode) // test hook: every frame queued on any connection

	initOnce sync.Once
	initErr  error
	hosts    *hostList
	chroot   string
	watches  *watchManager
	stop     chan struct{} // closed by Reset
	cancel   context.CancelFunc
	loopDone chan struct{}

	mu       sync.Mutex
	conn     *Conn         // the live connection, nil while disconnected
	ready    chan struct{} // closed when conn is set; replaced when it is lost
	state    State
	session  sessionState
	auths    []authInfo // Auth plus every successful AddAuth
	subs     []*eventQueue
	lastErr  error // why the last connection attempt failed
	fatal    error // the session cannot go on (authentication failed)
	closed   bool
	closeErr error
}

// sessionState is what resuming the session needs.
type sessionState struct {
	id     int64
	passwd []byte
	zxid   int64
	seenRW bool // a read-write server has served this session
}

// DefaultMaxRetries is the retry budget of a call when MaxRetries is 0.
const DefaultMaxRetries = 5

// HostOrder is the order in which a Client tries the servers.
type HostOrder int

const (
	// HostsShuffled tries the servers in a random order (the default), so
	// that many clients spread over the ensemble.
	HostsShuffled HostOrder = iota
	// HostsInOrder tries the servers in the order given, starting with the
	// first.
	HostsInOrder
)

// Credential is a scheme and its secret for AddAuth. It formats without
// the secret.
type Credential struct {
	Scheme string
	Auth   []byte
}

// Format prints the scheme only, whatever the verb.
func (c Credential) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "{%s <redacted>}", c.Scheme) }

// SASLAuth is a SASL DIGEST-MD5 user name and password. It formats without
// the password.
type SASLAuth struct {
	Username string
	Password string
}

// Format prints the user name only, whatever the verb.
func (a SASLAuth) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "{%s <redacted>}", a.Username) }

// Format describes the Client (ensemble, state, session) without any
// credential, whatever the verb.
func (c *Client) Format(f fmt.State, _ rune) {
	c.mu.Lock()
	state, id, server := c.state, c.session.id, ""
	if c.conn != nil {
		server = c.conn.Server()
	}
	c.mu.Unlock()
	fmt.Fprintf(f, "zk.Client{ensemble: %q, state: %s, session: 0x%x, server: %q, auth: %d credential(s), sasl: %v}",
		c.Ensemble, state, id, server, len(c.Auth), c.SASL != nil)
}

func (c *Client) maxRetries() int {
	switch {
	case c.MaxRetries < 0:
		return 0
	case c.MaxRetries == 0:
		return DefaultMaxRetries
	}
	return c.MaxRetries
}

func (c *Client) sessionTimeout() time.Duration {
	if c.SessionTimeout > 0 {
		return c.SessionTimeout
	}
	return DefaultSessionTimeout
}

func (c *Client) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// start parses the configuration and launches the reconnect loop, once.
func (c *Client) start() error {
	c.initOnce.Do(func() {
		servers, chroot, err := splitChroot(c.Ensemble)
		if err == nil {
			c.hosts, err = newHostList(servers, c.HostOrder)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.closed {
			c.initErr = ErrClosed
			return
		}
		if err != nil {
			c.initErr = err
			return
		}
		c.chroot = chroot
		c.watches = newWatchManager()
		c.ready = make(chan struct{})
		c.stop = make(chan struct{})
		c.loopDone = make(chan struct{})
		for _, a := range c.Auth {
			c.auths = append(c.auths, authInfo{scheme: a.Scheme, auth: append([]byte(nil), a.Auth...)})
		}
		ctx, cancel := context.WithCancel(context.Background())
		c.cancel = cancel
		go c.loop(ctx)
	})
	return c.initErr
}

// Connect starts the Client if needed and waits until a server serves the
// session (read-write, or read-only when allowed) or ctx ends.
func (c *Client) Connect(ctx context.Context) error {
	if err := c.start(); err != nil {
		return err
	}
	return c.WaitConnected(ctx)
}

// WaitConnected waits until the session is served or ctx ends; the error
// then says why the last connection attempt failed. It starts the Client.
func (c *Client) WaitConnected(ctx context.Context) error {
	if err := c.start(); err != nil {
		return err
	}
	_, err := c.waitConn(ctx, "connect", "", 0)
	return err
}

// waitConn returns the live connection, waiting for one until ctx ends or,
// when limit > 0, for at most limit (then with a retryable connection loss).
func (c *Client) waitConn(ctx context.Context, op, path string, limit time.Duration) (*Conn, error) {
	var expire <-chan time.Time
	if limit > 0 {
		t := time.NewTimer(limit)
		defer t.Stop()
		expire = t.C
	}
	for {
		c.mu.Lock()
		conn, ready, fatal, closed, last := c.conn, c.ready, c.fatal, c.closed, c.lastErr
		c.mu.Unlock()
		switch {
		case closed:
			return nil, ErrClosed
		case fatal != nil:
			return nil, fatal
		case conn != nil:
			return conn, nil
		}
		select {
		case <-ready:
		case <-c.stop:
			return nil, ErrClosed
		case <-ctx.Done():
			c.mu.Lock()
			last = c.lastErr
			c.mu.Unlock()
			if last != nil {
				return nil, fmt.Errorf("%s: not connected (last attempt: %v): %w", op, last, ctx.Err())
			}
			return nil, fmt.Errorf("%s: not connected: %w", op, ctx.Err())
		case <-expire:
			return nil, &Error{Op: op, Path: path, Code: CodeConnectionLoss, Err: notConnected{last}}
		}
	}
}

// notConnected marks a call that was never sent because no server was
// reachable: retrying it is always safe.
type notConnected struct{ last error }

func (e notConnected) Error() string {
	if e.last == nil {
		return "not connected"
	}
	return "not connected: " + e.last.Error()
}

func (e notConnected) Unwrap() error { return e.last }

// State is the session's current state.
func (c *Client) State() State {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state
}

// SessionID is the current session's id, 0 before the first connection.
func (c *Client) SessionID() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.session.id
}

// Server is the address of the server currently serving the session, or ""
// while disconnected.
func (c *Client) Server() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		return ""
	}
	return c.conn.Server()
}

// States returns a new channel that receives every session state change
// from now on (Disconnected, Connected, ConnectedReadOnly, Expired,
// AuthFailed, Closed) as EventSession events, in order and without drops:
// a slow reader gets a queue, never a gap. The channel closes after Closed.
// It starts the Client.
func (c *Client) States() <-chan Event {
	q := newEventQueue(64, nil)
	if err := c.start(); err != nil {
		q.push(Event{Type: EventSession, State: StateClosed})
		q.close()
		return q.ch
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		q.push(Event{Type: EventSession, State: StateClosed})
		q.close()
		return q.ch
	}
	c.subs = append(c.subs, q)
	return q.ch
}

// setState records a state change and tells the state stream and, unless
// quiet, every watcher. Callers hold no lock.
func (c *Client) setState(s State, watchers bool) {
	c.mu.Lock()
	c.state = s
	ev := Event{Type: EventSession, State: s}
	for _, q := range c.subs {
		q.push(ev)
	}
	c.mu.Unlock()
	if watchers {
		c.watches.session(s, false)
	}
}

// Reset ends the session (closeSession, so its ephemeral nodes go at once)
// and the Client: the reconnect loop stops, watch channels and state
// streams close after a Closed event, and every later call fails with
// ErrClosed. It returns promptly even while no server is reachable.
func (c *Client) Reset() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.mu.Unlock()
	c.start() // make sure the fields exist (a no-op or ErrClosed)
	if c.stop == nil {
		return nil // never started
	}
	close(c.stop)
	c.cancel()
	<-c.loopDone
	c.mu.Lock()
	conn := c.conn
	c.conn = nil
	c.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
	c.setState(StateClosed, false)
	c.mu.Lock()
	for _, q := range c.subs {
		q.close()
	}
	c.subs = nil
	c.mu.Unlock()
	c.watches.shutdown(StateClosed)
	return nil
}
