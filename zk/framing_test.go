package zk

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/internal/proto"
)

func TestReplySplitAcrossManyReads(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	res := asyncGet(c, context.Background(), "/a")
	h := f.readRequest()
	for _, b := range getDataReply(h.Xid, "hello, split world") {
		if _, err := f.nc.Write([]byte{b}); err != nil {
			t.Fatal(err)
		}
	}
	r := waitResult(t, res)
	if r.err != nil || string(r.data) != "hello, split world" || r.st.Version != 3 {
		t.Fatalf("got %q %+v %v", r.data, r.st, r.err)
	}
	if c.LastZxid() != 7 {
		t.Fatalf("last zxid %d, want 7", c.LastZxid())
	}
}

func TestManyRepliesInOneRead(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	const n = 50
	results := make([]chan getResult, n)
	for i := range results {
		results[i] = asyncGet(c, context.Background(), "/a")
		// Wait for each request so the xid order is known.
		h := f.readRequest()
		if h.Xid != int32(i+1) {
			t.Fatalf("request %d has xid %d", i, h.Xid)
		}
	}
	var all []byte
	for i := range n {
		all = append(all, getDataReply(int32(i+1), strings.Repeat("x", i))...)
	}
	if _, err := f.nc.Write(all); err != nil {
		t.Fatal(err)
	}
	for i, ch := range results {
		r := waitResult(t, ch)
		if r.err != nil || len(r.data) != i {
			t.Fatalf("reply %d: %d bytes, %v", i, len(r.data), r.err)
		}
	}
}

func TestLengthBeyondLimitTearsDown(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial(WithMaxFrameSize(64 << 10))
	res := asyncGet(c, context.Background(), "/a")
	f.readRequest()
	// A length prefix of 1 GiB: the reader must refuse it before allocating.
	if _, err := f.nc.Write([]byte{0x40, 0, 0, 0}); err != nil {
		t.Fatal(err)
	}
	r := waitResult(t, res)
	if !errors.Is(r.err, ErrConnectionLoss) {
		t.Fatalf("pending call: %v, want connection loss", r.err)
	}
	<-c.Done()
	if err := c.Err(); !errors.Is(err, ErrProtocol) || !strings.Contains(err.Error(), "1073741824") {
		t.Fatalf("teardown reason %v", err)
	}
}

func TestOutOfOrderXidTearsDown(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	res := asyncGet(c, context.Background(), "/a")
	h := f.readRequest()
	f.nc.Write(getDataReply(h.Xid+5, "wrong"))
	r := waitResult(t, res)
	if !errors.Is(r.err, ErrConnectionLoss) {
		t.Fatalf("pending call: %v", r.err)
	}
	<-c.Done()
	if err := c.Err(); !errors.Is(err, ErrProtocol) || !strings.Contains(err.Error(), "does not match") {
		t.Fatalf("teardown reason %v", err)
	}
	if _, _, err := c.GetData(context.Background(), "/a"); !errors.Is(err, ErrConnectionLoss) {
		t.Fatalf("call after teardown: %v", err)
	}
}

func TestServerClosesMidFrame(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	res := asyncGet(c, context.Background(), "/a")
	h := f.readRequest()
	reply := getDataReply(h.Xid, "truncated")
	f.nc.Write(reply[:len(reply)-3])
	f.nc.Close()
	r := waitResult(t, res)
	if !errors.Is(r.err, ErrConnectionLoss) || !IsRetryable(r.err) {
		t.Fatalf("pending call: %v", r.err)
	}
	<-c.Done()
	if !strings.Contains(c.Err().Error(), "mid-frame") {
		t.Fatalf("teardown reason %v", c.Err())
	}
	if c.State() != StateDisconnected {
		t.Fatalf("state %v", c.State())
	}
}

func TestCancelledCallKeepsStreamInStep(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	ctx, cancel := context.WithCancel(context.Background())
	first := asyncGet(c, ctx, "/slow")
	h1 := f.readRequest()
	cancel()
	r := waitResult(t, first)
	if !errors.Is(r.err, context.Canceled) || IsRetryable(r.err) {
		t.Fatalf("cancelled call: %v", r.err)
	}
	second := asyncGet(c, context.Background(), "/fast")
	h2 := f.readRequest()
	// The late reply to the abandoned call arrives first and is dropped.
	f.nc.Write(getDataReply(h1.Xid, "late"))
	f.nc.Write(getDataReply(h2.Xid, "second"))
	r = waitResult(t, second)
	if r.err != nil || string(r.data) != "second" {
		t.Fatalf("second call: %q %v", r.data, r.err)
	}
}

