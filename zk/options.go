package zk

import (
	"context"
	"crypto/tls"
	"log/slog"
	"net"
	"time"
)

// DialFunc opens a network connection; set one to reach servers through a
// tunnel, a proxy or service discovery.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// Option configures a Conn.
type Option func(*config)

// Defaults.
const (
	// DefaultSessionTimeout is the session timeout asked for when none is set;
	// the server clamps it to [2, 20] x its tickTime.
	DefaultSessionTimeout = 10 * time.Second
	// DefaultMaxFrameSize is ZooKeeper's default jute.maxbuffer (0xfffff) plus
	// room for the reply header and record framing around a full-size value.
	DefaultMaxFrameSize = 0xfffff + 1024
)

type config struct {
	sessionTimeout time.Duration
	canBeReadOnly  bool
	maxFrame       int
	dial           DialFunc
	tls            *tls.Config
	logger         *slog.Logger
	auths          []authInfo
	sasl           *SASLAuth // DIGEST-MD5 after the handshake (Client)

	// Session resumption and shared watches, set by Client.
	sessionID int64
	passwd    []byte
	lastZxid  int64
	watches   *watchManager
	onEvent   func(Event) // session events, for Client's state stream

	refuseWrites bool           // read-only mode chosen by the program
	onRequest    func(OpRecord) // the operation log hook
	onSend       func(opcode)   // test hook: every frame queued for the wire
}

type authInfo struct {
	scheme string
	auth   []byte
}

func defaultConfig() config {
	return config{
		sessionTimeout: DefaultSessionTimeout,
		maxFrame:       DefaultMaxFrameSize,
		logger:         slog.New(slog.DiscardHandler),
	}
}

// WithSessionTimeout asks the server for this session timeout.
func WithSessionTimeout(d time.Duration) Option { return func(c *config) { c.sessionTimeout = d } }

// WithReadOnly lets a server that lost its quorum serve this session in
// read-only mode instead of refusing it.
func WithReadOnly(allowed bool) Option { return func(c *config) { c.canBeReadOnly = allowed } }

// WithMaxFrameSize sets the largest frame sent or accepted. Raise it together
// with the servers' jute.maxbuffer.
func WithMaxFrameSize(n int) Option { return func(c *config) { c.maxFrame = n } }

// WithDialer replaces net.Dialer for opening connections.
func WithDialer(d DialFunc) Option { return func(c *config) { c.dial = d } }

// WithTLS connects with TLS (to a server's secureClientPort).
func WithTLS(cfg *tls.Config) Option { return func(c *config) { c.tls = cfg } }

// WithLogger sets the logger for connection events. Credentials are never
// logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.logger = l
		}
	}
}

// WithAuth adds credentials sent right after the handshake, before any
// request, e.g. WithAuth("digest", []byte("user:password")).
func WithAuth(scheme string, auth []byte) Option {
	return func(c *config) {
		c.auths = append(c.auths, authInfo{scheme: scheme, auth: append([]byte(nil), auth...)})
	}
}

// withSession resumes an existing session (Client's reconnect).
func withSession(id int64, passwd []byte, lastZxid int64) Option {
	return func(c *config) { c.sessionID, c.passwd, c.lastZxid = id, passwd, lastZxid }
}

// withWatches shares a watch registry across connections (Client).
func withWatches(m *watchManager, onEvent func(Event)) Option {
	return func(c *config) { c.watches, c.onEvent = m, onEvent }
}

// withSASL authenticates with SASL DIGEST-MD5 right after the handshake.
func withSASL(a SASLAuth) Option { return func(c *config) { c.sasl = &a } }
