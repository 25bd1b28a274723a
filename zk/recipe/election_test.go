package recipe

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
)

// waitLeader reads e's stream until it says leader.
func waitLeader(t *testing.T, e *Election, what string) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case v, ok := <-e.Leadership():
			if !ok {
				t.Fatalf("%s: Leadership closed before leading", what)
			}
			if v {
				return
			}
		case <-deadline:
			t.Fatalf("%s: not leader after 20s", what)
		}
	}
}

// leaders counts the candidates that currently believe they lead.
func leaders(es ...*Election) (n int) {
	for _, e := range es {
		if e != nil && e.IsLeader() {
			n++
		}
	}
	return n
}

// Three candidates in three sessions: one leads; closing its session hands
// leadership to the next; resigning hands it to the last.
func TestElectionSurvivesLeaderSessionClose(t *testing.T) {
	cs := []*zk.Client{sharedClient(t), sharedClient(t), sharedClient(t)}
	dir := testRoot(t, cs[0]) + "/election"
	ctx := ctxT(t)
	if _, err := Leader(ctx, cs[0], dir); !errors.Is(err, ErrNoLeader) {
		t.Fatalf("Leader of an empty election: %v, want ErrNoLeader", err)
	}
	es := make([]*Election, 3)
	es[0] = Campaign(cs[0], dir, []byte("c0"), nil)
	waitLeader(t, es[0], "first candidate")
	for i := 1; i < 3; i++ {
		es[i] = Campaign(cs[i], dir, []byte(fmt.Sprint("c", i)), nil)
		if v := within(t, es[i].Leadership(), 20*time.Second, "follower status"); v {
			t.Fatalf("candidate %d leads while candidate 0 does", i)
		}
	}
	if data, err := Leader(ctx, cs[2], dir); err != nil || string(data) != "c0" {
		t.Fatalf("Leader = %q, %v; want c0", data, err)
	}

	cs[0].Reset() // the leader's session ends
	waitLeader(t, es[1], "next candidate after the leader's session closed")
	closed := make(chan struct{})
	go func() {
		for v := range es[0].Leadership() {
			if v {
				t.Error("the closed leader reported leading")
			}
		}
		close(closed)
	}()
	within(t, closed, 10*time.Second, "old leader's stream closing")
	if es[0].IsLeader() || es[2].IsLeader() {
		t.Fatalf("leaders after handover: %d, want only candidate 1", leaders(es...))
	}
	if data, err := es[2].Leader(ctx); err != nil || string(data) != "c1" {
		t.Fatalf("Leader = %q, %v; want c1", data, err)
	}

	if err := es[1].Resign(ctx); err != nil {
		t.Fatal(err)
	}
	waitLeader(t, es[2], "last candidate after the leader resigned")
	if es[1].IsLeader() {
		t.Fatal("a resigned candidate still leads")
	}
	for range es[1].Leadership() { // closes after Resign
	}
	if err := es[2].Resign(ctx); err != nil {
		t.Fatal(err)
	}
	if kids, _, err := cs[1].GetChildren(ctx, dir); err != nil || len(kids) != 0 {
		t.Fatalf("election directory after everyone left: %v %v", kids, err)
	}
}

// A leader whose session expires steps down and runs again in its new
// session, behind the candidate that took over.
func TestElectionRejoinsAfterExpiry(t *testing.T) {
	srv := sharedServer(t)
	p := startProxy(t, srv.Addr)
	a := newClient(t, p.Addr())
	b := sharedClient(t)
	dir := testRoot(t, b) + "/election"
	ctx := ctxT(t)
	ea := Campaign(a, dir, []byte("a"), nil)
	waitLeader(t, ea, "a")
	eb := Campaign(b, dir, []byte("b"), nil)
	p.Blackhole()
	waitLeader(t, eb, "b after a expired")
	p.Pass()
	p.ResetAll()
	// a comes back as a follower with a new node.
	deadline := time.Now().Add(30 * time.Second)
	for {
		kids, _, err := b.GetChildren(ctx, dir)
		if err == nil && len(kids) == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a did not rejoin: %v %v", kids, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if ea.IsLeader() || !eb.IsLeader() {
		t.Fatalf("after rejoin: a leads %v, b leads %v", ea.IsLeader(), eb.IsLeader())
	}
	ea.Resign(ctx)
	eb.Resign(ctx)
}
