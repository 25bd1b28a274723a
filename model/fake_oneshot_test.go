package model

import (
	"context"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
)

// oldFake is a fakeServer that behaves like a server older than 3.6: no
// addWatch, no multiRead, one-shot watches only.
type oldFake struct {
	*fakeServer
	dataW  map[string][]chan zk.Event
	childW map[string][]chan zk.Event
}

func newOldFake() *oldFake {
	o := &oldFake{fakeServer: newFakeServer(), dataW: map[string][]chan zk.Event{}, childW: map[string][]chan zk.Event{}}
	o.fakeServer.onChange = o.fire
	return o
}

var errOld = &zk.Error{Op: "op", Code: zk.CodeUnimplemented}

func (o *oldFake) AddWatch(context.Context, string, zk.AddWatchMode) (<-chan zk.Event, error) {
	return nil, errOld
}

func (o *oldFake) MultiRead(context.Context, ...zk.ReadOp) ([]zk.ReadResult, error) {
	return nil, errOld
}

// fire runs under the fake's lock, like a server firing watches as part
// of the change.
func (o *oldFake) fire(t zk.EventType, path string) {
	send := func(m map[string][]chan zk.Event, p string, ev zk.Event) {
		for _, ch := range m[p] {
			ch <- ev
			close(ch)
		}
		delete(m, p)
	}
	parent := parentOf(path)
	switch t {
	case zk.EventNodeCreated:
		send(o.dataW, path, zk.Event{Type: t, Path: path})
		send(o.childW, parent, zk.Event{Type: zk.EventNodeChildrenChanged, Path: parent})
	case zk.EventNodeDeleted:
		send(o.dataW, path, zk.Event{Type: t, Path: path})
		send(o.childW, path, zk.Event{Type: t, Path: path})
		send(o.childW, parent, zk.Event{Type: zk.EventNodeChildrenChanged, Path: parent})
	case zk.EventNodeDataChanged:
		send(o.dataW, path, zk.Event{Type: t, Path: path})
	}
}

func (o *oldFake) GetChildrenW(ctx context.Context, path string) ([]string, zk.Stat, <-chan zk.Event, error) {
	o.pause()
	o.mu.Lock()
	r := o.readLocked(path, true)
	var ch chan zk.Event
	if r.Err == nil {
		ch = make(chan zk.Event, 1)
		o.childW[path] = append(o.childW[path], ch)
	}
	o.mu.Unlock()
	return r.Children, r.Stat, ch, r.Err
}

func (o *oldFake) GetDataW(ctx context.Context, path string) ([]byte, zk.Stat, <-chan zk.Event, error) {
	o.pause()
	o.mu.Lock()
	r := o.readLocked(path, false)
	var ch chan zk.Event
	if r.Err == nil {
		ch = make(chan zk.Event, 1)
		o.dataW[path] = append(o.dataW[path], ch)
	}
	o.mu.Unlock()
	return r.Data, r.Stat, ch, r.Err
}

// TestOldServerFallback: a session whose server has no addWatch and no
// multiRead is detected, and the one-shot mirror converges under churn.
func TestOldServerFallback(t *testing.T) {
	o := newOldFake()
	seedFake(o.fakeServer, 800)
	o.jitter = time.Millisecond
	tr := startTree(t, o, Options{})
	if !tr.oneShot || !tr.multiOff.Load() {
		t.Fatal("old server not detected")
	}
	done := make(chan error, 1)
	go func() { done <- tr.FullSync(context.Background(), nil) }()
	churn(o.fakeServer, 1500)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	waitIdle(t, tr)
	if err := diffTrees(fakeStats(o.fakeServer, nil), mirrorStats(tr)); err != nil {
		t.Fatal(err)
	}
}
