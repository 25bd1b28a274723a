package model

import (
	"context"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
)

// fakeStats is the fake server's tree in the shape mirrorStats returns.
func fakeStats(f *fakeServer, under func(string) bool) map[string]zk.Stat {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]zk.Stat)
	for p, n := range f.nodes {
		if under == nil || under(p) {
			out[p] = n.stat
		}
	}
	return out
}

// seedFake builds a random tree of about n nodes.
func seedFake(f *fakeServer, n int) []string {
	paths := []string{"/"}
	for len(paths) < n {
		parent := paths[rand.IntN(len(paths))]
		p := joinPath(parent, "n"+strconv.Itoa(rand.IntN(1000)))
		if f.create(p, []byte(p)) {
			paths = append(paths, p)
		}
	}
	return paths
}

// churn performs random creates, deletes and sets on the fake.
func churn(f *fakeServer, ops int) {
	for i := 0; i < ops; i++ {
		paths := f.paths()
		p := paths[rand.IntN(len(paths))]
		switch rand.IntN(3) {
		case 0:
			f.create(joinPath(p, "c"+strconv.Itoa(rand.IntN(100))), nil)
		case 1:
			f.delete(p)
		default:
			f.set(p, []byte(strconv.Itoa(i)))
		}
	}
}

func startTree(tb testing.TB, s Session, opts Options) *Tree {
	tb.Helper()
	tr := New(s, opts)
	if err := tr.Start(context.Background()); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(tr.Close)
	return tr
}

// TestConvergesUnderChurnFake: replies delayed at random and reordered
// with events; after the churn the mirror equals the tree.
func TestConvergesUnderChurnFake(t *testing.T) {
	f := newFakeServer()
	seedFake(f, 2000)
	f.jitter = 2 * time.Millisecond
	tr := startTree(t, f, Options{BatchOps: 16, InFlight: 8})
	done := make(chan error, 1)
	go func() { done <- tr.FullSync(context.Background(), nil) }()
	churn(f, 3000)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	waitIdle(t, tr)
	if err := diffTrees(fakeStats(f, nil), mirrorStats(tr)); err != nil {
		t.Fatal(err)
	}
	// And it stays true afterwards, new subtrees included.
	churn(f, 500)
	waitIdle(t, tr)
	if err := diffTrees(fakeStats(f, nil), mirrorStats(tr)); err != nil {
		t.Fatal(err)
	}
}

// TestLazyLoadsOneLevelAhead: only the root's children and their children
// are mirrored; events deeper down cost no reads.
func TestLazyLoadsOneLevelAhead(t *testing.T) {
	f := newFakeServer()
	for _, p := range []string{"/a", "/a/b", "/a/b/c", "/a/b/c/d", "/z"} {
		f.create(p, nil)
	}
	tr := startTree(t, f, Options{})
	waitIdle(t, tr)
	if _, ok := tr.Node("/a/b"); !ok {
		t.Fatal("/a/b (one level ahead) not mirrored")
	}
	if _, ok := tr.Node("/a/b/c"); ok {
		t.Fatal("/a/b/c mirrored without being asked for")
	}
	f.mu.Lock()
	before := f.reads
	f.mu.Unlock()
	for i := 0; i < 100; i++ {
		f.set("/a/b/c/d", []byte{byte(i)})
	}
	waitIdle(t, tr)
	f.mu.Lock()
	after := f.reads
	f.mu.Unlock()
	if after != before {
		t.Fatalf("%d reads for events below unlisted nodes", after-before)
	}
	if !tr.Expand("/a") || !tr.Expand("/a/b") {
		t.Fatal("expand failed")
	}
	waitIdle(t, tr)
	if kids, known := tr.Children("/a/b/c"); !known || len(kids) != 1 || kids[0] != "d" {
		t.Fatalf("one level ahead of /a/b: %v %v", kids, known)
	}
	rows := tr.Rows(0, 10)
	var got []string
	for _, r := range rows {
		got = append(got, r.Path)
	}
	want := []string{"/", "/a", "/a/b", "/a/b/c", "/z"}
	if len(got) != len(want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] || tr.RowOf(want[i]) != i {
			t.Fatalf("rows %v, want %v", got, want)
		}
	}
	if err := tr.Load(context.Background(), "/a/b/c/d"); err != nil {
		t.Fatal(err)
	}
	if n, ok := tr.Node("/a/b/c/d"); !ok || !n.StatKnown || n.Stat.Version != 100 {
		t.Fatalf("after Load: %+v %v", n, ok)
	}
	tr.Collapse("/a")
	if row, err := tr.Reveal(context.Background(), "/a/b/c/d"); err != nil || row != 4 {
		t.Fatalf("reveal: row %d, %v", row, err)
	}
	if p, ok := tr.PathAt(4); !ok || p != "/a/b/c/d" {
		t.Fatalf("row 4 is %q", p)
	}
	if _, err := tr.Reveal(context.Background(), "/a/b/c/nope"); err == nil {
		t.Fatal("revealed a missing node")
	}
	if err := tr.Load(context.Background(), "/a/nope/x"); err == nil {
		t.Fatal("Load of a missing path succeeded")
	}
}

