package recipe

import (
	"sync"

	"github.com/zkui/zkui/zk"
)

// A monitor follows one Session's state stream and turns it into
// generations: each generation is a channel closed when the session it
// stands for expires or the client is closed. Recipes take the current
// generation when they acquire something tied to the session (an ephemeral
// node) and report it lost when that generation ends.
//
// There is one monitor per Session value, shared by every recipe on it,
// because each States() call adds a subscriber that lives as long as the
// client: one per lock would pile up.
type monitor struct {
	mu     sync.Mutex
	gen    chan struct{} // closed when the current session ends
	closed bool          // the client was closed: no more sessions
}

var monitors struct {
	mu sync.Mutex
	m  map[Session]*monitor
}

// monitorOf returns the monitor of s, starting it on first use.
func monitorOf(s Session) *monitor {
	monitors.mu.Lock()
	defer monitors.mu.Unlock()
	if m, ok := monitors.m[s]; ok {
		return m
	}
	if monitors.m == nil {
		monitors.m = make(map[Session]*monitor)
	}
	m := &monitor{gen: make(chan struct{})}
	monitors.m[s] = m
	go m.run(s, s.States())
	return m
}

// run ends generations as the session expires and forgets the monitor when
// the stream closes (after Closed), so a closed client is not kept alive.
func (m *monitor) run(s Session, states <-chan zk.Event) {
	for ev := range states {
		switch ev.State {
		case zk.StateExpired:
			m.mu.Lock()
			close(m.gen)
			m.gen = make(chan struct{})
			m.mu.Unlock()
		case zk.StateClosed, zk.StateAuthFailed:
			m.end()
		}
	}
	m.end()
	monitors.mu.Lock()
	if monitors.m[s] == m {
		delete(monitors.m, s)
	}
	monitors.mu.Unlock()
}

// end closes the current generation for good.
func (m *monitor) end() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.closed {
		m.closed = true
		close(m.gen)
	}
}

// current returns the channel of the session as it is now.
func (m *monitor) current() <-chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.gen
}
