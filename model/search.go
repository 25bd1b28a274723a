package model

import (
	"container/heap"
	"context"
	"slices"
)

// SearchMode chooses how a query matches.
type SearchMode int

// Search modes.
const (
	// SearchFuzzy matches the query's characters in order, not
	// necessarily adjacent, ranking word starts and runs higher.
	SearchFuzzy SearchMode = iota
	// SearchSubstring matches the query as one piece.
	SearchSubstring
)

func (m SearchMode) String() string {
	if m == SearchSubstring {
		return "substring"
	}
	return "fuzzy"
}

// SearchOptions tune Search.
type SearchOptions struct {
	Mode SearchMode
	// Paths matches the whole path instead of the node's name.
	Paths bool
	// Limit is the number of best matches kept (DefaultSearchLimit when 0).
	Limit int
}

// DefaultSearchLimit is the number of matches a search keeps by default.
const DefaultSearchLimit = 200

// Match is one node found by a search.
type Match struct {
	Path  string
	Score int   // higher is better; comparable within one search only
	Pos   []int // byte offsets in Path of the matched characters
	// Snippet is, for a data search, the line of the data around the
	// first match.
	Snippet string
}

// SearchUpdate is what a search has found so far: the best matches, best
// first, and how far it got. The last update of a search has Done set (or
// Err, when it was cancelled or failed).
type SearchUpdate struct {
	Matches []Match
	Scanned int // nodes examined
	Total   int // nodes to examine (the mirror's size when the search began)
	Done    bool
	Err     error
}

// searchChunk is how many nodes a search examines per hold of the read
// lock, so the syncer is never kept waiting long.
const searchChunk = 8192

// Search looks for query among the names (or paths) of the mirrored nodes.
// It runs in the background and streams updates, each holding the best
// matches so far (best first), after every chunk of nodes; the channel
// closes after the last update. Cancel ctx to stop it (e.g. when the query
// changes). It searches what is mirrored: after FullSync, the whole tree.
func (t *Tree) Search(ctx context.Context, query string, opts SearchOptions) <-chan SearchUpdate {
	if opts.Limit <= 0 {
		opts.Limit = DefaultSearchLimit
	}
	match := fuzzyMatch
	if opts.Mode == SearchSubstring {
		match = substringMatch
	}
	out := make(chan SearchUpdate, 1)
	go func() {
		defer close(out)
		top := &matchHeap{}
		var pos []int
		t.mu.RLock()
		total := t.s.live
		t.mu.RUnlock()
		scanned := 0
		for start := 0; ; start += searchChunk {
			if err := ctx.Err(); err != nil {
				send(ctx, out, SearchUpdate{Matches: top.sorted(), Scanned: scanned, Total: total, Err: err})
				return
			}
			t.mu.RLock()
			end := min(start+searchChunk, len(t.s.nodes))
			for id := start; id < end; id++ {
				nd := &t.s.nodes[id]
				if nd.flags&fFree != 0 || (id == 0 && nd.flags&fStat == 0) {
					continue
				}
				scanned++
				var target, path string
				if opts.Paths || id == 0 {
					path = t.s.path(int32(id))
					target = path
				} else {
					target = t.s.name(int32(id))
				}
				score, ok, p := match(query, target, pos[:0])
				pos = p
				if !ok || (top.Len() >= opts.Limit && score <= (*top)[0].Score) {
					continue
				}
				if path == "" {
					path = t.s.path(int32(id))
					shift := len(path) - len(target)
					for i := range p {
						p[i] += shift
					}
				}
				heap.Push(top, Match{Path: path, Score: score, Pos: slices.Clone(p)})
				if top.Len() > opts.Limit {
					heap.Pop(top)
				}
			}
			more := end < len(t.s.nodes)
			t.mu.RUnlock()
			if !more {
				send(ctx, out, SearchUpdate{Matches: top.sorted(), Scanned: scanned, Total: total, Done: true})
				return
			}
			// Intermediate updates are dropped when the reader is busy: the
			// next one carries everything anyway.
			select {
			case out <- SearchUpdate{Matches: top.sorted(), Scanned: scanned, Total: total}:
			default:
			}
		}
	}()
	return out
}

func send(ctx context.Context, out chan SearchUpdate, u SearchUpdate) {
	select {
	case out <- u:
	case <-ctx.Done():
		// The reader left; drain a stale intermediate update so the final
		// one still fits if anyone looks.
		select {
		case <-out:
		default:
		}
		select {
		case out <- u:
		default:
		}
	}
}

// matchHeap is a min-heap of the best matches: the worst kept on top.
type matchHeap []Match

func worse(a, b Match) bool {
	if a.Score != b.Score {
		return a.Score < b.Score
	}
	// Equal scores: the later path in the tree's natural order (numbers
	// compared by value, so …/2 comes before …/10) is the worse.
	return compareNames(a.Path, b.Path) > 0
}

func (h matchHeap) Len() int           { return len(h) }
func (h matchHeap) Less(i, j int) bool { return worse(h[i], h[j]) }
func (h matchHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *matchHeap) Push(x any)        { *h = append(*h, x.(Match)) }
func (h *matchHeap) Pop() any {
	old := *h
	m := old[len(old)-1]
	*h = old[:len(old)-1]
	return m
}

// sorted returns the matches best first, leaving the heap intact.
func (h *matchHeap) sorted() []Match {
	out := slices.Clone(*h)
	slices.SortFunc(out, func(a, b Match) int {
		switch {
		case worse(b, a):
			return -1
		case worse(a, b):
			return 1
		}
		return compareNames(a.Path, b.Path)
	})
	return out
}
