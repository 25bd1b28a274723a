package zk

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/zkui/zkui/zk/internal/proto"
)

// replyHeaderSize is the encoded size of ReplyHeader{xid int, zxid long, err int}.
const replyHeaderSize = 16

// readLoop reads frames into one reused buffer, bounded by the max frame size,
// and hands each to handleFrame. It is the only goroutine that reads.
func (c *Conn) readLoop() {
	defer c.wg.Done()
	br := bufio.NewReaderSize(c.nc, 64<<10)
	buf := make([]byte, 4096)
	var lenBuf [4]byte
	for {
		// Pings every third of the timeout keep replies coming; two thirds
		// without any frame means the server or the path is gone.
		c.nc.SetReadDeadline(time.Now().Add(c.readTimeout))
		if _, err := io.ReadFull(br, lenBuf[:]); err != nil {
			c.fail(c.readErr(err), StateDisconnected)
			return
		}
		n := int(int32(binary.BigEndian.Uint32(lenBuf[:])))
		if n < replyHeaderSize || n > c.cfg.maxFrame {
			c.fail(fmt.Errorf("%w: reply frame length %d outside [%d, %d] (raise the limit with WithMaxFrameSize if the server's jute.maxbuffer is larger)",
				ErrProtocol, n, replyHeaderSize, c.cfg.maxFrame), StateDisconnected)
			return
		}
		if cap(buf) < n {
			buf = make([]byte, n)
		}
		frame := buf[:n]
		if _, err := io.ReadFull(br, frame); err != nil {
			c.fail(c.readErr(err), StateDisconnected)
			return
		}
		if err := c.handleFrame(frame); err != nil {
			c.fail(err, StateDisconnected)
			return
		}
	}
}

func (c *Conn) readErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("server closed the connection mid-frame: %w", err)
	}
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("server closed the connection: %w", err)
	}
	return err
}

// handleFrame routes one reply. The server answers a session's requests in
// the order it got them, so a normal reply must belong to the oldest pending
// request; anything else means the stream cannot be trusted.
func (c *Conn) handleFrame(frame []byte) error {
	var hdr proto.ReplyHeader
	off, err := hdr.Decode(frame)
	if err != nil {
		return fmt.Errorf("%w: reply header: %v", ErrProtocol, err)
	}
	body := frame[off:]
	switch hdr.Xid {
	case xidWatchEvent:
		return c.handleEvent(hdr, body)
	case xidPing:
		return nil
	case xidAuth:
		return c.handleAuthReply(Code(hdr.Err))
	}
	c.mu.Lock()
	r := c.pending.pop()
	c.mu.Unlock()
	if r == nil {
		return fmt.Errorf("%w: reply with xid %d but no request is pending", ErrProtocol, hdr.Xid)
	}
	if r.xid != hdr.Xid {
		err := fmt.Errorf("%w: reply xid %d does not match the oldest pending request (xid %d)", ErrProtocol, hdr.Xid, r.xid)
		// complete hands r back to its caller: r must not be touched after.
		r.complete(CodeConnectionLoss, &Error{Op: r.op.String(), Path: r.path, Code: CodeConnectionLoss, Err: err})
		return err
	}
	if hdr.Zxid > 0 {
		c.lastZxid.Store(hdr.Zxid)
	}
	code := Code(hdr.Err)
	var derr error
	if r.resp != nil && (code == CodeOK || (r.decodeOnError && len(body) > 0)) {
		if _, err := r.resp.Decode(body); err != nil {
			derr = &Error{Op: r.op.String(), Path: r.path, Code: CodeMarshallingError, Err: err}
		}
	}
	if w := r.watch; w != nil && derr == nil {
		// Registered here, before any later frame is read, so no event for
		// this watch can arrive ahead of it.
		switch {
		case code == CodeOK:
			c.watches.add(w)
		case code == CodeNoNode && w.kind == watchData && r.op == opExists:
			w.kind = watchExist // the server set an exist watch
			c.watches.add(w)
		}
	}
	r.zxid = hdr.Zxid
	r.complete(code, derr)
	return nil
}

