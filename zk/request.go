package zk

import (
	"context"
	"encoding/binary"
	"fmt"
	"sync"
	"time"

	"github.com/zkui/zkui/zk/internal/jute"
	"github.com/zkui/zkui/zk/internal/proto"
)

// request is one call waiting for its reply. The reader goroutine fills it
// in and signals done; requests are pooled because they are the only
// per-call object the connection itself needs.
type request struct {
	xid  int32
	op   opcode
	path string      // as the caller gave it, for errors
	resp jute.Record // decode target for the reply body, or nil
	// decodeOnError asks for the body to be decoded even when the reply
	// header carries an error (a failed multi still has its results).
	decodeOnError bool
	watch         *watcher // registered by the reader when the reply allows
	done          chan struct{}

	err  error
	code Code
	zxid int64
}

var requestPool = sync.Pool{New: func() any { return &request{done: make(chan struct{}, 1)} }}

func getRequest(op opcode, path string, resp jute.Record) *request {
	r := requestPool.Get().(*request)
	r.op, r.path, r.resp = op, path, resp
	return r
}

// putRequest recycles r; only a caller that received r's completion may call
// it (an abandoned request may still be completed by the reader).
func putRequest(r *request) {
	*r = request{done: r.done}
	requestPool.Put(r)
}

// complete hands the result to the waiting caller (or to nobody, if it gave
// up: done has room for the one signal).
func (r *request) complete(code Code, err error) {
	r.code, r.err = code, err
	r.done <- struct{}{}
}

// requestQueue is a FIFO of requests awaiting replies, in send order.
type requestQueue struct {
	items []*request
	head  int
}

func (q *requestQueue) push(r *request) { q.items = append(q.items, r) }

func (q *requestQueue) pop() *request {
	if q.head == len(q.items) {
		return nil
	}
	r := q.items[q.head]
	q.items[q.head] = nil
	q.head++
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	}
	return r
}

func (q *requestQueue) drain() []*request {
	rs := append([]*request(nil), q.items[q.head:]...)
	q.items, q.head = nil, 0
	return rs
}

func (q *requestQueue) len() int { return len(q.items) - q.head }

// call sends one request and waits for its reply or for ctx. body may be nil
// for header-only requests.
func (c *Conn) call(ctx context.Context, op opcode, path string, body jute.Record, resp jute.Record, w *watcher) error {
	_, err := c.callZxid(ctx, op, path, body, resp, w, false)
	return err
}

func (c *Conn) callZxid(ctx context.Context, op opcode, path string, body, resp jute.Record, w *watcher, decodeOnError bool) (zxid int64, err error) {
	start := time.Now()
	sent := false
	defer func() { c.report(op, path, start, sent, err) }()
	if err := c.refuseWrite(op, path); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, ctxError(op, path, err)
	}
	r := getRequest(op, path, resp)
	r.watch = w
	r.decodeOnError = decodeOnError
	if err := c.enqueue(r, body, false); err != nil {
		putRequest(r)
		return 0, err
	}
	sent = true
	select {
	case <-r.done:
		zxid, err := r.zxid, r.result()
		putRequest(r)
		return zxid, err
	case <-ctx.Done():
		// The request stays queued: its reply will be read and dropped,
		// keeping the stream in step.
		return 0, ctxError(op, path, ctx.Err())
	}
}

func (r *request) result() error {
	if r.err != nil {
		return r.err
	}
	if r.code != CodeOK {
		return &Error{Op: r.op.String(), Path: r.path, Code: r.code}
	}
	return nil
}

// enqueue assigns the xid, appends the frame to the output buffer and queues
// r, all under one lock so that the queue order is the wire order. auth
// requests go to their own queue: the server answers them outside the
// request pipeline.
func (c *Conn) enqueue(r *request, body jute.Record, auth bool) error {
	c.mu.Lock()
	if c.dead {
		err := c.deadErr
		c.mu.Unlock()
		return c.callError(r, err)
	}
	switch {
	case auth:
		r.xid = xidAuth
	case r.op == opSetWatches || r.op == opSetWatches2:
		r.xid = xidSetWatches
	default:
		c.xid++
		if c.xid <= 0 { // wrapped: negative xids are reserved
			c.xid = 1
		}
		r.xid = c.xid
	}
	start := len(c.out)
	hdr := proto.RequestHeader{Xid: r.xid, Type: int32(r.op)}
	out, err := hdr.Encode(append(c.out, 0, 0, 0, 0))
	if err == nil && body != nil {
		out, err = body.Encode(out)
	}
	n := len(out) - start - 4
	if err == nil && n > c.cfg.maxFrame {
		err = fmt.Errorf("%w: request of %d bytes exceeds the maximum frame size of %d", ErrFrameTooLarge, n, c.cfg.maxFrame)
	}
	if err != nil {
		c.out = out[:start]
		c.mu.Unlock()
		return &clientError{op: r.op.String(), path: r.path, cause: ErrBadInput, msg: err.Error()}
	}
	binary.BigEndian.PutUint32(out[start:], uint32(n))
	c.out = out
	if c.cfg.onSend != nil {
		c.cfg.onSend(r.op)
	}
	if auth {
		c.auths.push(r)
	} else {
		c.pending.push(r)
	}
	c.mu.Unlock()
	c.kickWriter()
	return nil
}

// callError is the error for a call made on a dead connection.
func (c *Conn) callError(r *request, cause error) error {
	if cause == ErrClosed {
		return ErrClosed
	}
	return &Error{Op: r.op.String(), Path: r.path, Code: CodeConnectionLoss, Err: cause}
}

func (c *Conn) kickWriter() {
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

// ctxError reports a call given up because its context ended; it matches
// context.Canceled or context.DeadlineExceeded with errors.Is.
func ctxError(op opcode, path string, err error) error {
	if path != "" {
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}
