package model

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"
	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

// dialConn opens one of our own sessions to addr.
func dialConn(tb testing.TB, addr string) *zk.Conn {
	tb.Helper()
	c, err := zk.DialContext(context.Background(), "tcp", addr, zk.WithSessionTimeout(20*time.Second))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

// goZK connects go-zookeeper/zk, the independent client that changes the
// tree and checks the mirror.
func goZK(tb testing.TB, addr string) *gozk.Conn {
	tb.Helper()
	g, events, err := gozk.Connect([]string{addr}, 20*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(g.Close)
	for ev := range events {
		if ev.State == gozk.StateHasSession {
			break
		}
	}
	return g
}

// seedTree creates /t with dirs*subs directories of leaves nodes each
// (plus the directories), level by level, 64 creates in flight.
func seedTree(tb testing.TB, c *zk.Conn, dirs, subs, leaves int) []string {
	tb.Helper()
	levels := [][]string{{"/t"}}
	var l1, l2, l3 []string
	for d := 0; d < dirs; d++ {
		dp := fmt.Sprintf("/t/d%d", d)
		l1 = append(l1, dp)
		for s := 0; s < subs; s++ {
			sp := fmt.Sprintf("%s/s%d", dp, s)
			l2 = append(l2, sp)
			for n := 0; n < leaves; n++ {
				l3 = append(l3, fmt.Sprintf("%s/n%010d", sp, n))
			}
		}
	}
	levels = append(levels, l1, l2, l3)
	var all []string
	for _, level := range levels {
		createAll(tb, c, level)
		all = append(all, level...)
	}
	return all
}

func createAll(tb testing.TB, c *zk.Conn, paths []string) {
	tb.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	sem := make(chan struct{}, 64)
	for _, p := range paths {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if _, err := c.Create(context.Background(), p, []byte(p), zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
				select {
				case errs <- err:
				default:
				}
			}
		}()
	}
	wg.Wait()
	select {
	case err := <-errs:
		tb.Fatal(err)
	default:
	}
}

// churnServer makes ops random creates, deletes and sets through g, from
// 4 goroutines; failures (node has children, gone already) are part of
// the game.
func churnServer(g *gozk.Conn, known []string, ops int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < ops/4; i++ {
				mu.Lock()
				p := known[rand.IntN(len(known))]
				mu.Unlock()
				switch rand.IntN(3) {
				case 0:
					np := fmt.Sprintf("%s/c%d-%d", p, w, i)
					if _, err := g.Create(np, []byte(np), 0, gozk.WorldACL(gozk.PermAll)); err == nil {
						mu.Lock()
						known = append(known, np)
						mu.Unlock()
					}
				case 1:
					g.Delete(p, -1)
				default:
					g.Set(p, []byte(fmt.Sprint(i)), -1)
				}
			}
		}()
	}
	wg.Wait()
}

// walkServer reads the whole tree with g: every path's stat and data.
func walkServer(tb testing.TB, g *gozk.Conn) (map[string]zk.Stat, map[string][]byte) {
	tb.Helper()
	stats := make(map[string]zk.Stat)
	datas := make(map[string][]byte)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 32)
	var walk func(p string)
	walk = func(p string) {
		defer wg.Done()
		sem <- struct{}{}
		data, st, err := g.Get(p)
		var kids []string
		if err == nil {
			kids, _, err = g.Children(p)
		}
		<-sem
		if err == gozk.ErrNoNode {
			return
		}
		if err != nil {
			tb.Errorf("walk %s: %v", p, err)
			return
		}
		mu.Lock()
		stats[p] = zk.Stat{Czxid: st.Czxid, Mzxid: st.Mzxid, Ctime: st.Ctime, Mtime: st.Mtime,
			Version: st.Version, Cversion: st.Cversion, Aversion: st.Aversion,
			EphemeralOwner: st.EphemeralOwner, DataLength: st.DataLength,
			NumChildren: st.NumChildren, Pzxid: st.Pzxid}
		datas[p] = data
		mu.Unlock()
		for _, k := range kids {
			wg.Add(1)
			go walk(joinPath(p, k))
		}
	}
	wg.Add(1)
	walk("/")
	wg.Wait()
	return stats, datas
}

// checkMirror compares the mirror with a fresh walk by the independent
// client: names, stat versions, and the data of every node whose data the
// mirror holds.
func checkMirror(t *testing.T, tr *Tree, g *gozk.Conn) {
	t.Helper()
	waitIdle(t, tr)
	want, datas := walkServer(t, g)
	got := mirrorStats(tr)
	if err := diffTrees(want, got); err != nil {
		t.Fatal(err)
	}
	cached := 0
	for p, st := range got {
		if data, ok := tr.cache.get(p, st); ok {
			cached++
			if !bytes.Equal(data, datas[p]) {
				t.Fatalf("data of %s: mirror %q, server %q", p, data, datas[p])
			}
		}
	}
	t.Logf("mirror equals the server: %d nodes, %d with cached data checked", len(got), cached)
}

