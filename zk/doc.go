// Package zk is a native ZooKeeper client.
//
// It speaks ZooKeeper's binary protocol (Jute records over TCP or TLS) with a
// codec generated from our own schema, and offers two levels:
//
//   - Conn, from DialContext: one session on one connection. Requests are
//     pipelined: callers queue frames that one writer goroutine flushes with a
//     single write, and one reader goroutine matches replies in FIFO order,
//     because a server answers a session's requests in the order it received
//     them. Conn never retries.
//   - Client: the long-lived handle most programs want. It owns the reconnect
//     loop, resumes the session on another server, replays credentials and
//     watches, and retries what is safe to retry.
//
// Every call takes a context first; cancelling it abandons the wait without
// disturbing the stream. Errors carry the operation, the path and the server's
// code, and match sentinels with errors.Is:
//
//	_, err := conn.Delete(ctx, "/a/b", -1)
//	if errors.Is(err, zk.ErrNotEmpty) { ... } // "delete /a/b: node has children"
package zk
