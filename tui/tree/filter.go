package tree

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
)

// filter hides the children of one level (the node whose children were
// on screen when filtering started) whose names do not contain the query,
// ignoring case, with their subtrees; every other row stays. It is a
// lister over the mirror's rows: the rows kept are a few intervals (the
// rows up to the level, each match with its subtree, the rows after the
// level's subtree), found with one RowOf per match.
type filter struct {
	mir     Mirror
	level   string   // "" when no filter is set
	query   string   // lower-cased
	matches []string // paths of the matching children, in the mirror's order
	kept    []span   // the mirror's rows shown, in order
	total   int      // rows kept
}

// span is n rows of the mirror from row from.
type span struct{ from, n int }

func (f *filter) active() bool { return f.level != "" }

// refresh recomputes the matches and the rows kept from the mirror.
func (f *filter) refresh(mir Mirror) {
	f.mir = mir
	names, _ := mir.Children(f.level)
	f.matches = f.matches[:0]
	f.kept = f.kept[:0]
	total := mir.RowCount()
	rowL := mir.RowOf(f.level)
	if rowL < 0 {
		// The level is not shown (collapsed above it): hide nothing.
		f.kept = append(f.kept, span{0, total})
	} else {
		f.kept = append(f.kept, span{0, rowL + 1})
		end := subtreeEnd(mir, f.level, total)
		for i, n := range names {
			if !strings.Contains(strings.ToLower(n), f.query) {
				continue
			}
			p := childPath(f.level, n)
			f.matches = append(f.matches, p)
			r := mir.RowOf(p)
			if r < 0 {
				continue // the level is listed but its rows are not there yet
			}
			next := end
			if i+1 < len(names) {
				if nr := mir.RowOf(childPath(f.level, names[i+1])); nr > r {
					next = nr
				}
			}
			f.kept = append(f.kept, span{r, max(next-r, 1)})
		}
		if end < total {
			f.kept = append(f.kept, span{end, total - end})
		}
	}
	f.total = 0
	for _, k := range f.kept {
		f.total += k.n
	}
}

// subtreeEnd is the first mirror row after p's subtree: the row of the
// next sibling of p or of its nearest ancestor that has one.
func subtreeEnd(mir Mirror, p string, total int) int {
	for a := p; a != mir.Root() && a != "/"; a = parentPath(a) {
		parent := parentPath(a)
		sibs, _ := mir.Children(parent)
		name := a[strings.LastIndexByte(a, '/')+1:]
		for i, s := range sibs {
			if s == name && i+1 < len(sibs) {
				if r := mir.RowOf(childPath(parent, sibs[i+1])); r >= 0 {
					return r
				}
			}
		}
	}
	return total
}

func (f *filter) count() int { return f.total }

// toMirror maps a filtered row to the mirror's, with the span's index.
func (f *filter) toMirror(row int) (int, int) {
	for i, k := range f.kept {
		if row < k.n {
			return k.from + row, i
		}
		row -= k.n
	}
	return -1, -1
}

func (f *filter) rows(from, n int) []model.Row {
	r, i := f.toMirror(from)
	if r < 0 {
		return nil
	}
	var out []model.Row
	for ; i < len(f.kept) && len(out) < n; i++ {
		k := f.kept[i]
		if r < k.from {
			r = k.from
		}
		take := min(k.from+k.n-r, n-len(out))
		out = append(out, f.mir.Rows(r, take)...)
		r += take
	}
	return out
}

func (f *filter) rowOf(path string) int {
	r := f.mir.RowOf(path)
	if r < 0 {
		return -1
	}
	base := 0
	for _, k := range f.kept {
		if r >= k.from && r < k.from+k.n {
			return base + r - k.from
		}
		base += k.n
	}
	return -1
}

func (f *filter) pathAt(row int) string {
	r, _ := f.toMirror(row)
	if p, ok := f.mir.PathAt(r); ok && r >= 0 {
		return p
	}
	return f.level
}

// SetFilter filters the cursor's level by query as the user types; an
// empty query shows the whole level again but keeps the level chosen. The
// cursor moves to the first match when its row is hidden.
func (m *Model) SetFilter(query string) tea.Cmd {
	if !m.filter.active() {
		level := parentPath(m.sel)
		if m.sel == m.mir.Root() {
			level = m.sel // the root: filter its children
		}
		m.filter.level = level
	}
	m.filter.query = strings.ToLower(query)
	m.filter.refresh(m.mir)
	before := m.sel
	if m.filter.rowOf(m.sel) < 0 && len(m.filter.matches) > 0 {
		m.sel = m.filter.matches[0]
	}
	m.Sync()
	return m.selectIfMoved(before)
}

// ClearFilter shows every row again, keeping the cursor where it is.
func (m *Model) ClearFilter() {
	if !m.filter.active() {
		return
	}
	m.filter = filter{}
	m.Sync()
}

// Filter returns the filtered level's path and the query, or "" and ""
// when nothing is filtered.
func (m Model) Filter() (level, query string) {
	return m.filter.level, m.filter.query
}

// Matches returns the paths of the children the filter shows, in order.
func (m Model) Matches() []string {
	if !m.filter.active() || m.filter.query == "" {
		return nil
	}
	return append([]string(nil), m.filter.matches...)
}

// NextMatch moves the cursor to the next (dir > 0) or previous match of
// the filter, wrapping around.
func (m *Model) NextMatch(dir int) tea.Cmd {
	ms := m.Matches()
	if len(ms) == 0 {
		return nil
	}
	i := -1
	for j, p := range ms {
		if p == m.sel {
			i = j
		}
	}
	switch {
	case i < 0 && dir < 0:
		i = len(ms) - 1
	case i < 0:
		i = 0
	default:
		i = (i + dir + len(ms)) % len(ms)
	}
	return m.Select(ms[i])
}

// selectIfMoved tells the root model about a new selection.
func (m *Model) selectIfMoved(before string) tea.Cmd {
	if m.sel != before {
		return selectCmd(m.sel)
	}
	return nil
}
