package dashboard

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/zk/admin"
)

// window is how far back charts and sparklines look.
const window = time.Hour

// row is one member as the tables show it: its status and the newest value
// of each metric (NaN when the server did not report it).
type row struct {
	stats.MemberStatus
	vals  map[string]float64
	spark []float64 // the charted metric's history, oldest first
	// latBase is the mean average latency over the window before the
	// newest sample (NaN without history), the baseline of spike alerts.
	latBase float64
}

// val returns a metric's newest value, NaN when unknown.
func (r row) val(metric string) float64 {
	if v, ok := r.vals[metric]; ok {
		return v
	}
	return math.NaN()
}

// up reports whether the member answered its last poll.
func (r row) up() bool { return r.Err == nil && r.Polls > 0 }

// tableMetrics are the metrics a row shows.
var tableMetrics = []string{
	stats.MetricMinLatency, stats.MetricAvgLatency, stats.MetricMaxLatency,
	stats.MetricOutstanding, stats.MetricReceivedRate, stats.MetricSentRate,
	stats.MetricConnections, stats.MetricZnodes, stats.MetricWatches,
	stats.MetricEphemerals, stats.MetricDataSize, stats.MetricOpenFDs,
	stats.MetricFollowers, stats.MetricSyncedFollowers,
}

// chartMetric is one metric offered for the chart.
type chartMetric struct {
	name  string // stats metric
	label string // what the chart's title calls it
}

// chartMetrics are the metrics m cycles through.
var chartMetrics = []chartMetric{
	{stats.MetricAvgLatency, "avg latency (ms)"},
	{stats.MetricOutstanding, "outstanding requests"},
	{stats.MetricReceivedRate, "packets received/s"},
	{stats.MetricConnections, "connections"},
	{stats.MetricZnodes, "znodes"},
	{stats.MetricWatches, "watches"},
}

// refresh takes a new snapshot of the poller (memory only: no network).
func (m *Model) refresh() {
	if m.opts.Poller == nil {
		m.rows = nil
		return
	}
	from := m.com.Now().Add(-window)
	metric := chartMetrics[m.metric].name
	members := m.opts.Poller.Members()
	rows := make([]row, 0, len(members))
	for _, ms := range members {
		r := row{MemberStatus: ms, vals: map[string]float64{}}
		for _, name := range tableMetrics {
			if s, ok := m.opts.Poller.Latest(ms.Addr, name); ok {
				r.vals[name] = s.Value
			}
		}
		for _, s := range m.opts.Poller.Series(ms.Addr, metric, from) {
			r.spark = append(r.spark, s.Value)
		}
		r.latBase = baseline(m.opts.Poller.Series(ms.Addr, stats.MetricAvgLatency, from))
		rows = append(rows, r)
	}
	sortRows(rows, m.sortBy)
	m.rows = rows
	if m.selectedRow() < 0 && len(rows) > 0 {
		m.sel = rows[0].Addr
	}
}

// selectedRow returns the index of the selected server, -1 if none.
func (m Model) selectedRow() int {
	return slices.IndexFunc(m.rows, func(r row) bool { return r.Addr == m.sel })
}

// moveSelection steps the selected server by d rows.
func (m *Model) moveSelection(d int) {
	if len(m.rows) == 0 {
		return
	}
	i := min(max(m.selectedRow()+d, 0), len(m.rows)-1)
	m.sel = m.rows[i].Addr
}

// sortKey is the order of the servers table.
type sortKey int

const (
	sortByID sortKey = iota
	sortByMode
	sortByLatency
	sortByOutstanding
	sortByConnections
	sortCount
)

// String names the order in the title line.
func (s sortKey) String() string {
	return [...]string{"id", "mode", "latency", "outstanding", "connections"}[s]
}

// modeRank orders roles for sorting: the leader first, the down last.
func modeRank(r row) int {
	if !r.up() {
		return 9
	}
	switch r.Mode {
	case admin.ModeLeader, admin.ModeStandalone:
		return 0
	case admin.ModeFollower:
		return 1
	case admin.ModeObserver:
		return 2
	}
	return 3
}

// sortRows orders rows by key, ties by id then address; metrics sort high
// first since the busiest server is the interesting one.
func sortRows(rows []row, by sortKey) {
	desc := func(a, b float64) int {
		return cmp.Compare(nan0(b), nan0(a))
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		var c int
		switch by {
		case sortByMode:
			c = cmp.Compare(modeRank(a), modeRank(b))
		case sortByLatency:
			c = desc(a.val(stats.MetricAvgLatency), b.val(stats.MetricAvgLatency))
		case sortByOutstanding:
			c = desc(a.val(stats.MetricOutstanding), b.val(stats.MetricOutstanding))
		case sortByConnections:
			c = desc(a.val(stats.MetricConnections), b.val(stats.MetricConnections))
		}
		if c != 0 {
			return c
		}
		if c = cmp.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return cmp.Compare(a.Addr, b.Addr)
	})
}

func nan0(v float64) float64 {
	if math.IsNaN(v) {
		return -1
	}
	return v
}

// baseline is the mean of every sample but the newest; NaN when there are
// fewer than two.
func baseline(ss []stats.Sample) float64 {
	if len(ss) < 2 {
		return math.NaN()
	}
	var sum float64
	for _, s := range ss[:len(ss)-1] {
		sum += s.Value
	}
	return sum / float64(len(ss)-1)
}
