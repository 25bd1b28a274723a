package zk

import (
	"strings"
	"sync"
)

// watchKind is what a registered watch listens for; it decides which server
// events fire it and under which list SetWatches re-registers it.
type watchKind int

const (
	watchData                watchKind = iota // getData, or exists on a node that exists
	watchExist                                // exists on a node that does not exist
	watchChild                                // getChildren
	watchPersistent                           // addWatch mode 0
	watchPersistentRecursive                  // addWatch mode 1
	numWatchKinds
)

func (k watchKind) oneShot() bool { return k < watchPersistent }

// watcher is one registration by the program: its path, its kind and the
// queue its events go to.
type watcher struct {
	kind watchKind
	path string // without chroot
	q    *eventQueue
}

// watchManager keeps every registered watch. A Conn owns one; a Client shares
// one across its successive connections so watches survive a reconnect.
type watchManager struct {
	mu      sync.Mutex
	byKind  [numWatchKinds]map[string][]*watcher
	stop    chan struct{} // closed when the owner is closed for good
	stopped bool
}

func newWatchManager() *watchManager {
	m := &watchManager{stop: make(chan struct{})}
	for i := range m.byKind {
		m.byKind[i] = make(map[string][]*watcher)
	}
	return m
}

// newWatcher makes a watcher that is not registered yet; the reader registers
// it when the reply that sets the server-side watch arrives.
func (m *watchManager) newWatcher(kind watchKind, path string) *watcher {
	size := 4
	if !kind.oneShot() {
		size = 256
	}
	return &watcher{kind: kind, path: path, q: newEventQueue(size, m.stop)}
}

func (m *watchManager) add(w *watcher) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stopped {
		w.q.close()
		return
	}
	m.byKind[w.kind][w.path] = append(m.byKind[w.kind][w.path], w)
}

// fire delivers and unregisters the one-shot watchers of kind at path.
func (m *watchManager) fire(kind watchKind, ev Event) {
	ws := m.byKind[kind][ev.Path]
	if len(ws) == 0 {
		return
	}
	delete(m.byKind[kind], ev.Path)
	for _, w := range ws {
		w.q.push(ev)
		w.q.close()
	}
}

func (m *watchManager) notify(kind watchKind, path string, ev Event) {
	for _, w := range m.byKind[kind][path] {
		w.q.push(ev)
	}
}

// dispatch routes a node event to the watchers it fires, the way the server
// decides which of its watches an event triggers.
func (m *watchManager) dispatch(ev Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch ev.Type {
	case EventNodeCreated, EventNodeDataChanged:
		m.fire(watchData, ev)
		m.fire(watchExist, ev)
	case EventNodeDeleted:
		m.fire(watchData, ev)
		m.fire(watchExist, ev)
		m.fire(watchChild, ev)
	case EventNodeChildrenChanged:
		m.fire(watchChild, ev)
	}
	m.notify(watchPersistent, ev.Path, ev)
	// A recursive watch hears every change at or below its path but never
	// NodeChildrenChanged (PROTOCOL.md).
	if ev.Type == EventNodeChildrenChanged || len(m.byKind[watchPersistentRecursive]) == 0 {
		return
	}
	for p := ev.Path; ; p = parentPath(p) {
		m.notify(watchPersistentRecursive, p, ev)
		if p == "/" {
			break
		}
	}
}

// session tells every watcher about a session state change. On expiry (or
// with end set) the watches are gone: their channels are closed after the
// event.
func (m *watchManager) session(state State, end bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ev := Event{Type: EventSession, State: state}
	for k := range m.byKind {
		closeAll := end || (state == StateExpired && watchKind(k).oneShot())
		for path, ws := range m.byKind[k] {
			for _, w := range ws {
				w.q.push(ev)
				if closeAll {
					w.q.close()
				}
			}
			if closeAll {
				delete(m.byKind[k], path)
			}
		}
	}
}

// shutdown closes every channel and lets pumps discard what nobody reads.
func (m *watchManager) shutdown(state State) {
	m.session(state, true)
	m.mu.Lock()
	if !m.stopped {
		m.stopped = true
		close(m.stop)
	}
	m.mu.Unlock()
}

// remove unregisters the watchers of the given type at path, telling each one
// with ev, and reports whether there were any.
func (m *watchManager) remove(path string, t WatcherType) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	found := false
	drop := func(kind watchKind, evType EventType) {
		ws := m.byKind[kind][path]
		if len(ws) == 0 {
			return
		}
		found = true
		delete(m.byKind[kind], path)
		for _, w := range ws {
			w.q.push(Event{Type: evType, Path: path, State: StateConnected})
			w.q.close()
		}
	}
	switch t {
	case WatcherChildren:
		drop(watchChild, EventChildWatchRemoved)
	case WatcherData:
		drop(watchData, EventDataWatchRemoved)
		drop(watchExist, EventDataWatchRemoved)
	case WatcherPersistent:
		drop(watchPersistent, EventPersistentWatchRemoved)
	case WatcherPersistentRecursive:
		drop(watchPersistentRecursive, EventPersistentWatchRemoved)
	case WatcherAny:
		drop(watchChild, EventChildWatchRemoved)
		drop(watchData, EventDataWatchRemoved)
		drop(watchExist, EventDataWatchRemoved)
		drop(watchPersistent, EventPersistentWatchRemoved)
		drop(watchPersistentRecursive, EventPersistentWatchRemoved)
	}
	return found
}

// paths returns the registered paths of each kind, for SetWatches.
func (m *watchManager) paths() [numWatchKinds][]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out [numWatchKinds][]string
	for k := range m.byKind {
		for p := range m.byKind[k] {
			out[k] = append(out[k], p)
		}
	}
	return out
}

func parentPath(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

// any reports whether any watch is registered.
func (m *watchManager) any() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.byKind {
		if len(m.byKind[k]) > 0 {
			return true
		}
	}
	return false
}
