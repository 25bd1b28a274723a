package admin

import (
	"strconv"
	"strings"
	"time"
)

// Connection is one client connection as cons (or the AdminServer's
// connections) reports it. stat and the AdminServer's stats give only the
// address, interest ops and the counters.
type Connection struct {
	// Addr is the client's host:port (IPv6 in brackets).
	Addr string
	// InterestOps is the NIO selector interest set (1 read, 4 write).
	InterestOps int
	// Queued is the number of requests waiting for an answer.
	Queued int64
	// Received and Sent count packets on this connection.
	Received, Sent int64
	// SessionID is the session on the connection; 0 before the handshake.
	SessionID int64
	// LastOperation is the last request's short name (lop), e.g. "GETD".
	LastOperation string
	// Established is when the connection was set up; zero if not reported.
	Established time.Time
	// SessionTimeout is the negotiated session timeout.
	SessionTimeout time.Duration
	// LastCxid is the client's last request xid.
	LastCxid int64
	// LastZxid is the zxid of the last answer (-1 before any).
	LastZxid Zxid
	// LastResponse is when the last answer was sent, in milliseconds on the
	// server's monotonic clock (not wall time: compare only between calls).
	LastResponse int64
	// LastLatency, MinLatency, AvgLatency and MaxLatency are this
	// connection's request latencies in milliseconds.
	LastLatency, MinLatency, AvgLatency, MaxLatency int64
}

// parseCons parses the answer of cons: one line per connection, then an
// empty line.
func parseCons(b []byte) ([]Connection, error) {
	var out []Connection
	for i, line := range splitLines(b) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		c, err := parseConsLine("cons", i+1, line)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// parseConsLine reads one connection line:
//
//	/127.0.0.1:58612[1](queued=0,recved=22,sent=22,sid=0x1000...,lop=PING,...)
//
// The address is Java's InetSocketAddress text ("host/ip:port" or
// "/ip:port"), then [interestOps], then key=value pairs.
func parseConsLine(cmd string, n int, line string) (Connection, error) {
	var c Connection
	line = strings.TrimSpace(line)
	open := strings.IndexByte(line, '(')
	if open < 0 || !strings.HasSuffix(line, ")") {
		return c, parseErr(cmd, n, "no (...) in connection line %q", line)
	}
	head, body := line[:open], line[open+1:len(line)-1]
	lb := strings.LastIndexByte(head, '[')
	if lb < 0 || !strings.HasSuffix(head, "]") {
		return c, parseErr(cmd, n, "no [interestOps] in %q", head)
	}
	ops, err := strconv.Atoi(head[lb+1 : len(head)-1])
	if err != nil {
		return c, parseErr(cmd, n, "interest ops: %v", err)
	}
	c.InterestOps = ops
	c.Addr = normalizeAddr(head[:lb])
	for _, kv := range strings.Split(body, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return c, parseErr(cmd, n, "no = in %q", kv)
		}
		if err := c.set(k, v); err != nil {
			return c, parseErr(cmd, n, "%s: %v", k, err)
		}
	}
	return c, nil
}

// set stores one key=value of a connection line; unknown keys are skipped.
func (c *Connection) set(k, v string) error {
	var err error
	var x int64
	switch k {
	case "queued":
		c.Queued, err = parseInt(v)
	case "recved":
		c.Received, err = parseInt(v)
	case "sent":
		c.Sent, err = parseInt(v)
	case "sid":
		c.SessionID, err = parseHex(v)
	case "lop":
		c.LastOperation = v
	case "est":
		if x, err = parseInt(v); err == nil {
			c.Established = time.UnixMilli(x)
		}
	case "to":
		if x, err = parseInt(v); err == nil {
			c.SessionTimeout = time.Duration(x) * time.Millisecond
		}
	case "lcxid":
		c.LastCxid, err = parseHex(v)
	case "lzxid":
		x, err = parseHex(v)
		c.LastZxid = Zxid(x)
	case "lresp":
		c.LastResponse, err = parseInt(v)
	case "llat":
		c.LastLatency, err = parseInt(v)
	case "minlat":
		c.MinLatency, err = parseInt(v)
	case "avglat":
		c.AvgLatency, err = parseInt(v)
	case "maxlat":
		c.MaxLatency, err = parseInt(v)
	}
	return err
}

// normalizeAddr drops Java's "hostname/" prefix and brackets IPv6 hosts so
// the result works with net.SplitHostPort.
func normalizeAddr(a string) string {
	a = strings.TrimSpace(a)
	if i := strings.LastIndexByte(a, '/'); i >= 0 {
		a = a[i+1:]
	}
	i := strings.LastIndexByte(a, ':')
	if i > 0 && !strings.HasPrefix(a, "[") && strings.Contains(a[:i], ":") {
		return "[" + a[:i] + "]" + a[i:]
	}
	return a
}
