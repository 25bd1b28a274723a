package zk

import (
	"context"
	"time"

	"github.com/zkui/zkui/zk/internal/jute"
	"github.com/zkui/zkui/zk/internal/proto"
)

// checkPath validates path for op and returns it with the chroot applied.
func (c *Conn) checkPath(op opcode, path string) (string, error) {
	if err := validatePath(op.String(), path); err != nil {
		return "", err
	}
	return chrootPath(c.chroot, path), nil
}

func (c *Conn) checkData(op opcode, path string, data []byte) error {
	if len(data) > c.cfg.maxFrame-1024 {
		return inputError(op.String(), path, ErrFrameTooLarge,
			"data of %d bytes exceeds the limit of %d (the server's jute.maxbuffer)", len(data), c.cfg.maxFrame-1024)
	}
	return nil
}

func (c *Conn) checkWrite(op opcode, path string) error {
	if c.readOnly && op.isWrite() {
		return &clientError{op: op.String(), path: path, cause: ErrReadOnly,
			msg: "the server serves this session read-only (it lost its quorum)"}
	}
	return nil
}

// Create makes a node and returns its path (with the counter, for a
// sequential mode). TTL modes need CreateTTL.
func (c *Conn) Create(ctx context.Context, path string, data []byte, mode CreateMode, acl []ACL) (string, error) {
	p, _, err := c.create(ctx, path, data, mode, acl, 0, false)
	return p, err
}

// Create2 is Create that also returns the new node's Stat (servers >= 3.5).
func (c *Conn) Create2(ctx context.Context, path string, data []byte, mode CreateMode, acl []ACL) (string, Stat, error) {
	return c.create(ctx, path, data, mode, acl, 0, true)
}

// CreateTTL makes a TTL node (mode ModePersistentTTL or
// ModePersistentSequentialTTL) that the server deletes once it has had no
// children and no change for ttl. The server must run with
// extendedTypesEnabled=true.
func (c *Conn) CreateTTL(ctx context.Context, path string, data []byte, mode CreateMode, acl []ACL, ttl time.Duration) (string, Stat, error) {
	if !mode.TTL() {
		return "", Stat{}, inputError("create", path, ErrBadInput, "CreateTTL needs a TTL mode, got %s", mode)
	}
	if ttl <= 0 || ttl.Milliseconds() > ttlMask {
		return "", Stat{}, inputError("create", path, ErrBadInput, "TTL must be between 1ms and %v, got %v", time.Duration(ttlMask)*time.Millisecond, ttl)
	}
	return c.create(ctx, path, data, mode, acl, ttl, true)
}

func (c *Conn) create(ctx context.Context, path string, data []byte, mode CreateMode, acl []ACL, ttl time.Duration, withStat bool) (string, Stat, error) {
	op, err := createOpcode(path, mode, ttl, withStat)
	if err != nil {
		return "", Stat{}, err
	}
	if err := validateSeqPath("create", path, mode.Sequential()); err != nil {
		return "", Stat{}, err
	}
	if err := c.checkData(op, path, data); err != nil {
		return "", Stat{}, err
	}
	if err := c.checkWrite(op, path); err != nil {
		return "", Stat{}, err
	}
	if len(acl) == 0 {
		return "", Stat{}, inputError("create", path, ErrBadInput, "an ACL is required (use zk.WorldACL(zk.PermAll) for an open node)")
	}
	full := chrootPath(c.chroot, path)
	var body jute.Record
	if op == opCreateTTL {
		body = &proto.CreateTTLRequest{Path: full, Data: data, Acl: aclsToProto(acl), Flags: int32(mode), Ttl: ttl.Milliseconds()}
	} else {
		body = &proto.CreateRequest{Path: full, Data: data, Acl: aclsToProto(acl), Flags: int32(mode)}
	}
	if op == opCreate {
		var resp proto.CreateResponse
		if err := c.call(ctx, op, path, body, &resp, nil); err != nil {
			return "", Stat{}, err
		}
		return stripChroot(c.chroot, resp.Path), Stat{}, nil
	}
	var resp proto.Create2Response
	if err := c.call(ctx, op, path, body, &resp, nil); err != nil {
		return "", Stat{}, err
	}
	return stripChroot(c.chroot, resp.Path), statFrom(&resp.Stat), nil
}

