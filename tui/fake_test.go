package tui

import (
	"bytes"
	"compress/gzip"
	"context"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/dialog"
	"github.com/zkui/zkui/tui/tree"

	"github.com/zkui/zkui/zk"
)

// fakeSource is an in-memory Source for view tests: a fixed tree with
// fixed stats, so golden files do not depend on a server.
type fakeSource struct {
	mu    sync.Mutex
	nodes map[string]*fakeNode
	calls int
}

type fakeNode struct {
	data   []byte
	stat   zk.Stat
	acl    []zk.ACL
	noAuth bool
}

// fixedNow is the clock of golden tests; node times are set relative to it.
var fixedNow = time.Date(2024, 5, 17, 12, 0, 0, 0, time.UTC)

func newFakeSource() *fakeSource {
	f := &fakeSource{nodes: map[string]*fakeNode{}}
	f.add("/", nil, 0)
	return f
}

// add creates p (parents must exist) with data; owner != 0 makes it
// ephemeral.
func (f *fakeSource) add(p string, data []byte, owner int64) *fakeNode {
	zxid := int64(len(f.nodes) + 0x100)
	ms := fixedNow.Add(-time.Duration(len(f.nodes)) * time.Hour).UnixMilli()
	n := &fakeNode{
		data: data,
		stat: zk.Stat{Czxid: zxid, Mzxid: zxid, Pzxid: zxid, Ctime: ms, Mtime: ms,
			EphemeralOwner: owner, DataLength: int32(len(data))},
		acl: zk.WorldACL(zk.PermAll),
	}
	f.nodes[p] = n
	if p != "/" {
		f.nodes[path.Dir(p)].stat.NumChildren++
	}
	return n
}

func (f *fakeSource) get(p string) (*fakeNode, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	n := f.nodes[p]
	switch {
	case n == nil:
		return nil, zk.ErrNoNode
	case n.noAuth:
		return nil, zk.ErrNoAuth
	}
	return n, nil
}

func (f *fakeSource) GetChildren(_ context.Context, p string) ([]string, zk.Stat, error) {
	n, err := f.get(p)
	if err != nil {
		return nil, zk.Stat{}, err
	}
	var kids []string
	f.mu.Lock()
	for q := range f.nodes {
		if q != "/" && path.Dir(q) == p {
			kids = append(kids, strings.TrimPrefix(q[len(p):], "/"))
		}
	}
	f.mu.Unlock()
	sort.Strings(kids) // servers return no particular order; the tree sorts
	return kids, n.stat, nil
}

func (f *fakeSource) GetData(_ context.Context, p string) ([]byte, zk.Stat, error) {
	n, err := f.get(p)
	if err != nil {
		return nil, zk.Stat{}, err
	}
	return n.data, n.stat, nil
}

func (f *fakeSource) GetACL(_ context.Context, p string) ([]zk.ACL, zk.Stat, error) {
	n, err := f.get(p)
	if err != nil {
		return nil, zk.Stat{}, err
	}
	return n.acl, n.stat, nil
}

// The fake is also a model.Session, so the explorer mirrors it. It has no
// watch events: tests that change it call settle to re-read.

func (f *fakeSource) Exists(ctx context.Context, p string) (bool, zk.Stat, error) {
	n, err := f.get(p)
	if err != nil {
		return false, zk.Stat{}, nil
	}
	return true, n.stat, nil
}

func (f *fakeSource) MultiRead(ctx context.Context, ops ...zk.ReadOp) ([]zk.ReadResult, error) {
	out := make([]zk.ReadResult, len(ops))
	for i, op := range ops {
		var r zk.ReadResult
		if op == zk.GetChildrenOp(op.Path) {
			r.Children, r.Stat, r.Err = f.GetChildren(ctx, op.Path)
		} else {
			r.Data, r.Stat, r.Err = f.GetData(ctx, op.Path)
		}
		if r.Err != nil {
			code := zk.CodeNoNode
			if r.Err == zk.ErrNoAuth {
				code = zk.CodeNoAuth
			}
			r.Err = &zk.Error{Op: "read", Path: op.Path, Code: code}
		}
		out[i] = r
	}
	return out, nil
}

