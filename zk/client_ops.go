package zk

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// retryPolicy says when a failed call may be sent again.
type retryPolicy int

const (
	// retrySafe: the call may be repeated after any retryable failure
	// (reads, and writes whose repetition the Client doc describes).
	retrySafe retryPolicy = iota
	// retryUnsent: repeated only when it never reached a server or the
	// server refused it unapplied (throttled); sequential creates, multi,
	// reconfig.
	retryUnsent
)

// do runs f on the live connection, retrying as the policy and MaxRetries
// allow, always inside ctx.
func (c *Client) do(ctx context.Context, op, path string, pol retryPolicy, f func(*Conn) error) error {
	if err := c.start(); err != nil {
		return err
	}
	if c.ReadOnly && writeOps[op] {
		// Refused here too, so a write fails at once even while no
		// server is reachable; the Conn's own gate covers every path.
		err := &clientError{op: op, path: path, cause: ErrReadOnly, msg: "the client is in read-only mode"}
		if c.OnRequest != nil {
			c.OnRequest(OpRecord{Start: time.Now(), Op: op, Path: path, Code: CodeSystemError, Err: err, Write: true})
		}
		return err
	}
	retries := c.maxRetries()
	for attempt := 0; ; attempt++ {
		conn, err := c.waitConn(ctx, op, path, c.sessionTimeout())
		if err == nil {
			err = f(conn)
			if err == nil {
				return nil
			}
		}
		if !c.mayRetry(err, pol) || attempt >= retries {
			return err
		}
		if !retryBackoff.sleep(ctx, c.stop, attempt) {
			if ctx.Err() != nil {
				return fmt.Errorf("%w (gave up retrying after: %v)", ctx.Err(), err)
			}
			return ErrClosed
		}
	}
}

// writeOps are the Client operation names that change the tree.
var writeOps = map[string]bool{"create": true, "delete": true, "setData": true, "setACL": true, "multi": true, "reconfig": true}

func (c *Client) mayRetry(err error, pol retryPolicy) bool {
	if !IsRetryable(err) {
		return false
	}
	var nc notConnected
	switch {
	case pol == retrySafe, errors.As(err, &nc), errors.Is(err, ErrThrottledOp):
		return true
	}
	return false
}

func createPolicy(mode CreateMode) retryPolicy {
	if mode.Sequential() {
		return retryUnsent
	}
	return retrySafe
}

// Create makes a node; see Conn.Create and the Client doc for retries.
func (c *Client) Create(ctx context.Context, path string, data []byte, mode CreateMode, acl []ACL) (created string, err error) {
	err = c.do(ctx, "create", path, createPolicy(mode), func(cn *Conn) (err error) {
		created, err = cn.Create(ctx, path, data, mode, acl)
		return
	})
	return
}

// Create2 is Create that also returns the node's Stat.
func (c *Client) Create2(ctx context.Context, path string, data []byte, mode CreateMode, acl []ACL) (created string, st Stat, err error) {
	err = c.do(ctx, "create", path, createPolicy(mode), func(cn *Conn) (err error) {
		created, st, err = cn.Create2(ctx, path, data, mode, acl)
		return
	})
	return
}

// CreateTTL makes a TTL node; see Conn.CreateTTL.
func (c *Client) CreateTTL(ctx context.Context, path string, data []byte, mode CreateMode, acl []ACL, ttl time.Duration) (created string, st Stat, err error) {
	err = c.do(ctx, "create", path, createPolicy(mode), func(cn *Conn) (err error) {
		created, st, err = cn.CreateTTL(ctx, path, data, mode, acl, ttl)
		return
	})
	return
}

// Delete removes a node if its version matches (-1: any). After a retry, a
// -1 delete may report ErrNoNode for the node its first attempt removed.
func (c *Client) Delete(ctx context.Context, path string, version int32) error {
	return c.do(ctx, "delete", path, retrySafe, func(cn *Conn) error { return cn.Delete(ctx, path, version) })
}

// Exists reports whether a node exists, with its Stat when it does.
func (c *Client) Exists(ctx context.Context, path string) (ok bool, st Stat, err error) {
	err = c.do(ctx, "exists", path, retrySafe, func(cn *Conn) (err error) {
		ok, st, err = cn.Exists(ctx, path)
		return
	})
	return
}

// GetData returns a node's data and Stat.
func (c *Client) GetData(ctx context.Context, path string) (data []byte, st Stat, err error) {
	err = c.do(ctx, "getData", path, retrySafe, func(cn *Conn) (err error) {
		data, st, err = cn.GetData(ctx, path)
		return
	})
	return
}

// SetData replaces a node's data if its version matches (-1: any).
func (c *Client) SetData(ctx context.Context, path string, data []byte, version int32) (st Stat, err error) {
	err = c.do(ctx, "setData", path, retrySafe, func(cn *Conn) (err error) {
		st, err = cn.SetData(ctx, path, data, version)
		return
	})
	return
}

// GetACL returns a node's ACL and Stat.
func (c *Client) GetACL(ctx context.Context, path string) (acl []ACL, st Stat, err error) {
	err = c.do(ctx, "getACL", path, retrySafe, func(cn *Conn) (err error) {
		acl, st, err = cn.GetACL(ctx, path)
		return
	})
	return
}

// SetACL replaces a node's ACL if its ACL version matches (-1: any).
func (c *Client) SetACL(ctx context.Context, path string, acl []ACL, aversion int32) (st Stat, err error) {
	err = c.do(ctx, "setACL", path, retrySafe, func(cn *Conn) (err error) {
		st, err = cn.SetACL(ctx, path, acl, aversion)
		return
	})
	return
}

// GetChildren returns a node's children names and its Stat.
func (c *Client) GetChildren(ctx context.Context, path string) (kids []string, st Stat, err error) {
	err = c.do(ctx, "getChildren", path, retrySafe, func(cn *Conn) (err error) {
		kids, st, err = cn.GetChildren(ctx, path)
		return
	})
	return
}

// Sync makes the serving server catch up with the leader.
func (c *Client) Sync(ctx context.Context, path string) (synced string, err error) {
	err = c.do(ctx, "sync", path, retrySafe, func(cn *Conn) (err error) {
		synced, err = cn.Sync(ctx, path)
		return
	})
	return
}

// Multi applies ops atomically. It is retried only when it cannot have been
// applied (see the Client doc): a repeated multi would fail on its own
// earlier effect.
func (c *Client) Multi(ctx context.Context, ops ...Op) (res []OpResult, err error) {
	err = c.do(ctx, "multi", "", retryUnsent, func(cn *Conn) (err error) {
		res, err = cn.Multi(ctx, ops...)
		return
	})
	return
}

// MultiRead runs getData/getChildren reads in one round trip (3.6+).
func (c *Client) MultiRead(ctx context.Context, ops ...ReadOp) (res []ReadResult, err error) {
	err = c.do(ctx, "multiRead", "", retrySafe, func(cn *Conn) (err error) {
		res, err = cn.MultiRead(ctx, ops...)
		return
	})
	return
}