// createOpcode picks the wire operation for a create: containers and TTL
// nodes have their own opcodes, both answered with a Stat.
func createOpcode(path string, mode CreateMode, ttl time.Duration, withStat bool) (opcode, error) {
	switch {
	case !mode.valid():
		return 0, inputError("create", path, ErrBadInput, "unknown create mode %d", int32(mode))
	case mode == ModeContainer:
		return opCreateContainer, nil
	case mode.TTL():
		if ttl <= 0 {
			return 0, inputError("create", path, ErrBadInput, "mode %s needs CreateTTL with a positive TTL", mode)
		}
		return opCreateTTL, nil
	case withStat:
		return opCreate2, nil
	}
	return opCreate, nil
}

// Delete removes a node if its version matches (-1 matches any version).
func (c *Conn) Delete(ctx context.Context, path string, version int32) error {
	p, err := c.checkPath(opDelete, path)
	if err != nil {
		return err
	}
	if err := c.checkWrite(opDelete, path); err != nil {
		return err
	}
	return c.call(ctx, opDelete, path, &proto.DeleteRequest{Path: p, Version: version}, nil, nil)
}

// Exists reports whether a node exists, with its Stat when it does.
func (c *Conn) Exists(ctx context.Context, path string) (bool, Stat, error) {
	return c.exists(ctx, path, nil)
}

// ExistsW is Exists that also sets a one-shot watch: the channel gets the
// node's next creation, deletion or data change (and session events meanwhile),
// then closes.
func (c *Conn) ExistsW(ctx context.Context, path string) (bool, Stat, <-chan Event, error) {
	w := c.watches.newWatcher(watchData, path)
	ok, st, err := c.exists(ctx, path, w)
	if err != nil {
		return false, Stat{}, nil, err
	}
	return ok, st, w.q.ch, nil
}

func (c *Conn) exists(ctx context.Context, path string, w *watcher) (bool, Stat, error) {
	p, err := c.checkPath(opExists, path)
	if err != nil {
		return false, Stat{}, err
	}
	var resp proto.ExistsResponse
	err = c.call(ctx, opExists, path, &proto.ExistsRequest{Path: p, Watch: w != nil}, &resp, w)
	switch {
	case err == nil:
		return true, statFrom(&resp.Stat), nil
	case isCode(err, CodeNoNode):
		return false, Stat{}, nil
	}
	return false, Stat{}, err
}

// GetData returns a node's data and Stat.
func (c *Conn) GetData(ctx context.Context, path string) ([]byte, Stat, error) {
	return c.getData(ctx, path, nil)
}

// GetDataW is GetData that also sets a one-shot data watch: the channel gets
// the node's next data change or deletion (and session events meanwhile),
// then closes.
func (c *Conn) GetDataW(ctx context.Context, path string) ([]byte, Stat, <-chan Event, error) {
	w := c.watches.newWatcher(watchData, path)
	data, st, err := c.getData(ctx, path, w)
	if err != nil {
		return nil, Stat{}, nil, err
	}
	return data, st, w.q.ch, nil
}

func (c *Conn) getData(ctx context.Context, path string, w *watcher) ([]byte, Stat, error) {
	p, err := c.checkPath(opGetData, path)
	if err != nil {
		return nil, Stat{}, err
	}
	var resp proto.GetDataResponse
	if err := c.call(ctx, opGetData, path, &proto.GetDataRequest{Path: p, Watch: w != nil}, &resp, w); err != nil {
		return nil, Stat{}, err
	}
	return resp.Data, statFrom(&resp.Stat), nil
}

