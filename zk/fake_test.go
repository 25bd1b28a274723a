package zk

import (
	"context"
	"encoding/binary"
	"io"
	"net"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/internal/proto"
)

// fakeServer is a scripted ZooKeeper peer on loopback for framing tests: it
// answers the handshake, then lets the test read requests and write raw
// bytes.
type fakeServer struct {
	t       *testing.T
	ln      net.Listener
	nc      net.Conn
	timeout int32 // session timeout granted, ms (default 30 s)
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return &fakeServer{t: t, ln: ln}
}

// dial connects a Conn and completes the handshake on the server side.
func (f *fakeServer) dial(opts ...Option) *Conn {
	f.t.Helper()
	type result struct {
		c   *Conn
		err error
	}
	ch := make(chan result, 1)
	go func() {
		c, err := DialContext(context.Background(), "tcp", f.ln.Addr().String(), opts...)
		ch <- result{c, err}
	}()
	nc, err := f.ln.Accept()
	if err != nil {
		f.t.Fatal(err)
	}
	f.nc = nc
	var req proto.ConnectRequest
	if _, err := req.Decode(f.readFrame()); err != nil {
		f.t.Fatalf("decode ConnectRequest: %v", err)
	}
	timeout := f.timeout
	if timeout == 0 {
		timeout = 30000
	}
	resp := proto.ConnectResponse{TimeOut: timeout, SessionId: 0x1234, Passwd: make([]byte, 16)}
	f.writeRecord(&resp)
	r := <-ch
	if r.err != nil {
		f.t.Fatalf("dial: %v", r.err)
	}
	// Drop the server side first so Close does not wait for a
	// closeSession reply that never comes.
	f.t.Cleanup(func() { nc.Close(); r.c.Close() })
	return r.c
}

func (f *fakeServer) readFrame() []byte {
	f.t.Helper()
	var l [4]byte
	if _, err := io.ReadFull(f.nc, l[:]); err != nil {
		f.t.Fatalf("read length: %v", err)
	}
	buf := make([]byte, binary.BigEndian.Uint32(l[:]))
	if _, err := io.ReadFull(f.nc, buf); err != nil {
		f.t.Fatalf("read frame: %v", err)
	}
	return buf
}

// readRequest reads one request and returns its header.
func (f *fakeServer) readRequest() proto.RequestHeader {
	f.t.Helper()
	var h proto.RequestHeader
	if _, err := h.Decode(f.readFrame()); err != nil {
		f.t.Fatal(err)
	}
	return h
}

func frame(recs ...interface{ Encode([]byte) ([]byte, error) }) []byte {
	out := []byte{0, 0, 0, 0}
	for _, r := range recs {
		out, _ = r.Encode(out)
	}
	binary.BigEndian.PutUint32(out, uint32(len(out)-4))
	return out
}

func (f *fakeServer) writeRecord(recs ...interface{ Encode([]byte) ([]byte, error) }) {
	f.t.Helper()
	if _, err := f.nc.Write(frame(recs...)); err != nil {
		f.t.Fatal(err)
	}
}

func getDataReply(xid int32, data string) []byte {
	return frame(&proto.ReplyHeader{Xid: xid, Zxid: 7}, &proto.GetDataResponse{Data: []byte(data), Stat: proto.Stat{Version: 3}})
}

type getResult struct {
	data []byte
	st   Stat
	err  error
}

func asyncGet(c *Conn, ctx context.Context, path string) chan getResult {
	ch := make(chan getResult, 1)
	go func() {
		d, st, err := c.GetData(ctx, path)
		ch <- getResult{d, st, err}
	}()
	return ch
}

func waitResult(t *testing.T, ch chan getResult) getResult {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("call did not return")
	}
	return getResult{}
}
