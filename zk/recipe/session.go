package recipe

import (
	"context"
	"errors"

	"github.com/zkui/zkui/zk"
)

// Tree is the part of a ZooKeeper client the tree helpers use. *zk.Client
// satisfies it.
type Tree interface {
	Create(ctx context.Context, path string, data []byte, mode zk.CreateMode, acl []zk.ACL) (string, error)
	Delete(ctx context.Context, path string, version int32) error
	Exists(ctx context.Context, path string) (bool, zk.Stat, error)
	GetData(ctx context.Context, path string) ([]byte, zk.Stat, error)
	SetData(ctx context.Context, path string, data []byte, version int32) (zk.Stat, error)
	GetChildren(ctx context.Context, path string) ([]string, zk.Stat, error)
	Multi(ctx context.Context, ops ...zk.Op) ([]zk.OpResult, error)
}

// Session is what the coordination recipes need on top of Tree: one-shot
// watches, the session's id, and its state stream to notice expiry.
// *zk.Client satisfies it.
type Session interface {
	Tree
	ExistsW(ctx context.Context, path string) (bool, zk.Stat, <-chan zk.Event, error)
	GetChildrenW(ctx context.Context, path string) ([]string, zk.Stat, <-chan zk.Event, error)
	// SessionID is the current session's id.
	SessionID() int64
	// States returns a new channel of session state changes (EventSession
	// events), closed after StateClosed.
	States() <-chan zk.Event
}

var _ Session = (*zk.Client)(nil)

// Errors of the recipes, for errors.Is.
var (
	// ErrDeadlock is returned by Lock and TryLock on a Lock that is already
	// held (or being acquired) through the same value.
	ErrDeadlock = errors.New("recipe: lock already held by this Lock")
	// ErrNotLocked is returned by Unlock on a Lock that is not held.
	ErrNotLocked = errors.New("recipe: lock not held")
	// ErrInterrupted is returned by QueueLock.Wait when its interrupt
	// channel closes first.
	ErrInterrupted = errors.New("recipe: interrupted")
	// ErrTimeout is returned by QueueLock.Wait when its wait runs out.
	ErrTimeout = errors.New("recipe: timed out waiting for the lock")
	// ErrTooManyRetries is returned by RetryChange when concurrent writers
	// kept changing the node for every attempt.
	ErrTooManyRetries = errors.New("recipe: too many concurrent changes")
	// ErrResigned is returned by Election calls after Resign.
	ErrResigned = errors.New("recipe: candidate resigned")
)

// defaultACL is used when a recipe is given no ACL: open to everyone, as
// the recipes of other clients default to.
func defaultACL(acl []zk.ACL) []zk.ACL {
	if len(acl) == 0 {
		return zk.WorldACL(zk.PermAll)
	}
	return acl
}