func TestErrorReplyCarriesOpPathAndCode(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	res := make(chan error, 1)
	go func() { res <- c.Delete(context.Background(), "/a/b", -1) }()
	h := f.readRequest()
	f.writeRecord(&proto.ReplyHeader{Xid: h.Xid, Zxid: 9, Err: int32(CodeNotEmpty)})
	err := <-res
	if err == nil || err.Error() != "delete /a/b: node has children" || !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("got %v", err)
	}
	var zerr *Error
	if !errors.As(err, &zerr) || zerr.Code != CodeNotEmpty || zerr.Path != "/a/b" {
		t.Fatalf("not a typed error: %#v", err)
	}
}

func TestCloseReturnsPromptlyWhenServerIsSilent(t *testing.T) {
	f := newFakeServer(t)
	before := runtime.NumGoroutine()
	c := f.dial()
	res := asyncGet(c, context.Background(), "/a")
	f.readRequest() // never answered
	start := time.Now()
	c.Close()
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("Close took %v", d)
	}
	if r := waitResult(t, res); !errors.Is(r.err, ErrClosed) {
		t.Fatalf("pending call after Close: %v", r.err)
	}
	c.Close() // idempotent
	if _, _, err := c.GetData(context.Background(), "/a"); !errors.Is(err, ErrClosed) {
		t.Fatalf("call after Close: %v", err)
	}
	if c.State() != StateClosed {
		t.Fatalf("state %v", c.State())
	}
	waitGoroutines(t, before)
}

func TestCloseSendsCloseSession(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	done := make(chan struct{})
	go func() { c.Close(); close(done) }()
	h := f.readRequest()
	if h.Type != int32(opCloseSession) {
		t.Fatalf("got opcode %d, want closeSession", h.Type)
	}
	f.writeRecord(&proto.ReplyHeader{Xid: h.Xid})
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return after the reply")
	}
}

// waitGoroutines waits until the goroutine count is back to at most n.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, want <= %d:\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func countGoroutines() int { return runtime.NumGoroutine() }

// The server closes the socket right after answering closeSession; the Conn
// must still end as closed, not as lost.
func TestCloseThenServerHangUpEndsClosed(t *testing.T) {
	for range 20 {
		f := newFakeServer(t)
		c := f.dial()
		done := make(chan struct{})
		go func() { c.Close(); close(done) }()
		h := f.readRequest()
		f.writeRecord(&proto.ReplyHeader{Xid: h.Xid})
		f.nc.Close()
		<-done
		if c.State() != StateClosed || !errors.Is(c.Err(), ErrClosed) {
			t.Fatalf("state %v, err %v", c.State(), c.Err())
		}
	}
}

// Every watcher hears that the connection ended, then its channel closes.
func TestWatchersHearTheConnectionEnd(t *testing.T) {
	f := newFakeServer(t)
	c := f.dial()
	res := make(chan (<-chan Event), 1)
	go func() {
		ch, err := c.AddWatch(context.Background(), "/", AddWatchPersistentRecursive)
		if err != nil {
			t.Error(err)
		}
		res <- ch
	}()
	h := f.readRequest()
	f.writeRecord(&proto.ReplyHeader{Xid: h.Xid})
	events := <-res
	f.writeRecord(&proto.ReplyHeader{Xid: xidWatchEvent, Zxid: -1}, &proto.WatcherEvent{Type: int32(EventNodeCreated), State: 3, Path: "/x"})
	if ev := <-events; ev.Type != EventNodeCreated || ev.Path != "/x" {
		t.Fatalf("event %+v", ev)
	}
	f.nc.Close()
	ev, ok := <-events
	if !ok || ev.Type != EventSession || ev.State != StateDisconnected {
		t.Fatalf("after the connection ended: %+v %v", ev, ok)
	}
	if _, ok := <-events; ok {
		t.Fatal("channel still open after the connection ended")
	}
}
