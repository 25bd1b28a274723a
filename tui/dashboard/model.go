// Package dashboard is zkui's live view of the servers behind a session:
// a table of every ensemble member with sparklines and a chart of one
// metric over the last hour (from a stats.Poller), the ensemble's health
// with alerts, the client sessions of a server, and its watches. Numbers
// the poller does not keep (zxids, connections, dumps, watch lists) are
// fetched through zk/admin as commands, only while the view needing them
// is shown.
package dashboard

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk/admin"
)

// Poller is the history the dashboard shows; *stats.Poller satisfies it.
type Poller interface {
	Members() []stats.MemberStatus
	Series(addr, metric string, from time.Time) []stats.Sample
	Latest(addr, metric string) (stats.Sample, bool)
	Interval() time.Duration
	SetInterval(d time.Duration) time.Duration
}

// Probe asks one server for what the poller does not keep; *admin.Client
// satisfies it.
type Probe interface {
	Stats(ctx context.Context) (*admin.ServerStats, admin.Source, error)
	Connections(ctx context.Context) ([]admin.Connection, admin.Source, error)
	Dump(ctx context.Context) (*admin.Dump, admin.Source, error)
	WatchSummary(ctx context.Context) (*admin.WatchSummary, admin.Source, error)
	Watches(ctx context.Context) (admin.SessionWatches, admin.Source, error)
	WatchesByPath(ctx context.Context) (admin.PathWatches, admin.Source, error)
}

// Options configure a dashboard. Poller may be nil: the dashboard then
// says that nothing is polled.
type Options struct {
	Poller Poller
	// NewProbe makes the Probe of one member; admin.New(addr) when nil.
	NewProbe func(addr string) Probe
	// Thresholds of the health alerts; DefaultThresholds when zero.
	Thresholds Thresholds
	// Timeout bounds each fetch; 5 s when zero.
	Timeout time.Duration
}

// View is one of the dashboard's pages.
type View int

// The dashboard's pages, in tab order.
const (
	ViewServers View = iota
	ViewHealth
	ViewSessions
	ViewWatches
	viewCount
)

// String names the page in its tab.
func (v View) String() string {
	return [...]string{"Servers", "Health", "Sessions", "Watches"}[v]
}

// Model is the dashboard widget.
type Model struct {
	com  *common.Common
	opts Options
	ctx  context.Context

	width, height int
	view          View
	visible       bool

	rows   []row  // the latest snapshot, sorted
	sel    string // address of the selected server
	sortBy sortKey
	metric int // index into chartMetrics
	probes map[string]Probe

	zxids map[string]zxidResult // srvr answers, for zxids and lag
	sess  sessions
	watch watches

	// nodePath and nodeOwner are the explorer's selected node and its
	// ephemeral owner (0 when not ephemeral), for the owner lookup.
	nodePath  string
	nodeOwner int64

	lastID  uint64 // request ids: answers to superseded requests are dropped
	tickGen int    // the tick chain wanted: ticks of older chains stop
	// after is tea.Tick; tests replace it to drive ticks by hand.
	after func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	note  string // one-line result of the last action
}

// New makes the dashboard. ctx ends its fetches (the program's lifetime).
func New(ctx context.Context, com *common.Common, opts Options) Model {
	if opts.NewProbe == nil {
		opts.NewProbe = func(addr string) Probe { return admin.New(addr) }
	}
	if opts.Thresholds == (Thresholds{}) {
		opts.Thresholds = DefaultThresholds()
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	m := Model{com: com, opts: opts, ctx: ctx, probes: map[string]Probe{}, zxids: map[string]zxidResult{}, after: tea.Tick}
	m.refresh()
	return m
}

// Init does nothing: the dashboard ticks only while shown (SetVisible).
func (m Model) Init() tea.Cmd { return nil }

// SetSize sets the cells the dashboard fills.
func (m *Model) SetSize(width, height int) { m.width, m.height = width, height }

// SetVisible says whether the dashboard is on screen: fetches beyond the
// poller's run only while it is.
func (m *Model) SetVisible(v bool) tea.Cmd {
	m.visible = v
	m.tickGen++ // ends the tick chain of an earlier showing
	if !v || m.opts.Poller == nil {
		return nil
	}
	m.refresh()
	return tea.Batch(m.tick(), m.fetchForView())
}

// Visible reports whether the dashboard is on screen.
func (m Model) Visible() bool { return m.visible }

// SetNode tells the dashboard which node the explorer has selected and
// its ephemeral owner (0 when none), for the owner lookup.
func (m *Model) SetNode(path string, ephemeralOwner int64) {
	m.nodePath, m.nodeOwner = path, ephemeralOwner
}

// CurrentView returns the page shown.
func (m Model) CurrentView() View { return m.view }

// Selected returns the address of the selected server.
func (m Model) Selected() string { return m.sel }

// ShortHelp lists the keys of the page shown.
func (m Model) ShortHelp() []key.Binding {
	k := m.com.Keys.Dash
	if m.watch.pending != "" {
		return []key.Binding{k.Confirm, k.Cancel}
	}
	switch m.view {
	case ViewSessions:
		return []key.Binding{k.NextView, k.Owner, k.Refresh, m.com.Keys.Dashboard}
	case ViewWatches:
		return []key.Binding{k.NextView, k.BySess, k.ByPath, k.Refresh, m.com.Keys.Dashboard}
	}
	return []key.Binding{k.NextView, k.Metric, k.Sort, k.Faster, k.Slower, m.com.Keys.Dashboard}
}

// FullHelp lists every key of the dashboard, by concern.
func (m Model) FullHelp() [][]key.Binding {
	k := m.com.Keys.Dash
	return [][]key.Binding{
		{k.NextView, k.PrevView, k.Servers, k.Health, k.Sessions, k.Watches},
		{m.com.Keys.Up, m.com.Keys.Down, k.Metric, k.Sort, k.Faster, k.Slower},
		{k.Refresh, k.Owner, k.BySess, k.ByPath, k.Confirm, k.Cancel},
	}
}

// Capturing reports whether the dashboard waits for an answer (a
// confirmation) and so needs every key, esc included.
func (m Model) Capturing() bool { return m.watch.pending != "" }
