package cell

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/zkui/zkui/zk"
)

// Root is the virtual node under which the cells appear.
const Root = "/zk"

// Errors of the Router, for errors.Is.
var (
	// ErrUnknownCell is wrapped (with zk.ErrNoNode, so a browser treats the
	// path as missing) for a path naming a cell that is not in the map.
	ErrUnknownCell = errors.New("unknown cell")
	// ErrVirtual is returned for a write to "/" or "/zk": they exist only
	// in the Router.
	ErrVirtual = errors.New("cell: the namespace root is virtual and read-only")
	// ErrCrossCell is returned for a Multi whose operations span cells.
	ErrCrossCell = errors.New("cell: a multi cannot span cells")
	// ErrClosed is returned by calls on a closed Router.
	ErrClosed = errors.New("cell: router closed")
)

// Router serves several ensembles as one tree: "/zk/<cell>/..." goes to
// that cell's ensemble (see the package doc). Build it with NewRouter; it
// is safe for concurrent use. Its methods have the signatures of
// *zk.Client's, so the tree helpers of package recipe accept it.
type Router struct {
	cells     Map
	names     []string
	newClient func(cell, connect string) *zk.Client

	mu      sync.Mutex
	clients map[string]*zk.Client
	closed  bool
	done    chan struct{} // closed by Close: ends virtual watches
}

// Option configures a Router.
type Option func(*Router)

// WithClientFactory sets how a cell's Client is made from its name and
// connect string (to set timeouts, TLS, credentials, a logger...). The
// default is &zk.Client{Ensemble: connect}.
func WithClientFactory(f func(cell, connect string) *zk.Client) Option {
	return func(r *Router) { r.newClient = f }
}

// WithSessionTimeout sets the session timeout of the default clients.
func WithSessionTimeout(d time.Duration) Option {
	return func(r *Router) {
		r.newClient = func(_, connect string) *zk.Client {
			return &zk.Client{Ensemble: connect, SessionTimeout: d}
		}
	}
}

// NewRouter returns a Router over the cells of m, which must be valid. No
// connection is made until a cell is used.
func NewRouter(m Map, opts ...Option) (*Router, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	r := &Router{
		cells:   make(Map, len(m)),
		clients: make(map[string]*zk.Client),
		done:    make(chan struct{}),
		newClient: func(_, connect string) *zk.Client {
			return &zk.Client{Ensemble: connect}
		},
	}
	for k, v := range m {
		r.cells[k] = v
	}
	r.names = r.cells.Names()
	for _, o := range opts {
		o(r)
	}
	return r, nil
}

// Cells returns the cell names, sorted.
func (r *Router) Cells() []string { return append([]string(nil), r.names...) }

// Client returns the cell's Client, creating it on first use.
func (r *Router) Client(cell string) (*zk.Client, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	if c, ok := r.clients[cell]; ok {
		return c, nil
	}
	connect, ok := r.cells[cell]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownCell, cell)
	}
	c := r.newClient(cell, connect)
	r.clients[cell] = c
	return c, nil
}

// Close ends every cell's session (their ephemeral nodes go at once) and
// the Router.
func (r *Router) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	close(r.done)
	clients := r.clients
	r.clients = nil
	r.mu.Unlock()
	var errs []error
	for _, c := range clients {
		errs = append(errs, c.Reset())
	}
	return errors.Join(errs...)
}

// route is where a path of the namespace lives.
type route struct {
	virtual bool   // "/" or "/zk"
	cell    string // the cell, when not virtual
	path    string // the path on the cell's ensemble
	prefix  string // "/zk/<cell>", to put back on the way out
}

// resolve splits a namespace path. Paths outside "/zk" do not exist.
func (r *Router) resolve(op, p string) (route, error) {
	// Sequential rules (a trailing "/" allowed) are the loosest; the cell's
	// Client checks the inner path exactly.
	if err := zk.ValidatePath(p, true); err != nil {
		return route{}, err
	}
	if p == "/" || p == Root {
		return route{virtual: true, path: p}, nil
	}
	rest, ok := strings.CutPrefix(p, Root+"/")
	if !ok {
		return route{}, &zk.Error{Op: op, Path: p, Code: zk.CodeNoNode, Err: fmt.Errorf("outside %s, where the cells are", Root)}
	}
	cell, inner, _ := strings.Cut(rest, "/")
	if _, ok := r.cells[cell]; !ok {
		return route{}, &zk.Error{Op: op, Path: p, Code: zk.CodeNoNode, Err: fmt.Errorf("%w %q", ErrUnknownCell, cell)}
	}
	return route{cell: cell, path: "/" + inner, prefix: Root + "/" + cell}, nil
}

// outside maps a cell's path back into the namespace.
func (rt route) outside(p string) string {
	if p == "/" || p == "" {
		return rt.prefix
	}
	return rt.prefix + p
}

// client returns the route's Client.
func (r *Router) client(rt route) (*zk.Client, error) { return r.Client(rt.cell) }

// mapErr puts the namespace path back into the errors a cell's Client
// returns, so messages name the path the caller used.
func (rt route) mapErr(err error) error {
	switch e := err.(type) {
	case *zk.Error:
		c := *e
		c.Path = rt.outside(e.Path)
		return &c
	case *zk.MultiError:
		c := *e
		c.Path = rt.outside(e.Path)
		return &c
	}
	return err
}

// virtualStat describes "/" or "/zk": no data, and their children.
func (r *Router) virtualStat(p string) zk.Stat {
	if p == "/" {
		return zk.Stat{NumChildren: 1}
	}
	return zk.Stat{NumChildren: int32(len(r.names))}
}

// virtualWrite is the error of every write to "/" or "/zk".
func virtualWrite(op, p string) error { return fmt.Errorf("%s %s: %w", op, p, ErrVirtual) }

// Open loads the cell map in file (see Load) and returns a Router over it.
func Open(file string, opts ...Option) (*Router, error) {
	m, err := Load(file)
	if err != nil {
		return nil, err
	}
	return NewRouter(m, opts...)
}

// Split tells where a namespace path lives: its cell and the path on that
// cell's ensemble ("/zk/nyc/a" -> "nyc", "/a"). The virtual nodes "/" and
// "/zk" give an empty cell. A path outside "/zk" or in an unknown cell is
// ErrNoNode.
func (r *Router) Split(p string) (cell, inner string, err error) {
	rt, err := r.resolve("split", p)
	if err != nil {
		return "", "", err
	}
	return rt.cell, rt.path, nil
}
