package model

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	gozk "github.com/go-zookeeper/zk"
	"github.com/zkui/zkui/zk/zktest"
)

// BenchmarkFullSync loads a 100,000-node tree three ways on the same
// server, side by side: a Tree's full sync (multiRead batches), a
// go-zookeeper walk with 64 requests in flight on one connection, and a
// sequential go-zookeeper walk. Each reports nodes/s.
func BenchmarkFullSync(b *testing.B) {
	srv := zktest.Standalone(b)
	seedTree(b, dialConn(b, srv.Addr), 10, 100, 100)
	g := goZK(b, srv.Addr)
	total := len(walkCount(b, g, 64)) // every node, /zookeeper included
	b.Logf("tree of %d nodes", total)

	b.Run("model", func(b *testing.B) {
		for b.Loop() {
			conn := dialConn(b, srv.Addr)
			tr := New(conn, Options{})
			if err := tr.Start(context.Background()); err != nil {
				b.Fatal(err)
			}
			if err := tr.FullSync(context.Background(), nil); err != nil {
				b.Fatal(err)
			}
			if n := tr.Status().Loaded; n != total {
				b.Fatalf("loaded %d of %d", n, total)
			}
			tr.Close()
			conn.Close()
		}
		b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "nodes/s")
	})
	b.Run("gozk-64-in-flight", func(b *testing.B) {
		for b.Loop() {
			if n := len(walkCount(b, g, 64)); n != total {
				b.Fatalf("walked %d of %d", n, total)
			}
		}
		b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "nodes/s")
	})
	b.Run("gozk-sequential", func(b *testing.B) {
		for b.Loop() {
			if n := len(walkCount(b, g, 1)); n != total {
				b.Fatalf("walked %d of %d", n, total)
			}
		}
		b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "nodes/s")
	})
}

// walkCount walks the whole tree with getChildren2 (children and stat in
// one request per node), at most inFlight requests at once, and returns
// the paths.
func walkCount(tb testing.TB, g *gozk.Conn, inFlight int) []string {
	var mu sync.Mutex
	var paths []string
	var failed atomic.Bool
	sem := make(chan struct{}, inFlight)
	var wg sync.WaitGroup
	var walk func(p string)
	walk = func(p string) {
		defer wg.Done()
		sem <- struct{}{}
		kids, _, err := g.Children(p)
		<-sem
		if err != nil {
			failed.Store(true)
			return
		}
		mu.Lock()
		paths = append(paths, p)
		mu.Unlock()
		if inFlight == 1 {
			// Sequential: one request at a time, depth first.
			for _, k := range kids {
				wg.Add(1)
				walk(joinPath(p, k))
			}
			return
		}
		for _, k := range kids {
			wg.Add(1)
			go walk(joinPath(p, k))
		}
	}
	wg.Add(1)
	walk("/")
	wg.Wait()
	if failed.Load() {
		tb.Fatal("walk failed")
	}
	return paths
}
