package main

import (
	"context"
	"fmt"
	"path"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/model"
)

// treeShape is the seeded tree: /t, dirs directories of subs
// subdirectories of leaves nodes each (10 x 100 x 100 = 100,000 leaves,
// the shape model's BenchmarkFullSync uses).
type treeShape struct{ dirs, subs, leaves int }

// seed creates the tree level by level (a parent before its children),
// 64 creates in flight, each node holding its own path as data.
func seed(c *client, s treeShape) error {
	levels := [][]string{{"/t"}, nil, nil, nil}
	for d := range s.dirs {
		dp := fmt.Sprintf("/t/d%d", d)
		levels[1] = append(levels[1], dp)
		for j := range s.subs {
			sp := fmt.Sprintf("%s/s%d", dp, j)
			levels[2] = append(levels[2], sp)
			for n := range s.leaves {
				levels[3] = append(levels[3], fmt.Sprintf("%s/n%010d", sp, n))
			}
		}
	}
	for _, level := range levels {
		if err := each(64, level, func(p string) error { return ensure(c, p, []byte(p)) }); err != nil {
			return err
		}
	}
	return nil
}

// each runs fn on every item, at most limit at once, and returns the
// first error.
func each(limit int, items []string, fn func(string) error) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for range limit {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(items); i = int(next.Add(1)) - 1 {
				if err := fn(items[i]); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// walk visits the whole tree with go-zookeeper's Children (one request per
// node), at most limit requests at once, and returns how many nodes it saw.
// With limit 1 it is a plain depth-first walk, what a simple tool does.
func walk(g *gozk.Conn, limit int) (int, error) {
	var seen atomic.Int64
	var failed atomic.Pointer[error]
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var visit func(p string)
	visit = func(p string) {
		defer wg.Done()
		sem <- struct{}{}
		kids, _, err := g.Children(p)
		<-sem
		if err != nil {
			failed.Store(&err)
			return
		}
		seen.Add(1)
		for _, k := range kids {
			wg.Add(1)
			if limit == 1 {
				visit(path.Join(p, k))
			} else {
				go visit(path.Join(p, k))
			}
		}
	}
	wg.Add(1)
	visit("/")
	wg.Wait()
	if err := failed.Load(); err != nil {
		return 0, *err
	}
	return int(seen.Load()), nil
}

// fullSync loads the whole tree into a fresh model.Tree on its own
// connection and returns the nodes it holds, the seconds it took (dial
// included, as a user pays it) and the heap the mirror kept per node,
// cached data excluded.
func fullSync(addr string) (nodes int, secs, perNode float64, err error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	conn, err := dialZkui(addr)
	if err != nil {
		return 0, 0, 0, err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	tr := model.New(conn, model.Options{})
	defer tr.Close()
	if err := tr.Start(ctx); err != nil {
		return 0, 0, 0, err
	}
	if err := tr.FullSync(ctx, nil); err != nil {
		return 0, 0, 0, err
	}
	st := tr.Status()
	secs = time.Since(t0).Seconds()
	runtime.GC()
	runtime.ReadMemStats(&after)
	perNode = (float64(after.HeapAlloc) - float64(before.HeapAlloc) - float64(st.DataBytes)) / float64(st.Nodes)
	runtime.KeepAlive(tr)
	return st.Loaded, secs, perNode, nil
}

// treeResults are the samples of the tree section.
type treeResults struct {
	total                  int
	model, walk64, walkSeq Sample // nodes/s
	mem                    Sample // B/node at about 100,000 nodes
}

// measureTree seeds the tree, then loads it runs times each way.
func measureTree(addr string, s treeShape, runs int, logf func(string, ...any)) (*treeResults, error) {
	zc, err := zkuiClient(addr)
	if err != nil {
		return nil, err
	}
	defer zc.close()
	t0 := time.Now()
	if err := seed(zc, s); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	g, err := dialGozk(addr)
	if err != nil {
		return nil, err
	}
	defer g.Close()
	total, err := walk(g, 64)
	if err != nil {
		return nil, err
	}
	logf("tree: seeded, %d nodes in all (%.1fs)", total, time.Since(t0).Seconds())
	res := &treeResults{total: total}
	for run := range runs {
		logf("tree: run %d of %d", run+1, runs)
		n, secs, per, err := fullSync(addr)
		if err != nil {
			return nil, fmt.Errorf("full sync: %w", err)
		}
		if n != total {
			return nil, fmt.Errorf("full sync loaded %d of %d nodes", n, total)
		}
		res.model.Vals = append(res.model.Vals, float64(n)/secs)
		res.mem.Vals = append(res.mem.Vals, per)
		for _, w := range []struct {
			limit int
			into  *Sample
		}{{64, &res.walk64}, {1, &res.walkSeq}} {
			t := time.Now()
			n, err := walk(g, w.limit)
			if err != nil {
				return nil, fmt.Errorf("walk, %d in flight: %w", w.limit, err)
			}
			if n != total {
				return nil, fmt.Errorf("walk saw %d of %d nodes", n, total)
			}
			w.into.Vals = append(w.into.Vals, float64(n)/time.Since(t).Seconds())
		}
	}
	res.model.Unit, res.walk64.Unit, res.walkSeq.Unit, res.mem.Unit = "nodes/s", "nodes/s", "nodes/s", "B/node"
	return res, nil
}
