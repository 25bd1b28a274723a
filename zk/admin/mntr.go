package admin

import (
	"strings"
	"time"
)

// Monitor is the answer of mntr (or the AdminServer's monitor): every
// metric as text in Values, plus typed copies of the ones a dashboard needs.
// Keys in Values use the mntr spelling ("zk_" prefix) whatever the source.
type Monitor struct {
	// Values holds every metric, e.g. Values["zk_watch_count"] == "4".
	Values map[string]string

	Version             string        // zk_version
	State               Mode          // zk_server_state
	AvgLatency          float64       // zk_avg_latency, ms
	MinLatency          float64       // zk_min_latency, ms
	MaxLatency          float64       // zk_max_latency, ms
	PacketsReceived     int64         // zk_packets_received
	PacketsSent         int64         // zk_packets_sent
	AliveConnections    int64         // zk_num_alive_connections
	OutstandingRequests int64         // zk_outstanding_requests
	ZnodeCount          int64         // zk_znode_count
	WatchCount          int64         // zk_watch_count
	EphemeralsCount     int64         // zk_ephemerals_count
	ApproximateDataSize int64         // zk_approximate_data_size, bytes
	OpenFileDescriptors int64         // zk_open_file_descriptor_count (Unix only)
	MaxFileDescriptors  int64         // zk_max_file_descriptor_count (Unix only)
	Uptime              time.Duration // zk_uptime (3.6+)
	// Followers is zk_followers (before 3.6) or zk_learners (3.6+, which
	// also counts observers); leader only.
	Followers       int64
	SyncedFollowers int64 // zk_synced_followers, leader only
	PendingSyncs    int64 // zk_pending_syncs, leader only
}

// parseMntr parses the answer of mntr: one "key<TAB>value" per line.
func parseMntr(b []byte) (*Monitor, error) {
	values := map[string]string{}
	for i, line := range splitLines(b) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, parseErr("mntr", i+1, "no tab in %q", line)
		}
		values[k] = v
	}
	return monitorFromValues("mntr", values)
}

// monitorFromValues fills the typed fields from the metric map. A metric
// that is absent stays zero (servers differ in what they report); one that
// is present but not a number is an error.
func monitorFromValues(cmd string, values map[string]string) (*Monitor, error) {
	if _, ok := values["zk_server_state"]; !ok {
		if _, ok := values["zk_version"]; !ok {
			return nil, parseErr(cmd, 0, "neither zk_version nor zk_server_state present")
		}
	}
	m := &Monitor{
		Values:  values,
		Version: values["zk_version"],
		State:   ParseMode(values["zk_server_state"]),
	}
	floats := []struct {
		key string
		dst *float64
	}{
		{"zk_avg_latency", &m.AvgLatency},
		{"zk_min_latency", &m.MinLatency},
		{"zk_max_latency", &m.MaxLatency},
	}
	for _, f := range floats {
		if v, ok := values[f.key]; ok {
			x, err := parseFloat(v)
			if err != nil {
				return nil, parseErr(cmd, 0, "%s: %v", f.key, err)
			}
			*f.dst = x
		}
	}
	var uptime, learners int64
	ints := []struct {
		key string
		dst *int64
	}{
		{"zk_packets_received", &m.PacketsReceived},
		{"zk_packets_sent", &m.PacketsSent},
		{"zk_num_alive_connections", &m.AliveConnections},
		{"zk_outstanding_requests", &m.OutstandingRequests},
		{"zk_znode_count", &m.ZnodeCount},
		{"zk_watch_count", &m.WatchCount},
		{"zk_ephemerals_count", &m.EphemeralsCount},
		{"zk_approximate_data_size", &m.ApproximateDataSize},
		{"zk_open_file_descriptor_count", &m.OpenFileDescriptors},
		{"zk_max_file_descriptor_count", &m.MaxFileDescriptors},
		{"zk_uptime", &uptime},
		{"zk_followers", &m.Followers},
		{"zk_learners", &learners},
		{"zk_synced_followers", &m.SyncedFollowers},
		{"zk_pending_syncs", &m.PendingSyncs},
	}
	for _, f := range ints {
		if v, ok := values[f.key]; ok {
			x, err := parseCount(v)
			if err != nil {
				return nil, parseErr(cmd, 0, "%s: %v", f.key, err)
			}
			*f.dst = x
		}
	}
	m.Uptime = time.Duration(uptime) * time.Millisecond
	if _, ok := values["zk_followers"]; !ok {
		m.Followers = learners
	}
	return m, nil
}

// parseCount reads an integer metric; gauges sometimes print as "0.0", so
// a decimal is accepted and truncated.
func parseCount(s string) (int64, error) {
	x, err := parseInt(s)
	if err == nil {
		return x, nil
	}
	f, ferr := parseFloat(s)
	if ferr != nil || f != f || f > 1<<62 || f < -(1<<62) {
		return 0, err
	}
	return int64(f), nil
}
