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
	return nil // the data view draws the value itself
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
