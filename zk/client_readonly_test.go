package zk

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

// waitState reads the state stream until want arrives.
func waitState(t *testing.T, states <-chan Event, want State, within time.Duration) {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case ev, ok := <-states:
			if !ok {
				t.Fatalf("state stream closed while waiting for %v", want)
			}
			t.Logf("state: %v", ev.State)
			if ev.State == want {
				return
			}
		case <-deadline:
			t.Fatalf("no %v within %v", want, within)
		}
	}
}

// TestClientReadOnlyWhenQuorumIsLost: with two of three members gone, the
// survivor serves reads in read-only mode; the Client says so, refuses
// writes without sending them, and returns to read-write mode once the
// quorum is back.
func TestClientReadOnlyWhenQuorumIsLost(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	// Read-only servers create only local sessions.
	e := zktest.NewEnsemble(t, 3,
		zktest.WithSystemProperty("readonlymode.enabled", "true"),
		zktest.WithConfig("localSessionsEnabled", "true"),
		zktest.WithConfig("localSessionsUpgradingEnabled", "true"))
	c := &Client{Ensemble: e.ConnectString(), SessionTimeout: 6 * time.Second, AllowReadOnly: true, HostOrder: HostsInOrder}
	defer c.Reset()
	states := c.States()
	ctx := ctxT(t)
	if _, err := c.Create(ctx, "/ro", []byte("before"), ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	e.Servers[1].Kill()
	e.Servers[2].Kill()
	waitState(t, states, StateConnectedReadOnly, 60*time.Second)
	if c.Server() != e.Servers[0].Addr {
		t.Fatalf("read-only on %s, want the survivor %s", c.Server(), e.Servers[0].Addr)
	}
	data, _, err := c.GetData(ctx, "/ro")
	if err != nil || string(data) != "before" {
		t.Fatalf("read in read-only mode: %q %v", data, err)
	}
	_, err = c.SetData(ctx, "/ro", []byte("during"), -1)
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write in read-only mode: %v", err)
	}
	for _, s := range e.Servers[1:] {
		if err := s.Restart(ctx); err != nil {
			t.Fatal(err)
		}
	}
	waitState(t, states, StateConnected, 90*time.Second)
	wctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.SetData(wctx, "/ro", []byte("after"), -1); err != nil {
		t.Fatalf("write after the quorum came back: %v", err)
	}
}
