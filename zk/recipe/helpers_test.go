package recipe

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/zkui/zkui/zk"
)

func TestCreateRecursiveAndEnsurePath(t *testing.T) {
	c := sharedClient(t)
	root := testRoot(t, c)
	ctx := ctxT(t)
	got, err := CreateRecursive(ctx, c, root+"/a/b/c", []byte("x"), zk.ModePersistent, nil)
	if err != nil || got != root+"/a/b/c" {
		t.Fatalf("CreateRecursive = %q, %v", got, err)
	}
	if _, err := CreateRecursive(ctx, c, root+"/a/b/c", nil, zk.ModePersistent, nil); !errors.Is(err, zk.ErrNodeExists) {
		t.Fatalf("CreateRecursive of an existing node: %v, want ErrNodeExists", err)
	}
	seq, err := CreateRecursive(ctx, c, root+"/s/t/n-", nil, zk.ModePersistentSequential, nil)
	if err != nil || seq != root+"/s/t/n-0000000000" {
		t.Fatalf("sequential CreateRecursive = %q, %v", seq, err)
	}
	if err := EnsurePath(ctx, c, root+"/a/b/c/d/e", nil); err != nil {
		t.Fatal(err)
	}
	if err := EnsurePath(ctx, c, root+"/a/b/c/d/e", nil); err != nil {
		t.Fatalf("EnsurePath of an existing path: %v", err)
	}
	if data, _, err := c.GetData(ctx, root+"/a/b/c"); err != nil || string(data) != "x" {
		t.Fatalf("EnsurePath changed an existing node: %q %v", data, err)
	}
	// Concurrent EnsurePath calls on the same new path all succeed.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); errs <- EnsurePath(ctx, c, root+"/race/x/y/z", nil) }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := EnsurePath(ctx, c, "/", nil); err != nil {
		t.Fatalf("EnsurePath(/): %v", err)
	}
}

func TestCreateOrUpdate(t *testing.T) {
	c := sharedClient(t)
	root := testRoot(t, c)
	ctx := ctxT(t)
	if _, err := CreateOrUpdate(ctx, c, root+"/x/y", []byte("1"), zk.ModePersistent, nil, false); !errors.Is(err, zk.ErrNoNode) {
		t.Fatalf("non-recursive CreateOrUpdate under a missing parent: %v", err)
	}
	for _, v := range []string{"1", "2"} {
		if p, err := CreateOrUpdate(ctx, c, root+"/x/y", []byte(v), zk.ModePersistent, nil, true); err != nil || p != root+"/x/y" {
			t.Fatalf("CreateOrUpdate %s = %q, %v", v, p, err)
		}
		if data, _, _ := c.GetData(ctx, root+"/x/y"); string(data) != v {
			t.Fatalf("data %q, want %q", data, v)
		}
	}
}

// Twenty goroutines in two sessions increment one counter; no increment
// may be lost.
func TestRetryChangeCounter(t *testing.T) {
	cs := []*zk.Client{sharedClient(t), sharedClient(t)}
	p := testRoot(t, cs[0]) + "/counter"
	ctx := ctxT(t)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				errs <- RetryChange(ctx, cs[g%2], p, nil, func(old []byte, _ zk.Stat, exists bool) ([]byte, error) {
					n := 0
					if exists {
						var err error
						if n, err = strconv.Atoi(string(old)); err != nil {
							return nil, err
						}
					}
					return []byte(strconv.Itoa(n + 1)), nil
				})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if data, _, err := cs[0].GetData(ctx, p); err != nil || string(data) != "100" {
		t.Fatalf("counter = %q, %v; want 100", data, err)
	}
	// ErrNoChange writes nothing; another error is returned as is.
	_, before, _ := cs[0].GetData(ctx, p)
	if err := RetryChange(ctx, cs[0], p, nil, func([]byte, zk.Stat, bool) ([]byte, error) { return nil, ErrNoChange }); err != nil {
		t.Fatal(err)
	}
	_, after, _ := cs[0].GetData(ctx, p)
	if after.Version != before.Version {
		t.Fatal("ErrNoChange wrote the node")
	}
	boom := errors.New("boom")
	if err := RetryChange(ctx, cs[0], p, nil, func([]byte, zk.Stat, bool) ([]byte, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Fatalf("RetryChange = %v, want the ChangeFunc's error", err)
	}
}

func TestChildrenRecursive(t *testing.T) {
	c := sharedClient(t)
	root := testRoot(t, c)
	ctx := ctxT(t)
	mustCreate(t, c, root+"/a/b/c", root+"/a/d", root+"/e")
	got, err := ChildrenRecursive(ctx, c, root)
	want := []string{"a", "a/b", "a/b/c", "a/d", "e"}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("ChildrenRecursive = %q, %v; want %q", got, err, want)
	}
	if got, err := ChildrenRecursive(ctx, c, root+"/e"); err != nil || len(got) != 0 {
		t.Fatalf("ChildrenRecursive of a leaf = %q, %v", got, err)
	}
	if _, err := ChildrenRecursive(ctx, c, root+"/missing"); !errors.Is(err, zk.ErrNoNode) {
		t.Fatalf("ChildrenRecursive of a missing node: %v, want ErrNoNode", err)
	}
}

