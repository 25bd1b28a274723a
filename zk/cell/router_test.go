package cell

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/zkui/zkui/zk"
)

// These tests never connect: the virtual nodes and the refusals are
// answered before any cell's Client is used.
func newTestRouter(t *testing.T) *Router {
	t.Helper()
	r, err := NewRouter(Map{"nyc": "127.0.0.1:1", "sfo": "127.0.0.1:2"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestRouterVirtualNodes(t *testing.T) {
	r := newTestRouter(t)
	ctx := context.Background()
	kids, st, err := r.GetChildren(ctx, "/")
	if err != nil || !slices.Equal(kids, []string{"zk"}) || st.NumChildren != 1 {
		t.Fatalf("GetChildren(/) = %v %+v %v", kids, st, err)
	}
	kids, st, err = r.GetChildren(ctx, "/zk")
	if err != nil || !slices.Equal(kids, []string{"nyc", "sfo"}) || st.NumChildren != 2 {
		t.Fatalf("GetChildren(/zk) = %v %+v %v", kids, st, err)
	}
	for _, p := range []string{"/", "/zk"} {
		if ok, _, err := r.Exists(ctx, p); !ok || err != nil {
			t.Errorf("Exists(%s) = %v, %v", p, ok, err)
		}
		if data, _, err := r.GetData(ctx, p); data != nil || err != nil {
			t.Errorf("GetData(%s) = %q, %v", p, data, err)
		}
		if _, err := r.Create(ctx, p, nil, zk.ModePersistent, zk.WorldACL(zk.PermAll)); !errors.Is(err, ErrVirtual) {
			t.Errorf("Create(%s) = %v, want ErrVirtual", p, err)
		}
		if err := r.Delete(ctx, p, -1); !errors.Is(err, ErrVirtual) {
			t.Errorf("Delete(%s) = %v, want ErrVirtual", p, err)
		}
		if _, err := r.SetData(ctx, p, nil, -1); !errors.Is(err, ErrVirtual) {
			t.Errorf("SetData(%s) = %v, want ErrVirtual", p, err)
		}
	}
	if len(r.clients) != 0 {
		t.Fatalf("virtual reads created clients: %v", r.clients)
	}
}

func TestRouterRefusals(t *testing.T) {
	r := newTestRouter(t)
	ctx := context.Background()
	for _, p := range []string{"/zk/lon", "/zk/lon/a", "/other", "/zkx"} {
		if _, _, err := r.GetData(ctx, p); !errors.Is(err, zk.ErrNoNode) {
			t.Errorf("GetData(%s) = %v, want ErrNoNode", p, err)
		}
		if ok, _, err := r.Exists(ctx, p); ok || err != nil {
			t.Errorf("Exists(%s) = %v, %v; want false, nil", p, ok, err)
		}
	}
	if _, _, err := r.GetData(ctx, "/zk/lon/a"); !errors.Is(err, ErrUnknownCell) {
		t.Errorf("unknown cell error %v does not wrap ErrUnknownCell", err)
	}
	if _, _, err := r.GetData(ctx, "relative"); !errors.Is(err, zk.ErrInvalidPath) {
		t.Errorf("GetData(relative) = %v, want ErrInvalidPath", err)
	}
	acl := zk.WorldACL(zk.PermAll)
	_, err := r.Multi(ctx, zk.CreateOp("/zk/nyc/a", nil, zk.ModePersistent, acl), zk.CreateOp("/zk/sfo/a", nil, zk.ModePersistent, acl))
	if !errors.Is(err, ErrCrossCell) {
		t.Errorf("cross-cell Multi = %v, want ErrCrossCell", err)
	}
	if _, err := r.Multi(ctx, zk.DeleteOp("/zk", -1)); !errors.Is(err, ErrVirtual) {
		t.Errorf("Multi on /zk = %v, want ErrVirtual", err)
	}
	if _, err := r.Multi(ctx); !errors.Is(err, zk.ErrBadInput) {
		t.Errorf("empty Multi = %v", err)
	}
	if len(r.clients) != 0 {
		t.Fatalf("refused calls created clients: %v", r.clients)
	}
	if _, err := NewRouter(Map{"a/b": "h"}); !errors.Is(err, ErrBadMap) {
		t.Errorf("NewRouter with a bad name = %v", err)
	}
	r.Close()
	if _, _, err := r.GetChildren(ctx, "/zk"); !errors.Is(err, ErrClosed) {
		t.Errorf("GetChildren after Close = %v, want ErrClosed", err)
	}
	if _, err := r.Client("nyc"); !errors.Is(err, ErrClosed) {
		t.Errorf("Client after Close = %v, want ErrClosed", err)
	}
}

func TestRouteMapping(t *testing.T) {
	r := newTestRouter(t)
	cases := []struct{ in, cell, inner string }{
		{"/zk/nyc", "nyc", "/"},
		{"/zk/nyc/a/b", "nyc", "/a/b"},
		{"/zk/sfo/q-", "sfo", "/q-"},
	}
	for _, tc := range cases {
		rt, err := r.resolve("get", tc.in)
		if err != nil || rt.cell != tc.cell || rt.path != tc.inner {
			t.Errorf("resolve(%s) = %+v, %v", tc.in, rt, err)
		}
		if back := rt.outside(rt.path); back != tc.in {
			t.Errorf("outside(%s) = %s, want %s", rt.path, back, tc.in)
		}
	}
	rt, _ := r.resolve("delete", "/zk/nyc/a")
	err := rt.mapErr(&zk.Error{Op: "delete", Path: "/a", Code: zk.CodeNotEmpty})
	if !errors.Is(err, zk.ErrNotEmpty) || err.Error() != "delete /zk/nyc/a: node has children" {
		t.Errorf("mapped error %q", err)
	}
}

func TestSplitAndOpen(t *testing.T) {
	r := newTestRouter(t)
	for _, tc := range []struct{ p, cell, inner string }{
		{"/", "", "/"}, {"/zk", "", "/zk"}, {"/zk/nyc", "nyc", "/"}, {"/zk/sfo/a/b", "sfo", "/a/b"},
	} {
		cell, inner, err := r.Split(tc.p)
		if err != nil || cell != tc.cell || inner != tc.inner {
			t.Errorf("Split(%s) = %q, %q, %v", tc.p, cell, inner, err)
		}
	}
	if _, _, err := r.Split("/zk/lon/x"); !errors.Is(err, ErrUnknownCell) {
		t.Errorf("Split of an unknown cell: %v", err)
	}
	f := filepath.Join(t.TempDir(), "cells.yaml")
	if err := os.WriteFile(f, []byte("b: 127.0.0.1:1\na: 127.0.0.1:2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	o, err := Open(f)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if got := o.Cells(); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("Cells = %v", got)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Open of a missing file: %v", err)
	}
}
