package dashboard

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// expensiveNote says why wchc and wchp are confirmed first.
const expensiveNote = "it lists every watch the server holds: on a big server the answer is large and building it stalls the server for a moment"

// watches is the state of the watches page.
type watches struct {
	sumID, listID uint64
	sums          map[string]wchsResult

	pending string // "wchc" or "wchp" waiting for confirmation
	loading bool
	word    string // the command the list came from
	from    string // the server that answered
	list    []string
	err     error
	offset  int // first list line shown
}

func (m *Model) handleWchs(msg wchsMsg) {
	if msg.id == m.watch.sumID {
		m.watch.sums = msg.res
	}
}

// confirmWatchList runs the command waiting for confirmation.
func (m *Model) confirmWatchList() tea.Cmd {
	word := m.watch.pending
	m.watch.pending = ""
	if word == "" || m.sel == "" {
		return nil
	}
	return m.fetchWatchList(m.sel, word)
}

func (m *Model) handleWatchList(msg watchListMsg) {
	if msg.id != m.watch.listID {
		return
	}
	w := &m.watch
	w.loading, w.word, w.from, w.err, w.offset = false, msg.word, msg.addr, msg.err, 0
	w.list = nil
	if msg.bySess != nil {
		ids := make([]int64, 0, len(msg.bySess))
		for id := range msg.bySess {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			paths := slices.Clone(msg.bySess[id])
			slices.Sort(paths)
			w.list = append(w.list, fmt.Sprintf("0x%x  %d watches", id, len(paths)))
			for _, p := range paths {
				w.list = append(w.list, "  "+p)
			}
		}
	}
	if msg.byPath != nil {
		paths := make([]string, 0, len(msg.byPath))
		for p := range msg.byPath {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		for _, p := range paths {
			ids := make([]string, 0, len(msg.byPath[p]))
			for _, id := range msg.byPath[p] {
				ids = append(ids, fmt.Sprintf("0x%x", id))
			}
			w.list = append(w.list, fmt.Sprintf("%s  %s", p, strings.Join(ids, " ")))
		}
	}
}

// watchesLines renders the watches page in at most h lines.
func (m Model) watchesLines(w, h int) []string {
	st := m.com.Styles
	head := fmt.Sprintf("%-22s %8s %8s %8s", "server", "watches", "paths", "sessions")
	out := []string{st.Detail.Label.Render(fit(head, w))}
	for _, r := range m.rows {
		res, ok := m.watch.sums[r.Addr]
		switch {
		case !ok:
			out = append(out, fit(fmt.Sprintf("%-22s %8s", r.Addr, "…"), w))
		case res.err != nil:
			out = append(out, st.Tree.Error.Render(fit(fmt.Sprintf("%-22s wchs: %s", r.Addr, shortErr(res.err)), w)))
			if hint := enableHint(res.err); hint != "" {
				out = append(out, st.Detail.Hint.Render(fit("  "+hint, w)))
			}
		default:
			s := res.sum
			out = append(out, fit(fmt.Sprintf("%-22s %8d %8d %8d", r.Addr, s.Total, s.Paths, s.Connections), w))
		}
	}
	out = append(out, "")
	switch {
	case m.watch.pending != "":
		out = append(out,
			st.Detail.Note.Render(fit(fmt.Sprintf("run %s on %s?", m.watch.pending, m.sel), w)),
			st.Detail.Dim.Render(fit(expensiveNote, w)),
			st.Detail.Hint.Render("y to run it, n to cancel"))
	case m.watch.loading:
		out = append(out, st.Detail.Dim.Render("listing watches…"))
	case m.watch.err != nil:
		out = append(out, m.errorLines(m.watch.word, m.watch.err)...)
	case m.watch.word != "":
		title := fmt.Sprintf("%s of %s: %d lines", m.watch.word, m.watch.from, len(m.watch.list))
		out = append(out, st.Detail.Label.Render(fit(title, w)))
		room := max(h-len(out), 0)
		list := m.watch.list[min(m.watch.offset, len(m.watch.list)):]
		for _, l := range list[:min(room, len(list))] {
			out = append(out, fit(l, w))
		}
	default:
		out = append(out, st.Detail.Dim.Render(fit("c lists watches by session (wchc), p by path (wchp), on the selected server", w)))
	}
	return out
}
