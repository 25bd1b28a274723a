package zk

import (
	"context"
	"errors"
	"fmt"
)

// ReadOp is one read of a MultiRead: GetDataOp or GetChildrenOp.
type ReadOp struct {
	op   opcode
	Path string
}

// GetDataOp reads a node's data and Stat within a MultiRead.
func GetDataOp(path string) ReadOp { return ReadOp{op: opGetData, Path: path} }

// GetChildrenOp lists a node's children within a MultiRead.
func GetChildrenOp(path string) ReadOp { return ReadOp{op: opGetChildren, Path: path} }

// ReadResult is the outcome of one read of a MultiRead.
type ReadResult struct {
	Data     []byte   // GetDataOp
	Stat     Stat     // GetDataOp
	Children []string // GetChildrenOp
	Err      error    // this read's own failure (ErrNoNode, ErrNoAuth...)
}

// MultiRead performs many reads in one round trip (servers >= 3.6). Unlike
// Multi it is not atomic: each read succeeds or fails on its own.
func (c *Conn) MultiRead(ctx context.Context, ops ...ReadOp) ([]ReadResult, error) {
	if len(ops) == 0 {
		return nil, inputError("multiRead", "", ErrBadInput, "no operations")
	}
	for i, o := range ops {
		if o.op == 0 {
			return nil, inputError("multiRead", o.Path, ErrBadInput, "op %d was not built with GetDataOp or GetChildrenOp", i)
		}
		if err := validatePath(fmt.Sprintf("multiRead op %d (%s)", i, o.op), o.Path); err != nil {
			return nil, err
		}
	}
	req := &multiRequest{chroot: c.chroot, reads: ops}
	resp := &multiResponse{chroot: c.chroot, results: make([]multiResult, 0, len(ops))}
	if _, err := c.callZxid(ctx, opMultiRead, "", req, resp, nil, true); err != nil {
		// Only a reply from the server fills resp; after a cancelled
		// wait the reader may still be decoding into it.
		var zerr *Error
		if !errors.As(err, &zerr) || zerr.Code == CodeConnectionLoss || len(resp.results) == 0 {
			return nil, err
		}
	}
	if len(resp.results) != len(ops) {
		return nil, &Error{Op: "multiRead", Code: CodeMarshallingError,
			Err: fmt.Errorf("%w: %d results for %d operations", ErrProtocol, len(resp.results), len(ops))}
	}
	out := make([]ReadResult, len(ops))
	for i, r := range resp.results {
		out[i] = ReadResult{Data: r.data, Stat: r.stat, Children: r.children}
		if r.code != CodeOK {
			out[i].Err = &Error{Op: ops[i].op.String(), Path: ops[i].Path, Code: r.code}
		}
	}
	return out, nil
}
