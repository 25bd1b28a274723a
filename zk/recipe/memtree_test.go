package recipe

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/zkui/zkui/zk"
)

// memTree is an in-memory Tree for the pure logic of the recipes: it
// keeps nodes in a map, numbers sequential names per parent, and can be
// told to lose replies the way a dropped connection does.
type memTree struct {
	mu    sync.Mutex
	nodes map[string][]byte
	kids  map[string]map[string]bool // parent -> child names
	seq   map[string]int
	// loseCreate, when > 0, makes that many creates fail with a
	// connection loss; applyLost says whether they were applied anyway
	// (only the reply was lost).
	loseCreate int
	applyLost  bool
	creates    int
	multis     [][]zk.Op
}

func newMemTree() *memTree {
	return &memTree{nodes: map[string][]byte{"/": nil}, kids: map[string]map[string]bool{}, seq: map[string]int{}}
}

var errLost = &zk.Error{Op: "create", Code: zk.CodeConnectionLoss}

func (m *memTree) children(p string) []string {
	var out []string
	for k := range m.kids[p] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// put adds a node under an existing parent.
func (m *memTree) put(p string, data []byte) {
	m.nodes[p] = data
	parent := path.Dir(p)
	if m.kids[parent] == nil {
		m.kids[parent] = map[string]bool{}
	}
	m.kids[parent][path.Base(p)] = true
}

func (m *memTree) create(p string, data []byte, mode zk.CreateMode) (string, error) {
	if _, ok := m.nodes[path.Dir(p)]; !ok {
		return "", &zk.Error{Op: "create", Path: p, Code: zk.CodeNoNode}
	}
	if mode.Sequential() {
		parent := path.Dir(p)
		p = fmt.Sprintf("%s%010d", p, m.seq[parent])
		m.seq[parent]++
	}
	if _, ok := m.nodes[p]; ok {
		return "", &zk.Error{Op: "create", Path: p, Code: zk.CodeNodeExists}
	}
	m.put(p, data)
	return p, nil
}

func (m *memTree) Create(_ context.Context, p string, data []byte, mode zk.CreateMode, _ []zk.ACL) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.creates++
	if m.loseCreate > 0 {
		m.loseCreate--
		if m.applyLost {
			m.create(p, data, mode)
		}
		return "", errLost
	}
	return m.create(p, data, mode)
}

func (m *memTree) delete(p string) error {
	if _, ok := m.nodes[p]; !ok {
		return &zk.Error{Op: "delete", Path: p, Code: zk.CodeNoNode}
	}
	if len(m.kids[p]) > 0 {
		return &zk.Error{Op: "delete", Path: p, Code: zk.CodeNotEmpty}
	}
	delete(m.nodes, p)
	delete(m.kids[path.Dir(p)], path.Base(p))
	return nil
}

func (m *memTree) Delete(_ context.Context, p string, _ int32) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.delete(p)
}

func (m *memTree) Exists(_ context.Context, p string) (bool, zk.Stat, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.nodes[p]
	return ok, zk.Stat{}, nil
}

func (m *memTree) GetData(_ context.Context, p string) ([]byte, zk.Stat, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.nodes[p]
	if !ok {
		return nil, zk.Stat{}, &zk.Error{Op: "getData", Path: p, Code: zk.CodeNoNode}
	}
	return d, zk.Stat{}, nil
}

func (m *memTree) SetData(_ context.Context, p string, data []byte, _ int32) (zk.Stat, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nodes[p] = data
	return zk.Stat{}, nil
}

func (m *memTree) GetChildren(_ context.Context, p string) ([]string, zk.Stat, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.nodes[p]; !ok {
		return nil, zk.Stat{}, &zk.Error{Op: "getChildren", Path: p, Code: zk.CodeNoNode}
	}
	return m.children(p), zk.Stat{}, nil
}

// Multi supports deletes only, atomically: on the first failure nothing
// is applied.
func (m *memTree) Multi(_ context.Context, ops ...zk.Op) ([]zk.OpResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.multis = append(m.multis, ops)
	// Check every op against the tree as the earlier ops leave it, then
	// apply them all.
	gone := map[string]bool{}
	for i, o := range ops {
		code := zk.CodeOK
		if _, ok := m.nodes[o.Path]; !ok || gone[o.Path] {
			code = zk.CodeNoNode
		} else {
			for k := range m.kids[o.Path] {
				if !gone[path.Join(o.Path, k)] {
					code = zk.CodeNotEmpty
					break
				}
			}
		}
		if code != zk.CodeOK {
			return nil, &zk.MultiError{Index: i, Op: "delete", Path: o.Path, Code: code}
		}
		gone[o.Path] = true
	}
	for _, o := range ops {
		m.delete(o.Path)
	}
	return make([]zk.OpResult, len(ops)), nil
}

// mkTree creates nodes (and parents) directly.
func (m *memTree) mkTree(paths ...string) {
	for _, p := range paths {
		for q := p; q != "/"; q = path.Dir(q) {
			if _, ok := m.nodes[q]; !ok {
				m.put(q, nil)
			}
		}
	}
}

func (m *memTree) count(prefix string) int {
	n := 0
	for k := range m.nodes {
		if k == prefix || strings.HasPrefix(k, prefix+"/") {
			n++
		}
	}
	return n
}
