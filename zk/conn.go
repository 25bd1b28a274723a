package zk

import (
	"context"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zkui/zkui/zk/internal/proto"
)

// Conn is one ZooKeeper session on one connection. It pipelines requests and
// never retries; when the connection ends, pending and later calls fail and
// Done is closed. Use Client for a handle that reconnects.
type Conn struct {
	cfg    config
	nc     net.Conn
	server string // the address dialled
	chroot string

	sessionID   int64
	passwd      []byte
	timeout     time.Duration // negotiated
	readOnly    bool
	readTimeout time.Duration // no frame for this long is connection loss
	pingEvery   time.Duration // idle time after which a ping is sent
	lastZxid    atomic.Int64
	state       atomic.Int32
	watches     *watchManager
	ownWatches  bool // the registry dies with this Conn (not shared by a Client)

	// mu guards the output buffer and the queues of requests awaiting a
	// reply. A request is queued and its frame appended in one critical
	// section, so the queue order is the wire order.
	mu       sync.Mutex
	out      []byte
	xid      int32
	pending  requestQueue
	auths    requestQueue // AddAuth waiters: auth replies (xid -4) skip the pipeline
	dead     bool
	deadErr  error
	lastSent time.Time

	kick     chan struct{} // wakes the writer
	dying    chan struct{} // closed on teardown
	failOnce sync.Once
	closeMu  sync.Once
	closing  atomic.Bool // Close is under way: the end is a close, not a loss
	wg       sync.WaitGroup
}

// DialContext connects to one server, performs the handshake and returns a
// Conn ready for requests. addr is "host:port", optionally followed by a
// chroot: "host:2181/app". The ctx bounds the dial and the handshake only.
func DialContext(ctx context.Context, network, addr string, opts ...Option) (*Conn, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	server, chroot, err := splitChroot(addr)
	if err != nil {
		return nil, err
	}
	if cfg.sessionTimeout <= 0 {
		return nil, inputError("connect", "", ErrBadInput, "session timeout must be positive, got %v", cfg.sessionTimeout)
	}
	if cfg.maxFrame < 1024 {
		return nil, inputError("connect", "", ErrBadInput, "max frame size %d is too small", cfg.maxFrame)
	}
	nc, err := dialServer(ctx, cfg, network, server)
	if err != nil {
		return nil, &Error{Op: "connect", Code: CodeConnectionLoss, Err: err}
	}
	c := &Conn{
		cfg:    cfg,
		nc:     nc,
		server: server,
		chroot: chroot,
		kick:   make(chan struct{}, 1),
		dying:  make(chan struct{}),
	}
	c.watches = cfg.watches
	if c.watches == nil {
		c.watches = newWatchManager()
		c.ownWatches = true
	}
	if err := c.handshake(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	if cfg.sasl != nil {
		// SASL runs before the reader and writer start: the server must
		// see no other request until the exchange is over.
		if err := c.saslAuthenticate(ctx, *cfg.sasl); err != nil {
			nc.Close()
			return nil, err
		}
	}
	c.queueSessionSetup()
	c.wg.Add(2)
	go c.readLoop()
	go c.writeLoop()
	c.kickWriter()
	return c, nil
}

func dialServer(ctx context.Context, cfg config, network, server string) (net.Conn, error) {
	dial := cfg.dial
	if dial == nil {
		var d net.Dialer
		dial = d.DialContext
	}
	nc, err := dial(ctx, network, server)
	if err != nil {
		return nil, err
	}
	if tc, ok := nc.(*net.TCPConn); ok {
		tc.SetNoDelay(true)
	}
	if cfg.tls == nil {
		return nc, nil
	}
	tcfg := cfg.tls.Clone()
	if tcfg.ServerName == "" {
		if host, _, err := net.SplitHostPort(server); err == nil {
			tcfg.ServerName = host
		}
	}
	tc := tls.Client(nc, tcfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("tls handshake with %s: %w", server, err)
	}
	return tc, nil
}

// handshake sends the ConnectRequest and reads the ConnectResponse, which
// unlike every other packet have no header.
func (c *Conn) handshake(ctx context.Context) error {
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(c.cfg.sessionTimeout)
	}
	c.nc.SetDeadline(deadline)
	defer c.nc.SetDeadline(time.Time{})
	stop := context.AfterFunc(ctx, func() { c.nc.SetDeadline(time.Now()) })
	defer stop()

	passwd := c.cfg.passwd
	if passwd == nil {
		passwd = make([]byte, 16) // a new session sends 16 zero bytes
	}
	req := proto.ConnectRequest{
		ProtocolVersion: 0,
		LastZxidSeen:    c.cfg.lastZxid,
		TimeOut:         int32(c.cfg.sessionTimeout / time.Millisecond),
		SessionId:       c.cfg.sessionID,
		Passwd:          passwd,
		ReadOnly:        c.cfg.canBeReadOnly,
	}
	frame, err := req.Encode(make([]byte, 4, 64))
	if err != nil {
		return &Error{Op: "connect", Code: CodeMarshallingError, Err: err}
	}
	binary.BigEndian.PutUint32(frame, uint32(len(frame)-4))
	if _, err := c.nc.Write(frame); err != nil {
		return c.handshakeErr(ctx, err)
	}
	var lenBuf [4]byte
	if _, err := io.ReadFull(c.nc, lenBuf[:]); err != nil {
		return c.handshakeErr(ctx, err)
	}
	n := int(binary.BigEndian.Uint32(lenBuf[:]))
	if n > 1024 {
		return &Error{Op: "connect", Code: CodeConnectionLoss, Err: fmt.Errorf("%w: connect response of %d bytes", ErrProtocol, n)}
	}
	buf := make([]byte, n, n+1)
	if _, err := io.ReadFull(c.nc, buf); err != nil {
		return c.handshakeErr(ctx, err)
	}
	if n == replyHeaderSize {
		// A read-only server that cannot create the session (global
		// sessions need a quorum) answers with a bare reply header.
		var hdr proto.ReplyHeader
		if _, err := hdr.Decode(buf); err == nil && hdr.Err != 0 {
			return &Error{Op: "connect", Code: Code(hdr.Err),
				Err: errors.New("the server refused to create the session (a read-only server creates only local sessions: localSessionsEnabled=true)")}
		}
	}
	var resp proto.ConnectResponse
	if _, err := resp.Decode(buf); err != nil {
		// Servers older than 3.4 omit the trailing readOnly byte.
		if _, err2 := resp.Decode(append(buf, 0)); err2 != nil {
			return &Error{Op: "connect", Code: CodeConnectionLoss, Err: fmt.Errorf("%w: %v", ErrProtocol, err)}
		}
	}
	if resp.TimeOut <= 0 {
		// The server answers an expired or unknown session with a zero
		// timeout and session id.
		return &Error{Op: "connect", Code: CodeSessionExpired}
	}
	c.sessionID = resp.SessionId
	c.passwd = append([]byte(nil), resp.Passwd...)
	c.timeout = time.Duration(resp.TimeOut) * time.Millisecond
	c.readOnly = resp.ReadOnly
	c.readTimeout = c.timeout * 2 / 3
	c.pingEvery = c.timeout / 3
	c.lastZxid.Store(c.cfg.lastZxid)
	if c.readOnly {
		c.state.Store(int32(StateConnectedReadOnly))
	} else {
		c.state.Store(int32(StateConnected))
	}
	c.cfg.logger.Debug("zk session established", slog.String("server", c.server),
		slog.String("session", fmt.Sprintf("0x%x", c.sessionID)), slog.Duration("timeout", c.timeout),
		slog.Bool("readOnly", c.readOnly))
	return nil
}

