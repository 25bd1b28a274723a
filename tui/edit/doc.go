// Package edit is the logic behind zkui's editing dialogs: it checks what
// the user typed (names, TTLs, ACL entries, data size, JSON that broke) and
// performs the writes so that nothing is ever lost. Every write is
// version-checked with the version that was read; a conflict comes back as
// the three versions to show, never as a silent overwrite. Subtree
// operations (recursive delete, copy, move) scan first, then run in multi
// batches under the frame limit with progress and cancel, and say exactly
// what was done when they stop early.
//
// It imports no bubbletea: the dialogs in tui/dialog check input with it and
// the explorer runs its writes from commands.
package edit

import (
	"context"
	"time"

	"github.com/zkui/zkui/zk"
)

// Writer is what the editing operations need of a session; *zk.Client and
// *zk.Conn satisfy it.
type Writer interface {
	GetData(ctx context.Context, path string) ([]byte, zk.Stat, error)
	GetChildren(ctx context.Context, path string) ([]string, zk.Stat, error)
	GetACL(ctx context.Context, path string) ([]zk.ACL, zk.Stat, error)
	Exists(ctx context.Context, path string) (bool, zk.Stat, error)
	SetData(ctx context.Context, path string, data []byte, version int32) (zk.Stat, error)
	SetACL(ctx context.Context, path string, acl []zk.ACL, aversion int32) (zk.Stat, error)
	Delete(ctx context.Context, path string, version int32) error
	Multi(ctx context.Context, ops ...zk.Op) ([]zk.OpResult, error)
	Create2(ctx context.Context, path string, data []byte, mode zk.CreateMode, acl []zk.ACL) (string, zk.Stat, error)
	CreateTTL(ctx context.Context, path string, data []byte, mode zk.CreateMode, acl []zk.ACL, ttl time.Duration) (string, zk.Stat, error)
}
