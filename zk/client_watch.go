package zk

import "context"

// The watch calls of a Client register in a registry shared by all its
// connections, so their channels outlive a connection: on a reconnect they
// hear Disconnected and Connected, SetWatches puts the watches back on the
// server with the last seen zxid (so changes made meanwhile fire), and they
// fire later as usual. On session expiry a one-shot watch hears Expired and
// closes; a persistent one hears Expired, is set on the new session, hears
// Connected and goes on. Every channel closes after Closed on Reset.

// ExistsW is Exists with a one-shot watch on the node's creation, deletion
// or data change.
func (c *Client) ExistsW(ctx context.Context, path string) (ok bool, st Stat, ch <-chan Event, err error) {
	err = c.do(ctx, "exists", path, retrySafe, func(cn *Conn) (err error) {
		ok, st, ch, err = cn.ExistsW(ctx, path)
		return
	})
	return
}

// GetDataW is GetData with a one-shot watch on the node's next data change
// or deletion.
func (c *Client) GetDataW(ctx context.Context, path string) (data []byte, st Stat, ch <-chan Event, err error) {
	err = c.do(ctx, "getData", path, retrySafe, func(cn *Conn) (err error) {
		data, st, ch, err = cn.GetDataW(ctx, path)
		return
	})
	return
}

// GetChildrenW is GetChildren with a one-shot watch on the next change of
// the set of children or the node's deletion.
func (c *Client) GetChildrenW(ctx context.Context, path string) (kids []string, st Stat, ch <-chan Event, err error) {
	err = c.do(ctx, "getChildren", path, retrySafe, func(cn *Conn) (err error) {
		kids, st, ch, err = cn.GetChildrenW(ctx, path)
		return
	})
	return
}

// AddWatch sets a persistent (optionally recursive) watch (3.6+) that stays
// through reconnects and session expiry until RemoveWatches or Reset.
func (c *Client) AddWatch(ctx context.Context, path string, mode AddWatchMode) (ch <-chan Event, err error) {
	err = c.do(ctx, "addWatch", path, retrySafe, func(cn *Conn) (err error) {
		ch, err = cn.AddWatch(ctx, path, mode)
		return
	})
	return
}

// RemoveWatches removes the session's watches of type t on path; their
// channels get a *WatchRemoved event and close.
func (c *Client) RemoveWatches(ctx context.Context, path string, t WatcherType) error {
	return c.do(ctx, "removeWatches", path, retrySafe, func(cn *Conn) error { return cn.RemoveWatches(ctx, path, t) })
}

// CheckWatches reports, as a nil error, that the server holds a watch of
// type t on path for this session; ErrNoWatcher otherwise.
func (c *Client) CheckWatches(ctx context.Context, path string, t WatcherType) error {
	return c.do(ctx, "checkWatches", path, retrySafe, func(cn *Conn) error { return cn.CheckWatches(ctx, path, t) })
}
