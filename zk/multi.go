package zk

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/zkui/zkui/zk/internal/jute"
	"github.com/zkui/zkui/zk/internal/proto"
)

// Op is one operation of a Multi: build it with CreateOp, CreateTTLOp,
// DeleteOp, SetDataOp or CheckOp.
type Op struct {
	op      opcode
	Path    string
	Data    []byte
	ACL     []ACL
	Mode    CreateMode
	TTL     time.Duration
	Version int32
}

// CreateOp creates a node within a Multi; its result carries the path (and
// the Stat, from servers that send it).
func CreateOp(path string, data []byte, mode CreateMode, acl []ACL) Op {
	op := opCreate2
	if mode == ModeContainer {
		op = opCreateContainer
	}
	return Op{op: op, Path: path, Data: data, Mode: mode, ACL: acl}
}

// CreateTTLOp creates a TTL node within a Multi.
func CreateTTLOp(path string, data []byte, mode CreateMode, acl []ACL, ttl time.Duration) Op {
	return Op{op: opCreateTTL, Path: path, Data: data, Mode: mode, ACL: acl, TTL: ttl}
}

// DeleteOp deletes a node within a Multi, if its version matches (-1: any).
func DeleteOp(path string, version int32) Op { return Op{op: opDelete, Path: path, Version: version} }

// SetDataOp sets a node's data within a Multi, if its version matches.
func SetDataOp(path string, data []byte, version int32) Op {
	return Op{op: opSetData, Path: path, Data: data, Version: version}
}

// CheckOp fails the whole Multi unless the node's version matches.
func CheckOp(path string, version int32) Op { return Op{op: opCheck, Path: path, Version: version} }

// OpResult is the outcome of one operation of a Multi.
type OpResult struct {
	Path string // for a create: the created path (with its counter)
	Stat Stat   // for setData, and for create where the server sends it (3.8 does not)
	Err  error  // nil, or why this operation failed (or that an earlier one did)
}

// MultiError says which operation made a Multi fail; nothing of the Multi
// was applied. It matches the failing op's code with errors.Is.
type MultiError struct {
	Index int // the failing operation, from 0
	Op    string
	Path  string
	Code  Code
}

func (e *MultiError) Error() string {
	return fmt.Sprintf("multi: op %d (%s %s): %s", e.Index, e.Op, e.Path, e.Code)
}

// Unwrap returns the failing op's code.
func (e *MultiError) Unwrap() error { return e.Code }

// Multi applies ops atomically: all of them or none. On failure the error is
// a *MultiError naming the failing op, and the results say for each op
// whether it failed or was rolled back.
func (c *Conn) Multi(ctx context.Context, ops ...Op) ([]OpResult, error) {
	if len(ops) == 0 {
		return nil, inputError("multi", "", ErrBadInput, "no operations")
	}
	req := &multiRequest{chroot: c.chroot}
	for i, o := range ops {
		if err := c.checkOp(i, o); err != nil {
			return nil, err
		}
		req.ops = append(req.ops, o)
	}
	if err := c.checkWrite(opMulti, ""); err != nil {
		return nil, err
	}
	resp := &multiResponse{chroot: c.chroot}
	if _, err := c.callZxid(ctx, opMulti, "", req, resp, nil, true); err != nil {
		// Only a reply from the server fills resp; after a cancelled
		// wait the reader may still be decoding into it.
		var zerr *Error
		if !errors.As(err, &zerr) || zerr.Code == CodeConnectionLoss || len(resp.results) == 0 {
			return nil, err
		}
	}
	if len(resp.results) != len(ops) {
		return nil, &Error{Op: "multi", Code: CodeMarshallingError,
			Err: fmt.Errorf("%w: %d results for %d operations", ErrProtocol, len(resp.results), len(ops))}
	}
	out := make([]OpResult, len(ops))
	failed := -1
	for i, r := range resp.results {
		out[i] = OpResult{Path: r.path, Stat: r.stat}
		// In a failed multi the ops before the failing one report 0 and
		// the ops after it RUNTIMEINCONSISTENCY (-2): none was applied.
		if failed < 0 && r.code != CodeOK && r.code != CodeRuntimeInconsistency {
			failed = i
		}
	}
	if failed < 0 {
		return out, nil
	}
	for i, r := range resp.results {
		out[i] = OpResult{Err: fmt.Errorf("%s %s: %w", ops[i].op, ops[i].Path, ErrRolledBack)}
		if i == failed {
			out[i].Err = &Error{Op: ops[i].op.String(), Path: ops[i].Path, Code: r.code}
		}
	}
	return out, &MultiError{Index: failed, Op: ops[failed].op.String(), Path: ops[failed].Path, Code: resp.results[failed].code}
}

