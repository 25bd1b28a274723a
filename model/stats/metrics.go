package stats

import (
	"context"
	"time"

	"github.com/zkui/zkui/zk/admin"
)

// Metric names recorded by a Poller. Latencies are in milliseconds.
const (
	MetricAvgLatency      = "avg_latency_ms"
	MetricMinLatency      = "min_latency_ms"
	MetricMaxLatency      = "max_latency_ms"
	MetricPacketsReceived = "packets_received"
	MetricPacketsSent     = "packets_sent"
	MetricConnections     = "connections"
	MetricOutstanding     = "outstanding_requests"
	MetricZnodes          = "znodes"
	MetricWatches         = "watches"          // mntr only
	MetricEphemerals      = "ephemerals"       // mntr only
	MetricDataSize        = "data_size"        // bytes, mntr only
	MetricOpenFDs         = "open_fds"         // mntr only
	MetricFollowers       = "followers"        // leader's mntr only
	MetricSyncedFollowers = "synced_followers" // leader's mntr only
	MetricZxidCounter     = "zxid_counter"     // srvr only
	MetricReceivedRate    = "packets_received_per_s"
	MetricSentRate        = "packets_sent_per_s"
)

// rates derive a per-second rate metric from a counter metric.
var rates = map[string]string{
	MetricPacketsReceived: MetricReceivedRate,
	MetricPacketsSent:     MetricSentRate,
}

// poll asks one member for its metrics: mntr (AdminServer or four-letter
// word) when available, else srvr, which every server answers by default.
func (p *Poller) poll(ctx context.Context, m *member) {
	now := time.Now()
	values := map[string]float64{}
	var mode admin.Mode
	var version string
	mon, src, err := m.src.Monitor(ctx)
	if err == nil {
		mode, version = mon.State, mon.Version
		values[MetricAvgLatency] = mon.AvgLatency
		values[MetricMinLatency] = mon.MinLatency
		values[MetricMaxLatency] = mon.MaxLatency
		values[MetricPacketsReceived] = float64(mon.PacketsReceived)
		values[MetricPacketsSent] = float64(mon.PacketsSent)
		values[MetricConnections] = float64(mon.AliveConnections)
		values[MetricOutstanding] = float64(mon.OutstandingRequests)
		values[MetricZnodes] = float64(mon.ZnodeCount)
		values[MetricWatches] = float64(mon.WatchCount)
		values[MetricEphemerals] = float64(mon.EphemeralsCount)
		values[MetricDataSize] = float64(mon.ApproximateDataSize)
		values[MetricOpenFDs] = float64(mon.OpenFileDescriptors)
		if mode == admin.ModeLeader {
			values[MetricFollowers] = float64(mon.Followers)
			values[MetricSyncedFollowers] = float64(mon.SyncedFollowers)
		}
	} else {
		var st *admin.ServerStats
		st, src, err = m.src.Stats(ctx)
		if err == nil {
			mode, version = st.Mode, st.Version
			values[MetricAvgLatency] = st.AvgLatency
			values[MetricMinLatency] = st.MinLatency
			values[MetricMaxLatency] = st.MaxLatency
			values[MetricPacketsReceived] = float64(st.Received)
			values[MetricPacketsSent] = float64(st.Sent)
			values[MetricConnections] = float64(st.Connections)
			values[MetricOutstanding] = float64(st.Outstanding)
			values[MetricZnodes] = float64(st.NodeCount)
			values[MetricZxidCounter] = float64(st.Zxid.Counter())
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		m.status.Err = err
		m.status.Failures++
		return
	}
	m.status.Err = nil
	m.status.Polls++
	m.status.LastPoll = now
	m.status.Mode, m.status.Version, m.status.Source = mode, version, src
	for name, v := range values {
		p.record(m, name, now, v)
		if rate, ok := rates[name]; ok {
			prev, seen := m.prev[name]
			m.prev[name] = Sample{At: now, Value: v}
			dt := now.Sub(prev.At).Seconds()
			// A counter that went down was reset (srst, restart): no rate
			// for that step rather than a negative one.
			if seen && dt > 0 && v >= prev.Value {
				p.record(m, rate, now, (v-prev.Value)/dt)
			}
		}
	}
}

func (p *Poller) record(m *member, name string, at time.Time, v float64) {
	r, ok := m.series[name]
	if !ok {
		r = newRing(p.capacity())
		m.series[name] = r
	}
	r.add(at, v)
}
