package zk

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// newClient returns a Client on ensemble, reset when the test ends.
func newClient(t testing.TB, ensemble string, mod ...func(*Client)) *Client {
	t.Helper()
	c := &Client{Ensemble: ensemble, HostOrder: HostsInOrder}
	for _, m := range mod {
		m(c)
	}
	t.Cleanup(func() { c.Reset() })
	return c
}

// nextState reads the state stream until want arrives, failing after d.
func nextState(t testing.TB, ch <-chan Event, want State, d time.Duration) {
	t.Helper()
	timer := time.NewTimer(d)
	defer timer.Stop()
	var seen []State
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatalf("state stream closed waiting for %s (saw %v)", want, seen)
			}
			seen = append(seen, ev.State)
			if ev.State == want {
				return
			}
		case <-timer.C:
			t.Fatalf("no %s state within %v (saw %v)", want, d, seen)
		}
	}
}

func TestClientBasicOps(t *testing.T) {
	srv := sharedServer(t)
	ctx := ctxT(t)
	c := newClient(t, srv.Addr)
	states := c.States()
	if _, _, err := c.GetData(ctx, "/"); err != nil {
		t.Fatalf("lazy connect + getData: %v", err)
	}
	nextState(t, states, StateConnected, 10*time.Second)
	if c.SessionID() == 0 || c.Server() != srv.Addr || c.State() != StateConnected {
		t.Errorf("session 0x%x server %q state %s", c.SessionID(), c.Server(), c.State())
	}
	root := fmt.Sprintf("/client-basic-%d", time.Now().UnixNano())
	if _, err := c.Create(ctx, root, []byte("x"), ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ctx, root, nil, ModePersistent, WorldACL(PermAll)); !errors.Is(err, ErrNodeExists) {
		t.Errorf("second create: %v, want ErrNodeExists (not retried)", err)
	}
	seq, err := c.Create(ctx, root+"/s-", nil, ModeEphemeralSequential, WorldACL(PermAll))
	if err != nil || len(seq) != len(root+"/s-")+10 {
		t.Fatalf("sequential create %q: %v", seq, err)
	}
	eph, err := c.GetEphemerals(ctx, root)
	if err != nil || len(eph) != 1 || eph[0] != seq {
		t.Errorf("ephemerals %v, %v; want [%s]", eph, err, seq)
	}
	data, _, ch, err := c.GetDataW(ctx, root)
	if err != nil || string(data) != "x" {
		t.Fatalf("getDataW: %q %v", data, err)
	}
	if _, err := c.SetData(ctx, root, []byte("y"), -1); err != nil {
		t.Fatal(err)
	}
	if ev := <-ch; ev.Type != EventNodeDataChanged || ev.Path != root {
		t.Errorf("watch event %+v", ev)
	}
	res, err := c.Multi(ctx, CheckOp(root, 1), SetDataOp(root, []byte("z"), 1))
	if err != nil || len(res) != 2 {
		t.Errorf("multi: %v %v", res, err)
	}
	if n, err := c.GetAllChildrenNumber(ctx, root); err != nil || n != 1 {
		t.Errorf("getAllChildrenNumber = %d, %v", n, err)
	}
	if err := c.Delete(ctx, root, -1); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("delete non-empty: %v", err)
	}
	if err := c.Reset(); err != nil {
		t.Fatal(err)
	}
	nextState(t, states, StateClosed, 5*time.Second)
	if _, ok := <-states; ok {
		t.Error("state stream still open after Closed")
	}
	if _, _, err := c.GetData(ctx, "/"); !errors.Is(err, ErrClosed) {
		t.Errorf("call after Reset: %v, want ErrClosed", err)
	}
	// The ephemeral went with the session at once (closeSession).
	check := dialShared(t)
	if ok, _, err := check.Exists(ctx, seq); err != nil || ok {
		t.Errorf("ephemeral %s after Reset: exists=%v err=%v", seq, ok, err)
	}
}

func TestClientChrootAndAuth(t *testing.T) {
	srv := sharedServer(t)
	ctx := ctxT(t)
	conn := dialShared(t)
	root := testRoot(t, conn)
	c := newClient(t, srv.Addr+root, func(c *Client) {
		c.Auth = []Credential{{Scheme: "digest", Auth: []byte("alice:s3cr3t-pw")}}
	})
	if _, err := c.Create(ctx, "/mine", []byte("a"), ModePersistent, AuthACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := conn.GetData(ctx, root+"/mine"); !errors.Is(err, ErrNoAuth) {
		t.Errorf("other session reads the digest node: %v", err)
	}
	if data, _, err := c.GetData(ctx, "/mine"); err != nil || string(data) != "a" {
		t.Errorf("owner reads %q, %v", data, err)
	}
	ids, err := c.WhoAmI(ctx)
	if err != nil || !hasIdentity(ids, "digest", "alice") {
		t.Errorf("whoAmI = %v, %v", ids, err)
	}
	// Credentials never show: not in the formatted Client, not in errors.
	_, _, err = c.GetData(ctx, "/missing")
	for _, s := range []string{fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%s", c),
		fmt.Sprintf("%+v", c.Auth), fmt.Sprintf("%#v", c.Auth[0]), fmt.Sprint(err)} {
		if bytes.Contains([]byte(s), []byte("s3cr3t")) {
			t.Errorf("password leaked: %s", s)
		}
	}
}

func hasIdentity(ids []ClientInfo, scheme, user string) bool {
	for _, id := range ids {
		if id.AuthScheme == scheme && id.User == user {
			return true
		}
	}
	return false
}

func TestClientBadEnsemble(t *testing.T) {
	c := &Client{Ensemble: ""}
	if err := c.Connect(context.Background()); !errors.Is(err, ErrBadInput) {
		t.Errorf("empty ensemble: %v", err)
	}
	c.Reset()
	var z Client
	z.Reset() // a never-used Client resets without starting
	if _, _, err := z.GetData(context.Background(), "/"); !errors.Is(err, ErrClosed) {
		t.Errorf("after Reset: %v", err)
	}
}

// An unreachable ensemble: calls return once the retries are spent, with
// a connection loss that says why; WaitConnected ends with ctx.
func TestClientUnreachable(t *testing.T) {
	c := newClient(t, "127.0.0.1:1", func(c *Client) {
		c.SessionTimeout = 300 * time.Millisecond
		c.MaxRetries = 2
	})
	_, _, err := c.GetData(context.Background(), "/")
	if !errors.Is(err, ErrConnectionLoss) || !IsRetryable(err) {
		t.Errorf("getData with no server: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := c.WaitConnected(ctx); !errors.Is(err, context.DeadlineExceeded) || !bytes.Contains([]byte(err.Error()), []byte("refused")) {
		t.Errorf("WaitConnected: %v", err)
	}
}
