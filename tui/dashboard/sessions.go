package dashboard

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/zk/admin"
)

// sessions is the state of the sessions page.
type sessions struct {
	consID, dumpID, ownerID uint64 // the answers wanted

	server  string // whose connections are listed
	conns   []admin.Connection
	err     error
	loading bool
	cursor  int

	dump     *admin.Dump // from the leader (or standalone): every session
	dumpFrom string
	dumpErr  error

	owner *ownerMsg // the last owner lookup
}

// selectedSession returns the session under the cursor, 0 when none.
func (s sessions) selectedSession() int64 {
	if s.cursor < 0 || s.cursor >= len(s.conns) {
		return 0
	}
	return s.conns[s.cursor].SessionID
}

// dumpServer picks the member whose dump knows every session: the leader
// or a standalone server; else the selected server.
func (m Model) dumpServer() string {
	for _, r := range m.rows {
		if r.up() && (r.Mode == admin.ModeLeader || r.Mode == admin.ModeStandalone) {
			return r.Addr
		}
	}
	return m.sel
}

// loadSessions fetches the selected server's connections and the dump.
func (m *Model) loadSessions() tea.Cmd {
	if m.sel == "" {
		return nil
	}
	m.sess.server = m.sel
	return tea.Batch(m.fetchCons(m.sel), m.fetchDump(m.dumpServer()))
}

func (m *Model) handleCons(msg consMsg) {
	if msg.id != m.sess.consID {
		return
	}
	m.sess.loading = false
	m.sess.server, m.sess.conns, m.sess.err = msg.addr, msg.conns, msg.err
	slices.SortFunc(m.sess.conns, func(a, b admin.Connection) int { return strings.Compare(a.Addr, b.Addr) })
	// Keep the owner found by a lookup under the cursor.
	if o := m.sess.owner; o != nil && o.conn != nil && o.server == msg.addr {
		m.selectSession(o.owner)
	}
	m.sess.cursor = min(max(m.sess.cursor, 0), max(len(m.sess.conns)-1, 0))
}

func (m *Model) handleDump(msg dumpMsg) {
	if msg.id != m.sess.dumpID {
		return
	}
	m.sess.dump, m.sess.dumpFrom, m.sess.dumpErr = msg.dump, msg.addr, msg.err
}

// selectSession puts the cursor on a session's connection.
func (m *Model) selectSession(id int64) {
	if i := slices.IndexFunc(m.sess.conns, func(c admin.Connection) bool { return c.SessionID == id }); i >= 0 {
		m.sess.cursor = i
	}
}

// lookupOwner starts the search for the session owning the explorer's
// node.
func (m *Model) lookupOwner() tea.Cmd {
	if m.nodeOwner == 0 {
		m.note = "the explorer's node is not ephemeral: select an ephemeral node first"
		if m.nodePath != "" {
			m.note = m.nodePath + " is not ephemeral: no session owns it"
		}
		return nil
	}
	m.note = fmt.Sprintf("looking for session 0x%x on every server…", m.nodeOwner)
	return m.findOwner(m.nodePath, m.nodeOwner)
}

// handleOwner shows where the owner is connected and lists that server's
// connections with the owner selected.
func (m *Model) handleOwner(msg ownerMsg) tea.Cmd {
	if msg.id != m.sess.ownerID {
		return nil
	}
	m.sess.owner = &msg
	if msg.conn == nil {
		m.note = fmt.Sprintf("session 0x%x of %s is on no server's connection list", msg.owner, msg.path)
		if len(msg.errs) > 0 {
			m.note += " (some servers did not answer cons: " + errLine(msg.errs[0]) + ")"
		}
		return nil
	}
	m.note = fmt.Sprintf("%s: session 0x%x, client %s on %s", msg.path, msg.owner, msg.conn.Addr, msg.server)
	m.sel = msg.server
	m.view = ViewSessions
	return m.loadSessions()
}