func (c *Conn) handleEvent(hdr proto.ReplyHeader, body []byte) error {
	var we proto.WatcherEvent
	if _, err := we.Decode(body); err != nil {
		return fmt.Errorf("%w: watch event: %v", ErrProtocol, err)
	}
	ev := Event{
		Type:  EventType(we.Type),
		State: State(we.State),
		Path:  stripChroot(c.chroot, we.Path),
		Zxid:  hdr.Zxid,
	}
	if ev.Type == EventSession {
		return nil // state changes are the client's own knowledge
	}
	c.watches.dispatch(ev)
	return nil
}

// handleAuthReply completes the oldest AddAuth. AUTHFAILED is followed by the
// server closing the connection.
func (c *Conn) handleAuthReply(code Code) error {
	c.mu.Lock()
	r := c.auths.pop()
	c.mu.Unlock()
	if r != nil {
		r.complete(code, nil)
	}
	if code == CodeAuthFailed {
		return &Error{Op: "addAuth", Code: CodeAuthFailed}
	}
	return nil
}

// writeLoop flushes queued frames: it takes the whole output buffer at once,
// so frames queued while a write is under way go out together in the next
// one. Two buffers alternate, so steady state allocates nothing.
func (c *Conn) writeLoop() {
	defer c.wg.Done()
	var spare []byte
	ping := time.NewTimer(c.pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-c.kick:
		case <-ping.C:
			c.maybePing(ping)
		case <-c.dying:
			return
		}
		c.mu.Lock()
		buf := c.out
		c.out = spare[:0]
		c.mu.Unlock()
		if len(buf) > 0 {
			c.nc.SetWriteDeadline(time.Now().Add(c.readTimeout))
			if _, err := c.nc.Write(buf); err != nil {
				c.fail(fmt.Errorf("write: %w", err), StateDisconnected)
				return
			}
			c.mu.Lock()
			c.lastSent = time.Now()
			c.mu.Unlock()
		}
		spare = buf
	}
}

// maybePing queues a ping when nothing was sent for a third of the timeout,
// and re-arms the timer for the next check.
func (c *Conn) maybePing(t *time.Timer) {
	c.mu.Lock()
	idle := time.Since(c.lastSent)
	if idle >= c.pingEvery && !c.dead {
		hdr := proto.RequestHeader{Xid: xidPing, Type: int32(opPing)}
		start := len(c.out)
		c.out, _ = hdr.Encode(append(c.out, 0, 0, 0, 0))
		binary.BigEndian.PutUint32(c.out[start:], uint32(len(c.out)-start-4))
		idle = 0
	}
	c.mu.Unlock()
	t.Reset(c.pingEvery - idle)
}

// fail tears the connection down once: every pending call fails, the
// watchers hear the new state, and both goroutines end.
func (c *Conn) fail(cause error, state State) {
	if c.closing.Load() {
		cause, state = ErrClosed, StateClosed
	}
	c.failOnce.Do(func() {
		c.mu.Lock()
		c.dead = true
		c.deadErr = cause
		pending := c.pending.drain()
		auths := c.auths.drain()
		c.mu.Unlock()
		if cause != ErrClosed {
			var zerr *Error
			if errors.As(cause, &zerr) && zerr.Code == CodeAuthFailed {
				state = StateAuthFailed
			}
			c.cfg.logger.Info("zk connection lost", slog.String("server", c.server), slog.Any("err", cause))
		}
		c.state.Store(int32(state))
		close(c.dying)
		c.nc.Close()
		for _, r := range append(pending, auths...) {
			r.complete(CodeConnectionLoss, c.callError(r, cause))
		}
		if c.ownWatches {
			c.watches.shutdown(state)
		}
		if c.cfg.onEvent != nil {
			c.cfg.onEvent(Event{Type: EventSession, State: state})
		}
	})
}
