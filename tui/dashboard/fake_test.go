package dashboard

import (
	"context"
	"errors"
	"math"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk/admin"
)

// fixedNow pins the clock of golden views.
var fixedNow = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// fakePoller is a Poller with canned members and histories.
type fakePoller struct {
	mu       sync.Mutex
	members  []stats.MemberStatus
	series   map[string]map[string][]stats.Sample
	interval time.Duration
}

func (p *fakePoller) Members() []stats.MemberStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]stats.MemberStatus(nil), p.members...)
}

func (p *fakePoller) Series(addr, metric string, _ time.Time) []stats.Sample {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]stats.Sample(nil), p.series[addr][metric]...)
}

func (p *fakePoller) Latest(addr, metric string) (stats.Sample, bool) {
	s := p.Series(addr, metric, time.Time{})
	if len(s) == 0 {
		return stats.Sample{}, false
	}
	return s[len(s)-1], true
}

func (p *fakePoller) Interval() time.Duration { return p.interval }

func (p *fakePoller) SetInterval(d time.Duration) time.Duration {
	p.interval = min(max(d, stats.MinInterval), stats.MaxInterval)
	return p.interval
}

// set records a metric's history for a member: one sample per poll
// interval, the last one at fixedNow.
func (p *fakePoller) set(addr, metric string, values ...float64) {
	if p.series == nil {
		p.series = map[string]map[string][]stats.Sample{}
	}
	if p.series[addr] == nil {
		p.series[addr] = map[string][]stats.Sample{}
	}
	var ss []stats.Sample
	for i, v := range values {
		ss = append(ss, stats.Sample{At: fixedNow.Add(time.Duration(i+1-len(values)) * p.interval), Value: v})
	}
	p.series[addr][metric] = ss
}

// fakeProbe answers with canned results and counts the expensive calls.
type fakeProbe struct {
	stats   *admin.ServerStats
	conns   []admin.Connection
	dump    *admin.Dump
	sum     *admin.WatchSummary
	bySess  admin.SessionWatches
	byPath  admin.PathWatches
	err     error // returned by everything but Stats when set
	mu      sync.Mutex
	wchCall int
}

func (f *fakeProbe) Stats(context.Context) (*admin.ServerStats, admin.Source, error) {
	if f.stats == nil {
		return nil, 0, errors.New("connection refused")
	}
	return f.stats, admin.FourLetterWords, nil
}

func (f *fakeProbe) Connections(context.Context) ([]admin.Connection, admin.Source, error) {
	return f.conns, admin.AdminServer, f.err
}

func (f *fakeProbe) Dump(context.Context) (*admin.Dump, admin.Source, error) {
	return f.dump, admin.AdminServer, f.err
}

func (f *fakeProbe) WatchSummary(context.Context) (*admin.WatchSummary, admin.Source, error) {
	return f.sum, admin.AdminServer, f.err
}

func (f *fakeProbe) Watches(context.Context) (admin.SessionWatches, admin.Source, error) {
	f.mu.Lock()
	f.wchCall++
	f.mu.Unlock()
	return f.bySess, admin.AdminServer, f.err
}

func (f *fakeProbe) WatchesByPath(context.Context) (admin.PathWatches, admin.Source, error) {
	f.mu.Lock()
	f.wchCall++
	f.mu.Unlock()
	return f.byPath, admin.AdminServer, f.err
}

