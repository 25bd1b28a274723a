package zk

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// roProbeBackoff paces the search for a read-write server while a read-only
// one serves the session: quick at first (a quorum often comes back within
// seconds), then every few seconds.
var roProbeBackoff = backoff{base: 200 * time.Millisecond, max: 5 * time.Second}

// errMovedToRW ends a read-only connection once a read-write server took
// the session over; calls pending on it fail as a connection loss and retry.
var errMovedToRW = errors.New("moved to a read-write server")

// loop is the Client's reconnect loop: connect, serve until the connection
// dies, report it, connect again. It ends when Reset cancels ctx or when
// authentication fails for good.
func (c *Client) loop(ctx context.Context) {
	defer close(c.loopDone)
	fails := 0
	for {
		conn, err := c.connectRound(ctx, false, "")
		if ctx.Err() != nil {
			if conn != nil {
				conn.Close() // Reset won the race: do not leave a session behind
			}
			return
		}
		switch {
		case err == nil:
			fails = 0
		case isCode(err, CodeSessionExpired):
			c.expired()
			continue // a new session right away
		case isCode(err, CodeAuthFailed):
			c.authFailed(err)
			return
		default:
			c.mu.Lock()
			c.lastErr = err
			c.mu.Unlock()
			c.logger().Info("zk: no server reachable", slog.Any("err", err), slog.Int("round", fails))
			connectBackoff.sleep(ctx, nil, fails)
			fails++
			continue
		}
		for conn != nil {
			c.install(conn)
			next := c.serve(ctx, conn)
			if ctx.Err() != nil {
				if next != nil {
					next.Close()
				}
				return // Reset closes c.conn
			}
			if next != nil {
				conn.abandon(errMovedToRW)
				conn = next
				continue
			}
			if conn.State() == StateAuthFailed {
				c.lost(conn, false)
				c.authFailed(conn.Err())
				return
			}
			c.lost(conn, true)
			conn = nil
		}
	}
}

