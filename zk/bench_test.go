package zk

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"
)

// Side-by-side benchmarks of this client and go-zookeeper/zk on the same
// server in one run:
//
//	go test -run '^$' -bench . -benchmem ./zk/
//
// Each pair reads the same 100-byte node. docs/BENCHMARKS.md records the
// figures and the machine.

const benchNode = "/bench-100b"

func benchSetup(b *testing.B) (*Conn, *gozk.Conn) {
	b.Helper()
	srv := sharedServer(b)
	c := dialAddr(b, srv.Addr)
	ctx := context.Background()
	if _, err := c.Create(ctx, benchNode, make([]byte, 100), ModePersistent, WorldACL(PermAll)); err != nil && !errorsIs(err, ErrNodeExists) {
		b.Fatal(err)
	}
	g, events, err := gozk.Connect([]string{srv.Addr}, 10*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(g.Close)
	for ev := range events {
		if ev.State == gozk.StateHasSession {
			break
		}
	}
	return c, g
}

// reportLatency adds p50 and p99 of per-op durations as metrics.
func reportLatency(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(d[len(d)*99/100].Microseconds()), "p99-µs")
}

func BenchmarkGet(b *testing.B) {
	c, g := benchSetup(b)
	ctx := context.Background()
	b.Run("client=zkui", func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		b.ReportAllocs()
		for b.Loop() {
			t0 := time.Now()
			if _, _, err := c.GetData(ctx, benchNode); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
		reportLatency(b, lat)
	})
	b.Run("client=go-zookeeper", func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		b.ReportAllocs()
		for b.Loop() {
			t0 := time.Now()
			if _, _, err := g.Get(benchNode); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
		reportLatency(b, lat)
	})
}

// benchInFlight keeps n Gets in flight on one connection.
func benchInFlight(b *testing.B, n int, get func() error) {
	b.ReportAllocs()
	var wg sync.WaitGroup
	next := make(chan struct{}, n)
	b.ResetTimer()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				if err := get(); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	for range b.N {
		next <- struct{}{}
	}
	close(next)
	wg.Wait()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

func BenchmarkGetInFlight(b *testing.B) {
	c, g := benchSetup(b)
	ctx := context.Background()
	for _, n := range []int{1, 8, 64, 256} {
		b.Run("n="+strconv.Itoa(n)+"/client=zkui", func(b *testing.B) {
			benchInFlight(b, n, func() error { _, _, err := c.GetData(ctx, benchNode); return err })
		})
		b.Run("n="+strconv.Itoa(n)+"/client=go-zookeeper", func(b *testing.B) {
			benchInFlight(b, n, func() error { _, _, err := g.Get(benchNode); return err })
		})
	}
}