func (c *Conn) handshakeErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	return &Error{Op: "connect", Code: CodeConnectionLoss, Err: err}
}

// SessionID is the session's id.
func (c *Conn) SessionID() int64 { return c.sessionID }

// SessionTimeout is the timeout the server granted.
func (c *Conn) SessionTimeout() time.Duration { return c.timeout }

// ReadOnly reports whether the server serves this session read-only.
func (c *Conn) ReadOnly() bool { return c.readOnly }

// Server is the address this Conn is connected to.
func (c *Conn) Server() string { return c.server }

// Chroot is the chroot applied to every path, or "".
func (c *Conn) Chroot() string { return c.chroot }

// LastZxid is the newest zxid seen in a reply.
func (c *Conn) LastZxid() int64 { return c.lastZxid.Load() }

// State is the session's state as this connection knows it.
func (c *Conn) State() State { return State(c.state.Load()) }

// Done is closed when the connection has ended, by Close or by a failure.
func (c *Conn) Done() <-chan struct{} { return c.dying }

// Err says why the connection ended, or nil while it is up.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.deadErr
}

// sessionPassword is the password needed to resume the session.
func (c *Conn) sessionPassword() []byte { return c.passwd }

// abandon drops the connection without ending the session, so the Client
// can resume it elsewhere; pending calls fail with a connection loss.
func (c *Conn) abandon(cause error) {
	c.fail(cause, StateDisconnected)
	c.wg.Wait()
}

// Close ends the session: it sends closeSession, so the server removes this
// session's ephemeral nodes at once, and waits a short time for the answer.
// Pending calls fail with ErrClosed. Close is idempotent and returns promptly
// even when the server is gone; no goroutine of the Conn outlives it.
func (c *Conn) Close() error {
	c.closeMu.Do(func() {
		// The server closes the socket after answering closeSession; the
		// reader must report that as the close it is.
		c.closing.Store(true)
		wait := min(c.timeout/3, 2*time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		err := c.call(ctx, opCloseSession, "", nil, nil, nil)
		cancel()
		if err != nil && !errors.Is(err, ErrClosed) {
			c.cfg.logger.Debug("zk closeSession not acknowledged", slog.Any("err", err))
		}
		c.fail(ErrClosed, StateClosed)
		c.wg.Wait()
	})
	return nil
}