// connectRound tries each server once, from the next one in the list, and
// returns the first connection made. A server that says the session expired
// or that the credentials are wrong ends the round: another server would
// say the same.
func (c *Client) connectRound(ctx context.Context, rwOnly bool, skip string) (*Conn, error) {
	n := c.hosts.len()
	// The session timeout is shared among the servers, like the Java
	// client does, so a hung one cannot hold a whole round up; and one
	// attempt gets at most a fifth of it, so that after a hung attempt there
	// is still time to resume the session elsewhere before the server
	// expires it (a handshake takes milliseconds when the server is well).
	t := c.sessionTimeout()
	per := max(min(t/time.Duration(n), t/5), time.Second)
	var last error
	for range n {
		addr := c.hosts.take()
		if addr == skip {
			continue
		}
		conn, err := c.dial(ctx, addr, per, rwOnly)
		if err == nil {
			return conn, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		c.logger().Debug("zk: connect failed", slog.String("server", addr), slog.Any("err", err))
		if isCode(err, CodeSessionExpired) || isCode(err, CodeAuthFailed) {
			return nil, err
		}
		last = err
	}
	if last == nil {
		last = &Error{Op: "connect", Code: CodeConnectionLoss, Err: errors.New("no other server to try")}
	}
	return nil, last
}

func (c *Client) dial(ctx context.Context, addr string, timeout time.Duration, rwOnly bool) (*Conn, error) {
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	network := c.Network
	if network == "" {
		network = "tcp"
	}
	return DialContext(actx, network, addr+c.chroot, c.dialOptions(rwOnly)...)
}

// dialOptions builds the options of one connection attempt from the
// Client's fields and the session to resume.
func (c *Client) dialOptions(rwOnly bool) []Option {
	c.mu.Lock()
	sess := c.session
	auths := append([]authInfo(nil), c.auths...)
	c.mu.Unlock()
	id, passwd := sess.id, sess.passwd
	if !sess.seenRW {
		// A session made by a read-only server is local to it: a read-write
		// server does not know it. Like the Java client, start a new one.
		id, passwd = 0, nil
	}
	opts := []Option{
		WithSessionTimeout(c.sessionTimeout()),
		WithReadOnly(c.AllowReadOnly && !rwOnly),
		WithLogger(c.logger()),
		withWatches(c.watches, nil),
		withSession(id, passwd, sess.zxid),
	}
	if c.ReadOnly {
		opts = append(opts, WithRefuseWrites(true))
	}
	if c.OnRequest != nil {
		opts = append(opts, WithOnRequest(c.OnRequest))
	}
	if c.onSend != nil {
		opts = append(opts, func(cfg *config) { cfg.onSend = c.onSend })
	}
	if c.MaxFrameSize > 0 {
		opts = append(opts, WithMaxFrameSize(c.MaxFrameSize))
	}
	if c.Dialer != nil {
		opts = append(opts, WithDialer(c.Dialer))
	}
	if c.TLS != nil {
		opts = append(opts, WithTLS(c.TLS))
	}
	if c.SASL != nil {
		opts = append(opts, withSASL(*c.SASL))
	}
	for _, a := range auths {
		opts = append(opts, WithAuth(a.scheme, a.auth))
	}
	return opts
}

// serve waits while conn serves the session. On a read-only connection it
// looks for a read-write server meanwhile and returns a connection to it.
func (c *Client) serve(ctx context.Context, conn *Conn) *Conn {
	if !conn.ReadOnly() {
		select {
		case <-conn.Done():
		case <-ctx.Done():
		}
		return nil
	}
	for n := 0; ; n++ {
		if !roProbeBackoff.sleep(ctx, conn.Done(), n) {
			return nil
		}
		next, err := c.connectRound(ctx, true, conn.Server())
		if next != nil {
			c.logger().Info("zk: read-write server found", slog.String("server", next.Server()))
			return next
		}
		if isCode(err, CodeSessionExpired) {
			// Let the loop start the new session on a read-write server.
			c.hosts.prefer(c.hosts.hosts[(c.hosts.next+c.hosts.len()-1)%c.hosts.len()])
			conn.abandon(err)
			return nil
		}
	}
}

// install makes conn the live connection and announces the state.
func (c *Client) install(conn *Conn) {
	state := StateConnected
	if conn.ReadOnly() {
		state = StateConnectedReadOnly
	}
	c.mu.Lock()
	if c.session.id != 0 && c.session.id != conn.SessionID() {
		c.logger().Info("zk: new session", slog.String("session", fmt.Sprintf("0x%x", conn.SessionID())))
	}
	c.conn = conn
	c.session.id, c.session.passwd = conn.SessionID(), conn.sessionPassword()
	c.session.seenRW = c.session.seenRW || !conn.ReadOnly()
	c.session.zxid = max(c.session.zxid, conn.LastZxid())
	c.lastErr = nil
	select {
	case <-c.ready:
	default:
		close(c.ready)
	}
	c.mu.Unlock()
	c.logger().Info("zk: connected", slog.String("server", conn.Server()), slog.String("state", state.String()))
	c.setState(state, true)
}

// lost records the end of conn and, when announce is set, reports
// Disconnected.
func (c *Client) lost(conn *Conn, announce bool) {
	c.mu.Lock()
	if c.conn == conn {
		c.conn = nil
		c.ready = make(chan struct{})
	}
	c.session.zxid = max(c.session.zxid, conn.LastZxid())
	c.lastErr = conn.Err()
	c.mu.Unlock()
	if announce {
		c.setState(StateDisconnected, true)
	}
}

// expired forgets the session; one-shot watches close after the Expired
// event, persistent ones stay registered and SetWatches puts them on the
// next session.
func (c *Client) expired() {
	c.mu.Lock()
	old := c.session.id
	c.session = sessionState{zxid: c.session.zxid}
	c.mu.Unlock()
	c.logger().Warn("zk: session expired", slog.String("session", fmt.Sprintf("0x%x", old)))
	c.setState(StateExpired, true)
}

// authFailed ends the Client's attempts: the server refused the
// credentials, and every later call fails with err.
func (c *Client) authFailed(err error) {
	if err == nil || !isCode(err, CodeAuthFailed) {
		err = &Error{Op: "connect", Code: CodeAuthFailed, Err: err}
	}
	c.mu.Lock()
	c.fatal = err
	c.lastErr = err
	c.mu.Unlock()
	c.logger().Error("zk: authentication failed", slog.Any("err", err))
	c.setState(StateAuthFailed, true)
}