// SetData replaces a node's data if its version matches (-1 matches any).
func (c *Conn) SetData(ctx context.Context, path string, data []byte, version int32) (Stat, error) {
	p, err := c.checkPath(opSetData, path)
	if err != nil {
		return Stat{}, err
	}
	if err := c.checkData(opSetData, path, data); err != nil {
		return Stat{}, err
	}
	if err := c.checkWrite(opSetData, path); err != nil {
		return Stat{}, err
	}
	var resp proto.SetDataResponse
	if err := c.call(ctx, opSetData, path, &proto.SetDataRequest{Path: p, Data: data, Version: version}, &resp, nil); err != nil {
		return Stat{}, err
	}
	return statFrom(&resp.Stat), nil
}

// GetACL returns a node's ACL and Stat.
func (c *Conn) GetACL(ctx context.Context, path string) ([]ACL, Stat, error) {
	p, err := c.checkPath(opGetACL, path)
	if err != nil {
		return nil, Stat{}, err
	}
	var resp proto.GetACLResponse
	if err := c.call(ctx, opGetACL, path, &proto.GetACLRequest{Path: p}, &resp, nil); err != nil {
		return nil, Stat{}, err
	}
	return aclsFromProto(resp.Acl), statFrom(&resp.Stat), nil
}

// SetACL replaces a node's ACL if its ACL version matches (-1 matches any).
func (c *Conn) SetACL(ctx context.Context, path string, acl []ACL, aversion int32) (Stat, error) {
	p, err := c.checkPath(opSetACL, path)
	if err != nil {
		return Stat{}, err
	}
	if err := c.checkWrite(opSetACL, path); err != nil {
		return Stat{}, err
	}
	if len(acl) == 0 {
		return Stat{}, inputError("setACL", path, ErrBadInput, "an ACL must have at least one entry")
	}
	var resp proto.SetACLResponse
	if err := c.call(ctx, opSetACL, path, &proto.SetACLRequest{Path: p, Acl: aclsToProto(acl), Version: aversion}, &resp, nil); err != nil {
		return Stat{}, err
	}
	return statFrom(&resp.Stat), nil
}

// GetChildren returns a node's children names (unsorted, as the server keeps
// them) and its Stat.
func (c *Conn) GetChildren(ctx context.Context, path string) ([]string, Stat, error) {
	return c.getChildren(ctx, path, nil)
}

// GetChildrenW is GetChildren that also sets a one-shot child watch: the
// channel gets the next change to the set of children or the node's deletion
// (and session events meanwhile), then closes.
func (c *Conn) GetChildrenW(ctx context.Context, path string) ([]string, Stat, <-chan Event, error) {
	w := c.watches.newWatcher(watchChild, path)
	kids, st, err := c.getChildren(ctx, path, w)
	if err != nil {
		return nil, Stat{}, nil, err
	}
	return kids, st, w.q.ch, nil
}

func (c *Conn) getChildren(ctx context.Context, path string, w *watcher) ([]string, Stat, error) {
	p, err := c.checkPath(opGetChildren2, path)
	if err != nil {
		return nil, Stat{}, err
	}
	var resp proto.GetChildren2Response
	if err := c.call(ctx, opGetChildren2, path, &proto.GetChildren2Request{Path: p, Watch: w != nil}, &resp, w); err != nil {
		return nil, Stat{}, err
	}
	return resp.Children, statFrom(&resp.Stat), nil
}

// Sync asks the server this session is connected to to catch up with the
// leader, so that reads after it see every write committed before it.
func (c *Conn) Sync(ctx context.Context, path string) (string, error) {
	p, err := c.checkPath(opSync, path)
	if err != nil {
		return "", err
	}
	var resp proto.SyncResponse
	if err := c.call(ctx, opSync, path, &proto.SyncRequest{Path: p}, &resp, nil); err != nil {
		return "", err
	}
	return stripChroot(c.chroot, resp.Path), nil
}

func isCode(err error, code Code) bool {
	e, ok := err.(*Error)
	return ok && e.Code == code
}
