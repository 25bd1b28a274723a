package admin

import (
	"slices"
	"strconv"
	"strings"
)

// Dump is the answer of dump (or the AdminServer's dump): the live
// sessions and the ephemeral nodes each one owns. Only the leader (or a
// standalone server) knows every session.
type Dump struct {
	// SessionCount is the number of sessions the server tracks.
	SessionCount int
	// Sessions are the tracked session ids, sorted.
	Sessions []int64
	// Ephemerals maps a session id to the paths of its ephemeral nodes.
	Ephemerals map[int64][]string
}

type dumpSection int

const (
	dumpNone dumpSection = iota
	dumpSessions
	dumpEphemerals
	dumpConnections
)

// parseDump parses the answer of dump. Its sections:
//
//	SessionTracker dump:
//	Session Sets (4)/(2):          (leader/standalone; a learner prints
//	1 expire at <date>:             "Global Sessions(N):" and "0x..<TAB>Nms")
//		0x10000023c7f0000
//	ephemeral nodes dump:
//	Sessions with Ephemerals (2):
//	0x10000023c7f0001:
//		/app/other
//	Connections dump:               (NIO only; skipped)
func parseDump(b []byte) (*Dump, error) {
	d := &Dump{Ephemerals: map[int64][]string{}, SessionCount: -1}
	seen := map[int64]bool{}
	section := dumpNone
	var cur int64
	haveCur := false
	for i, line := range splitLines(b) {
		n := i + 1
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			continue
		case t == "SessionTracker dump:":
			section = dumpSessions
			continue
		case t == "ephemeral nodes dump:":
			section = dumpEphemerals
			continue
		case t == "Connections dump:":
			section = dumpConnections
			continue
		}
		switch section {
		case dumpSessions:
			if c, ok := sessionCountHeader(t); ok {
				d.SessionCount = c
				continue
			}
			if strings.HasPrefix(t, "0x") {
				id, err := parseHex(strings.TrimSuffix(strings.Fields(t)[0], ":"))
				if err != nil {
					return nil, parseErr("dump", n, "session id: %v", err)
				}
				if !seen[id] {
					seen[id] = true
					d.Sessions = append(d.Sessions, id)
				}
			}
			// "N expire at <date>:" bucket headers carry nothing we keep.
		case dumpEphemerals:
			if strings.HasPrefix(t, "Sessions with Ephemerals") {
				continue
			}
			if strings.HasPrefix(line, "\t") {
				if !haveCur {
					return nil, parseErr("dump", n, "ephemeral path before any session id")
				}
				d.Ephemerals[cur] = append(d.Ephemerals[cur], line[1:])
				continue
			}
			id, err := parseHex(strings.TrimSuffix(t, ":"))
			if err != nil {
				return nil, parseErr("dump", n, "session id: %v", err)
			}
			cur, haveCur = id, true
		case dumpNone:
			return nil, parseErr("dump", n, "text before \"SessionTracker dump:\": %q", line)
		}
	}
	if section == dumpNone {
		return nil, parseErr("dump", 0, "no \"SessionTracker dump:\" section")
	}
	slices.Sort(d.Sessions)
	if d.SessionCount < 0 {
		d.SessionCount = len(d.Sessions)
	}
	return d, nil
}

// sessionCountHeader reads "Session Sets (buckets)/(sessions):" or
// "Global Sessions(N):". A local-session tracker's "Local ..." header is
// not the global count and is ignored.
func sessionCountHeader(t string) (int, bool) {
	var rest string
	if r, ok := strings.CutPrefix(t, "Session Sets ("); ok {
		_, after, found := strings.Cut(r, ")/(")
		if !found {
			return 0, false
		}
		rest = after
	} else if r, ok := strings.CutPrefix(t, "Global Sessions("); ok {
		rest = r
	} else {
		return 0, false
	}
	num, _, ok := strings.Cut(rest, ")")
	if !ok {
		return 0, false
	}
	c, err := strconv.Atoi(num)
	if err != nil || c < 0 {
		return 0, false
	}
	return c, true
}
