package model

import (
	"context"
	"log/slog"
	"time"

	"github.com/zkui/zkui/zk"
)

// Session is what a Tree needs of a ZooKeeper handle. Both *zk.Conn and
// *zk.Client satisfy it; with a Conn the mirror ends with the connection,
// with a Client it survives reconnects and session expiry.
//
// Session state must arrive on the watch channel itself (an event of type
// zk.EventSession), as both of them do.
type Session interface {
	GetChildren(ctx context.Context, path string) ([]string, zk.Stat, error)
	GetData(ctx context.Context, path string) ([]byte, zk.Stat, error)
	Exists(ctx context.Context, path string) (bool, zk.Stat, error)
	MultiRead(ctx context.Context, ops ...zk.ReadOp) ([]zk.ReadResult, error)
	AddWatch(ctx context.Context, path string, mode zk.AddWatchMode) (<-chan zk.Event, error)
	GetAllChildrenNumber(ctx context.Context, path string) (int, error)
}

// OneShotSession is a Session that can also set one-shot watches. A Tree
// uses them on servers older than 3.6 (no persistent watches), on loaded
// nodes only.
type OneShotSession interface {
	Session
	GetChildrenW(ctx context.Context, path string) ([]string, zk.Stat, <-chan zk.Event, error)
	GetDataW(ctx context.Context, path string) ([]byte, zk.Stat, <-chan zk.Event, error)
}

// Options tune a Tree; the zero value is ready to use.
type Options struct {
	// Root is the mirrored path ("/" when empty): the whole tree, or a
	// subtree.
	Root string
	// DataBudget bounds the cached node data in bytes (DefaultDataBudget
	// when 0); least recently used data is evicted.
	DataBudget int64
	// BatchOps is the number of reads per multiRead (DefaultBatchOps when 0).
	BatchOps int
	// InFlight is the number of batches on the wire at once
	// (DefaultInFlight when 0).
	InFlight int
	// NoticeInterval is the shortest time between two notices
	// (DefaultNoticeInterval when 0).
	NoticeInterval time.Duration
	// OneShotWatches forces the fallback for servers older than 3.6:
	// one-shot child and data watches on loaded nodes and single reads
	// instead of multiRead. The session must be a OneShotSession.
	OneShotWatches bool
	// Logger gets the syncer's diagnostics (discarded when nil).
	Logger *slog.Logger
}

// Defaults for Options.
const (
	DefaultDataBudget     = 64 << 20
	DefaultBatchOps       = 256
	DefaultInFlight       = 16
	DefaultNoticeInterval = time.Second / 60
)

func (o Options) withDefaults() Options {
	if o.Root == "" {
		o.Root = "/"
	}
	if o.DataBudget <= 0 {
		o.DataBudget = DefaultDataBudget
	}
	if o.BatchOps <= 0 {
		o.BatchOps = DefaultBatchOps
	}
	if o.InFlight <= 0 {
		o.InFlight = DefaultInFlight
	}
	if o.NoticeInterval <= 0 {
		o.NoticeInterval = DefaultNoticeInterval
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}
