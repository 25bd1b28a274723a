package detail

import (
	"errors"

	"github.com/zkui/zkui/zk"
)

// contentLines builds the lines of the active tab.
func (m Model) contentLines() []string {
	d := m.com.Styles.Detail
	n := m.node
	if n == nil {
		return []string{d.Dim.Render("loading…")}
	}
	switch m.tab {
	case TabStat:
		switch {
		case n.HasStat:
			return m.statLines(n.Stat)
		case errors.Is(n.DataErr, zk.ErrNoAuth):
			return m.noAuthLines("stat")
		}
		return m.errorLines(n.DataErr)
	case TabACL:
		switch {
		case errors.Is(n.ACLErr, zk.ErrNoAuth):
			return m.noAuthLines("ACL")
		case n.ACLErr != nil:
			return m.errorLines(n.ACLErr)
		}
		return m.aclLines(n.ACL)
	}
	switch {
	case errors.Is(n.DataErr, zk.ErrNoAuth):
		return m.noAuthLines("data")
	case n.DataErr != nil:
		return m.errorLines(n.DataErr)
	}
	return m.dataLines(n.Data)
}

func (m Model) errorLines(err error) []string {
	d := m.com.Styles.Detail
	if err == nil {
		return []string{d.Dim.Render("nothing to show")}
	}
	if errors.Is(err, zk.ErrNoNode) {
		return []string{d.Error.Render("The node no longer exists."), "", d.Hint.Render("Press r on its parent to refresh.")}
	}
	return []string{d.Error.Render(err.Error())}
}

// dataLines renders data by its detected format.
func (m Model) dataLines(data []byte) []string {
	d := m.com.Styles.Detail
	switch DetectFormat(data) {
	case FormatEmpty:
		return []string{d.Note.Render("(no data)")}
	case FormatJSON:
		return styleAll(d.Value.Render, textLines([]byte(prettyJSON(data))))
	case FormatText:
		return styleAll(d.Value.Render, textLines(data))
	}
	dump := hexDump(data, hexPerLine(m.width))
	lines := make([]string, len(dump))
	for i, l := range dump {
		lines[i] = d.HexOffset.Render(l[0]) + d.Value.Render(l[1]) + d.HexASCII.Render(l[2])
	}
	return lines
}

func styleAll(render func(...string) string, lines []string) []string {
	for i, l := range lines {
		lines[i] = render(l)
	}
	return lines
}
