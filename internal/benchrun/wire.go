package main

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// getNode is the 100-byte node both clients read, as in zk/bench_test.go.
const getNode = "/bench-100b"

// pairedLatency runs n Gets one at a time on each client, in blocks of
// 100 that alternate between the two, so both meet the same moments of a
// noisy machine; it returns each client's p50 and p99 in µs.
func pairedLatency(cs [2]*client, n int) (p50, p99 [2]float64, err error) {
	const block = 100
	var d [2][]time.Duration
	for i := 0; i < n; i += block {
		for k, c := range cs {
			for range min(block, n-i) {
				t0 := time.Now()
				if err := c.get(getNode); err != nil {
					return p50, p99, fmt.Errorf("%s: %w", c.name, err)
				}
				d[k] = append(d[k], time.Since(t0))
			}
		}
	}
	us := func(x time.Duration) float64 { return float64(x.Nanoseconds()) / 1e3 }
	for k := range d {
		slices.Sort(d[k])
		p50[k], p99[k] = us(d[k][len(d[k])/2]), us(d[k][len(d[k])*99/100])
	}
	return p50, p99, nil
}

// allocsPerGet counts the heap allocations of n sequential Gets, as
// testing's -benchmem does: the process-wide malloc count before and
// after. Both clients' idle goroutines allocate next to nothing, so what
// is counted is the Gets.
func allocsPerGet(c *client, n int) (float64, error) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		if err := c.get(getNode); err != nil {
			return 0, err
		}
	}
	runtime.ReadMemStats(&after)
	return float64(after.Mallocs-before.Mallocs) / float64(n), nil
}

// inFlight keeps n requests in flight for d (n goroutines on the
// client's connections, each issuing op back to back) and returns the
// requests completed per second. op gets the goroutine's index and its
// count so far, for ops that need distinct paths.
func inFlight(n int, d time.Duration, op func(worker, i int) error) (float64, error) {
	var done atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	t0 := time.Now()
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				if err := op(w, i); err != nil {
					once.Do(func() { firstErr = err })
					stop.Store(true)
					return
				}
				done.Add(1)
			}
		}()
	}
	time.Sleep(d)
	stop.Store(true)
	wg.Wait()
	// The requests still in flight at the stop finish late and are
	// counted, so divide by the time until the last one came back.
	return float64(done.Load()) / time.Since(t0).Seconds(), firstErr
}

// ceiling measures Gets/s with conns connections of zkui's client, 64
// Gets in flight on each, to find what the server itself can serve.
func ceiling(addr string, conns int, d time.Duration) (float64, error) {
	cs := make([]*client, 0, conns)
	defer func() {
		for _, c := range cs {
			c.close()
		}
	}()
	for range conns {
		c, err := zkuiClient(addr)
		if err != nil {
			return 0, err
		}
		cs = append(cs, c)
	}
	return inFlight(64*conns, d, func(w, _ int) error { return cs[w%conns].get(getNode) })
}

// wireResults are the samples of the wire section, per client.
type wireResults struct {
	p50, p99, allocs [2]Sample
	gets             map[int]*[2]Sample // in flight -> per client Gets/s
	creates, sets    [2]Sample
	ceil             map[int]*Sample // connections -> Gets/s
	getLatN, allocN  int
}

// inFlightLevels are the in-flight counts of the throughput rows.
var inFlightLevels = []int{1, 8, 64, 256}

// ceilingConns are the connection counts tried for the server's ceiling.
var ceilingConns = []int{2, 4, 8}

// measureWire runs every wire measurement runs times, the two clients
// alternating which goes first so neither always meets a warmer server.
func measureWire(addr string, runs int, d time.Duration, logf func(string, ...any)) (*wireResults, error) {
	zc, err := zkuiClient(addr)
	if err != nil {
		return nil, err
	}
	defer zc.close()
	gc, err := gozkClient(addr)
	if err != nil {
		return nil, err
	}
	defer gc.close()
	clients := [2]*client{zc, gc}
	if err := ensure(zc, getNode, make([]byte, 100)); err != nil {
		return nil, err
	}
	const setNode = "/bench-set"
	if err := ensure(zc, setNode, nil); err != nil {
		return nil, err
	}
	res := &wireResults{gets: map[int]*[2]Sample{}, ceil: map[int]*Sample{}, getLatN: 2000, allocN: 2000}
	for _, n := range inFlightLevels {
		res.gets[n] = &[2]Sample{}
	}
	for _, n := range ceilingConns {
		res.ceil[n] = &Sample{}
	}
	payload := make([]byte, 100)
	for run := range runs {
		logf("wire: run %d of %d", run+1, runs)
		order := []int{0, 1}
		if run%2 == 1 {
			order = []int{1, 0}
		}
		// Warm up first: the first requests of a run pay for code paths
		// and the server's JIT that the measured ones should not.
		if _, _, err := pairedLatency(clients, 200); err != nil {
			return nil, err
		}
		p50, p99, err := pairedLatency(clients, res.getLatN)
		if err != nil {
			return nil, err
		}
		for k := range clients {
			res.p50[k].Vals = append(res.p50[k].Vals, p50[k])
			res.p99[k].Vals = append(res.p99[k].Vals, p99[k])
		}
		for _, k := range order {
			c := clients[k]
			if err := ensure(c, fmt.Sprintf("/bench-create-%d-%d", k, run), nil); err != nil {
				return nil, err
			}
			a, err := allocsPerGet(c, res.allocN)
			if err != nil {
				return nil, err
			}
			res.allocs[k].Vals = append(res.allocs[k].Vals, a)
			for _, n := range inFlightLevels {
				r, err := inFlight(n, d, func(int, int) error { return c.get(getNode) })
				if err != nil {
					return nil, fmt.Errorf("%s, %d in flight: %w", c.name, n, err)
				}
				res.gets[n][k].Vals = append(res.gets[n][k].Vals, r)
			}
			parent := fmt.Sprintf("/bench-create-%d-%d", k, run)
			r, err := inFlight(64, d, func(w, i int) error {
				return c.create(fmt.Sprintf("%s/w%d-%d", parent, w, i), payload)
			})
			if err != nil {
				return nil, fmt.Errorf("%s creates: %w", c.name, err)
			}
			res.creates[k].Vals = append(res.creates[k].Vals, r)
			r, err = inFlight(64, d, func(int, int) error { return c.set(setNode, payload) })
			if err != nil {
				return nil, fmt.Errorf("%s sets: %w", c.name, err)
			}
			res.sets[k].Vals = append(res.sets[k].Vals, r)
		}
		for _, n := range ceilingConns {
			r, err := ceiling(addr, n, d)
			if err != nil {
				return nil, fmt.Errorf("ceiling, %d connections: %w", n, err)
			}
			res.ceil[n].Vals = append(res.ceil[n].Vals, r)
		}
	}
	for k := range res.p50 {
		res.p50[k].Unit, res.p99[k].Unit, res.allocs[k].Unit = "µs", "µs", "allocs"
		res.creates[k].Unit, res.sets[k].Unit = "ops/s", "ops/s"
		for _, n := range inFlightLevels {
			res.gets[n][k].Unit = "Gets/s"
		}
	}
	for _, n := range ceilingConns {
		res.ceil[n].Unit = "Gets/s"
	}
	return res, nil
}
