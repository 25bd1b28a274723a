// Package model keeps a live, in-memory mirror of a ZooKeeper tree (the
// whole ensemble, a chroot or a subtree) and answers the questions a tree
// browser asks of it: sorted children, the visible rows of an expansion
// state, the row of a path and the path of a row, ancestors, subtree counts,
// search over names and data.
//
// A Tree is fed by ONE persistent recursive watch on the mirrored root
// (servers >= 3.6), never by one watch per node: a watch per node took a
// production ensemble to OOM for another explorer. Events say what changed
// but carry no data, so each one schedules the fetches it needs; fetches are
// batched into multiRead requests, many in flight on the one session.
//
// Convergence does not depend on the order in which replies and events
// reach the mirror. Every fetch is tracked while in flight; an event that
// touches the fetched path meanwhile makes the reply suspect, and the fetch
// is repeated once the reply has been applied. The last reply applied for a
// path was therefore issued after the last event that touched it, so once
// the tree is quiet the mirror equals the server's. After a reconnect (a
// recursive watch is not replayed by the server) and after a session expiry
// a reconcile pass refreshes every mirrored stat, and lists again only the
// children of nodes whose pzxid changed.
//
// Readers never block the syncer for long: the syncer applies a whole batch
// under a write lock, readers take a read lock. Changes are announced on a
// channel of coalesced Notices (at most about 60 a second) that never blocks
// the syncer; a reader that falls behind gets one notice saying everything
// may have changed.
//
// The package never imports bubbletea: the terminal UI adapts the notice
// channel into messages.
package model
