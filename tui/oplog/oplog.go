// Package oplog is zkui's operation log pane: every request the session
// sent (or refused to send) with its result and duration, newest at the
// bottom, read from a zk.OpLog that the Client fills through OnRequest.
package oplog

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"

	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk"
)

// Model is the log pane.
type Model struct {
	com           *common.Common
	log           *zk.OpLog
	width, height int
}

// New returns a pane over log (nil: the pane says there is no log).
func New(com *common.Common, log *zk.OpLog) Model { return Model{com: com, log: log} }

// SetSize sets the pane's content size.
func (m *Model) SetSize(w, h int) { m.width, m.height = max(w, 0), max(h, 0) }

// View renders the newest records that fit, exactly height lines of width
// cells, with a header line.
func (m Model) View() string {
	st := m.com.Styles.Detail
	out := make([]string, 0, m.height)
	if m.height == 0 {
		return ""
	}
	if m.log == nil {
		out = append(out, common.Fit(st.Note.Render("no operation log for this session"), m.width))
	} else {
		recs := m.log.Records()
		head := fmt.Sprintf("%-8s  %-12s %-9s %-22s %s", "time", "op", "took", "result", "path")
		out = append(out, common.Fit(st.Label.Render(head)+st.Dim.Render(fmt.Sprintf("  (%d sent in all)", m.log.Total())), m.width))
		room := m.height - 1
		if len(recs) > room {
			recs = recs[len(recs)-room:]
		}
		for _, r := range recs {
			out = append(out, common.Fit(m.row(r), m.width))
		}
	}
	for len(out) < m.height {
		out = append(out, common.Fit("", m.width))
	}
	return strings.Join(out, "\n")
}

func (m Model) row(r zk.OpRecord) string {
	st := m.com.Styles.Detail
	result := "ok"
	style := st.Value
	switch {
	case r.Err != nil && !r.Sent:
		result, style = "not sent", st.Note
	case r.Err != nil:
		result, style = r.Code.String(), st.Error
	}
	op := r.Op
	if r.Write {
		op += "*"
	}
	t := r.Start.In(m.com.Location).Format("15:04:05")
	return fmt.Sprintf("%-8s  %-12s %-9s ", t, op, took(r.Duration)) + style.Render(fmt.Sprintf("%-22s", cut(result, 22))) + " " + r.Path
}

func took(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000)
	}
	return d.Round(time.Millisecond).String()
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}

// ShortHelp returns nothing: the pane only shows.
func (m Model) ShortHelp() []key.Binding { return nil }

// FullHelp returns nothing: the pane only shows.
func (m Model) FullHelp() [][]key.Binding { return nil }