// DeleteRecursive removes a 50,000-node subtree, which cannot go in one
// multi (about 2.5 MB of deletes), children first.
func TestDeleteRecursiveLargeTree(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 50,000 nodes")
	}
	c := sharedClient(t)
	root := testRoot(t, c) + "/big"
	ctx := ctxT(t)
	mustCreate(t, c, root)
	// 100 branches of 499 leaves each, plus the branches: 50,000 nodes
	// under root. Created with multis of 500 creates each, concurrently.
	const branches, leaves = 100, 499
	err := forEach(ctx, branches, func(ctx context.Context, b int) error {
		br := fmt.Sprintf("%s/branch-%03d", root, b)
		ops := []zk.Op{zk.CreateOp(br, nil, zk.ModePersistent, zk.WorldACL(zk.PermAll))}
		for l := 0; l < leaves; l++ {
			ops = append(ops, zk.CreateOp(fmt.Sprintf("%s/leaf-with-a-longish-name-%04d", br, l), nil, zk.ModePersistent, zk.WorldACL(zk.PermAll)))
		}
		_, err := c.Multi(ctx, ops...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := c.GetAllChildrenNumber(ctx, root)
	if err != nil || n != branches*(leaves+1) {
		t.Fatalf("subtree has %d nodes (%v), want %d", n, err, branches*(leaves+1))
	}
	if err := DeleteRecursive(ctx, c, root, -1); err != nil {
		t.Fatal(err)
	}
	if ok, _, err := c.Exists(ctx, root); ok || err != nil {
		t.Fatalf("root still there (%v) after DeleteRecursive", err)
	}
	// Deleting what is not there is fine.
	if err := DeleteRecursive(ctx, c, root, -1); err != nil {
		t.Fatalf("DeleteRecursive of a missing node: %v", err)
	}
}

func TestDeleteRecursiveVersion(t *testing.T) {
	c := sharedClient(t)
	root := testRoot(t, c)
	ctx := ctxT(t)
	mustCreate(t, c, root+"/v/a/b")
	if err := DeleteRecursive(ctx, c, root+"/v", 7); !errors.Is(err, zk.ErrBadVersion) {
		t.Fatalf("DeleteRecursive with a wrong version: %v, want ErrBadVersion", err)
	}
	if err := DeleteRecursive(ctx, c, root+"/v", 0); err != nil {
		t.Fatal(err)
	}
}

func TestResolveWildcards(t *testing.T) {
	c := sharedClient(t)
	root := testRoot(t, c)
	ctx := ctxT(t)
	mustCreate(t, c,
		root+"/zk/nyc/vt/tablets/0001/action",
		root+"/zk/nyc/vt/tablets/0002/action",
		root+"/zk/nyc/vt/tablets/0003", // no action node
		root+"/zk/sfo/vt/tablets/0100/action",
		root+"/zk/sfo/vt/keyspaces",
		root+"/zk/lon/other",
		root+"/zk/global/vt/tablets",
	)
	cases := []struct {
		pats []string
		want []string
	}{
		{[]string{root + "/zk/*/vt/tablets/*/action"}, []string{
			root + "/zk/nyc/vt/tablets/0001/action",
			root + "/zk/nyc/vt/tablets/0002/action",
			root + "/zk/sfo/vt/tablets/0100/action",
		}},
		{[]string{root + "/zk/*"}, []string{root + "/zk/global", root + "/zk/lon", root + "/zk/nyc", root + "/zk/sfo"}},
		{[]string{root + "/zk/*/vt"}, []string{root + "/zk/global/vt", root + "/zk/nyc/vt", root + "/zk/sfo/vt"}},
		{[]string{root + "/zk/nyc/vt/tablets/000[12]"}, []string{root + "/zk/nyc/vt/tablets/0001", root + "/zk/nyc/vt/tablets/0002"}},
		{[]string{root + "/zk/s?o/vt/*"}, []string{root + "/zk/sfo/vt/keyspaces", root + "/zk/sfo/vt/tablets"}},
		{[]string{root + "/zk/nyc/vt", root + "/zk/missing"}, []string{root + "/zk/nyc/vt"}},
		{[]string{root + "/zk/*/nothing/*"}, nil},
		{[]string{root + "/zk/n*", root + "/zk/*c"}, []string{root + "/zk/nyc"}}, // deduplicated
	}
	for _, tc := range cases {
		got, err := ResolveWildcards(ctx, c, tc.pats...)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("ResolveWildcards(%q) = %q, %v; want %q", tc.pats, got, err, tc.want)
		}
	}
	for _, bad := range []string{"relative/*", root + "/zk/[", root + "//x"} {
		if _, err := ResolveWildcards(ctx, c, bad); err == nil {
			t.Errorf("ResolveWildcards(%q) accepted a malformed pattern", bad)
		}
	}
}
