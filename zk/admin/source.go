package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Client asks one ZooKeeper server for statistics. Each method tries the
// configured sources in order (by default the AdminServer, then the
// four-letter word) and returns the first answer with the Source that gave
// it; when every source fails, the Source is 0 and the error joins every
// source's error. A Client is safe for concurrent use.
type Client struct {
	addr     string
	cfg      *config
	hc       *http.Client
	adminURL string

	mu sync.Mutex
	// adminDownUntil: an AdminServer that could not be reached is skipped
	// until then, so a dashboard polling a server without one does not pay
	// a failed HTTP attempt (possibly a full timeout) on every call.
	adminDownUntil time.Time
	adminErr       error
}

// New returns a Client for the server whose client port is addr
// ("host:port"). The AdminServer is looked for on the same host at the port
// given by WithAdminPort (default 8080).
func New(addr string, opts ...Option) *Client {
	cfg := newConfig(opts)
	return &Client{addr: addr, cfg: cfg, hc: cfg.newHTTPClient(), adminURL: cfg.adminURL(addr)}
}

// Addr returns the server's client address.
func (c *Client) Addr() string { return c.addr }

// AdminURL returns the AdminServer base URL the Client uses.
func (c *Client) AdminURL() string { return c.adminURL }

// Close releases idle AdminServer connections.
func (c *Client) Close() { c.hc.CloseIdleConnections() }

// FourLetterWord sends a raw four-letter word and returns the answer text,
// with refusals turned into typed errors (*NotWhitelistedError,
// ErrNotServing).
func (c *Client) FourLetterWord(ctx context.Context, word string) ([]byte, error) {
	return c.cfg.fourLetter(ctx, c.addr, word)
}

// AdminCommand fetches /commands/<name> from the AdminServer and returns
// the JSON, after checking its status and "error" field.
func (c *Client) AdminCommand(ctx context.Context, name string) ([]byte, error) {
	return c.cfg.adminGet(ctx, c.hc, c.adminURL, name)
}

// command names one statistic in both dialects.
type command[T any] struct {
	admin  string                  // AdminServer command
	word   string                  // four-letter word
	decode func([]byte) (T, error) // AdminServer JSON decoder
	parse  func([]byte) (T, error) // four-letter-word text parser
}

// query runs cmd against the sources in order. The error, when every
// source failed, joins each source's error so errors.Is still finds
// ErrNotWhitelisted and friends.
func query[T any](ctx context.Context, c *Client, cmd command[T]) (T, Source, error) {
	var zero T
	var errs []error
	for _, src := range c.cfg.sources {
		var v T
		var err error
		switch src {
		case AdminServer:
			// Skipping only pays when another source can answer instead.
			if skipErr := c.adminSkipped(); skipErr != nil && len(c.cfg.sources) > 1 {
				errs = append(errs, skipErr)
				continue
			}
			var body []byte
			body, err = c.AdminCommand(ctx, cmd.admin)
			if err == nil {
				v, err = cmd.decode(body)
			} else if ctx.Err() == nil && (!errors.Is(err, ErrAdminServer) || errors.As(err, new(*HTTPError))) {
				// Unreachable, or not an AdminServer at all (an HTTP error
				// status). A *CommandError only means this command is
				// unknown there, and the caller's own cancellation says
				// nothing about the server.
				c.markAdminDown(err)
			}
		case FourLetterWords:
			var out []byte
			out, err = c.FourLetterWord(ctx, cmd.word)
			if err == nil {
				v, err = cmd.parse(out)
			}
		default:
			err = fmt.Errorf("zk/admin: unknown source %v", src)
		}
		if err == nil {
			return v, src, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break // the caller gave up: no point trying the next source
		}
	}
	if len(errs) == 0 {
		return zero, 0, errors.New("zk/admin: no source configured")
	}
	return zero, 0, errors.Join(errs...)
}

func (c *Client) adminSkipped() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Now().Before(c.adminDownUntil) {
		return fmt.Errorf("zk/admin: AdminServer skipped after a recent failure: %w", c.adminErr)
	}
	return nil
}

func (c *Client) markAdminDown(err error) {
	if c.cfg.adminRetry <= 0 {
		return
	}
	c.mu.Lock()
	c.adminDownUntil = time.Now().Add(c.cfg.adminRetry)
	c.adminErr = err
	c.mu.Unlock()
}

// ok adapts a parser with no result to the generic query.
func ok(f func([]byte) error) func([]byte) (struct{}, error) {
	return func(b []byte) (struct{}, error) { return struct{}{}, f(b) }
}
