package stats

import (
	"net"
	"strconv"
	"strings"
)

// defaultClientPort is ZooKeeper's client port when a connect string names
// a host alone.
const defaultClientPort = "2181"

// Member is one server of an ensemble, by its client address.
type Member struct {
	Addr string // "host:port" of the client port
	ID   int    // server id from the config; 0 when known from the connect string only
	Role string // "participant" or "observer" (config); "" when unknown
}

// ParseConnectString returns the client addresses of a connect string
// ("h1:2181,h2:2181/chroot"), with the default port where none is given.
func ParseConnectString(s string) []string {
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	var out []string
	for _, h := range strings.Split(s, ",") {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(h); err != nil {
			h = net.JoinHostPort(strings.Trim(h, "[]"), defaultClientPort)
		}
		out = append(out, h)
	}
	return out
}

// ParseConfig reads the members out of the ensemble's dynamic
// configuration (the data of /zookeeper/config): lines like
// "server.1=10.0.0.1:2888:3888:participant;0.0.0.0:2181". A member whose
// client address is a wildcard is reached at its quorum host instead.
// Lines without a client address are skipped: nothing can be polled there.
func ParseConfig(data []byte) []Member {
	var out []Member
	for _, line := range strings.Split(string(data), "\n") {
		key, val, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok || !strings.HasPrefix(key, "server.") {
			continue
		}
		id, err := strconv.Atoi(strings.TrimPrefix(key, "server."))
		if err != nil {
			continue
		}
		quorum, client, ok := strings.Cut(val, ";")
		if !ok {
			continue
		}
		qparts := splitAddr(quorum)
		m := Member{ID: id, Role: "participant"}
		if len(qparts) >= 4 {
			m.Role = qparts[3]
		}
		host, port, err := net.SplitHostPort(client)
		if err != nil {
			// "2181" alone: every interface.
			host, port = "", client
		}
		if host == "" || host == "0.0.0.0" || host == "::" {
			if len(qparts) > 0 {
				host = qparts[0]
			}
		}
		m.Addr = net.JoinHostPort(strings.Trim(host, "[]"), port)
		out = append(out, m)
	}
	return out
}

// splitAddr splits "host:p1:p2[:role]", with host possibly "[ipv6]".
func splitAddr(s string) []string {
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "]"); i > 0 {
			rest := strings.Split(strings.TrimPrefix(s[i+1:], ":"), ":")
			return append([]string{s[1:i]}, rest...)
		}
	}
	return strings.Split(s, ":")
}
