// Package recipe builds the classic ZooKeeper coordination recipes and the
// tree helpers programs keep rewriting on top of a zk session.
//
// Coordination:
//
//   - Lock: a mutex over ephemeral sequential nodes. Each contender watches
//     only the node just before its own, so a release wakes one waiter, not
//     the herd.
//   - Election: candidates in several sessions; each hears "you are leader"
//     or "you are not" on a channel, and the next candidate takes over when
//     the leader's session ends or it resigns.
//   - QueueLock: the lowest node of a queue directory holds the lock; the
//     others wait, up to a deadline or until interrupted.
//   - PidNode: an ephemeral node that is created again after every session
//     expiry until it is stopped.
//
// Every sequential node is created under a protected name,
// "_c_<32 hex GUID>-<prefix>": when the reply of the create is lost with
// the connection, the recipe lists the parent and finds its node by the
// GUID instead of creating a second one that would never be deleted (the
// Client deliberately does not retry sequential creates).
//
// Helpers: CreateRecursive and EnsurePath (mkdir -p), DeleteRecursive
// (children first, in Multi batches kept far below the frame limit),
// ChildrenRecursive, CreateOrUpdate, RetryChange (read, modify, write with
// the version) and ResolveWildcards ("/zk/*/vt/tablets/*/action" to the
// paths that exist).
//
// The recipes take a small interface (Tree, or Session when they need the
// session's identity and state) that *zk.Client satisfies, so they can run
// on anything shaped like it, such as a cell router.
package recipe
