package zk

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/zkui/zkui/zk/internal/proto"
)

// An old server answers an opcode it does not know with UNIMPLEMENTED (-6):
// the caller gets a typed error naming the op.
func TestOpTooNewForServerIsUnimplemented(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	res := make(chan error, 1)
	go func() {
		_, err := c.GetAllChildrenNumber(context.Background(), "/a")
		res <- err
	}()
	h := f.readRequest()
	if h.Type != int32(opGetAllChildrenNumber) {
		t.Fatalf("opcode %d", h.Type)
	}
	f.writeRecord(&proto.ReplyHeader{Xid: h.Xid, Err: int32(CodeUnimplemented)})
	err := <-res
	if !errors.Is(err, ErrUnimplemented) || err.Error() != "getAllChildrenNumber /a: operation not implemented by the server" {
		t.Fatalf("got %v", err)
	}
}

// Credentials never reach errors or logs, even when the server refuses them.
func TestCredentialsStayOutOfErrorsAndLogs(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	f := newFakeServer(t)
	c := f.dial(WithLogger(logger), WithAuth("digest", []byte("alice:topsecret")))
	// The credential queued at connect time comes first.
	var hdr proto.RequestHeader
	frame := f.readFrame()
	n, _ := hdr.Decode(frame)
	var pkt proto.AuthPacket
	if _, err := pkt.Decode(frame[n:]); err != nil || hdr.Xid != xidAuth || string(pkt.Auth) != "alice:topsecret" {
		t.Fatalf("first frame: xid %d, %+v, %v", hdr.Xid, pkt, err)
	}
	res := make(chan error, 1)
	go func() { res <- c.AddAuth(context.Background(), "digest", []byte("bob:othersecret")) }()
	f.readFrame()
	f.writeRecord(&proto.ReplyHeader{Xid: xidAuth}) // the connect-time credential: accepted
	f.writeRecord(&proto.ReplyHeader{Xid: xidAuth, Err: int32(CodeAuthFailed)})
	err := <-res
	if !errors.Is(err, ErrAuthFailed) {
		t.Fatalf("AddAuth: %v", err)
	}
	<-c.Done()
	if c.State() != StateAuthFailed {
		t.Fatalf("state %v", c.State())
	}
	text := err.Error() + " " + c.Err().Error() + " " + logs.String()
	for _, secret := range []string{"topsecret", "othersecret"} {
		if strings.Contains(text, secret) {
			t.Fatalf("credential %q leaked: %s", secret, text)
		}
	}
}
