package zk

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/zkui/zkui/zk/internal/proto"
)

// saslAuthenticate runs the SASL DIGEST-MD5 exchange (opcode 102,
// GetSASLRequest / SetSASLResponse records) on the fresh connection, before
// the reader and writer start, the way the Java client holds every other
// request back until SASL is done. A wrong user or password ends in a
// *Error with CodeAuthFailed; the password never appears in it.
func (c *Conn) saslAuthenticate(ctx context.Context, a SASLAuth) error {
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(c.timeout)
	}
	c.nc.SetDeadline(deadline)
	defer c.nc.SetDeadline(time.Time{})
	stop := context.AfterFunc(ctx, func() { c.nc.SetDeadline(time.Now()) })
	defer stop()

	d := &digestMD5{user: a.Username, password: a.Password}
	// DIGEST-MD5 has no initial response: an empty token asks for the
	// challenge, the answer to it gets the server's rspauth back.
	token, err := c.saslRound(ctx, []byte{}, false) // empty, not null: the server reads it unchecked
	if err != nil {
		return err
	}
	resp, err := d.respond(token)
	if err != nil {
		return &Error{Op: "sasl", Code: CodeAuthFailed, Err: err}
	}
	final, err := c.saslRound(ctx, resp, true)
	if err != nil {
		return err
	}
	if err := d.verify(final); err != nil {
		return &Error{Op: "sasl", Code: CodeAuthFailed, Err: err}
	}
	return nil
}

// saslRound sends one token and returns the server's answer. judged is set
// when the server is checking credentials in this round, so that a closed
// connection means they were refused.
func (c *Conn) saslRound(ctx context.Context, token []byte, judged bool) ([]byte, error) {
	c.xid++
	xid := c.xid
	hdr := proto.RequestHeader{Xid: xid, Type: int32(opSASL)}
	frame, _ := hdr.Encode(make([]byte, 4, 64+len(token)))
	frame, err := (&proto.GetSASLRequest{Token: token}).Encode(frame)
	if err != nil {
		return nil, &Error{Op: "sasl", Code: CodeMarshallingError, Err: err}
	}
	binary.BigEndian.PutUint32(frame, uint32(len(frame)-4))
	if _, err := c.nc.Write(frame); err != nil {
		return nil, c.saslErr(ctx, err, judged)
	}
	for {
		var lenBuf [4]byte
		if _, err := io.ReadFull(c.nc, lenBuf[:]); err != nil {
			return nil, c.saslErr(ctx, err, judged)
		}
		n := int(int32(binary.BigEndian.Uint32(lenBuf[:])))
		if n < replyHeaderSize || n > c.cfg.maxFrame {
			return nil, &Error{Op: "sasl", Code: CodeConnectionLoss, Err: fmt.Errorf("%w: sasl reply of %d bytes", ErrProtocol, n)}
		}
		buf := make([]byte, n)
		if _, err := io.ReadFull(c.nc, buf); err != nil {
			return nil, c.saslErr(ctx, err, judged)
		}
		var rh proto.ReplyHeader
		off, err := rh.Decode(buf)
		if err != nil {
			return nil, &Error{Op: "sasl", Code: CodeConnectionLoss, Err: fmt.Errorf("%w: %v", ErrProtocol, err)}
		}
		if rh.Xid == xidWatchEvent || rh.Xid == xidPing {
			continue // nothing is watched yet; tolerate it anyway
		}
		if rh.Xid != xid {
			return nil, &Error{Op: "sasl", Code: CodeConnectionLoss, Err: fmt.Errorf("%w: sasl reply xid %d, want %d", ErrProtocol, rh.Xid, xid)}
		}
		if rh.Zxid > 0 {
			c.lastZxid.Store(rh.Zxid)
		}
		if rh.Err != 0 {
			code := Code(rh.Err)
			return nil, &Error{Op: "sasl", Code: code, Err: errors.New("the server refused the SASL credentials")}
		}
		var resp proto.SetSASLResponse
		if _, err := resp.Decode(buf[off:]); err != nil {
			return nil, &Error{Op: "sasl", Code: CodeConnectionLoss, Err: fmt.Errorf("%w: %v", ErrProtocol, err)}
		}
		return resp.Token, nil
	}
}

// saslErr reports a connection that ended mid-exchange. ZooKeeper closes
// the connection of a client whose SASL response it rejects, so an
// end-of-stream here is an authentication failure, not a network fault.
func (c *Conn) saslErr(ctx context.Context, err error, judged bool) error {
	if ctx.Err() != nil {
		return &Error{Op: "sasl", Code: CodeConnectionLoss, Err: ctx.Err()}
	}
	if judged && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)) {
		return &Error{Op: "sasl", Code: CodeAuthFailed, Err: errors.New("the server closed the connection during SASL: wrong user name or password?")}
	}
	return &Error{Op: "sasl", Code: CodeConnectionLoss, Err: err}
}
