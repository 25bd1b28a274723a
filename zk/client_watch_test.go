package zk

import (
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

// Watches of every kind survive a dropped connection: SetWatches(2) puts
// them back, and a change made while disconnected fires the one-shot ones.
func TestClientWatchesSurviveReconnect(t *testing.T) {
	srv := sharedServer(t)
	p := zktest.StartProxy(t, srv.Addr)
	ctx := ctxT(t)
	direct := dialShared(t)
	root := testRoot(t, direct)
	c := newClient(t, p.Addr())
	st := c.States()
	rec, err := c.AddWatch(ctx, root, AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	_, _, data, err := c.GetDataW(ctx, root)
	if err != nil {
		t.Fatal(err)
	}
	nextState(t, st, StateConnected, time.Second)
	sid := c.SessionID()
	p.DropNew()
	p.ResetAll()
	nextState(t, st, StateDisconnected, 5*time.Second)
	if _, err := direct.SetData(ctx, root, []byte("while away"), -1); err != nil {
		t.Fatal(err)
	}
	p.Pass()
	nextState(t, st, StateConnected, 10*time.Second)
	if c.SessionID() != sid {
		t.Errorf("session changed: 0x%x -> 0x%x", sid, c.SessionID())
	}
	var got []Event
	for ev := range data {
		got = append(got, ev)
	}
	if n := len(got); n < 2 || got[0].State != StateDisconnected || got[n-1].Type != EventNodeDataChanged {
		t.Errorf("one-shot data watch heard %+v; want disconnected, ..., nodeDataChanged", got)
	}
	for _, wt := range []WatcherType{WatcherAny} {
		if err := c.CheckWatches(ctx, root, wt); err != nil {
			t.Errorf("persistent watch not back on the server: %v", err)
		}
	}
	if _, err := direct.Create(ctx, root+"/after", nil, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	for {
		select {
		case ev := <-rec:
			if ev.Type == EventNodeCreated && ev.Path == root+"/after" {
				return
			}
		case <-time.After(10 * time.Second):
			t.Fatal("recursive watch silent after the reconnect")
		}
	}
}
