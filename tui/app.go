package tui

import (
	"context"
	"log/slog"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/theme"
	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/tui/detail"
	"github.com/zkui/zkui/tui/prompt"
	"github.com/zkui/zkui/tui/statusbar"
	"github.com/zkui/zkui/tui/tree"
	"github.com/zkui/zkui/zk"
)

// Options describe the session the explorer shows.
type Options struct {
	Title     string // ensemble or profile name shown in the header
	Server    string // the server the session is connected to
	SessionID int64
	ReadOnly  bool
	Logger    *slog.Logger
	// States, when not nil, carries the session's state changes (events of
	// type zk.EventSession; others are ignored) for the header, e.g. a
	// client's States(). The explorer starts out showing "connected".
	States <-chan zk.Event
	// OpLog, when not nil, is the log the Client records its requests in
	// (Client.OnRequest = log.Record), listed by the operation log pane.
	OpLog *zk.OpLog
	// Stats, when not nil, is the poller of the ensemble's server statistics
	// the dashboard (S) shows, run by the caller.
	Stats *stats.Poller
	// Tree is the live mirror the tree pane shows, started by the caller.
	// When nil and the Source is also a model.Session (as *zk.Client is),
	// the explorer makes one and starts it from Init.
	Tree *model.Tree
}

// focus says which pane receives navigation keys.
type focus int

const (
	focusTree focus = iota
	focusDetail
)

// App is the root bubbletea model. It owns the widgets by concrete type,
// routes keys to the focused one and data messages to their owner, and is
// the only place that reads from the Source.
type App struct {
	com    *common.Common
	opts   Options
	src    Source
	ctx    context.Context // cancelled on quit so in-flight reads end
	cancel context.CancelFunc

	tree   tree.Model
	detail detail.Model
	status statusbar.Model
	help   help.Model
	prompt prompt.Model
	focus  focus
	hist   history
	// histTarget is the place a back/forward step is going to, so the
	// selection it causes does not count as a new visit.
	histTarget string
	// keepStatus keeps an error shown across the selection it caused (a
	// jump to a missing node lands on its ancestor).
	keepStatus bool

	ed   editing   // dialogs, subtree tasks, undo and the operation log
	dash dashState // the server dashboard (S)

	session        zk.State           // last state heard on Options.States
	writeClipboard func(string) error // the system clipboard; tests swap it
	overSSH        bool

	width, height int

	mir    *model.Tree // the live mirror
	ownMir bool        // made by New: started by Init, closed on quit
	live   liveState   // pause, stale, the marks' tick
	search searchState // the deep search
	chrome chromeCache // the header and help line as last drawn

	lastID      uint64 // last request id handed out
	detailID    uint64 // id of the detail read whose answer is wanted
	detailFor   string // path of that read
	pathID      uint64 // id of the jump whose answer is wanted
	completeID  uint64 // id of the completion whose answer is wanted
	completing  bool   // a completion is on its way
	acceptAfter bool   // enter came while completing: accept once it lands
}

// New builds the explorer on src and the mirror opts.Tree. Nothing is read
// until the program runs Init.
func New(src Source, opts Options) *App {
	com := common.New(opts.Logger)
	com.ReadOnly = opts.ReadOnly
	ctx, cancel := context.WithCancel(context.Background())
	mir, own := opts.Tree, false
	if mir == nil {
		sess, ok := src.(model.Session)
		if !ok {
			panic("tui: Options.Tree is nil and the Source is not a model.Session")
		}
		mir, own = model.New(sess, model.Options{Logger: opts.Logger}), true
	}
	a := &App{
		mir:    mir,
		ownMir: own,
		com:    com,
		opts:   opts,
		src:    src,
		ctx:    ctx,
		cancel: cancel,
		tree:   tree.New(com, mir),
		detail: detail.New(com),
		status: statusbar.New(com),
		help:   help.New(),
		prompt: prompt.New(com),
		hist:   newHistory(),

		session:        zk.StateConnected,
		writeClipboard: clipboard.WriteAll,
		overSSH:        overSSH(),
	}
	a.help.Styles = com.Styles.Help
	a.initEditing()
	a.initDashboard()
	a.status.Set(statusbar.Info, "Press ? for help, q to quit.")
	return a
}

// Init starts listening to the mirror's notices (starting the mirror when
// the explorer made it), reads the root's data, and asks the terminal for
// its background colour to pick a light or dark theme.
func (a *App) Init() tea.Cmd {
	return tea.Batch(
		a.startMirror(),
		a.selectNode(a.tree.Selected()),
		tea.RequestBackgroundColor,
		listenStates(a.ctx, a.opts.States),
		a.dash.m.Init(),
	)
}

// selectNode issues a data+ACL read of path; only the newest answer is
// shown, so holding j down does not make the pane replay every node.
func (a *App) selectNode(path string) tea.Cmd {
	if path != a.histTarget {
		a.hist.visit(path)
	}
	a.histTarget = ""
	a.lastID++
	a.detailID, a.detailFor = a.lastID, path
	a.detail.SetLoading(path)
	return loadNode(a.ctx, a.src, a.mir, a.lastID, path)
}

// setTheme swaps every style, e.g. once the terminal reported a light
// background.
func (a *App) setTheme(t *theme.Theme) {
	a.com.Styles = t
	a.help.Styles = t.Help
	a.layout()
}
