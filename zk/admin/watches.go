package admin

import (
	"strings"
)

// WatchSummary is the answer of wchs (or the AdminServer's watch_summary).
type WatchSummary struct {
	Connections int64 // connections with at least one watch
	Paths       int64 // distinct watched paths
	Total       int64 // watches in all
}

// SessionWatches maps a session id to the paths it watches (wchc, or the
// AdminServer's watches).
type SessionWatches map[int64][]string

// PathWatches maps a watched path to the sessions watching it (wchp, or the
// AdminServer's watches_by_path).
type PathWatches map[string][]int64

// parseWchs parses the answer of wchs:
//
//	2 connections watching 2 paths
//	Total watches:3
func parseWchs(b []byte) (*WatchSummary, error) {
	lines := splitLines(b)
	if len(lines) < 2 {
		return nil, parseErr("wchs", 0, "want 2 lines, got %d", len(lines))
	}
	f := strings.Fields(lines[0])
	if len(f) != 5 || f[1] != "connections" || f[2] != "watching" || f[4] != "paths" {
		return nil, parseErr("wchs", 1, "want \"N connections watching M paths\", got %q", lines[0])
	}
	w := &WatchSummary{}
	var err error
	if w.Connections, err = parseInt(f[0]); err != nil {
		return nil, parseErr("wchs", 1, "connections: %v", err)
	}
	if w.Paths, err = parseInt(f[3]); err != nil {
		return nil, parseErr("wchs", 1, "paths: %v", err)
	}
	total, ok := strings.CutPrefix(strings.TrimSpace(lines[1]), "Total watches:")
	if !ok {
		return nil, parseErr("wchs", 2, "want \"Total watches:N\", got %q", lines[1])
	}
	if w.Total, err = parseInt(total); err != nil {
		return nil, parseErr("wchs", 2, "total: %v", err)
	}
	return w, nil
}

// parseWchc parses the answer of wchc: a session id (hex) line, then one
// tab-indented line per watched path.
func parseWchc(b []byte) (SessionWatches, error) {
	out := SessionWatches{}
	var cur int64
	have := false
	for i, line := range splitLines(b) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "\t") {
			if !have {
				return nil, parseErr("wchc", i+1, "path before any session id")
			}
			out[cur] = append(out[cur], line[1:])
			continue
		}
		id, err := parseHex(strings.TrimSpace(line))
		if err != nil {
			return nil, parseErr("wchc", i+1, "session id: %v", err)
		}
		cur, have = id, true
		if _, ok := out[id]; !ok {
			out[id] = nil
		}
	}
	return out, nil
}

// parseWchp parses the answer of wchp: a path line, then one tab-indented
// session id (hex) per watcher.
func parseWchp(b []byte) (PathWatches, error) {
	out := PathWatches{}
	cur := ""
	for i, line := range splitLines(b) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "\t") {
			if cur == "" {
				return nil, parseErr("wchp", i+1, "session id before any path")
			}
			id, err := parseHex(strings.TrimSpace(line))
			if err != nil {
				return nil, parseErr("wchp", i+1, "session id: %v", err)
			}
			out[cur] = append(out[cur], id)
			continue
		}
		cur = line
		if _, ok := out[cur]; !ok {
			out[cur] = nil
		}
	}
	return out, nil
}
