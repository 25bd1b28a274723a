package tree

import (
	"context"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk"
)

// memSession is a small in-memory tree with one persistent recursive
// watch, enough for a model.Tree to mirror it.
type memSession struct {
	mu    sync.Mutex
	nodes map[string]zk.Stat
	zxid  int64
	watch chan zk.Event
}

func newMem(paths ...string) *memSession {
	s := &memSession{nodes: map[string]zk.Stat{"/": {}}, watch: make(chan zk.Event, 1024)}
	for _, p := range paths {
		s.create(p)
	}
	return s
}

func (s *memSession) create(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zxid++
	s.nodes[p] = zk.Stat{Czxid: s.zxid, Mzxid: s.zxid}
	parent := s.nodes[path.Dir(p)]
	parent.NumChildren++
	parent.Pzxid = s.zxid
	s.nodes[path.Dir(p)] = parent
	s.watch <- zk.Event{Type: zk.EventNodeCreated, Path: p}
}

func (s *memSession) remove(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zxid++
	delete(s.nodes, p)
	parent := s.nodes[path.Dir(p)]
	parent.NumChildren--
	parent.Pzxid = s.zxid
	s.nodes[path.Dir(p)] = parent
	s.watch <- zk.Event{Type: zk.EventNodeDeleted, Path: p}
}

func (s *memSession) set(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zxid++
	st := s.nodes[p]
	st.Mzxid, st.Version = s.zxid, st.Version+1
	s.nodes[p] = st
	s.watch <- zk.Event{Type: zk.EventNodeDataChanged, Path: p}
}

func (s *memSession) read(p string, kids bool) zk.ReadResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.nodes[p]
	if !ok {
		return zk.ReadResult{Err: &zk.Error{Op: "read", Path: p, Code: zk.CodeNoNode}}
	}
	r := zk.ReadResult{Stat: st}
	if kids {
		r.Children = []string{}
		for q := range s.nodes {
			if q != "/" && path.Dir(q) == p {
				r.Children = append(r.Children, path.Base(q))
			}
		}
	}
	return r
}

func (s *memSession) GetChildren(_ context.Context, p string) ([]string, zk.Stat, error) {
	r := s.read(p, true)
	return r.Children, r.Stat, r.Err
}

func (s *memSession) GetData(_ context.Context, p string) ([]byte, zk.Stat, error) {
	r := s.read(p, false)
	return r.Data, r.Stat, r.Err
}

func (s *memSession) Exists(_ context.Context, p string) (bool, zk.Stat, error) {
	r := s.read(p, false)
	return r.Err == nil, r.Stat, nil
}

func (s *memSession) MultiRead(_ context.Context, ops ...zk.ReadOp) ([]zk.ReadResult, error) {
	out := make([]zk.ReadResult, len(ops))
	for i, op := range ops {
		out[i] = s.read(op.Path, op == zk.GetChildrenOp(op.Path))
	}
	return out, nil
}

func (s *memSession) AddWatch(context.Context, string, zk.AddWatchMode) (<-chan zk.Event, error) {
	return s.watch, nil
}

func (s *memSession) GetAllChildrenNumber(context.Context, string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.nodes) - 1, nil
}

// mirror starts a model.Tree over s and waits until it has loaded.
func mirror(t *testing.T, s *memSession) *model.Tree {
	t.Helper()
	mir := model.New(s, model.Options{})
	if err := mir.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mir.Close)
	idle(t, mir)
	return mir
}

func idle(t *testing.T, mir *model.Tree) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := mir.WaitIdle(ctx); err != nil {
		t.Fatal(err)
	}
}

// newTree builds the widget over mir, 40x10.
func newTree(mir *model.Tree) Model {
	m := New(common.New(nil), mir)
	m.SetSize(40, 10)
	return m
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// press sends keys, runs the commands they return (expand, collapse) and
// lets the mirror settle before re-reading, as the root model does; it
// returns the paths of the SelectMsgs.
func press(t *testing.T, m *Model, mir *model.Tree, keys ...string) []string {
	t.Helper()
	var sel []string
	for _, k := range keys {
		var cmd tea.Cmd
		*m, cmd = m.Update(keyPress(k))
		for _, msg := range msgs(cmd) {
			if s, ok := msg.(SelectMsg); ok {
				sel = append(sel, s.Path)
			}
		}
		idle(t, mir)
		m.Sync()
	}
	return sel
}

// msgs runs cmd (and batches inside it) and returns the messages.
func msgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch m := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, msgs(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{m}
	}
}

func contains(view, s string) bool { return strings.Contains(view, s) }
