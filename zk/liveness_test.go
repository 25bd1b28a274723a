package zk

import (
	"errors"
	"os"
	"testing"
	"time"
)

// An idle session stays up: pings every third of the timeout keep both the
// server's session and the client's read deadline alive.
func TestPingsKeepAnIdleSessionAlive(t *testing.T) {
	c := dialShared(t, WithSessionTimeout(2*time.Second))
	if c.SessionTimeout() > 2*time.Second {
		t.Fatalf("negotiated %v", c.SessionTimeout())
	}
	id := c.SessionID()
	time.Sleep(3 * c.SessionTimeout())
	if _, _, err := c.GetData(ctxT(t), "/"); err != nil {
		t.Fatalf("after idling for 3 timeouts: %v", err)
	}
	if c.SessionID() != id || c.State() != StateConnected {
		t.Fatalf("session %x state %v", c.SessionID(), c.State())
	}
}

// A server that stops answering (pings included) is declared lost after
// two thirds of the timeout, not left hanging.
func TestSilentServerIsConnectionLoss(t *testing.T) {
	f := newFakeServer(t)
	f.timeout = 1500
	c := f.dial()
	start := time.Now()
	select {
	case <-c.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("connection to a silent server still up after 10 s")
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Fatalf("declared lost after %v, before 2/3 of the 1.5 s timeout", d)
	}
	if !errors.Is(c.Err(), os.ErrDeadlineExceeded) || c.State() != StateDisconnected {
		t.Fatalf("err %v, state %v", c.Err(), c.State())
	}
	// The pings were sent: the fake server read them.
	h := f.readRequest()
	if h.Xid != xidPing || h.Type != int32(opPing) {
		t.Fatalf("first frame after the handshake: %+v, want a ping", h)
	}
}
