package dashboard

import (
	"fmt"
	"math"
	"strings"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/tui/dashboard/chart"
	"github.com/zkui/zkui/zk/admin"
)

// column is one column of the servers table.
type column struct {
	head  string
	width int
	prio  int // lower is kept longer when the table is too wide
	right bool
	cell  func(m Model, r row) string
}

// num formats a metric for a cell, "-" when unknown.
func num(metric string) func(Model, row) string {
	return func(_ Model, r row) string { return chart.Format(r.val(metric)) }
}

// columns of the servers table, in display order.
var columns = []column{
	{"server", 21, 0, false, func(_ Model, r row) string { return r.Addr }},
	{"mode", 10, 1, false, func(_ Model, r row) string { return modeText(r) }},
	{"src", 4, 13, false, func(_ Model, r row) string { return sourceText(r.Source) }},
	{"lat min/avg/max", 15, 3, true, func(_ Model, r row) string {
		return fmt.Sprintf("%s/%s/%s", chart.Format(r.val(stats.MetricMinLatency)),
			chart.Format(r.val(stats.MetricAvgLatency)), chart.Format(r.val(stats.MetricMaxLatency)))
	}},
	{"out", 4, 4, true, num(stats.MetricOutstanding)},
	{"rx/s", 6, 7, true, num(stats.MetricReceivedRate)},
	{"tx/s", 6, 8, true, num(stats.MetricSentRate)},
	{"conn", 5, 5, true, num(stats.MetricConnections)},
	{"znodes", 7, 6, true, num(stats.MetricZnodes)},
	{"watch", 6, 10, true, num(stats.MetricWatches)},
	{"eph", 5, 11, true, num(stats.MetricEphemerals)},
	{"size", 7, 12, true, num(stats.MetricDataSize)},
	{"zxid", 13, 9, true, func(m Model, r row) string { return m.zxidText(r.Addr) }},
	{"fds", 5, 14, true, num(stats.MetricOpenFDs)},
	{"version", 7, 15, false, func(_ Model, r row) string { return shortVersion(r.Version) }},
	{"trend", 12, 2, false, nil}, // the sparkline: drawn apart, it is never cut
}

// visibleColumns picks the most important columns that fit in w cells.
func visibleColumns(w int) []column {
	keep := make([]bool, len(columns))
	used := 0
	for p := 0; p <= 15; p++ {
		for i, c := range columns {
			if c.prio == p && used+c.width+1 <= w {
				keep[i] = true
				used += c.width + 1
			}
		}
	}
	var out []column
	for i, c := range columns {
		if keep[i] {
			out = append(out, c)
		}
	}
	return out
}

// pad aligns a cell in its column.
func pad(s string, c column) string {
	s = fit(s, c.width)
	if c.right {
		t := strings.TrimRight(s, " ")
		return strings.Repeat(" ", c.width-len([]rune(t))) + t
	}
	return s
}

// tableLines renders the header and one line per member.
func (m Model) tableLines(w int) []string {
	st := m.com.Styles
	cols := visibleColumns(w)
	var head strings.Builder
	for _, c := range cols {
		head.WriteString(pad(c.head, c) + " ")
	}
	out := []string{st.Detail.Label.Render(fit(head.String(), w))}
	for _, r := range m.rows {
		out = append(out, m.rowLine(r, cols, w))
	}
	if len(m.rows) == 0 {
		out = append(out, st.Detail.Dim.Render(fit("no servers polled yet", w)))
	}
	return out
}

// rowLine renders one member; a member that did not answer shows its
// error in place of the numbers, in the error style.
func (m Model) rowLine(r row, cols []column, w int) string {
	st := m.com.Styles
	selected := r.Addr == m.sel
	if r.Err != nil {
		line := fit(fmt.Sprintf("%s %s", pad(r.Addr, cols[0]), "DOWN: "+errLine(r.Err)), w)
		if selected {
			return st.Tree.Selected.Render(line)
		}
		return st.Tree.Error.Render(line)
	}
	var b strings.Builder
	for _, c := range cols {
		if c.cell == nil {
			// The hour squeezed into the cell, spikes kept.
			b.WriteString(chart.Sparkline(chart.Resample(r.spark, c.width), c.width) + " ")
			continue
		}
		b.WriteString(pad(c.cell(m, r), c) + " ")
	}
	line := fit(b.String(), w)
	if selected {
		return st.Tree.Selected.Render(line)
	}
	return st.Tree.Row.Render(line)
}

// modeText names a member's role; "polling…" before its first answer.
func modeText(r row) string {
	if r.Err != nil {
		return "DOWN"
	}
	if r.Polls == 0 {
		return "polling…"
	}
	return r.Mode.String()
}

// sourceText is the short name of the source that answered.
func sourceText(s admin.Source) string {
	switch s {
	case admin.AdminServer:
		return "http"
	case admin.FourLetterWords:
		return "4lw"
	}
	return "-"
}

// shortVersion keeps "3.8.0" of "3.8.0-..., built on ...".
func shortVersion(v string) string {
	v, _, _ = strings.Cut(v, "-")
	v, _, _ = strings.Cut(v, ",")
	return v
}

// zxidText shows a member's last zxid as epoch:counter (hex, as the
// server's logs print them).
func (m Model) zxidText(addr string) string {
	z, ok := m.zxids[addr]
	if !ok || z.err != nil {
		return "-"
	}
	return fmt.Sprintf("%x:%x", z.zxid.Epoch(), z.zxid.Counter())
}

// missingMntr reports whether some answering member gave srvr only.
func (m Model) missingMntr() bool {
	for _, r := range m.rows {
		if r.up() && r.Source == admin.FourLetterWords && math.IsNaN(r.val(stats.MetricWatches)) {
			return true
		}
	}
	return false
}
