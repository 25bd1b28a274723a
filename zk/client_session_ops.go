package zk

import "context"

// GetEphemerals lists this session's ephemeral nodes under prefix (3.6+).
func (c *Client) GetEphemerals(ctx context.Context, prefix string) (paths []string, err error) {
	err = c.do(ctx, "getEphemerals", prefix, retrySafe, func(cn *Conn) (err error) {
		paths, err = cn.GetEphemerals(ctx, prefix)
		return
	})
	return
}

// GetAllChildrenNumber counts every node below path (3.6+).
func (c *Client) GetAllChildrenNumber(ctx context.Context, path string) (n int, err error) {
	err = c.do(ctx, "getAllChildrenNumber", path, retrySafe, func(cn *Conn) (err error) {
		n, err = cn.GetAllChildrenNumber(ctx, path)
		return
	})
	return
}

// WhoAmI returns the identities the server knows this session by (3.7+).
func (c *Client) WhoAmI(ctx context.Context) (ids []ClientInfo, err error) {
	err = c.do(ctx, "whoAmI", "", retrySafe, func(cn *Conn) (err error) {
		ids, err = cn.WhoAmI(ctx)
		return
	})
	return
}

// AddAuth adds credentials to the session and remembers them: they are sent
// again on every later connection, before any request. They never appear
// in errors or logs.
func (c *Client) AddAuth(ctx context.Context, scheme string, auth []byte) error {
	auth = append([]byte(nil), auth...)
	err := c.do(ctx, "addAuth", "", retrySafe, func(cn *Conn) error { return cn.AddAuth(ctx, scheme, auth) })
	if err == nil {
		c.mu.Lock()
		c.auths = append(c.auths, authInfo{scheme: scheme, auth: auth})
		c.mu.Unlock()
	}
	return err
}

// Config reads the ensemble's dynamic configuration.
func (c *Client) Config(ctx context.Context) (data []byte, st Stat, err error) {
	err = c.do(ctx, "getData", configNode, retrySafe, func(cn *Conn) (err error) {
		data, st, err = cn.Config(ctx)
		return
	})
	return
}

// Reconfig replaces the ensemble's membership; see Conn.Reconfig. It is
// retried only when it cannot have been applied.
func (c *Client) Reconfig(ctx context.Context, members []string, fromConfig int64) (data []byte, st Stat, err error) {
	err = c.do(ctx, "reconfig", "", retryUnsent, func(cn *Conn) (err error) {
		data, st, err = cn.Reconfig(ctx, members, fromConfig)
		return
	})
	return
}

// IncrementalReconfig adds and removes members; see Conn.IncrementalReconfig.
func (c *Client) IncrementalReconfig(ctx context.Context, joining, leaving []string, fromConfig int64) (data []byte, st Stat, err error) {
	err = c.do(ctx, "reconfig", "", retryUnsent, func(cn *Conn) (err error) {
		data, st, err = cn.IncrementalReconfig(ctx, joining, leaving, fromConfig)
		return
	})
	return
}
