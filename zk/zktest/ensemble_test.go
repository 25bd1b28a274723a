package zktest

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestEnsembleFailover(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper ensemble")
	}
	t.Parallel()
	e := NewEnsemble(t, 3)
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()

	if got, want := e.ConnectString(), strings.Join([]string{e.Servers[0].Addr, e.Servers[1].Addr, e.Servers[2].Addr}, ","); got != want {
		t.Errorf("ConnectString = %q, want %q", got, want)
	}
	leader, err := e.Leader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	followers := 0
	for _, s := range e.Servers {
		if Mode(fourLetter(t, s.Addr, "srvr")) == "follower" {
			followers++
		}
	}
	if followers != 2 {
		t.Fatalf("%d followers beside leader %d, want 2", followers, leader.ID)
	}

	if err := leader.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := e.WaitQuorum(ctx); err != nil {
		t.Fatal(err)
	}
	next, err := e.Leader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if next == leader {
		t.Fatalf("killed leader %d still reported as leader", leader.ID)
	}

	// The old leader rejoins as a follower of the new one.
	if err := leader.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if err := e.WaitQuorum(ctx); err != nil {
		t.Fatal(err)
	}
	if got := Mode(fourLetter(t, leader.Addr, "srvr")); got != "follower" {
		t.Errorf("restarted member %d mode = %q, want follower", leader.ID, got)
	}
	if now, err := e.Leader(ctx); err != nil || now != next {
		t.Errorf("leader after rejoin = %v, %v; want member %d to keep leading", now, err, next.ID)
	}
}
