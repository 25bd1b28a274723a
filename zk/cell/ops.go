package cell

import (
	"context"
	"fmt"
	"time"

	"github.com/zkui/zkui/zk"
)

// Create makes a node in the cell the path names and returns its
// namespace path.
func (r *Router) Create(ctx context.Context, p string, data []byte, mode zk.CreateMode, acl []zk.ACL) (string, error) {
	created, _, err := r.Create2(ctx, p, data, mode, acl)
	return created, err
}

// Create2 is Create that also returns the node's Stat.
func (r *Router) Create2(ctx context.Context, p string, data []byte, mode zk.CreateMode, acl []zk.ACL) (string, zk.Stat, error) {
	rt, c, err := r.cellFor("create", p)
	if err != nil {
		return "", zk.Stat{}, err
	}
	if rt.virtual {
		return "", zk.Stat{}, virtualWrite("create", p)
	}
	created, st, err := c.Create2(ctx, rt.path, data, mode, acl)
	if err != nil {
		return "", st, rt.mapErr(err)
	}
	return rt.outside(created), st, nil
}

// CreateTTL makes a TTL node in the cell the path names.
func (r *Router) CreateTTL(ctx context.Context, p string, data []byte, mode zk.CreateMode, acl []zk.ACL, ttl time.Duration) (string, zk.Stat, error) {
	rt, c, err := r.cellFor("create", p)
	if err != nil {
		return "", zk.Stat{}, err
	}
	if rt.virtual {
		return "", zk.Stat{}, virtualWrite("create", p)
	}
	created, st, err := c.CreateTTL(ctx, rt.path, data, mode, acl, ttl)
	if err != nil {
		return "", st, rt.mapErr(err)
	}
	return rt.outside(created), st, nil
}

// Delete removes a node if its version matches (-1: any).
func (r *Router) Delete(ctx context.Context, p string, version int32) error {
	rt, c, err := r.cellFor("delete", p)
	if err != nil {
		return err
	}
	if rt.virtual {
		return virtualWrite("delete", p)
	}
	return rt.mapErr(c.Delete(ctx, rt.path, version))
}

// Exists reports whether a node exists, with its Stat when it does. "/"
// and "/zk" always exist.
func (r *Router) Exists(ctx context.Context, p string) (bool, zk.Stat, error) {
	rt, c, err := r.cellFor("exists", p)
	if err != nil {
		return false, zk.Stat{}, ignoreNoNode(err)
	}
	if rt.virtual {
		return true, r.virtualStat(p), nil
	}
	ok, st, err := c.Exists(ctx, rt.path)
	return ok, st, rt.mapErr(err)
}

// GetData returns a node's data and Stat; the virtual nodes have none.
func (r *Router) GetData(ctx context.Context, p string) ([]byte, zk.Stat, error) {
	rt, c, err := r.cellFor("getData", p)
	if err != nil {
		return nil, zk.Stat{}, err
	}
	if rt.virtual {
		return nil, r.virtualStat(p), nil
	}
	data, st, err := c.GetData(ctx, rt.path)
	return data, st, rt.mapErr(err)
}

// SetData replaces a node's data if its version matches (-1: any).
func (r *Router) SetData(ctx context.Context, p string, data []byte, version int32) (zk.Stat, error) {
	rt, c, err := r.cellFor("setData", p)
	if err != nil {
		return zk.Stat{}, err
	}
	if rt.virtual {
		return zk.Stat{}, virtualWrite("setData", p)
	}
	st, err := c.SetData(ctx, rt.path, data, version)
	return st, rt.mapErr(err)
}

// GetACL returns a node's ACL and Stat; the virtual nodes are readable by
// anyone.
func (r *Router) GetACL(ctx context.Context, p string) ([]zk.ACL, zk.Stat, error) {
	rt, c, err := r.cellFor("getACL", p)
	if err != nil {
		return nil, zk.Stat{}, err
	}
	if rt.virtual {
		return zk.WorldACL(zk.PermRead), r.virtualStat(p), nil
	}
	acl, st, err := c.GetACL(ctx, rt.path)
	return acl, st, rt.mapErr(err)
}

// SetACL replaces a node's ACL if its ACL version matches (-1: any).
func (r *Router) SetACL(ctx context.Context, p string, acl []zk.ACL, aversion int32) (zk.Stat, error) {
	rt, c, err := r.cellFor("setACL", p)
	if err != nil {
		return zk.Stat{}, err
	}
	if rt.virtual {
		return zk.Stat{}, virtualWrite("setACL", p)
	}
	st, err := c.SetACL(ctx, rt.path, acl, aversion)
	return st, rt.mapErr(err)
}

// GetChildren lists a node's children: "/" has "zk", "/zk" has the cells.
func (r *Router) GetChildren(ctx context.Context, p string) ([]string, zk.Stat, error) {
	rt, c, err := r.cellFor("getChildren", p)
	if err != nil {
		return nil, zk.Stat{}, err
	}
	if rt.virtual {
		return r.virtualChildren(p), r.virtualStat(p), nil
	}
	kids, st, err := c.GetChildren(ctx, rt.path)
	return kids, st, rt.mapErr(err)
}

func (r *Router) virtualChildren(p string) []string {
	if p == "/" {
		return []string{Root[1:]}
	}
	return r.Cells()
}

// Multi applies ops atomically on one cell; ops naming several cells (or
// the virtual nodes) are refused before anything is sent.
func (r *Router) Multi(ctx context.Context, ops ...zk.Op) ([]zk.OpResult, error) {
	if len(ops) == 0 {
		return nil, fmt.Errorf("multi: %w: no operations", zk.ErrBadInput)
	}
	var rt route
	inner := make([]zk.Op, len(ops))
	for i, o := range ops {
		ort, err := r.resolve("multi", o.Path)
		if err != nil {
			return nil, err
		}
		if ort.virtual {
			return nil, virtualWrite("multi", o.Path)
		}
		if i > 0 && ort.cell != rt.cell {
			return nil, fmt.Errorf("multi: %w: op 0 on %q, op %d on %q", ErrCrossCell, rt.cell, i, ort.cell)
		}
		rt = ort
		inner[i] = o
		inner[i].Path = ort.path
	}
	c, err := r.client(rt)
	if err != nil {
		return nil, err
	}
	res, err := c.Multi(ctx, inner...)
	for i := range res {
		if res[i].Path != "" {
			res[i].Path = rt.outside(res[i].Path)
		}
		res[i].Err = rt.mapErr(res[i].Err)
	}
	return res, rt.mapErr(err)
}

// Sync makes the cell's serving server catch up with its leader.
func (r *Router) Sync(ctx context.Context, p string) (string, error) {
	rt, c, err := r.cellFor("sync", p)
	if err != nil || rt.virtual {
		return p, err
	}
	synced, err := c.Sync(ctx, rt.path)
	return rt.outside(synced), rt.mapErr(err)
}

// cellFor resolves p and, unless it is virtual, its cell's Client.
func (r *Router) cellFor(op, p string) (route, *zk.Client, error) {
	rt, err := r.resolve(op, p)
	if err != nil {
		return rt, nil, err
	}
	if rt.virtual {
		r.mu.Lock()
		closed := r.closed
		r.mu.Unlock()
		if closed {
			return rt, nil, ErrClosed
		}
		return rt, nil, nil
	}
	c, err := r.client(rt)
	return rt, c, err
}

// ignoreNoNode turns a missing node into (false, nil) for Exists, which
// reports absence without an error.
func ignoreNoNode(err error) error {
	if zkNoNode(err) {
		return nil
	}
	return err
}
