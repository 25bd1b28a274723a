package model

// kind is what a fetch of one path reads.
type kind uint8

const (
	wStat  kind = 1 << iota // the stat (and the data, if cached)
	wKids                   // the children list, and the stat
	wCheck                  // the stat; list again if pzxid moved (reconcile)
)

// flight is the fetch of one path that is on the wire. again collects the
// kinds that must be fetched once more because an event touched the path
// (or the session changed) while it was in flight: its reply may predate
// the change.
type flight struct {
	kinds kind
	again kind
}

// workQueue holds the fetches to make, by path, at most one in flight per
// path. It is the heart of convergence: a path touched while in flight is
// fetched again after its reply lands, so the last reply applied for any
// path was issued after the last event that touched it.
type workQueue struct {
	pending map[string]kind
	order   []string // FIFO of pending paths; may hold paths since issued
	head    int
	flying  map[string]*flight
}

func newWorkQueue() *workQueue {
	return &workQueue{pending: make(map[string]kind), flying: make(map[string]*flight)}
}

// queue asks for k on path. If path is in flight, the request waits for the
// reply and is made then, so replies for one path never overtake each other.
func (w *workQueue) queue(path string, k kind) {
	if fl := w.flying[path]; fl != nil {
		fl.again |= k
		return
	}
	old, ok := w.pending[path]
	w.pending[path] = old | k
	if !ok {
		w.order = append(w.order, path)
	}
}

// touch marks the reply of an in-flight fetch of path as suspect.
func (w *workQueue) touch(path string) {
	if fl := w.flying[path]; fl != nil {
		fl.again |= fl.kinds
	}
}

// touchAll marks every in-flight reply suspect (the session changed).
func (w *workQueue) touchAll() {
	for _, fl := range w.flying {
		fl.again |= fl.kinds
	}
}

// take removes the next pending path and marks it in flight.
func (w *workQueue) take() (string, kind, bool) {
	for w.head < len(w.order) {
		path := w.order[w.head]
		w.order[w.head] = ""
		w.head++
		k, ok := w.pending[path]
		if !ok {
			continue
		}
		delete(w.pending, path)
		w.flying[path] = &flight{kinds: k}
		w.compactOrder()
		return path, k, true
	}
	w.compactOrder()
	return "", 0, false
}

// compactOrder reclaims the consumed head of the FIFO.
func (w *workQueue) compactOrder() {
	if w.head > 1024 && w.head*2 > len(w.order) {
		n := copy(w.order, w.order[w.head:])
		w.order = w.order[:n]
		w.head = 0
	}
}

// land ends the flight of path and returns whether its reply is suspect; the
// kinds to fetch again are queued.
func (w *workQueue) land(path string) (suspect bool) {
	fl := w.flying[path]
	if fl == nil {
		return false
	}
	delete(w.flying, path)
	if fl.again != 0 {
		w.queue(path, fl.again)
		return fl.again&fl.kinds != 0
	}
	return false
}

// abort ends the flight of path without a reply and queues it again.
func (w *workQueue) abort(path string) {
	fl := w.flying[path]
	if fl == nil {
		return
	}
	delete(w.flying, path)
	w.queue(path, fl.kinds|fl.again)
}

// idle reports that nothing is pending or in flight.
func (w *workQueue) idle() bool { return len(w.pending) == 0 && len(w.flying) == 0 }

// drop forgets a pending request (the node left the mirror).
func (w *workQueue) drop(path string) { delete(w.pending, path) }
