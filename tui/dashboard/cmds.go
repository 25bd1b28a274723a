package dashboard

import (
	"context"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/zk/admin"
)

// tickMsg asks for a new snapshot of the poller.
type tickMsg struct{ gen int }

// zxidResult is one member's srvr answer.
type zxidResult struct {
	zxid admin.Zxid
	err  error
}

// zxidsMsg carries every member's srvr answer.
type zxidsMsg struct{ res map[string]zxidResult }

// consMsg carries the connections of one server.
type consMsg struct {
	id    uint64
	addr  string
	conns []admin.Connection
	err   error
}

// dumpMsg carries the sessions and ephemerals a server knows.
type dumpMsg struct {
	id   uint64
	addr string
	dump *admin.Dump
	err  error
}

// wchsMsg carries every member's watch summary.
type wchsMsg struct {
	id  uint64
	res map[string]wchsResult
}

// wchsResult is one member's watch summary.
type wchsResult struct {
	sum *admin.WatchSummary
	err error
}

// watchListMsg carries a wchc or wchp answer.
type watchListMsg struct {
	id     uint64
	addr   string
	word   string // "wchc" or "wchp"
	bySess admin.SessionWatches
	byPath admin.PathWatches
	err    error
}

// ownerMsg carries where the session owning a node is connected.
type ownerMsg struct {
	id     uint64
	path   string
	owner  int64
	server string            // the member holding the session's connection
	conn   *admin.Connection // nil when no member lists it
	errs   []error           // members whose connections could not be read
}

// Owns reports whether msg is one of the dashboard's own messages, which
// the root model must hand to Update whatever is on screen.
func Owns(msg tea.Msg) bool {
	switch msg.(type) {
	case tickMsg, zxidsMsg, consMsg, dumpMsg, wchsMsg, watchListMsg, ownerMsg:
		return true
	}
	return false
}

// tick schedules the next snapshot one poll interval from now.
func (m Model) tick() tea.Cmd {
	gen := m.tickGen
	return m.after(m.opts.Poller.Interval(), func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// probe returns the cached Probe of a member.
func (m *Model) probe(addr string) Probe {
	p, ok := m.probes[addr]
	if !ok {
		p = m.opts.NewProbe(addr)
		m.probes[addr] = p
	}
	return p
}

// addrs lists every member's address.
func (m Model) addrs() []string {
	out := make([]string, len(m.rows))
	for i, r := range m.rows {
		out[i] = r.Addr
	}
	return out
}

// memberProbes returns the Probe of every member, made here on the
// update goroutine so the commands never touch the cache.
func (m *Model) memberProbes() map[string]Probe {
	out := map[string]Probe{}
	for _, a := range m.addrs() {
		out[a] = m.probe(a)
	}
	return out
}

// eachMember runs f on every probe at once, each bounded by timeout, and
// waits for all.
func eachMember[T any](ctx context.Context, probes map[string]Probe, timeout time.Duration, f func(context.Context, Probe) T) map[string]T {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := make(map[string]T, len(probes))
	for addr, p := range probes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			v := f(cctx, p)
			mu.Lock()
			out[addr] = v
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

// fetchZxids asks every member for srvr (enabled on every server by
// default) for its last zxid: mntr does not report it.
func (m *Model) fetchZxids() tea.Cmd {
	ctx, probes, timeout := m.ctx, m.memberProbes(), m.opts.Timeout
	return func() tea.Msg {
		res := eachMember(ctx, probes, timeout, func(ctx context.Context, p Probe) zxidResult {
			st, _, err := p.Stats(ctx)
			if err != nil {
				return zxidResult{err: err}
			}
			return zxidResult{zxid: st.Zxid}
		})
		return zxidsMsg{res: res}
	}
}

// nextID hands out a request id.
func (m *Model) nextID() uint64 {
	m.lastID++
	return m.lastID
}

// fetchCons reads the connections of addr.
func (m *Model) fetchCons(addr string) tea.Cmd {
	id, p, ctx, timeout := m.nextID(), m.probe(addr), m.ctx, m.opts.Timeout
	m.sess.consID, m.sess.loading = id, true
	return func() tea.Msg {
		cctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		conns, _, err := p.Connections(cctx)
		return consMsg{id: id, addr: addr, conns: conns, err: err}
	}
}

// fetchDump reads the sessions and ephemerals known to addr.
func (m *Model) fetchDump(addr string) tea.Cmd {
	id, p, ctx, timeout := m.nextID(), m.probe(addr), m.ctx, m.opts.Timeout
	m.sess.dumpID = id
	return func() tea.Msg {
		cctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		d, _, err := p.Dump(cctx)
		return dumpMsg{id: id, addr: addr, dump: d, err: err}
	}
}

// fetchWchs reads every member's watch summary (cheap: counters only).
func (m *Model) fetchWchs() tea.Cmd {
	id, ctx, probes, timeout := m.nextID(), m.ctx, m.memberProbes(), m.opts.Timeout
	m.watch.sumID = id
	return func() tea.Msg {
		res := eachMember(ctx, probes, timeout, func(ctx context.Context, p Probe) wchsResult {
			s, _, err := p.WatchSummary(ctx)
			return wchsResult{sum: s, err: err}
		})
		return wchsMsg{id: id, res: res}
	}
}

// fetchWatchList runs wchc or wchp on addr, once confirmed.
func (m *Model) fetchWatchList(addr, word string) tea.Cmd {
	id, p, ctx, timeout := m.nextID(), m.probe(addr), m.ctx, m.opts.Timeout
	m.watch.listID, m.watch.loading = id, true
	return func() tea.Msg {
		cctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		msg := watchListMsg{id: id, addr: addr, word: word}
		if word == "wchc" {
			msg.bySess, _, msg.err = p.Watches(cctx)
		} else {
			msg.byPath, _, msg.err = p.WatchesByPath(cctx)
		}
		return msg
	}
}

// findOwner asks every member for its connections and finds the one
// carrying the session owner: a session is connected to one server only.
func (m *Model) findOwner(path string, owner int64) tea.Cmd {
	id, ctx, probes, timeout := m.nextID(), m.ctx, m.memberProbes(), m.opts.Timeout
	m.sess.ownerID = id
	return func() tea.Msg {
		res := eachMember(ctx, probes, timeout, func(ctx context.Context, p Probe) consMsg {
			conns, _, err := p.Connections(ctx)
			return consMsg{conns: conns, err: err}
		})
		msg := ownerMsg{id: id, path: path, owner: owner}
		for addr, r := range res {
			if r.err != nil {
				msg.errs = append(msg.errs, r.err)
				continue
			}
			for i := range r.conns {
				if r.conns[i].SessionID == owner {
					msg.server, msg.conn = addr, &r.conns[i]
				}
			}
		}
		return msg
	}
}
