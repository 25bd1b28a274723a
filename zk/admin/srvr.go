package admin

import (
	"strings"
)

// ServerStats is the answer of srvr and stat (four-letter words) or of
// server_stats and stats (AdminServer).
type ServerStats struct {
	// Version is the server's version line, e.g. "3.8.0-..., built on ...".
	Version string
	// Mode is the server's role.
	Mode Mode
	// MinLatency, AvgLatency and MaxLatency are request latencies in
	// milliseconds since the last reset (3.8 prints the average with
	// decimals).
	MinLatency, AvgLatency, MaxLatency float64
	// Received and Sent count packets since the last reset.
	Received, Sent int64
	// Connections is the number of live client connections.
	Connections int64
	// Outstanding is the number of queued requests.
	Outstanding int64
	// Zxid is the last processed transaction id.
	Zxid Zxid
	// NodeCount is the number of znodes.
	NodeCount int64
	// Proposal holds the leader's proposal sizes in bytes; nil unless the
	// server leads an ensemble and answered srvr/stat.
	Proposal *ProposalSizes
	// Clients lists the connections; only stat (and the AdminServer's
	// stats) fill it, with the short per-connection counters.
	Clients []Connection
}

// ProposalSizes are the sizes of the leader's last, smallest and largest
// proposals; -1 when none was made yet.
type ProposalSizes struct {
	Last, Min, Max int64
}

// parseSrvr parses the answer of srvr, or of stat when cmd is "stat" (which
// adds a "Clients:" block after the version line).
func parseSrvr(cmd string, b []byte) (*ServerStats, error) {
	s := &ServerStats{}
	inClients := false
	sawVersion := false
	for i, line := range splitLines(b) {
		n := i + 1
		if inClients {
			if strings.TrimSpace(line) == "" {
				inClients = false
				continue
			}
			c, err := parseConsLine(cmd, n, line)
			if err != nil {
				return nil, err
			}
			s.Clients = append(s.Clients, c)
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, parseErr(cmd, n, "no colon in %q", line)
		}
		val = strings.TrimSpace(val)
		var err error
		switch key {
		case "Zookeeper version":
			s.Version, sawVersion = val, true
		case "Clients":
			inClients = true
		case "Latency min/avg/max":
			var ok bool
			s.MinLatency, s.AvgLatency, s.MaxLatency, ok = parseTriple(val)
			if !ok {
				return nil, parseErr(cmd, n, "bad latency %q", val)
			}
		case "Received":
			s.Received, err = parseInt(val)
		case "Sent":
			s.Sent, err = parseInt(val)
		case "Connections":
			s.Connections, err = parseInt(val)
		case "Outstanding":
			s.Outstanding, err = parseInt(val)
		case "Zxid":
			var z int64
			z, err = parseHex(val)
			s.Zxid = Zxid(z)
		case "Mode":
			s.Mode = ParseMode(val)
		case "Node count":
			s.NodeCount, err = parseInt(val)
		case "Proposal sizes last/min/max":
			a, b, c, ok := parseTriple(val)
			if !ok {
				return nil, parseErr(cmd, n, "bad proposal sizes %q", val)
			}
			s.Proposal = &ProposalSizes{Last: int64(a), Min: int64(b), Max: int64(c)}
		}
		// Unknown keys are skipped: newer servers add lines.
		if err != nil {
			return nil, parseErr(cmd, n, "%s: %v", key, err)
		}
	}
	if !sawVersion {
		return nil, parseErr(cmd, 0, "no \"Zookeeper version\" line")
	}
	return s, nil
}
