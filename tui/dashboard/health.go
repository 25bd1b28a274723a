package dashboard

import (
	"fmt"
	"math"
	"slices"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/zk/admin"
)

// Thresholds decide when the health page raises an alert.
type Thresholds struct {
	// Outstanding requests above which a server is called overloaded.
	Outstanding float64
	// SpikeFactor and SpikeFloorMs: an average latency above both
	// SpikeFactor times its hour's mean and SpikeFloorMs is a spike (the
	// floor keeps 0 -> 1 ms from alarming anyone).
	SpikeFactor  float64
	SpikeFloorMs float64
	// ZnodeDrift is how many znodes members may differ by before it is
	// called drift: followers trail the leader by a few in-flight writes.
	ZnodeDrift float64
}

// DefaultThresholds are the thresholds used when Options leave them zero.
func DefaultThresholds() Thresholds {
	return Thresholds{Outstanding: 10, SpikeFactor: 3, SpikeFloorMs: 20, ZnodeDrift: 10}
}

// Severity ranks alerts.
type Severity int

// Severities, mildest first.
const (
	Warning Severity = iota
	Critical
)

// Alert is one problem the health page lists.
type Alert struct {
	Severity Severity
	Server   string // the member concerned, "" for the whole ensemble
	Text     string
}

// health is what the health page shows, computed from a snapshot.
type health struct {
	voters, up int      // voting members known, and those answering
	quorum     int      // majority of the voters
	leader     string   // address of the leader ("" when none answers)
	followers  []string // followers answering
	lag        map[string]string
	alerts     []Alert
}

// ensemble reports whether the rows are an ensemble rather than one
// standalone server.
func ensemble(rows []row) bool {
	if len(rows) > 1 {
		return true
	}
	return len(rows) == 1 && rows[0].Mode != admin.ModeStandalone && rows[0].Mode != admin.ModeUnknown
}

// computeHealth derives quorum, leader, lags and alerts.
func computeHealth(rows []row, zxids map[string]zxidResult, th Thresholds) health {
	h := health{lag: map[string]string{}}
	for _, r := range rows {
		if r.Role != "observer" && r.Mode != admin.ModeObserver {
			h.voters++
		}
		if !r.up() {
			if r.Err != nil {
				h.alerts = append(h.alerts, Alert{Critical, r.Addr, "down: " + errLine(r.Err)})
			}
			continue
		}
		h.up++
		switch r.Mode {
		case admin.ModeLeader, admin.ModeStandalone:
			h.leader = r.Addr
		case admin.ModeFollower:
			h.followers = append(h.followers, r.Addr)
		}
	}
	h.quorum = h.voters/2 + 1
	if ensemble(rows) && h.leader == "" {
		h.alerts = append(h.alerts, Alert{Critical, "", "no leader: the ensemble serves no writes"})
	}
	if ensemble(rows) && h.up < h.quorum {
		h.alerts = append(h.alerts, Alert{Critical, "", fmt.Sprintf("quorum lost: %d of %d voters answer, %d needed", h.up, h.voters, h.quorum)})
	}
	h.lagAgainst(rows, zxids)
	h.alerts = append(h.alerts, loadAlerts(rows, th)...)
	return h
}

// lagAgainst fills the zxid lag of every member behind the leader.
func (h *health) lagAgainst(rows []row, zxids map[string]zxidResult) {
	lead, ok := zxids[h.leader]
	for _, r := range rows {
		z, have := zxids[r.Addr]
		switch {
		case !have || z.err != nil || !r.up():
			h.lag[r.Addr] = "-"
		case r.Addr == h.leader:
			h.lag[r.Addr] = "leader"
		case !ok || lead.err != nil:
			h.lag[r.Addr] = "?"
		case z.zxid.Epoch() < lead.zxid.Epoch():
			h.lag[r.Addr] = fmt.Sprintf("epoch %d behind", lead.zxid.Epoch()-z.zxid.Epoch())
		default:
			h.lag[r.Addr] = fmt.Sprint(max(0, lead.zxid.Counter()-z.zxid.Counter()))
		}
	}
}

// loadAlerts flags overloaded servers, latency spikes and znode drift.
func loadAlerts(rows []row, th Thresholds) []Alert {
	var out []Alert
	var znodes []float64
	for _, r := range rows {
		if !r.up() {
			continue
		}
		if o := r.val(stats.MetricOutstanding); o > th.Outstanding {
			out = append(out, Alert{Warning, r.Addr, fmt.Sprintf("%.0f outstanding requests (over %.0f)", o, th.Outstanding)})
		}
		lat := r.val(stats.MetricAvgLatency)
		if !math.IsNaN(r.latBase) && lat > th.SpikeFloorMs && lat > th.SpikeFactor*r.latBase {
			out = append(out, Alert{Warning, r.Addr, fmt.Sprintf("latency spike: avg %.1f ms, hour's mean %.1f ms", lat, r.latBase)})
		}
		if z := r.val(stats.MetricZnodes); !math.IsNaN(z) {
			znodes = append(znodes, z)
		}
	}
	if len(znodes) > 1 {
		lo, hi := slices.Min(znodes), slices.Max(znodes)
		if hi-lo > th.ZnodeDrift {
			out = append(out, Alert{Warning, "", fmt.Sprintf("znode count drift: members hold %.0f to %.0f znodes", lo, hi)})
		}
	}
	return out
}
