package detail

import (
	"fmt"
	"strconv"
	"time"

	"github.com/zkui/zkui/tui/dataview"
	"github.com/zkui/zkui/zk"
)

// statLines renders every field of a Stat: zxids in hex and decimal (hex is
// how ZooKeeper logs print them), times local and relative, the owner
// session in hex like the server's logs.
func (m Model) statLines(s zk.Stat) []string {
	d := m.com.Styles.Detail
	now := m.com.Now()
	loc := m.com.Location
	kind := s.Kind().String()
	owner := "none"
	if s.Kind() == zk.KindEphemeral {
		owner = fmt.Sprintf("0x%x", s.Owner())
	}
	valueStyle := d.Value
	if s.Kind() == zk.KindEphemeral {
		valueStyle = d.Ephemeral
	}
	type field struct{ label, value, dim string }
	fields := []field{
		{"kind", valueStyle.Render(kind), ""},
		{"czxid", fmt.Sprintf("0x%x", s.Czxid), strconv.FormatInt(s.Czxid, 10)},
		{"mzxid", fmt.Sprintf("0x%x", s.Mzxid), strconv.FormatInt(s.Mzxid, 10)},
		{"pzxid", fmt.Sprintf("0x%x", s.Pzxid), strconv.FormatInt(s.Pzxid, 10)},
		{"ctime", s.Created().In(loc).Format(time.DateTime + " MST"), relative(now, s.Created())},
		{"mtime", s.Modified().In(loc).Format(time.DateTime + " MST"), relative(now, s.Modified())},
		{"version", strconv.Itoa(int(s.Version)), "data"},
		{"cversion", strconv.Itoa(int(s.Cversion)), "children"},
		{"aversion", strconv.Itoa(int(s.Aversion)), "acl"},
		{"ephemeralOwner", valueStyle.Render(owner), ephemeralNote(s)},
		{"dataLength", strconv.Itoa(int(s.DataLength)), dataview.HumanSize(int(s.DataLength))},
		{"numChildren", strconv.Itoa(int(s.NumChildren)), ""},
	}
	lines := make([]string, 0, len(fields))
	for _, f := range fields {
		line := d.Label.Render(fmt.Sprintf("%-15s", f.label)) + d.Value.Render(f.value)
		if f.dim != "" {
			line += "  " + d.Dim.Render("("+f.dim+")")
		}
		lines = append(lines, line)
	}
	return lines
}

func ephemeralNote(s zk.Stat) string {
	if s.Kind() == zk.KindEphemeral {
		return strconv.FormatInt(s.Owner(), 10)
	}
	return ""
}

// relative says how long ago t was, in the largest whole unit.
func relative(now, t time.Time) string {
	d := now.Sub(t)
	suffix := "ago"
	if d < 0 {
		d, suffix = -d, "from now"
	}
	var n int64
	var unit string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		n, unit = int64(d/time.Minute), "minute"
	case d < 24*time.Hour:
		n, unit = int64(d/time.Hour), "hour"
	case d < 365*24*time.Hour:
		n, unit = int64(d/(24*time.Hour)), "day"
	default:
		n, unit = int64(d/(365*24*time.Hour)), "year"
	}
	if n != 1 {
		unit += "s"
	}
	return fmt.Sprintf("%d %s %s", n, unit, suffix)
}