// sampleEnsemble is three members: a leader, a follower, and one down.
func sampleEnsemble() (*fakePoller, map[string]*fakeProbe) {
	p := &fakePoller{interval: 2 * time.Second}
	p.members = []stats.MemberStatus{
		{Member: stats.Member{Addr: "10.0.0.1:2181", ID: 1, Role: "participant"}, Mode: admin.ModeFollower, Version: "3.8.0-abc, built on 2022", Source: admin.AdminServer, Polls: 60},
		{Member: stats.Member{Addr: "10.0.0.2:2181", ID: 2, Role: "participant"}, Mode: admin.ModeLeader, Version: "3.8.0-abc, built on 2022", Source: admin.AdminServer, Polls: 60},
		{Member: stats.Member{Addr: "10.0.0.3:2181", ID: 3, Role: "participant"}, Failures: 3, Err: errors.New("dial tcp 10.0.0.3:2181: connect: connection refused")},
	}
	for i, addr := range []string{"10.0.0.1:2181", "10.0.0.2:2181"} {
		f := float64(i + 1)
		// 50 minutes of a slow wave with one spike, after a gap (the
		// poller started late).
		lat := make([]float64, 1500)
		for j := range lat {
			lat[j] = f * (3 + 2*math.Sin(float64(j)/90))
		}
		lat[1200] = 9 * f
		p.set(addr, stats.MetricAvgLatency, lat...)
		p.set(addr, stats.MetricMinLatency, 0)
		p.set(addr, stats.MetricMaxLatency, 40*f)
		p.set(addr, stats.MetricOutstanding, 0, 1, 0)
		p.set(addr, stats.MetricReceivedRate, 10*f, 12*f, 11.5*f)
		p.set(addr, stats.MetricSentRate, 10*f, 12*f, 11*f)
		p.set(addr, stats.MetricConnections, 3*f)
		p.set(addr, stats.MetricZnodes, 1500+f)
		p.set(addr, stats.MetricWatches, 20*f)
		p.set(addr, stats.MetricEphemerals, 4)
		p.set(addr, stats.MetricDataSize, 123456)
		p.set(addr, stats.MetricOpenFDs, 60)
	}
	probes := map[string]*fakeProbe{
		"10.0.0.1:2181": {stats: &admin.ServerStats{Zxid: admin.Zxid(2<<32 | 0x1f0)},
			conns: []admin.Connection{{Addr: "10.1.0.7:50123", SessionID: 0x1000a, Received: 40, Sent: 41, AvgLatency: 1, MaxLatency: 3, LastOperation: "GETD"}},
			sum:   &admin.WatchSummary{Connections: 1, Paths: 12, Total: 20}},
		"10.0.0.2:2181": {stats: &admin.ServerStats{Zxid: admin.Zxid(2<<32 | 0x1f4)},
			conns:  []admin.Connection{{Addr: "10.1.0.9:40400", SessionID: 0x2000b, Received: 9, Sent: 9, LastOperation: "PING"}},
			dump:   &admin.Dump{SessionCount: 2, Sessions: []int64{0x1000a, 0x2000b}, Ephemerals: map[int64][]string{0x1000a: {"/locks/l-0001", "/workers/w1"}}},
			sum:    &admin.WatchSummary{Connections: 1, Paths: 2, Total: 40},
			bySess: admin.SessionWatches{0x2000b: {"/a", "/b"}}},
		"10.0.0.3:2181": {err: errors.New("connection refused")},
	}
	return p, probes
}

// newTestModel builds a dashboard on the sample ensemble, sized and shown.
func newTestModel(w, h int) (Model, map[string]*fakeProbe) {
	p, probes := sampleEnsemble()
	com := common.New(nil)
	com.Now = func() time.Time { return fixedNow }
	com.Location = time.UTC
	m := New(context.Background(), com, Options{Poller: p, NewProbe: func(addr string) Probe { return probes[addr] }})
	m.SetSize(w, h)
	m.after = noTick
	m = drive(m, m.SetVisible(true))
	return m, probes
}

// drive runs cmd and feeds the messages it produces back, skipping ticks
// (they only wait) and following batches.
func drive(m Model, cmd tea.Cmd) Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

// press sends keys, running what they start.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(keyPress(k))
		m = drive(m, cmd)
	}
	return m
}

// noTick replaces tea.Tick: tests tick by hand (tickNow).
func noTick(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// keyPress builds the press of a key by name ("j", "tab", "esc", "+").
func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// tickNow does what a tick does, without waiting for it.
func tickNow(m Model) Model {
	m.refresh()
	return drive(m, m.fetchForView())
}
