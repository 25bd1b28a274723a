package model

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestFullSyncProgress(t *testing.T) {
	f := newFakeServer()
	seedFake(f, 3000)
	tr := startTree(t, f, Options{BatchOps: 32, InFlight: 2})
	var last Progress
	calls := 0
	if err := tr.FullSync(context.Background(), func(p Progress) {
		if p.Loaded < last.Loaded {
			t.Errorf("progress went back: %+v after %+v", p, last)
		}
		last = p
		calls++
	}); err != nil {
		t.Fatal(err)
	}
	if !last.Done || last.Loaded != 3000 || last.Expected != 3000 || calls == 0 {
		t.Fatalf("last progress %+v after %d calls", last, calls)
	}
	if n, complete := tr.SubtreeCount("/"); n != 3000 || !complete {
		t.Fatalf("subtree count %d %v", n, complete)
	}
	if st := tr.Status(); !st.Full || st.Stale || st.Nodes != 3000 {
		t.Fatalf("status %+v", st)
	}
}

// TestFullSyncCancel: a cancelled full sync stops wanting what is not
// shown, and the mirror keeps working.
func TestFullSyncCancel(t *testing.T) {
	f := newFakeServer()
	for i := 0; i < 50; i++ {
		for j := 0; j < 50; j++ {
			f.create(fmt.Sprintf("/d%d", i), nil)
			f.create(fmt.Sprintf("/d%d/n%d", i, j), nil)
			f.create(fmt.Sprintf("/d%d/n%d/leaf", i, j), nil)
		}
	}
	f.jitter = 5 * time.Millisecond
	tr := startTree(t, f, Options{BatchOps: 8, InFlight: 1})
	waitIdle(t, tr)
	before := tr.Status().Nodes
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		// Cancel once the sync has made some progress.
		for tr.Status().Nodes < before+50 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	err := tr.FullSync(ctx, nil)
	if err != context.Canceled {
		t.Fatalf("FullSync returned %v", err)
	}
	waitIdle(t, tr)
	st := tr.Status()
	if st.Full || st.Nodes >= 5051 {
		t.Fatalf("status after cancel %+v", st)
	}
	f.create("/d0/n0/leaf/new", nil)
	f.create("/fresh", nil)
	waitIdle(t, tr)
	if _, ok := tr.Node("/fresh"); !ok {
		t.Fatal("mirror stopped following changes after a cancelled sync")
	}
}

// TestCloseEndsWaits: Close ends a full sync and a Load that are waiting.
func TestCloseEndsWaits(t *testing.T) {
	f := newFakeServer()
	seedFake(f, 500)
	f.jitter = 20 * time.Millisecond
	tr := New(f, Options{BatchOps: 2, InFlight: 1})
	if err := tr.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	go func() { errs <- tr.FullSync(context.Background(), nil) }()
	go func() { errs <- tr.WaitIdle(context.Background()) }()
	time.Sleep(50 * time.Millisecond)
	tr.Close()
	for i := 0; i < 2; i++ {
		if err := <-errs; err == nil {
			t.Fatal("a wait ended without error on Close")
		}
	}
}
