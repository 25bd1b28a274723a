package zk

import (
	"fmt"
	"testing"
	"time"
)

func nextEvent(t testing.TB, ch <-chan Event) Event {
	t.Helper()
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatal("watch channel closed")
			}
			if ev.Type == EventSession {
				continue
			}
			return ev
		case <-time.After(10 * time.Second):
			t.Fatal("no event within 10s")
		}
	}
}

func TestOneShotWatches(t *testing.T) {
	c := dialShared(t)
	other := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	p := root + "/w"

	ok, _, existCh, err := c.ExistsW(ctx, p)
	if err != nil || ok {
		t.Fatalf("existsW: %v %v", ok, err)
	}
	kidsCh := func() <-chan Event {
		_, _, ch, err := c.GetChildrenW(ctx, root)
		if err != nil {
			t.Fatal(err)
		}
		return ch
	}()
	if _, err := other.Create(ctx, p, []byte("a"), ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if ev := nextEvent(t, existCh); ev.Type != EventNodeCreated || ev.Path != p {
		t.Fatalf("exist watch: %+v", ev)
	}
	if _, ok := <-existCh; ok {
		t.Fatal("one-shot channel not closed after its event")
	}
	if ev := nextEvent(t, kidsCh); ev.Type != EventNodeChildrenChanged || ev.Path != root {
		t.Fatalf("child watch: %+v", ev)
	}

	_, _, dataCh, err := c.GetDataW(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckWatches(ctx, p, WatcherData); err != nil {
		t.Fatalf("checkWatches: %v", err)
	}
	if _, err := other.SetData(ctx, p, []byte("b"), -1); err != nil {
		t.Fatal(err)
	}
	if ev := nextEvent(t, dataCh); ev.Type != EventNodeDataChanged || ev.Path != p {
		t.Fatalf("data watch: %+v", ev)
	}
	mustIs(t, c.CheckWatches(ctx, p, WatcherData), ErrNoWatcher)

	_, _, dataCh, _ = c.GetDataW(ctx, p)
	if err := c.RemoveWatches(ctx, p, WatcherData); err != nil {
		t.Fatal(err)
	}
	if ev := <-dataCh; ev.Type != EventDataWatchRemoved {
		t.Fatalf("after removeWatches: %+v", ev)
	}
	mustIs(t, c.RemoveWatches(ctx, p, WatcherData), ErrNoWatcher)
}

func TestRecursiveWatchReportsEverythingBelow(t *testing.T) {
	c := dialShared(t)
	other := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	events, err := c.AddWatch(ctx, "/", AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	deep := root + "/a"
	other.Create(ctx, deep, nil, ModePersistent, WorldACL(PermAll))
	other.Create(ctx, deep+"/b", nil, ModePersistent, WorldACL(PermAll))
	other.SetData(ctx, deep+"/b", []byte("x"), -1)
	other.Delete(ctx, deep+"/b", -1)
	want := []Event{
		{Type: EventNodeCreated, Path: deep},
		{Type: EventNodeCreated, Path: deep + "/b"},
		{Type: EventNodeDataChanged, Path: deep + "/b"},
		{Type: EventNodeDeleted, Path: deep + "/b"},
	}
	for i, w := range want {
		ev := nextEvent(t, events)
		if ev.Type != w.Type || ev.Path != w.Path {
			t.Fatalf("event %d: got %v %s, want %v %s", i, ev.Type, ev.Path, w.Type, w.Path)
		}
	}
	// The persistent watch is still there after firing. (Servers before
	// 3.9 know only the Children, Data and Any types for checkWatches and
	// removeWatches.)
	if err := c.CheckWatches(ctx, "/", WatcherAny); err != nil {
		t.Fatalf("watch gone after firing: %v", err)
	}
	if err := c.RemoveWatches(ctx, "/", WatcherAny); err != nil {
		t.Fatal(err)
	}
	for ev := range events {
		if ev.Type == EventPersistentWatchRemoved {
			continue
		}
		if ev.Type != EventSession {
			t.Fatalf("event after removal: %+v", ev)
		}
	}
}

func TestPersistentWatchHearsChildren(t *testing.T) {
	c := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	events, err := c.AddWatch(ctx, root, AddWatchPersistent)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		c.Create(ctx, fmt.Sprintf("%s/k%d", root, i), nil, ModePersistent, WorldACL(PermAll))
		if ev := nextEvent(t, events); ev.Type != EventNodeChildrenChanged || ev.Path != root {
			t.Fatalf("event %d: %+v", i, ev)
		}
	}
	c.SetData(ctx, root, []byte("d"), -1)
	if ev := nextEvent(t, events); ev.Type != EventNodeDataChanged {
		t.Fatalf("data change: %+v", ev)
	}
}

// TestEventBurstWithSlowConsumer sends 100,000 events at a watcher that
// reads slowly: the reader must not stall (other calls on the same Conn keep
// working) and no event may be lost or reordered.
func TestEventBurstWithSlowConsumer(t *testing.T) {
	c := dialShared(t)
	writer := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	events, err := c.AddWatch(ctx, root, AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	const total, batch = 100_000, 1000
	writerDone := make(chan struct{})
	defer func() { <-writerDone }()
	go func() {
		defer close(writerDone)
		for b := 0; b < total/batch; b++ {
			ops := make([]Op, batch)
			for i := range ops {
				ops[i] = CreateOp(fmt.Sprintf("%s/n%06d", root, b*batch+i), nil, ModePersistent, WorldACL(PermAll))
			}
			if _, err := writer.Multi(ctx, ops...); err != nil {
				t.Errorf("multi: %v", err)
				return
			}
		}
	}()
	// While nobody reads the watch channel, the same Conn still answers.
	time.Sleep(200 * time.Millisecond)
	for range 20 {
		if _, _, err := c.Exists(ctx, root); err != nil {
			t.Fatalf("call while the consumer lags: %v", err)
		}
	}
	for i := range total {
		ev := nextEvent(t, events)
		want := fmt.Sprintf("%s/n%06d", root, i)
		if ev.Type != EventNodeCreated || ev.Path != want {
			t.Fatalf("event %d: %v %s, want created %s", i, ev.Type, ev.Path, want)
		}
		if i%10_000 == 0 {
			time.Sleep(50 * time.Millisecond) // a slow consumer
		}
	}
}