// TestSubtreeRoot mirrors a subtree that is deleted and created again.
func TestSubtreeRoot(t *testing.T) {
	f := newFakeServer()
	f.create("/app", nil)
	f.create("/app/x", nil)
	f.create("/other", nil)
	tr := startTree(t, f, Options{Root: "/app"})
	waitIdle(t, tr)
	under := func(p string) bool { return p == "/app" || len(p) > 5 && p[:5] == "/app/" }
	if err := diffTrees(fakeStats(f, under), mirrorStats(tr)); err != nil {
		t.Fatal(err)
	}
	f.delete("/app/x")
	f.delete("/app")
	waitIdle(t, tr)
	if got := mirrorStats(tr); len(got) != 0 {
		t.Fatalf("mirror of a deleted root: %v", got)
	}
	f.create("/app", nil)
	f.create("/app/y", nil)
	waitIdle(t, tr)
	if err := diffTrees(fakeStats(f, under), mirrorStats(tr)); err != nil {
		t.Fatal(err)
	}
}

// TestReconcileAfterDisconnect: changes made while the session was
// disconnected (no events) are found by the reconcile pass.
func TestReconcileAfterDisconnect(t *testing.T) {
	f := newFakeServer()
	seedFake(f, 300)
	tr := startTree(t, f, Options{})
	if err := tr.FullSync(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	f.watch <- zk.Event{Type: zk.EventSession, State: zk.StateDisconnected}
	w := f.watch
	f.watch = nil // changes now go unreported
	churn(f, 300)
	f.watch = w
	f.watch <- zk.Event{Type: zk.EventSession, State: zk.StateConnected}
	waitIdle(t, tr)
	if err := diffTrees(fakeStats(f, nil), mirrorStats(tr)); err != nil {
		t.Fatal(err)
	}
}

// TestReconcileDuringLoad: the session drops while a full sync has replies
// in flight and the tree keeps changing, unreported, then reported again.
func TestReconcileDuringLoad(t *testing.T) {
	for round := 0; round < 3; round++ {
		f := newFakeServer()
		seedFake(f, 1500)
		f.jitter = time.Millisecond
		tr := startTree(t, f, Options{BatchOps: 16, InFlight: 4})
		done := make(chan error, 1)
		go func() { done <- tr.FullSync(context.Background(), nil) }()
		churn(f, 200)
		f.mu.Lock()
		f.watch <- zk.Event{Type: zk.EventSession, State: zk.StateDisconnected}
		w := f.watch
		f.watch = nil
		f.mu.Unlock()
		churn(f, 300) // lost while disconnected
		f.mu.Lock()
		f.watch = w
		f.watch <- zk.Event{Type: zk.EventSession, State: zk.StateConnected}
		f.mu.Unlock()
		churn(f, 300)
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		waitIdle(t, tr)
		if err := diffTrees(fakeStats(f, nil), mirrorStats(tr)); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if st := tr.Status(); st.Reconciles != 1 || st.Stale {
			t.Fatalf("status %+v", st)
		}
	}
}