// sessionsLines renders the sessions page in about h lines: the
// connection list gets half of them, scrolled to keep the cursor in view.
func (m Model) sessionsLines(w, h int) []string {
	st := m.com.Styles
	var out []string
	title := fmt.Sprintf("connections of %s (%d)", m.sess.server, len(m.sess.conns))
	if m.sess.loading {
		title += " (loading…)"
	}
	out = append(out, st.Detail.Label.Render(title))
	if m.nodeOwner != 0 && (m.sess.owner == nil || m.sess.owner.owner != m.nodeOwner) {
		hint := fmt.Sprintf("e: find the session 0x%x owning the explorer's ephemeral %s", m.nodeOwner, m.nodePath)
		out = append(out, st.Detail.Hint.Render(fit(hint, w)))
	}
	if m.sess.err != nil {
		out = append(out, m.errorLines("cons", m.sess.err)...)
	} else {
		out = append(out, m.connTable(w, max(h/2, 3))...)
	}
	if o := m.sess.owner; o != nil && o.conn != nil {
		out = append(out, "", st.Tree.Ephemeral.Render(fmt.Sprintf("%s is owned by session 0x%x", o.path, o.owner)),
			fmt.Sprintf("  client %s  on server %s  last op %s", o.conn.Addr, o.server, o.conn.LastOperation))
	}
	out = append(out, "")
	out = append(out, m.ephemeralLines()...)
	return out
}

// connTable renders the connections, the selected one highlighted; below
// 100 cells the packet counters are left out.
func (m Model) connTable(w, rows int) []string {
	st := m.com.Styles
	wide := w >= 100
	format := func(client, session, queued, recv, sent, lat, lop string) string {
		if wide {
			return fmt.Sprintf("%-22s %-18s %6s %8s %8s %-14s %s", client, session, queued, recv, sent, lat, lop)
		}
		return fmt.Sprintf("%-22s %-18s %4s %-12s %s", client, session, queued, lat, lop)
	}
	out := []string{st.Detail.Label.Render(fit(format("client", "session", "qd", "recv", "sent", "lat min/avg/max", "last op"), w))}
	first := min(max(m.sess.cursor-rows/2, 0), max(len(m.sess.conns)-rows, 0))
	for i := first; i < min(first+rows, len(m.sess.conns)); i++ {
		c := m.sess.conns[i]
		line := format(c.Addr, fmt.Sprintf("0x%x", c.SessionID), fmt.Sprint(c.Queued), fmt.Sprint(c.Received), fmt.Sprint(c.Sent),
			fmt.Sprintf("%d/%d/%d", c.MinLatency, c.AvgLatency, c.MaxLatency), c.LastOperation)
		line = fit(line, w)
		if i == m.sess.cursor {
			line = st.Tree.Selected.Render(line)
		}
		out = append(out, line)
	}
	if len(m.sess.conns) == 0 && !m.sess.loading {
		out = append(out, st.Detail.Dim.Render("no connections"))
	}
	return out
}

// ephemeralLines lists the ephemeral nodes of the selected session.
func (m Model) ephemeralLines() []string {
	st := m.com.Styles
	id := m.sess.selectedSession()
	if id == 0 {
		return nil
	}
	head := st.Detail.Label.Render(fmt.Sprintf("ephemerals of 0x%x (dump of %s)", id, m.sess.dumpFrom))
	switch {
	case m.sess.dumpErr != nil:
		return append([]string{head}, m.errorLines("dump", m.sess.dumpErr)...)
	case m.sess.dump == nil:
		return []string{head, st.Detail.Dim.Render("loading…")}
	}
	paths := m.sess.dump.Ephemerals[id]
	if len(paths) == 0 {
		return []string{head, st.Detail.Dim.Render("none")}
	}
	out := []string{head}
	for _, p := range paths {
		out = append(out, "  "+st.Tree.Ephemeral.Render(p))
	}
	return out
}