func (f *fakeSource) AddWatch(ctx context.Context, p string, mode zk.AddWatchMode) (<-chan zk.Event, error) {
	return make(chan zk.Event), nil
}

func (f *fakeSource) GetAllChildrenNumber(ctx context.Context, p string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.nodes) - 1, nil
}

// sampleSource is the tree of the golden tests: text, JSON, binary,
// ephemeral, sequential and locked nodes.
func sampleSource() *fakeSource {
	f := newFakeSource()
	f.add("/app", []byte("hello zkui\nsecond line"), 0)
	f.add("/app/config", []byte(`{"name":"zkui","replicas":3,"tags":["a","b"]}`), 0)
	f.add("/app/blob", []byte("\x00\x01\x02binary\xff\xfe data that goes on for a while"), 0)
	f.add("/app/worker", []byte("host-1"), 0x1000000abcd)
	f.add("/app/queue", nil, 0)
	for _, s := range []string{"task-0000000010", "task-0000000002", "task-0000000001"} {
		f.add("/app/queue/"+s, []byte(s), 0)
	}
	f.add("/formats", nil, 0)
	f.add("/formats/conf.gz", gzipped("server:\n  port: 8080 # http\n  hosts:\n    - alpha\n    - beta\n  tls: true\n"), 0)
	f.add("/formats/app.xml", []byte("<?xml version=\"1.0\"?>\n<config env=\"prod\">\n  <!-- connection pool -->\n  <pool size=\"8\"/>\n</config>\n"), 0)
	f.add("/formats/app.properties", []byte("# database\ndb.url=jdbc:postgresql://db/app\ndb.pool = 8\nfeature.on=true\n"), 0)
	f.add("/formats/long.txt", []byte(strings.Repeat("a long line of words that goes on ", 12)), 0)
	f.add("/secret", []byte("top secret"), 0).noAuth = true
	f.add("/zookeeper", nil, 0)
	f.add("/zookeeper/quota", nil, 0)
	return f
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write([]byte(s)) // a bytes.Buffer never fails
	_ = w.Close()
	return b.Bytes()
}

// run executes cmd and everything it leads to, feeding messages back into
// a like the program would, but synchronously so tests are deterministic.
func run(a *App, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nodeMsg, tree.SelectMsg, tree.ChangedMsg, syncedMsg, mirrorStartedMsg, searchMsg, syncProgressMsg, pathMsg, completeMsg,
			readMsg, scanMsg, createdMsg, savedMsg, writtenMsg, progressMsg, taskDoneMsg, editorDoneMsg,
			dialog.CancelMsg, dialog.CreateMsg, dialog.SaveMsg, dialog.DeleteMsg, dialog.ACLMsg, dialog.TargetMsg, dialog.TransferMsg, dialog.ExternalMsg:
			_, next := a.Update(msg)
			queue = append(queue, next)
		}
		// Anything else is for the terminal (the background colour query,
		// quit), which these tests do not have.
	}
}

// press sends key presses (by their names, e.g. "j", "enter", "tab"),
// letting the mirror settle after each.
func press(a *App, keys ...string) {
	for _, k := range keys {
		_, cmd := a.Update(keyMsg(k))
		run(a, cmd)
		settle(a)
	}
}

// settle waits until the mirror has loaded all it was asked for, then has
// the explorer re-read, as a notice would.
func settle(a *App) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = a.mir.WaitIdle(ctx)
	for {
		select {
		case <-a.mir.Notices(): // the test re-reads everything below
			continue
		default:
		}
		break
	}
	_, cmd := a.Update(syncedMsg{})
	run(a, cmd)
}

// manual makes a drive notices by hand: tests call settle instead of a
// listener blocking on the channel, and marks do not tick.
func manual(a *App) *App {
	a.live.manual = true
	return a
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if len(k) == 6 && strings.HasPrefix(k, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// typeText types s into whatever has the keyboard, one key per rune.
func typeText(a *App, s string) {
	for _, r := range s {
		press(a, string(r))
	}
}
