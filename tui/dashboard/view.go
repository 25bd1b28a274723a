package dashboard

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/tui/dashboard/chart"
)

// View renders the dashboard as exactly height lines of width cells.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.com.Styles
	body := m.height - 2 // the tab line and the note line
	var lines []string
	switch {
	case m.opts.Poller == nil:
		lines = []string{st.Detail.Note.Render("server statistics are not polled in this session")}
	case m.view == ViewHealth:
		lines = m.healthLines(m.width)
	case m.view == ViewSessions:
		lines = m.sessionsLines(m.width, body)
	case m.view == ViewWatches:
		lines = m.watchesLines(m.width, body)
	default:
		lines = m.serversLines(m.width, body)
	}
	out := make([]string, 0, m.height)
	out = append(out, m.tabLine())
	for i := range max(body, 0) {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out = append(out, fit(l, m.width))
	}
	out = append(out, st.Status.Info.Render(fit(m.note, m.width)))
	return strings.Join(out[:m.height], "\n")
}

// tabLine shows the pages, the active one highlighted, and the polling.
func (m Model) tabLine() string {
	st := m.com.Styles.Tabs
	var b strings.Builder
	for v := range viewCount {
		if v > 0 {
			b.WriteString(st.Sep.Render("│"))
		}
		if v == m.view {
			b.WriteString(st.Active.Render(v.String()))
		} else {
			b.WriteString(st.Inactive.Render(v.String()))
		}
	}
	if p := m.opts.Poller; p != nil {
		b.WriteString(st.Meta.Render(fmt.Sprintf("  poll %s · sort %s · %s", p.Interval(), m.sortBy, plural(len(m.rows), "server"))))
	}
	return fit(b.String(), m.width)
}

// serversLines renders the table, notes on missing data, and the chart of
// the selected server below, filling h lines.
func (m Model) serversLines(w, h int) []string {
	st := m.com.Styles
	out := m.tableLines(w)
	if m.missingMntr() {
		out = append(out, st.Detail.Note.Render(fit(mntrMissing(), w)))
	}
	room := h - len(out) - 3 // a blank line, the chart's title, the time axis
	if room < 3 || m.sel == "" {
		return out
	}
	metric := chartMetrics[m.metric]
	title := fmt.Sprintf("%s of %s, last hour (m: other metric)", metric.label, m.sel)
	out = append(out, "", st.Detail.Label.Render(fit(title, w)))
	values := m.hourOf(m.sel, metric.name)
	if values == nil {
		return append(out, st.Detail.Dim.Render(fit("no samples yet (this server does not report it, or is down)", w)))
	}
	lines := chart.Lines(values, w, room)
	for _, l := range lines {
		out = append(out, st.Tree.Marker.Render(l))
	}
	return append(out, st.Detail.Dim.Render(timeAxis(lines[0], w)))
}

// hourOf returns a member's samples of a metric placed on the last hour:
// one slot per poll interval, NaN where there is no sample yet, so the
// chart's x axis is time and a young history fills only its right end.
func (m Model) hourOf(addr, metric string) []float64 {
	now := m.com.Now()
	samples := m.opts.Poller.Series(addr, metric, now.Add(-window))
	if len(samples) == 0 {
		return nil
	}
	step := max(m.opts.Poller.Interval(), time.Second)
	slots := int(window / step)
	values := make([]float64, slots)
	for i := range values {
		values[i] = math.NaN()
	}
	for _, s := range samples {
		i := slots - 1 - int(now.Sub(s.At)/step)
		if i >= 0 && i < slots {
			values[i] = s.Value
		}
	}
	return values
}

// timeAxis labels the plot of a chart line (whose axis ends at "┤") with
// the hour it spans.
func timeAxis(line string, w int) string {
	_, plot, ok := strings.Cut(line, "┤")
	if !ok {
		return ""
	}
	off := w - utf8.RuneCountInString(plot)
	pw := w - off
	labels := "-60m" + strings.Repeat(" ", max(pw/2-4-3, 1)) + "-30m"
	labels += strings.Repeat(" ", max(pw-utf8.RuneCountInString(labels)-3, 1)) + "now"
	return strings.Repeat(" ", off) + labels
}

// healthLines renders the health page.
func (m Model) healthLines(w int) []string {
	st := m.com.Styles
	h := computeHealth(m.rows, m.zxids, m.opts.Thresholds)
	leader := h.leader
	if leader == "" {
		leader = st.Tree.Error.Render("none")
	}
	var out []string
	if ensemble(m.rows) {
		followers := fmt.Sprintf("%d serving", len(h.followers))
		if len(h.followers) > 0 {
			followers += " (" + strings.Join(h.followers, ", ") + ")"
		}
		out = append(out,
			fmt.Sprintf("%s %d voting, quorum %d, %d answering", st.Detail.Label.Render("members"), h.voters, h.quorum, h.up),
			fmt.Sprintf("%s %s", st.Detail.Label.Render("leader "), leader),
			fmt.Sprintf("%s %s%s", st.Detail.Label.Render("followers"), followers, m.learners(h.leader)))
	} else {
		out = append(out, st.Detail.Label.Render("standalone server: no quorum, no followers"))
	}
	out = append(out, "",
		st.Detail.Label.Render(fit(fmt.Sprintf("%-22s %-10s %-13s %s", "server", "mode", "zxid", "lag (txns behind leader)"), w)))
	for _, r := range m.rows {
		line := fit(fmt.Sprintf("%-22s %-10s %-13s %s", r.Addr, modeText(r), m.zxidText(r.Addr), h.lag[r.Addr]), w)
		switch {
		case r.Err != nil:
			line = st.Tree.Error.Render(line)
		case r.Addr == m.sel:
			line = st.Tree.Selected.Render(line)
		}
		out = append(out, line)
	}
	out = append(out, "", st.Detail.Label.Render(fmt.Sprintf("alerts (%d)", len(h.alerts))))
	if len(h.alerts) == 0 {
		out = append(out, st.Status.Success.Render("none: every member answers, one leader, no load or drift alerts"))
	}
	for _, a := range h.alerts {
		text := a.Text
		if a.Server != "" {
			text = a.Server + " " + text
		}
		style := st.Detail.Note
		if a.Severity == Critical {
			style = st.Tree.Error
		}
		out = append(out, style.Render(fit("! "+text, w)))
	}
	return out
}

// plural counts things: "1 server", "3 servers".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// learners is the leader's own count of its learners and of the followers
// in sync with it (mntr), when the leader reports them.
func (m Model) learners(leader string) string {
	for _, r := range m.rows {
		if r.Addr != leader {
			continue
		}
		l, s := r.val(stats.MetricFollowers), r.val(stats.MetricSyncedFollowers)
		switch {
		case !math.IsNaN(l) && !math.IsNaN(s):
			return fmt.Sprintf("; the leader has %.0f learners, %.0f followers synced", l, s)
		case !math.IsNaN(l):
			return fmt.Sprintf("; the leader has %.0f learners", l)
		}
	}
	return ""
}
