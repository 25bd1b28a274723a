package tui

import "path"

// histLimit bounds the history; older places are forgotten.
const histLimit = 200

// history is the back/forward list of places visited. A place is a level of
// the tree: moving among siblings updates the current place instead of
// adding one, so back returns to where the user was before they went into
// or out of a node, or jumped, not to every row the cursor crossed.
type history struct {
	places []string
	pos    int // index of the current place; -1 when empty
}

func newHistory() history { return history{pos: -1} }

// visit records that p is selected.
func (h *history) visit(p string) {
	if h.pos >= 0 {
		cur := h.places[h.pos]
		if cur == p {
			return
		}
		if cur != "/" && p != "/" && path.Dir(cur) == path.Dir(p) {
			h.places[h.pos] = p
			return
		}
	}
	h.places = append(h.places[:h.pos+1], p)
	if len(h.places) > histLimit {
		h.places = h.places[len(h.places)-histLimit:]
	}
	h.pos = len(h.places) - 1
}

// back steps to the previous place, if any.
func (h *history) back() (string, bool) {
	if h.pos <= 0 {
		return "", false
	}
	h.pos--
	return h.places[h.pos], true
}

// forward steps to the next place after going back, if any.
func (h *history) forward() (string, bool) {
	if h.pos+1 >= len(h.places) {
		return "", false
	}
	h.pos++
	return h.places[h.pos], true
}