func (c *Conn) checkOp(i int, o Op) error {
	where := fmt.Sprintf("multi op %d (%s)", i, o.op)
	if o.op == 0 {
		return inputError("multi", o.Path, ErrBadInput, "op %d was not built with CreateOp, DeleteOp, SetDataOp or CheckOp", i)
	}
	seq := (o.op == opCreate2 || o.op == opCreateTTL) && o.Mode.Sequential()
	if err := validateSeqPath(where, o.Path, seq); err != nil {
		return err
	}
	if err := c.checkData(o.op, o.Path, o.Data); err != nil {
		return err
	}
	switch o.op {
	case opCreate2, opCreateContainer, opCreateTTL:
		if len(o.ACL) == 0 {
			return inputError(where, o.Path, ErrBadInput, "an ACL is required")
		}
		if _, err := createOpcode(o.Path, o.Mode, o.TTL, true); err != nil {
			return err
		}
	}
	return nil
}

// multiRequest encodes a multi: per op a MultiHeader{type, done=false,
// err=-1} and the op's record, then MultiHeader{-1, true, -1}.
type multiRequest struct {
	chroot string
	ops    []Op
	reads  []ReadOp
}

func (m *multiRequest) Encode(dst []byte) ([]byte, error) {
	var err error
	for _, o := range m.ops {
		h := proto.MultiHeader{Type: int32(o.op), Done: false, Err: -1}
		if dst, err = h.Encode(dst); err != nil {
			return dst, err
		}
		p := chrootPath(m.chroot, o.Path)
		switch o.op {
		case opCreate2, opCreateContainer:
			dst, err = (&proto.CreateRequest{Path: p, Data: o.Data, Acl: aclsToProto(o.ACL), Flags: int32(o.Mode)}).Encode(dst)
		case opCreateTTL:
			dst, err = (&proto.CreateTTLRequest{Path: p, Data: o.Data, Acl: aclsToProto(o.ACL), Flags: int32(o.Mode), Ttl: o.TTL.Milliseconds()}).Encode(dst)
		case opDelete:
			dst, err = (&proto.DeleteRequest{Path: p, Version: o.Version}).Encode(dst)
		case opSetData:
			dst, err = (&proto.SetDataRequest{Path: p, Data: o.Data, Version: o.Version}).Encode(dst)
		case opCheck:
			dst, err = (&proto.CheckVersionRequest{Path: p, Version: o.Version}).Encode(dst)
		}
		if err != nil {
			return dst, err
		}
	}
	for _, o := range m.reads {
		h := proto.MultiHeader{Type: int32(o.op), Done: false, Err: -1}
		if dst, err = h.Encode(dst); err != nil {
			return dst, err
		}
		p := chrootPath(m.chroot, o.Path)
		if o.op == opGetData {
			dst, err = (&proto.GetDataRequest{Path: p}).Encode(dst)
		} else {
			dst, err = (&proto.GetChildrenRequest{Path: p}).Encode(dst)
		}
		if err != nil {
			return dst, err
		}
	}
	end := proto.MultiHeader{Type: -1, Done: true, Err: -1}
	return end.Encode(dst)
}

// Decode is never used: a request is only encoded.
func (m *multiRequest) Decode([]byte) (int, error) { return 0, ErrProtocol }

type multiResult struct {
	code     Code
	path     string
	stat     Stat
	data     []byte
	children []string
}

// multiResponse decodes the per-op results of a multi or multiRead: a
// MultiHeader per op, whose type is the op's code or -1 with an
// ErrorResponse, until a header with done set.
type multiResponse struct {
	chroot  string
	results []multiResult
}

var _ jute.Record = (*multiResponse)(nil)

func (m *multiResponse) Encode(dst []byte) ([]byte, error) { return dst, ErrProtocol }

func (m *multiResponse) Decode(src []byte) (int, error) {
	off := 0
	for {
		var h proto.MultiHeader
		n, err := h.Decode(src[off:])
		if err != nil {
			return off, err
		}
		off += n
		if h.Done {
			return off, nil
		}
		var r multiResult
		switch opcode(h.Type) {
		case opError:
			var e proto.ErrorResponse
			n, err = e.Decode(src[off:])
			r.code = Code(e.Err)
		case opCreate:
			var cr proto.CreateResponse
			n, err = cr.Decode(src[off:])
			r.path = stripChroot(m.chroot, cr.Path)
		case opCreate2, opCreateContainer, opCreateTTL:
			var cr proto.Create2Response
			n, err = cr.Decode(src[off:])
			r.path, r.stat = stripChroot(m.chroot, cr.Path), statFrom(&cr.Stat)
		case opSetData:
			var sr proto.SetDataResponse
			n, err = sr.Decode(src[off:])
			r.stat = statFrom(&sr.Stat)
		case opDelete, opCheck:
			n = 0
		case opGetData:
			var gr proto.GetDataResponse
			n, err = gr.Decode(src[off:])
			r.data, r.stat = gr.Data, statFrom(&gr.Stat)
		case opGetChildren:
			var gr proto.GetChildrenResponse
			n, err = gr.Decode(src[off:])
			r.children = gr.Children
		default:
			return off, fmt.Errorf("%w: unexpected multi result type %d", ErrProtocol, h.Type)
		}
		if err != nil {
			return off, err
		}
		off += n
		m.results = append(m.results, r)
	}
}
