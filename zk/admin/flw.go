package admin

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"time"
)

// The answers that are not the command's output. The server writes them in
// place of the output and closes the connection (ZooKeeper 3.5.3+).
var (
	notWhitelistedSuffix = []byte("is not executed because it is not in the whitelist.")
	notServingText       = []byte("This ZooKeeper instance is not currently serving requests")
)

// fourLetter sends the four-letter word cmd to addr and returns the whole
// answer. The protocol: write the four bytes, the server writes its answer
// and closes the connection, so the answer ends at EOF.
func (c *config) fourLetter(ctx context.Context, addr, cmd string) ([]byte, error) {
	ctx, cancel := c.attemptCtx(ctx)
	defer cancel()
	out, err := c.exchange(ctx, addr, cmd)
	if err != nil {
		if ctx.Err() != nil {
			// Report the ctx's reason rather than the i/o timeout that the
			// forced deadline produced.
			err = ctx.Err()
		}
		return nil, fmt.Errorf("zk/admin: %s %s: %w", cmd, addr, err)
	}
	if err := checkAnswer(cmd, out); err != nil {
		return nil, fmt.Errorf("zk/admin: %s %s: %w", cmd, addr, err)
	}
	return out, nil
}

func (c *config) exchange(ctx context.Context, addr, cmd string) ([]byte, error) {
	conn, err := c.dial(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	// A deadline in the past wakes any blocked read or write, which is how a
	// cancelled or expired ctx interrupts the exchange. The ctx's own
	// deadline is not copied onto the socket: the socket could then time out
	// a hair before the ctx reports it, and the caller would get an i/o
	// timeout instead of context.DeadlineExceeded.
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if c.tls != nil {
		tc := tls.Client(conn, tlsFor(c.tls, addr))
		if err := tc.HandshakeContext(ctx); err != nil {
			return nil, err
		}
		conn = tc
	}
	if _, err := io.WriteString(conn, cmd); err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(conn, c.maxResponse+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > c.maxResponse {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, c.maxResponse)
	}
	return out, nil
}

// checkAnswer turns the server's refusals into typed errors.
func checkAnswer(cmd string, out []byte) error {
	trimmed := bytes.TrimSpace(out)
	if bytes.HasSuffix(trimmed, notWhitelistedSuffix) {
		return &NotWhitelistedError{Command: cmd}
	}
	if bytes.HasPrefix(trimmed, notServingText) {
		return ErrNotServing
	}
	if len(trimmed) == 0 && cmd != "wchc" && cmd != "wchp" {
		// An unknown word gets no answer at all; wchc/wchp are legitimately
		// empty on a server without watches.
		return parseErr(cmd, 0, "empty answer (unknown command or old server?)")
	}
	return nil
}

// tlsFor fills ServerName from addr so certificate verification has a name.
func tlsFor(cfg *tls.Config, addr string) *tls.Config {
	if cfg.ServerName != "" {
		return cfg
	}
	cfg = cfg.Clone()
	if host, _, err := net.SplitHostPort(addr); err == nil {
		cfg.ServerName = host
	}
	return cfg
}
