package admin

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// Dialer opens a connection; net.Dialer.DialContext has this shape. It lets
// callers route through proxies or tunnels, and tests inject faults.
type Dialer func(ctx context.Context, network, addr string) (net.Conn, error)

// Option configures a Client or the FLW* helpers.
type Option func(*config)

// Defaults. 8080 is the AdminServer's default admin.serverPort.
const (
	DefaultAdminPort       = 8080
	DefaultTimeout         = 5 * time.Second
	DefaultMaxResponseSize = 64 << 20
	DefaultAdminRetryAfter = 30 * time.Second
)

type config struct {
	dialer      Dialer
	tls         *tls.Config // four-letter words on a secure client port
	adminTLS    *tls.Config // https to the AdminServer
	adminPort   int
	timeout     time.Duration
	maxResponse int64
	sources     []Source
	httpClient  *http.Client
	adminRetry  time.Duration
}

func newConfig(opts []Option) *config {
	c := &config{
		adminPort:   DefaultAdminPort,
		timeout:     DefaultTimeout,
		maxResponse: DefaultMaxResponseSize,
		sources:     []Source{AdminServer, FourLetterWords},
		adminRetry:  DefaultAdminRetryAfter,
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// WithDialer makes every connection (TCP for four-letter words, HTTP for
// the AdminServer) go through d.
func WithDialer(d Dialer) Option { return func(c *config) { c.dialer = d } }

// WithTLS sends four-letter words over TLS, for a server's secure client
// port (secureClientPort). An empty ServerName is filled from the address.
func WithTLS(cfg *tls.Config) Option { return func(c *config) { c.tls = cfg } }

// WithAdminTLS talks https to the AdminServer with cfg.
func WithAdminTLS(cfg *tls.Config) Option { return func(c *config) { c.adminTLS = cfg } }

// WithAdminPort sets the AdminServer's port (admin.serverPort); the host is
// the one of the client address.
func WithAdminPort(port int) Option { return func(c *config) { c.adminPort = port } }

// WithTimeout bounds each attempt (one four-letter word or one HTTP request)
// when the caller's ctx allows more; 0 means only the ctx bounds it. A
// per-attempt bound keeps a silent AdminServer from eating the whole ctx
// before the four-letter-word fallback runs.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithMaxResponseSize caps how many bytes one answer may have (wchc, wchp
// and dump grow with the number of sessions and watches).
func WithMaxResponseSize(n int64) Option { return func(c *config) { c.maxResponse = n } }

// WithSources sets which sources a Client tries, in order. The default is
// AdminServer, then FourLetterWords.
func WithSources(order ...Source) Option {
	return func(c *config) { c.sources = append([]Source(nil), order...) }
}

// WithoutAdminServer uses only four-letter words.
func WithoutAdminServer() Option { return WithSources(FourLetterWords) }

// WithHTTPClient uses hc for AdminServer requests instead of a client built
// from the dialer and admin TLS options.
func WithHTTPClient(hc *http.Client) Option { return func(c *config) { c.httpClient = hc } }

// WithAdminRetryAfter sets how long a Client skips an AdminServer it could
// not reach before trying it again; 0 retries it on every call.
func WithAdminRetryAfter(d time.Duration) Option { return func(c *config) { c.adminRetry = d } }

// attemptCtx applies the per-attempt timeout.
func (c *config) attemptCtx(ctx context.Context) (context.Context, context.CancelFunc) {
	if c.timeout > 0 {
		return context.WithTimeout(ctx, c.timeout)
	}
	return context.WithCancel(ctx)
}

func (c *config) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	if c.dialer != nil {
		return c.dialer(ctx, network, addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}
