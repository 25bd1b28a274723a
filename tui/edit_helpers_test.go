package tui

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

var editSeq atomic.Int64

// editEnv is an App on a real server through a Client whose every request
// is logged, a fresh root to work under, and an independent client.
type editEnv struct {
	a    *App
	c    *zk.Client
	g    *gozk.Conn
	log  *zk.OpLog
	root string
	ctx  context.Context
}

func newEditEnv(t *testing.T, opts Options, clientReadOnly bool) *editEnv {
	t.Helper()
	srv := zktest.Shared(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	e := &editEnv{ctx: ctx, log: zk.NewOpLog(100000)}
	e.root = fmt.Sprintf("/ui%d-%d", time.Now().UnixNano()%1e9, editSeq.Add(1))
	setup := &zk.Client{Ensemble: srv.Addr}
	t.Cleanup(func() { setup.Reset() })
	if _, err := setup.Create(ctx, e.root, []byte("root"), zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatal(err)
	}
	e.c = &zk.Client{Ensemble: srv.Addr, SessionTimeout: 20 * time.Second, ReadOnly: clientReadOnly, OnRequest: e.log.Record}
	t.Cleanup(func() { e.c.Reset() })
	if err := e.c.Connect(ctx); err != nil {
		t.Fatal(err)
	}
	g, events, err := gozk.Connect([]string{srv.Addr}, 20*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	for ev := range events {
		if ev.State == gozk.StateHasSession {
			break
		}
	}
	e.g = g
	opts.OpLog = e.log
	e.a = New(e.c, opts)
	e.a.ed.execEditor = runDirect
	e.a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	run(e.a, e.a.Init())
	return e
}

// runDirect runs the editor in the test's process instead of suspending a
// terminal, then hands its outcome to the callback like tea.ExecProcess.
func runDirect(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return fn(c.Run()) }
}

// goTo jumps to p and fails unless it is selected.
func (e *editEnv) goTo(t *testing.T, p string) {
	t.Helper()
	press(e.a, jump(p)...)
	if got := e.a.tree.Selected(); got != p {
		t.Fatalf("selected %q, want %q (status %v)", got, p, e.a.status)
	}
}

// get reads p with the independent client.
func (e *editEnv) get(t *testing.T, p string) string {
	t.Helper()
	v, _, err := e.g.Get(p)
	if err != nil {
		t.Fatalf("get %s: %v", p, err)
	}
	return string(v)
}

// sentWrites lists the writes that reached the wire.
func (e *editEnv) sentWrites() []string {
	var out []string
	for _, r := range e.log.Records() {
		if r.Write && r.Sent {
			out = append(out, r.Op+" "+r.Path)
		}
	}
	return out
}

// status returns the status line's text.
func (e *editEnv) status() string {
	_, s := e.a.status.Text()
	return s
}

// mustDialog fails unless the open dialog is of kind k and its message
// contains want ("" for none).
func (e *editEnv) mustDialog(t *testing.T, k string, want string) {
	t.Helper()
	d := e.a.ed.dlg
	if d.Kind().String() != k {
		t.Fatalf("dialog %v, want %s (error %q, status %q)", d.Kind(), k, d.Err(), e.status())
	}
	if want == "" && d.Err() != "" || !strings.Contains(d.Err(), want) {
		t.Fatalf("dialog message %q, want %q", d.Err(), want)
	}
}