// cacheSome reads the data of every 10th path through the tree, so the
// cache holds it and must keep it fresh.
func cacheSome(t *testing.T, tr *Tree, paths []string) {
	for i := 0; i < len(paths); i += 10 {
		if _, _, err := tr.Data(context.Background(), paths[i]); err != nil {
			t.Fatal(err)
		}
	}
}

// runConvergence: the mirror loads a 20,000-node tree while another client
// makes 5,000 random changes; fault, if set, runs in the middle.
func runConvergence(t *testing.T, srv *zktest.Server, sess Session, fault func()) *Tree {
	paths := seedTree(t, dialConn(t, srv.Addr), 20, 10, 100)
	g := goZK(t, srv.Addr)
	tr := startTree(t, sess, Options{})
	cacheSome(t, tr, paths)
	syncErr := make(chan error, 1)
	go func() { syncErr <- tr.FullSync(context.Background(), nil) }()
	churned := make(chan struct{})
	go func() {
		defer close(churned)
		churnServer(g, paths, 5000)
	}()
	if fault != nil {
		fault()
	}
	<-churned
	loadedAfterChurn := tr.Status().Loaded
	if err := <-syncErr; err != nil {
		t.Fatal(err)
	}
	checkMirror(t, tr, g)
	st := tr.Status()
	t.Logf("status %+v; %d nodes loaded when the churn ended", st, loadedAfterChurn)
	return tr
}

func TestConvergesWhileLoading(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	srv := zktest.Standalone(t)
	runConvergence(t, srv, dialConn(t, srv.Addr), nil)
}

// newClient is a reconnecting session through addr.
func newClient(t *testing.T, addr string, timeout time.Duration) *zk.Client {
	c := &zk.Client{Ensemble: addr, SessionTimeout: timeout}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.Connect(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Reset() })
	return c
}

func TestConvergesBlackholed(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	srv := zktest.Standalone(t)
	proxy := zktest.StartProxy(t, srv.Addr)
	client := newClient(t, proxy.Addr(), 8*time.Second)
	tr := runConvergence(t, srv, client, func() {
		time.Sleep(300 * time.Millisecond)
		proxy.Blackhole()
		time.Sleep(4 * time.Second)
		proxy.Pass()
	})
	if tr.Status().Reconciles == 0 {
		t.Fatal("no reconcile pass: the blackhole went unnoticed and the test proved nothing")
	}
}

func TestConvergesAcrossExpiry(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	srv := zktest.Standalone(t, zktest.WithTickTime(100), zktest.WithMaxSessionTimeout(2000))
	proxy := zktest.StartProxy(t, srv.Addr)
	client := newClient(t, proxy.Addr(), time.Second)
	sid := client.SessionID()
	tr := runConvergence(t, srv, client, func() {
		time.Sleep(300 * time.Millisecond)
		proxy.Blackhole()
		proxy.ResetAll()
		time.Sleep(4 * time.Second) // well past the session timeout
		proxy.Pass()
	})
	if client.SessionID() == sid {
		t.Fatal("the session did not expire: the test proved nothing")
	}
	if tr.Status().Reconciles == 0 {
		t.Fatal("no reconcile pass after the expiry")
	}
}

// TestConvergesWithOneShotWatches runs the fallback for servers older than
// 3.6 (one-shot watches on loaded nodes, single pipelined reads) against
// the same churn.
func TestConvergesWithOneShotWatches(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	srv := zktest.Standalone(t)
	paths := seedTree(t, dialConn(t, srv.Addr), 10, 10, 50)
	g := goZK(t, srv.Addr)
	tr := startTree(t, dialConn(t, srv.Addr), Options{OneShotWatches: true})
	syncErr := make(chan error, 1)
	go func() { syncErr <- tr.FullSync(context.Background(), nil) }()
	churnServer(g, paths, 2000)
	if err := <-syncErr; err != nil {
		t.Fatal(err)
	}
	checkMirror(t, tr, g)
	// Watches were re-armed: later changes are seen too.
	churnServer(g, paths, 500)
	checkMirror(t, tr, g)
}

// TestBigDataSplitsBatches: a batch whose reply would pass the frame limit
// (nodes of almost 1 MiB) is retried in smaller batches until every node
// is read.
func TestBigDataSplitsBatches(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	srv := zktest.Standalone(t)
	c := dialConn(t, srv.Addr)
	big := make([]byte, 900<<10)
	for _, p := range []string{"/big", "/big/a", "/big/b", "/big/c", "/big/d"} {
		data := big
		if p == "/big" {
			data = nil
		}
		if _, err := c.Create(context.Background(), p, data, zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
			t.Fatal(err)
		}
	}
	client := newClient(t, srv.Addr, 10*time.Second)
	tr := startTree(t, client, Options{Root: "/big"})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := tr.FullSync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if tr.Status().Failures == 0 {
		t.Fatal("no batch failed: the test did not reach the frame limit")
	}
	for _, p := range []string{"/big/a", "/big/b", "/big/c", "/big/d"} {
		if n, ok := tr.Node(p); !ok || !n.StatKnown || n.Stat.DataLength != int32(len(big)) {
			t.Fatalf("%s: %+v %v", p, n, ok)
		}
	}
}
