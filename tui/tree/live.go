package tree

import (
	"time"

	"github.com/zkui/zkui/model"
)

// How long a changed row flashes and a deleted row stays, fading.
const (
	FlashFor = 1500 * time.Millisecond
	FadeFor  = 1500 * time.Millisecond
)

// mark is a row flashing (changed) or a ghost of a deleted row.
type mark struct {
	until time.Time
	ghost bool
	row   model.Row // the deleted row as it was last shown
	after string    // path of the row shown above the ghost ("" for the top)
}

// marks are the rows flashing or fading out, by path: a short-lived set,
// cleared by Expire.
type marks map[string]mark

func newMarks() marks { return marks{} }

// Live re-reads the window after a change notice and marks what changed
// on screen: rows whose stat moved or that appeared flash, rows that
// disappeared stay a moment as faded ghosts. paths are the notice's paths;
// all says anything may have changed. It reports whether the selection
// moved (the selected node was deleted: the cursor steps up).
func (m *Model) Live(paths []string, all bool, now time.Time) (moved bool) {
	old := make(map[string]int, len(m.window))
	for i, r := range m.window {
		old[r.Path] = i
	}
	prev := m.window
	m.window = nil // Sync must not reuse the old rows' array
	moved = m.Sync()
	cur := make(map[string]model.Row, len(m.window))
	for _, r := range m.window {
		cur[r.Path] = r
	}
	touched := func(p string) bool { return all }
	if !all {
		set := make(map[string]bool, len(paths))
		for _, p := range paths {
			set[p] = true
		}
		touched = func(p string) bool { return set[p] || set[parentPath(p)] }
	}
	for p, i := range old {
		was := prev[i]
		r, still := cur[p]
		switch {
		case !touched(p):
		case !still:
			if _, gone := m.mir.Node(p); !gone {
				after := ""
				if i > 0 {
					after = prev[i-1].Path
				}
				m.marks[p] = mark{until: now.Add(FadeFor), ghost: true, row: was, after: after}
			}
		case was.StatKnown && r.StatKnown && was.Stat != r.Stat:
			m.marks[p] = mark{until: now.Add(FlashFor)}
		}
	}
	for p, r := range cur {
		if _, seen := old[p]; seen || !touched(p) || r.Depth == 0 {
			continue
		}
		// New on screen: flash it only if its parent was open and listed
		// already (it was created), not when a listing or scroll shows it.
		if i, ok := old[parentPath(p)]; ok && prev[i].Expanded && prev[i].ChildrenKnown {
			m.marks[p] = mark{until: now.Add(FlashFor)}
		}
	}
	m.redraw()
	return moved
}

// Expire drops the marks that are over; it reports whether any are left
// (the root model keeps a tick going while there are).
func (m *Model) Expire(now time.Time) bool {
	n := len(m.marks)
	for p, mk := range m.marks {
		if !now.Before(mk.until) {
			delete(m.marks, p)
		}
	}
	if len(m.marks) != n {
		m.redraw()
	}
	return len(m.marks) > 0
}

// Marked reports whether path is flashing (changed) or fading (deleted).
func (m Model) Marked(path string) (changed, deleted bool) {
	mk, ok := m.marks[path]
	return ok && !mk.ghost, ok && mk.ghost
}
