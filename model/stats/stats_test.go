package stats

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/admin"
)

func TestRingKeepsTheWindow(t *testing.T) {
	r := newRing(3)
	if _, ok := r.last(); ok {
		t.Fatal("empty ring has a last sample")
	}
	t0 := time.Unix(1000, 0)
	for i := 0; i < 5; i++ {
		r.add(t0.Add(time.Duration(i)*time.Second), float64(i))
	}
	got := r.since(time.Time{})
	if len(got) != 3 || got[0].Value != 2 || got[2].Value != 4 {
		t.Fatalf("samples %v, want values 2,3,4", got)
	}
	if got := r.since(t0.Add(4 * time.Second)); len(got) != 1 || got[0].Value != 4 {
		t.Fatalf("since: %v", got)
	}
	if s, _ := r.last(); s.Value != 4 || !s.At.Equal(t0.Add(4*time.Second)) {
		t.Fatalf("last %v", s)
	}
}

func TestParseConnectString(t *testing.T) {
	got := ParseConnectString("a:1, b ,[::1]:3,[fe80::1]/chroot/x")
	want := []string{"a:1", "b:2181", "[::1]:3", "[fe80::1]:2181"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestParseConfig(t *testing.T) {
	cfg := []byte("server.1=10.0.0.1:2888:3888:participant;0.0.0.0:2181\n" +
		"server.2=10.0.0.2:2888:3888:observer;10.0.0.2:2182\n" +
		"server.3=[fd00::3]:2888:3888;2183\n" +
		"server.4=10.0.0.4:2888:3888\n" + // no client address
		"version=100000000\n")
	got := ParseConfig(cfg)
	want := []Member{
		{Addr: "10.0.0.1:2181", ID: 1, Role: "participant"},
		{Addr: "10.0.0.2:2182", ID: 2, Role: "observer"},
		{Addr: "[fd00::3]:2183", ID: 3, Role: "participant"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

// fakeSource answers with a packet counter that grows by 100 per poll; it
// can refuse mntr (as a server with the default whitelist and no
// AdminServer does) and reset its counters.
type fakeSource struct {
	mu      sync.Mutex
	packets int64
	noMntr  bool
	down    bool
}

func (f *fakeSource) Monitor(ctx context.Context) (*admin.Monitor, admin.Source, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return nil, 0, errors.New("down")
	}
	if f.noMntr {
		return nil, 0, admin.ErrNotWhitelisted
	}
	f.packets += 100
	return &admin.Monitor{State: admin.ModeLeader, Version: "3.8.0", PacketsReceived: f.packets,
		PacketsSent: f.packets / 2, ZnodeCount: 7, Followers: 2}, admin.FourLetterWords, nil
}

func (f *fakeSource) Stats(ctx context.Context) (*admin.ServerStats, admin.Source, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return nil, 0, errors.New("down")
	}
	f.packets += 100
	return &admin.ServerStats{Mode: admin.ModeFollower, Received: f.packets, NodeCount: 9}, admin.FourLetterWords, nil
}

func TestPollerRatesFallbackAndMembers(t *testing.T) {
	srcs := map[string]*fakeSource{}
	var mu sync.Mutex
	config := "server.1=127.0.0.1:1:2;127.0.0.1:2181\nserver.2=127.0.0.2:1:2;127.0.0.2:2181\n"
	p := New("127.0.0.1:2181", Options{
		Interval: 10 * time.Millisecond,
		Window:   50 * time.Millisecond, // five samples
		NewSource: func(addr string) Source {
			mu.Lock()
			defer mu.Unlock()
			srcs[addr] = &fakeSource{noMntr: addr == "127.0.0.2:2181"}
			return srcs[addr]
		},
		Config: func(context.Context) ([]byte, error) {
			mu.Lock()
			defer mu.Unlock()
			return []byte(config), nil
		},
		ConfigEvery: 3,
	})
	ctx := context.Background()
	for i := 0; i < 8; i++ {
		p.PollOnce(ctx)
		time.Sleep(time.Millisecond) // distinct sample times
	}
	ms := p.Members()
	if len(ms) != 2 || ms[0].ID != 1 || ms[1].ID != 2 || ms[0].Mode != admin.ModeLeader || ms[1].Mode != admin.ModeFollower {
		t.Fatalf("members %+v", ms)
	}
	if ms[0].Polls != 8 || ms[1].Polls != 8 {
		t.Fatalf("polls %d and %d, want 8", ms[0].Polls, ms[1].Polls)
	}
	leader := p.Series("127.0.0.1:2181", MetricPacketsReceived, time.Time{})
	if len(leader) != 5 || leader[4].Value != 800 {
		t.Fatalf("window of 5 samples ending at 800: %v", leader)
	}
	rate := p.Series("127.0.0.1:2181", MetricReceivedRate, time.Time{})
	if len(rate) == 0 {
		t.Fatal("no rate")
	}
	if len(rate) != len(leader) {
		t.Fatalf("%d rates for %d samples", len(rate), len(leader))
	}
	for i := 1; i < len(rate); i++ {
		s := rate[i]
		if !s.At.Equal(leader[i].At) {
			t.Fatalf("rate at %v, sample at %v", s.At, leader[i].At)
		}
		want := 100 / leader[i].At.Sub(leader[i-1].At).Seconds()
		// The poller measures intervals on the monotonic clock, the
		// samples keep wall time: allow for the difference.
		if diff := (s.Value - want) / want; diff > 1e-2 || diff < -1e-2 {
			t.Fatalf("rate %v, want %v", s.Value, want)
		}
	}
	if _, ok := p.Latest("127.0.0.2:2181", MetricWatches); ok {
		t.Fatal("watches recorded from srvr, which does not report them")
	}
	if s, ok := p.Latest("127.0.0.2:2181", MetricZnodes); !ok || s.Value != 9 {
		t.Fatalf("srvr fallback znodes %v %v", s, ok)
	}
	if !slices.Contains(p.Metrics("127.0.0.1:2181"), MetricSyncedFollowers) {
		t.Fatalf("leader metrics %v lack synced followers", p.Metrics("127.0.0.1:2181"))
	}
	if !slices.Contains(p.Metrics("127.0.0.1:2181"), MetricFollowers) {
		t.Fatalf("leader metrics %v lack followers", p.Metrics("127.0.0.1:2181"))
	}

	// A counter reset gives no negative rate; a member that stops
	// answering keeps its history and reports the error.
	mu.Lock()
	srcs["127.0.0.1:2181"].packets = 0
	srcs["127.0.0.2:2181"].down = true
	mu.Unlock()
	p.PollOnce(ctx)
	for _, s := range p.Series("127.0.0.1:2181", MetricReceivedRate, time.Time{}) {
		if s.Value < 0 {
			t.Fatalf("negative rate %v after a reset", s.Value)
		}
	}
	ms = p.Members()
	if ms[1].Err == nil || ms[1].Failures != 1 || len(p.Series("127.0.0.2:2181", MetricZnodes, time.Time{})) == 0 {
		t.Fatalf("failing member %+v", ms[1])
	}

	// Member 2 leaves the config: it is dropped (not in the connect string).
	mu.Lock()
	config = "server.1=127.0.0.1:1:2;127.0.0.1:2181\n"
	mu.Unlock()
	for i := 0; i < 3; i++ {
		p.PollOnce(ctx)
	}
	if ms := p.Members(); len(ms) != 1 {
		t.Fatalf("members after a reconfig: %+v", ms)
	}
}

func TestRunStopsWithContext(t *testing.T) {
	p := New("a:1", Options{Interval: time.Millisecond, NewSource: func(string) Source { return &fakeSource{} }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- p.Run(ctx) }()
	for p.Members()[0].Polls < 3 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v", err)
	}
}

func TestSetIntervalClamps(t *testing.T) {
	p := New("127.0.0.1:1", Options{Interval: 2 * time.Second})
	if got := p.Interval(); got != 2*time.Second {
		t.Fatalf("initial interval %v", got)
	}
	if got := p.SetInterval(time.Millisecond); got != MinInterval || p.Interval() != MinInterval {
		t.Fatalf("clamp low: %v %v", got, p.Interval())
	}
	if got := p.SetInterval(time.Hour); got != MaxInterval {
		t.Fatalf("clamp high: %v", got)
	}
	if got := p.SetInterval(5 * time.Second); got != 5*time.Second {
		t.Fatalf("set: %v", got)
	}
}
