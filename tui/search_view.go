package tui

import (
	"fmt"
	"strings"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/common"
)

// detailView is the right pane's content: the deep search's results while
// they are shown, else the detail tabs. w x h is the content size.
func (a *App) detailView(w, h int) string {
	if !a.search.shown {
		return a.detail.View()
	}
	return a.searchView(w, h)
}

// searchView draws the full sync's progress (while it runs), a summary,
// and the window of results around the chosen one, matched characters
// highlighted: exactly h lines of w cells.
func (a *App) searchView(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	st := a.com.Styles
	lines := make([]string, 0, h)
	s := &a.search
	if s.syncing {
		p := s.prog
		label := fmt.Sprintf("syncing %d nodes ", p.Loaded)
		frac := 0.0
		if p.Expected > 0 {
			label = fmt.Sprintf("syncing %d/%d ", p.Loaded, p.Expected)
			frac = min(float64(p.Loaded)/float64(p.Expected), 1)
		}
		lines = append(lines, common.Fit(st.Detail.Label.Render(label)+a.progressBar(frac, max(w-len(label), 1)), w))
	}
	u := s.last
	sum := fmt.Sprintf("%d matches for %q", len(u.Matches), s.query)
	if len(u.Matches) >= model.DefaultSearchLimit {
		sum = fmt.Sprintf("the best %d matches for %q", len(u.Matches), s.query)
	}
	switch {
	case s.query == "":
		sum = "type to search every node's name"
	case !u.Done:
		sum += fmt.Sprintf(" · scanning %d/%d", u.Scanned, u.Total)
	case !s.synced && !a.mir.Status().Full:
		sum += " · among the nodes mirrored so far"
	}
	lines = append(lines, common.Fit(st.Detail.Label.Render(sum), w))
	rows := h - len(lines)
	if rows <= 0 {
		return strings.Join(lines[:h], "\n")
	}
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+rows {
		s.offset = s.cursor - rows + 1
	}
	for i := s.offset; i < len(u.Matches) && len(lines) < h; i++ {
		lines = append(lines, a.resultLine(i, w))
	}
	blank := common.Fit("", w)
	for len(lines) < h {
		lines = append(lines, blank)
	}
	return strings.Join(lines, "\n")
}

// resultLine draws one match: its path with the matched bytes
// highlighted, or the whole line selected.
func (a *App) resultLine(i, w int) string {
	st := a.com.Styles.Tree
	m := a.search.last.Matches[i]
	if i == a.search.cursor {
		return st.Selected.Render(common.Fit(m.Path, w))
	}
	var b strings.Builder
	hit := make(map[int]bool, len(m.Pos))
	for _, p := range m.Pos {
		hit[p] = true
	}
	start := 0
	for j := 0; j <= len(m.Path); j++ {
		if j == len(m.Path) || hit[j] != hit[start] {
			part := m.Path[start:j]
			if hit[start] {
				b.WriteString(st.Match.Render(part))
			} else {
				b.WriteString(st.Row.Render(part))
			}
			start = j
		}
	}
	return common.Fit(b.String(), w)
}

// progressBar draws a bar of w cells filled to frac. (bubbles' progress
// would need a module go.sum does not have; this one is all we need.)
func (a *App) progressBar(frac float64, w int) string {
	full := int(frac * float64(w))
	st := a.com.Styles.Tree
	return st.Marker.Render(strings.Repeat("█", full)) + st.Count.Render(strings.Repeat("░", w-full))
}
