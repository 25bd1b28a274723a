// Package tui is zkui's terminal explorer: a bubbletea program with the
// znode tree on the left and the selected node's data, stat and ACL on the
// right. App is the root model; the widgets live in sub-packages and never
// talk to ZooKeeper. The tree pane is drawn from the live mirror
// (model.Tree), whose change notices App listens to; App turns the
// widgets' requests into commands on the mirror (expand, load, data, deep
// search) and on a Source (ACLs, writes).
package tui

import (
	"context"

	"github.com/zkui/zkui/zk"
)

// Source is the narrow read API the explorer needs besides the mirror (the
// ACL pane; the editing code writes through it when it can). Both *zk.Conn
// and *zk.Client satisfy it, and tests use an in-memory fake.
type Source interface {
	GetChildren(ctx context.Context, path string) ([]string, zk.Stat, error)
	GetData(ctx context.Context, path string) ([]byte, zk.Stat, error)
	GetACL(ctx context.Context, path string) ([]zk.ACL, zk.Stat, error)
}
