package model

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/zkui/zkui/zk"
)

// fakeServer is an in-memory ZooKeeper tree with one persistent recursive
// watch, for reducer tests that need no real server. Replies can be
// delayed at random, so that they land out of order with events.
type fakeServer struct {
	mu     sync.Mutex
	nodes  map[string]*fakeNode
	zxid   int64
	watch  chan zk.Event
	jitter time.Duration
	reads  int
	// onChange, if set, hears every change under the lock (one-shot
	// watches of the old-server fake).
	onChange func(zk.EventType, string)
	// beforeRead, if set, runs before every read, outside the lock, so a
	// test can change the tree between a read's issue and its answer.
	beforeRead func(path string)
}

type fakeNode struct {
	data []byte
	stat zk.Stat
	kids map[string]bool
}

func newFakeServer() *fakeServer {
	f := &fakeServer{nodes: make(map[string]*fakeNode)}
	f.nodes["/"] = &fakeNode{kids: map[string]bool{}, stat: zk.Stat{Czxid: 0}}
	return f
}

func (f *fakeServer) emit(t zk.EventType, path string) {
	if f.onChange != nil {
		f.onChange(t, path)
	}
	if f.watch != nil {
		f.watch <- zk.Event{Type: t, Path: path, Zxid: -1}
	}
}

func (f *fakeServer) create(path string, data []byte) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	parent := parentOf(path)
	p, ok := f.nodes[parent]
	if !ok || f.nodes[path] != nil {
		return false
	}
	f.zxid++
	f.nodes[path] = &fakeNode{data: data, kids: map[string]bool{},
		stat: zk.Stat{Czxid: f.zxid, Mzxid: f.zxid, Pzxid: f.zxid, DataLength: int32(len(data))}}
	p.kids[path[len(joinPath(parent, "")):]] = true
	p.stat.Pzxid = f.zxid
	p.stat.Cversion++
	p.stat.NumChildren++
	f.emit(zk.EventNodeCreated, path)
	return true
}

func (f *fakeServer) delete(path string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	n, ok := f.nodes[path]
	if !ok || len(n.kids) > 0 || path == "/" {
		return false
	}
	f.zxid++
	delete(f.nodes, path)
	parent := parentOf(path)
	p := f.nodes[parent]
	delete(p.kids, path[len(joinPath(parent, "")):])
	p.stat.Pzxid = f.zxid
	p.stat.Cversion++
	p.stat.NumChildren--
	f.emit(zk.EventNodeDeleted, path)
	return true
}

func (f *fakeServer) set(path string, data []byte) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	n, ok := f.nodes[path]
	if !ok {
		return false
	}
	f.zxid++
	n.data = data
	n.stat.Mzxid = f.zxid
	n.stat.Version++
	n.stat.DataLength = int32(len(data))
	f.emit(zk.EventNodeDataChanged, path)
	return true
}

// paths lists every node, sorted.
func (f *fakeServer) paths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for p := range f.nodes {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

func (f *fakeServer) pause() {
	if f.jitter > 0 {
		time.Sleep(time.Duration(rand.Int64N(int64(f.jitter))))
	}
}

func (f *fakeServer) read(path string, kids bool) zk.ReadResult {
	f.mu.Lock()
	hook := f.beforeRead
	f.mu.Unlock()
	if hook != nil {
		hook(path)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.readLocked(path, kids)
}

func (f *fakeServer) readLocked(path string, kids bool) zk.ReadResult {
	f.reads++
	n, ok := f.nodes[path]
	if !ok {
		return zk.ReadResult{Err: &zk.Error{Op: "read", Path: path, Code: zk.CodeNoNode}}
	}
	if kids {
		var names []string
		for k := range n.kids {
			names = append(names, k)
		}
		return zk.ReadResult{Children: names, Stat: n.stat}
	}
	return zk.ReadResult{Data: n.data, Stat: n.stat}
}

func (f *fakeServer) GetChildren(ctx context.Context, path string) ([]string, zk.Stat, error) {
	f.pause()
	r := f.read(path, true)
	return r.Children, r.Stat, r.Err
}

func (f *fakeServer) GetData(ctx context.Context, path string) ([]byte, zk.Stat, error) {
	f.pause()
	r := f.read(path, false)
	return r.Data, r.Stat, r.Err
}

func (f *fakeServer) Exists(ctx context.Context, path string) (bool, zk.Stat, error) {
	r := f.read(path, false)
	return r.Err == nil, r.Stat, nil
}

// MultiRead reads op by op, pausing in between, so it is not atomic: like
// the real server, whose reads interleave with other sessions' writes.
func (f *fakeServer) MultiRead(ctx context.Context, ops ...zk.ReadOp) ([]zk.ReadResult, error) {
	f.pause()
	out := make([]zk.ReadResult, len(ops))
	for i, op := range ops {
		// GetChildrenOp is always followed by a GetDataOp of the same path
		// in the batches a Tree makes; a path repeated means "children".
		kids := i+1 < len(ops) && ops[i+1].Path == op.Path
		out[i] = f.read(op.Path, kids)
	}
	return out, nil
}

func (f *fakeServer) AddWatch(ctx context.Context, path string, mode zk.AddWatchMode) (<-chan zk.Event, error) {
	f.watch = make(chan zk.Event, 1<<20)
	return f.watch, nil
}

func (f *fakeServer) GetAllChildrenNumber(ctx context.Context, path string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for p := range f.nodes {
		if p != path && (path == "/" || len(p) > len(path) && p[:len(path)+1] == path+"/") {
			n++
		}
	}
	return n, nil
}
