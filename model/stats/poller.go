package stats

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zkui/zkui/zk/admin"
)

// Source is what the Poller asks of one server; *admin.Client satisfies it.
type Source interface {
	Monitor(ctx context.Context) (*admin.Monitor, admin.Source, error)
	Stats(ctx context.Context) (*admin.ServerStats, admin.Source, error)
}

// Options tune a Poller; the zero value is ready to use.
type Options struct {
	// Interval between polls of every member (DefaultInterval when 0).
	Interval time.Duration
	// Window is how much history each metric keeps (DefaultWindow when 0).
	Window time.Duration
	// NewSource makes the Source of a member; admin.New(addr) when nil.
	NewSource func(addr string) Source
	// Config reads the ensemble's dynamic configuration (the data of
	// /zookeeper/config, e.g. zk.Conn.Config); nil to poll the connect
	// string's servers only.
	Config func(ctx context.Context) ([]byte, error)
	// ConfigEvery is how many polls pass between reads of Config
	// (DefaultConfigEvery when 0).
	ConfigEvery int
}

// Defaults for Options.
const (
	DefaultInterval    = 2 * time.Second
	DefaultWindow      = time.Hour
	DefaultConfigEvery = 15
)

// MemberStatus is the latest state of one member.
type MemberStatus struct {
	Member
	Mode     admin.Mode   // leader, follower, standalone...
	Version  string       // server version
	Source   admin.Source // where the last answer came from
	LastPoll time.Time    // time of the last answer
	Err      error        // the last poll's failure, nil after a success
	Polls    int          // answers received
	Failures int          // polls that failed
}

// Poller polls every member of one ensemble and keeps their metrics'
// history. Its methods are safe for concurrent use.
type Poller struct {
	opts  Options
	seeds []string
	polls int
	// every is the current poll interval in nanoseconds, changed by
	// SetInterval while Run goes on; opts.Interval is the initial one.
	every atomic.Int64

	mu      sync.Mutex
	members map[string]*member
}

// member is one polled server with its history.
type member struct {
	status MemberStatus
	src    Source
	series map[string]*ring
	prev   map[string]Sample // counters at the previous poll, for rates
}

// New makes a Poller for the ensemble of a connect string.
func New(connect string, opts Options) *Poller {
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.ConfigEvery <= 0 {
		opts.ConfigEvery = DefaultConfigEvery
	}
	if opts.NewSource == nil {
		opts.NewSource = func(addr string) Source { return admin.New(addr) }
	}
	p := &Poller{opts: opts, seeds: ParseConnectString(connect), members: make(map[string]*member)}
	p.every.Store(int64(opts.Interval))
	for _, a := range p.seeds {
		p.addMember(Member{Addr: a})
	}
	return p
}

// capacity is the number of samples a ring keeps.
func (p *Poller) capacity() int {
	return max(1, int(p.opts.Window/p.opts.Interval))
}

func (p *Poller) addMember(m Member) {
	if old, ok := p.members[m.Addr]; ok {
		if m.ID != 0 {
			old.status.Member = m
		}
		return
	}
	p.members[m.Addr] = &member{
		status: MemberStatus{Member: m},
		src:    p.opts.NewSource(m.Addr),
		series: make(map[string]*ring),
		prev:   make(map[string]Sample),
	}
}

// Run polls until ctx ends, every Interval (or what SetInterval last set:
// the wait before each poll reads it afresh).
func (p *Poller) Run(ctx context.Context) error {
	for {
		start := time.Now()
		p.PollOnce(ctx)
		wait := time.NewTimer(max(0, p.Interval()-time.Since(start)))
		select {
		case <-ctx.Done():
			wait.Stop()
			return ctx.Err()
		case <-wait.C:
		}
	}
}

// PollOnce refreshes the membership when due and polls every member once,
// all at the same time, each within one Interval.
func (p *Poller) PollOnce(ctx context.Context) {
	if p.opts.Config != nil && p.polls%p.opts.ConfigEvery == 0 {
		p.refreshMembers(ctx)
	}
	p.polls++
	p.mu.Lock()
	ms := make([]*member, 0, len(p.members))
	for _, m := range p.members {
		ms = append(ms, m)
	}
	p.mu.Unlock()
	var wg sync.WaitGroup
	for _, m := range ms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pctx, cancel := context.WithTimeout(ctx, p.Interval())
			defer cancel()
			p.poll(pctx, m)
		}()
	}
	wg.Wait()
}

// refreshMembers reads the dynamic config: members it lists are added, and
// members it no longer lists are dropped unless the connect string names
// them.
func (p *Poller) refreshMembers(ctx context.Context) {
	cctx, cancel := context.WithTimeout(ctx, p.Interval())
	defer cancel()
	data, err := p.opts.Config(cctx)
	if err != nil {
		return // keep what we know; the config is re-read later
	}
	listed := ParseConfig(data)
	if len(listed) == 0 {
		return // standalone, or no dynamic config
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	keep := make(map[string]bool)
	for _, m := range listed {
		p.addMember(m)
		keep[m.Addr] = true
	}
	for _, s := range p.seeds {
		keep[s] = true
	}
	for addr := range p.members {
		if !keep[addr] {
			delete(p.members, addr)
		}
	}
}

// Members returns the state of every member, by address.
func (p *Poller) Members() []MemberStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]MemberStatus, 0, len(p.members))
	for _, m := range p.members {
		out = append(out, m.status)
	}
	slices.SortFunc(out, func(a, b MemberStatus) int {
		if a.ID != b.ID {
			return a.ID - b.ID
		}
		if a.Addr < b.Addr {
			return -1
		}
		return 1
	})
	return out
}

// Series returns a member's samples of a metric since from, oldest first.
func (p *Poller) Series(addr, metric string, from time.Time) []Sample {
	p.mu.Lock()
	defer p.mu.Unlock()
	m, ok := p.members[addr]
	if !ok {
		return nil
	}
	r, ok := m.series[metric]
	if !ok {
		return nil
	}
	return r.since(from)
}

// Latest returns a member's newest sample of a metric.
func (p *Poller) Latest(addr, metric string) (Sample, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if m, ok := p.members[addr]; ok {
		if r, ok := m.series[metric]; ok {
			return r.last()
		}
	}
	return Sample{}, false
}

// Metrics lists the metrics recorded for a member, sorted.
func (p *Poller) Metrics(addr string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	m, ok := p.members[addr]
	if !ok {
		return nil
	}
	out := make([]string, 0, len(m.series))
	for k := range m.series {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
