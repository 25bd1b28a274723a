package edit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/zk"
)

// TestDeleteTree5000 scans and removes 5,000 nodes in batches, with
// progress, and the independent client finds nothing left.
func TestDeleteTree5000(t *testing.T) {
	c, root, ctx := setup(t)
	g := goZK(t)
	seed(t, ctx, c, root, 50, 4949) // + 50 dirs + the root = 5,000
	tree, err := Scan(ctx, c, root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Nodes) != 5000 || len(tree.Ephemerals) != 0 || tree.Bytes < 4949*2 {
		t.Fatalf("scan: %d nodes, %d bytes, %d ephemerals", len(tree.Nodes), tree.Bytes, len(tree.Ephemerals))
	}
	var calls, last int
	removed, err := DeleteTree(ctx, c, tree, func(done, total int) {
		calls++
		if done < last || total != 5000 {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 5000 || removed[len(removed)-1] != root || calls < 10 || last != 5000 {
		t.Fatalf("removed %d (last %q), %d progress calls", len(removed), removed[len(removed)-1], calls)
	}
	if ok, _, _ := g.Exists(root); ok {
		t.Fatal("the root is still there")
	}
}

// TestDeleteTreeStopsOnChange: a node changed after the scan stops the
// delete at its batch, and the error lists exactly what was removed.
func TestDeleteTreeStopsOnChange(t *testing.T) {
	c, root, ctx := setup(t)
	g := goZK(t)
	seed(t, ctx, c, root, 4, 1200)
	tree, err := Scan(ctx, c, root, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The first directory in pre-order is deleted last of the leaves: its
	// children come after everything else in reverse order.
	changed := root + "/d000/n00000"
	if _, err := g.Set(changed, []byte("new"), -1); err != nil {
		t.Fatal(err)
	}
	removed, err := DeleteTree(ctx, c, tree, nil)
	var pe *PartialError
	if !errors.As(err, &pe) || !errors.Is(err, zk.ErrBadVersion) {
		t.Fatalf("delete over a changed node: %v", err)
	}
	if len(removed) == 0 || !slices.Equal(removed, pe.Done) {
		t.Fatalf("removed %d, error lists %d", len(removed), len(pe.Done))
	}
	for _, p := range removed {
		if ok, _, _ := g.Exists(p); ok {
			t.Fatalf("reported removed but present: %s", p)
		}
	}
	for _, n := range tree.Nodes {
		if !slices.Contains(removed, n.Path) {
			if ok, _, _ := g.Exists(n.Path); !ok {
				t.Fatalf("not reported but gone: %s", n.Path)
			}
		}
	}
	if v, _, _ := g.Get(changed); string(v) != "new" {
		t.Fatal("the changed node was lost")
	}
}

// TestDeleteTreeCancel stops between batches and reports what was done.
func TestDeleteTreeCancel(t *testing.T) {
	c, root, ctx := setup(t)
	seed(t, ctx, c, root, 2, 1500)
	tree, err := Scan(ctx, c, root, nil)
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	removed, err := DeleteTree(cctx, c, tree, func(done, _ int) { cancel() })
	var pe *PartialError
	if !errors.As(err, &pe) || !errors.Is(err, context.Canceled) || len(removed) != maxBatchOps {
		t.Fatalf("cancel: %v after %d", err, len(removed))
	}
	if _, st, err := c.GetChildren(ctx, root); err != nil || st.NumChildren != 2 {
		t.Fatalf("the rest must stay: %+v %v", st, err)
	}
}

// TestCopyAndMove copies a subtree with data and ACLs (skipping and
// listing an ephemeral), compares both subtrees with the independent
// client, then moves the copy.
func TestCopyAndMove(t *testing.T) {
	c, root, ctx := setup(t)
	g := goZK(t)
	src, dst := root+"/src", root+"/dst"
	if _, err := c.Create(ctx, src, nil, zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatal(err)
	}
	seed(t, ctx, c, src, 3, 30)
	if _, err := c.SetACL(ctx, src+"/d001", zk.WorldACL(zk.PermRead|zk.PermCreate|zk.PermAdmin|zk.PermDelete), -1); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ctx, src+"/d002/eph", []byte("e"), zk.ModeEphemeral, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetData(ctx, src, bytes.Repeat([]byte("z"), 300000), -1); err != nil {
		t.Fatal(err)
	}
	tree, err := ScanContent(ctx, c, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	copied, skipped, err := CopyTree(ctx, c, tree, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 1 || skipped[0] != src+"/d002/eph" || len(copied) != len(tree.Nodes)-1 {
		t.Fatalf("copied %d, skipped %v", len(copied), skipped)
	}
	compare(t, g, src, dst, map[string]bool{"/d002/eph": true})
	if _, _, err := CopyTree(ctx, c, tree, src+"/d000/inside", nil); !errors.Is(err, ErrInput) {
		t.Fatalf("copy into itself: %v", err)
	}
	if _, _, err := CopyTree(ctx, c, tree, dst, nil); !errors.Is(err, zk.ErrNodeExists) {
		t.Fatalf("copy onto an existing node: %v", err)
	}
	// Move the copy (it has no ephemerals) and compare with the source.
	moved := root + "/moved"
	dtree, err := ScanContent(ctx, c, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := MoveTree(ctx, c, dtree, moved, nil); err != nil {
		t.Fatal(err)
	}
	if ok, _, _ := g.Exists(dst); ok {
		t.Fatal("moved source still there")
	}
	compare(t, g, src, moved, map[string]bool{"/d002/eph": true})
	if _, err := MoveTree(ctx, c, tree, root+"/m2", nil); !errors.Is(err, ErrInput) {
		t.Fatalf("move with an ephemeral: %v", err)
	}
}

// compare walks a and b with go-zookeeper and fails on any difference of
// names, data or ACL (paths in skip, relative to a, are expected missing).
func compare(t *testing.T, g *gozk.Conn, a, b string, skip map[string]bool) {
	t.Helper()
	var walk func(rel string)
	n := 0
	walk = func(rel string) {
		da, _, err := g.Get(a + rel)
		if err != nil {
			t.Fatalf("%s: %v", a+rel, err)
		}
		db, _, err := g.Get(b + rel)
		if err != nil {
			t.Fatalf("%s: %v", b+rel, err)
		}
		if !bytes.Equal(da, db) {
			t.Fatalf("data of %s differs", rel)
		}
		aa, _, _ := g.GetACL(a + rel)
		ab, _, _ := g.GetACL(b + rel)
		if fmt.Sprint(aa) != fmt.Sprint(ab) {
			t.Fatalf("ACL of %s: %v vs %v", rel, aa, ab)
		}
		ka, _, _ := g.Children(a + rel)
		kb, _, _ := g.Children(b + rel)
		var want []string
		for _, k := range ka {
			if !skip[rel+"/"+k] {
				want = append(want, k)
			}
		}
		slices.Sort(want)
		slices.Sort(kb)
		if strings.Join(want, ",") != strings.Join(kb, ",") {
			t.Fatalf("children of %s: %v vs %v", rel, want, kb)
		}
		n++
		for _, k := range want {
			walk(rel + "/" + k)
		}
	}
	walk("")
	if n < 30 {
		t.Fatalf("compared only %d nodes", n)
	}
}
