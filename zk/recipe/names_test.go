package recipe

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/zkui/zkui/zk"
)

func TestSequence(t *testing.T) {
	cases := []struct {
		name string
		n    int64
		ok   bool
	}{
		{"lock-0000000007", 7, true},
		{"_c_0123456789abcdef0123456789abcdef-lock-0000000042", 42, true},
		{"x-2147483647", 2147483647, true},
		{"-000000001", -1, true}, // the counter wrapped
		{"lock-", 0, false},
		{"+000000001", 0, false},
		{"lock-00000000a1", 0, false},
	}
	for _, tc := range cases {
		n, ok := sequence(tc.name)
		if n != tc.n || ok != tc.ok {
			t.Errorf("sequence(%q) = %d, %v; want %d, %v", tc.name, n, ok, tc.n, tc.ok)
		}
	}
}

func TestSortBySequenceIgnoresGUIDs(t *testing.T) {
	names := []string{
		protectedName("ffff", "lock-") + "0000000003",
		"foreign",
		protectedName("0000", "lock-") + "0000000010",
		protectedName("aaaa", "lock-") + "0000000001",
	}
	sortBySequence(names)
	var seqs []int64
	for _, n := range names[:3] {
		s, _ := sequence(n)
		seqs = append(seqs, s)
	}
	if !slices.Equal(seqs, []int64{1, 3, 10}) || names[3] != "foreign" {
		t.Fatalf("sorted: %q", names)
	}
	kept := withPrefix(names, "lock-")
	if len(kept) != 3 || slices.Contains(kept, "foreign") {
		t.Fatalf("withPrefix kept %q", kept)
	}
	if got := withPrefix([]string{"n_0000000001", "lock-0000000002"}, candidatePrefix); !slices.Equal(got, []string{"n_0000000001"}) {
		t.Fatalf("withPrefix(n_) = %q", got)
	}
	g := newGUID()
	if len(g) != 32 || g == newGUID() {
		t.Fatalf("GUID %q", g)
	}
	if !hasGUID(protectedName(g, "x-")+"0000000001", g) || hasGUID(protectedName(newGUID(), "x-"), g) {
		t.Fatal("hasGUID")
	}
}

// A create whose reply is lost but which was applied must not be sent
// again: the node is found by its GUID.
func TestCreateProtectedLostReply(t *testing.T) {
	ctx := context.Background()
	for _, applied := range []bool{true, false} {
		m := newMemTree()
		m.mkTree("/locks/a")
		m.loseCreate, m.applyLost = 2, applied
		guid := newGUID()
		got, err := createProtected(ctx, m, "/locks/a", guid, "lock-", nil, zk.ModeEphemeralSequential, nil)
		if err != nil {
			t.Fatal(err)
		}
		kids := m.children("/locks/a")
		if len(kids) != 1 || path.Join("/locks/a", kids[0]) != got || !hasGUID(kids[0], guid) {
			t.Fatalf("applied=%v: created %q, children %q; want exactly one node of ours", applied, got, kids)
		}
		wantCreates := 3 // two lost, the third succeeds
		if applied {
			wantCreates = 1 // the first one was applied; found by GUID
		}
		if creates := m.creates; creates != wantCreates {
			t.Fatalf("applied=%v: %d creates of the node, want %d", applied, creates, wantCreates)
		}
	}
	m := newMemTree()
	m.loseCreate = maxCreateAttempts + 5
	if _, err := createProtected(ctx, m, "/", newGUID(), "x-", nil, zk.ModeEphemeralSequential, nil); !errors.Is(err, zk.ErrConnectionLoss) {
		t.Fatalf("endless losses: %v, want ErrConnectionLoss", err)
	}
}

// DeleteRecursive batches stay under the size and count limits and always
// delete children first.
func TestDeleteRecursiveBatches(t *testing.T) {
	m := newMemTree()
	long := strings.Repeat("n", 200)
	var paths []string
	for i := 0; i < 30; i++ {
		for j := 0; j < 300; j++ {
			paths = append(paths, fmt.Sprintf("/root/%s-%02d/%s-%03d", long, i, long, j))
		}
	}
	m.mkTree(paths...)
	total := m.count("/root")
	if err := DeleteRecursive(context.Background(), m, "/root", -1); err != nil {
		t.Fatal(err)
	}
	if m.count("/root") != 0 {
		t.Fatalf("%d nodes left", m.count("/root"))
	}
	deleted := 0
	for _, ops := range m.multis {
		size := 0
		for _, o := range ops {
			size += len(o.Path) + deleteOpOverhead
		}
		if size > maxBatchBytes || len(ops) > maxBatchOps {
			t.Fatalf("a multi of %d ops and ~%d bytes exceeds the limits", len(ops), size)
		}
		deleted += len(ops)
	}
	if len(m.multis) < 2 || deleted != total {
		t.Fatalf("%d multis deleted %d of %d nodes", len(m.multis), deleted, total)
	}
}

// A node that gains a child between the walk and the delete makes
// DeleteRecursive walk again rather than fail.
func TestDeleteRecursiveGrowingTree(t *testing.T) {
	m := &growingTree{memTree: newMemTree()}
	m.mkTree("/r/a/b", "/r/c")
	if err := DeleteRecursive(context.Background(), m, "/r", -1); err != nil {
		t.Fatal(err)
	}
	if m.count("/r") != 0 || m.grown != 1 {
		t.Fatalf("left %d nodes, grown %d times", m.count("/r"), m.grown)
	}
}

// growingTree adds a node under /r/c right after the first listing of
// /r/c, as a concurrent writer would.
type growingTree struct {
	*memTree
	grown int
}

func (g *growingTree) GetChildren(ctx context.Context, p string) ([]string, zk.Stat, error) {
	kids, st, err := g.memTree.GetChildren(ctx, p)
	g.mu.Lock()
	defer g.mu.Unlock()
	if p == "/r/c" && g.grown == 0 {
		g.grown++
		g.mkTree("/r/c/late")
	}
	return kids, st, err
}

func TestResolveWildcardsMem(t *testing.T) {
	m := newMemTree()
	m.mkTree("/a/x/c", "/a/y/c", "/a/z/d", "/b")
	ctx := context.Background()
	cases := map[string][]string{
		"/":       {"/"},
		"/*":      {"/a", "/b"},
		"/a/*/c":  {"/a/x/c", "/a/y/c"},
		"/*/*/*":  {"/a/x/c", "/a/y/c", "/a/z/d"},
		"/a/[xz]": {"/a/x", "/a/z"},
		"/b/*":    nil,
		"/nope/*": nil,
		"/a/x/c":  {"/a/x/c"},
		"/a/q/c":  nil,
	}
	for pat, want := range cases {
		got, err := ResolveWildcards(ctx, m, pat)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("ResolveWildcards(%q) = %q, %v; want %q", pat, got, err, want)
		}
	}
}
