package cell

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/recipe"
	"github.com/zkui/zkui/zk/zktest"
)

// The recipe helpers accept a Router: the namespace is a recipe.Tree.
var _ recipe.Tree = (*Router)(nil)

// twoCells starts two standalone servers and a Router naming them "east"
// and "west", plus a direct Client on each to check where things landed.
func twoCells(t *testing.T) (r *Router, east, west *zk.Client) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper (run without -short)")
	}
	se, sw := zktest.Standalone(t), zktest.Standalone(t)
	r, err := NewRouter(Map{"east": se.Addr, "west": sw.Addr}, WithSessionTimeout(4*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	east = &zk.Client{Ensemble: se.Addr, SessionTimeout: 4 * time.Second}
	west = &zk.Client{Ensemble: sw.Addr, SessionTimeout: 4 * time.Second}
	t.Cleanup(func() { east.Reset(); west.Reset() })
	return r, east, west
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestTwoServersAsTwoCells(t *testing.T) {
	r, east, west := twoCells(t)
	ctx := ctxT(t)
	acl := zk.WorldACL(zk.PermAll)

	// Writes land on their own ensemble only, with the prefix stripped.
	for _, p := range []string{"/zk/east/app", "/zk/west/app", "/zk/east/app/only-east"} {
		if got, err := r.Create(ctx, p, []byte(p), zk.ModePersistent, acl); err != nil || got != p {
			t.Fatalf("Create(%s) = %q, %v", p, got, err)
		}
	}
	if data, _, err := east.GetData(ctx, "/app"); err != nil || string(data) != "/zk/east/app" {
		t.Fatalf("east /app = %q, %v", data, err)
	}
	if data, _, err := west.GetData(ctx, "/app"); err != nil || string(data) != "/zk/west/app" {
		t.Fatalf("west /app = %q, %v", data, err)
	}
	if ok, _, _ := west.Exists(ctx, "/app/only-east"); ok {
		t.Fatal("a node created in east appeared in west")
	}
	kids, _, err := r.GetChildren(ctx, "/zk/east")
	if err != nil || !slices.Contains(kids, "app") || !slices.Contains(kids, "zookeeper") {
		t.Fatalf("GetChildren(/zk/east) = %v, %v", kids, err)
	}

	// Sequential creates come back with the namespace path.
	seq, err := r.Create(ctx, "/zk/west/app/job-", nil, zk.ModePersistentSequential, acl)
	if err != nil || seq != "/zk/west/app/job-0000000000" {
		t.Fatalf("sequential Create = %q, %v", seq, err)
	}
	// Errors name the namespace path.
	err = r.Delete(ctx, "/zk/east/app", -1)
	if !errors.Is(err, zk.ErrNotEmpty) || err.Error() != "delete /zk/east/app: node has children" {
		t.Fatalf("Delete of a parent = %v", err)
	}

	// A multi within one cell works; its results have namespace paths.
	res, err := r.Multi(ctx,
		zk.CreateOp("/zk/east/m", nil, zk.ModePersistent, acl),
		zk.CreateOp("/zk/east/m/x-", nil, zk.ModePersistentSequential, acl))
	if err != nil || res[0].Path != "/zk/east/m" || res[1].Path != "/zk/east/m/x-0000000000" {
		t.Fatalf("Multi = %+v, %v", res, err)
	}

	// A one-shot watch fires with the namespace path.
	_, _, ch, err := r.GetDataW(ctx, "/zk/west/app")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := west.SetData(ctx, "/app", []byte("v2"), -1); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-ch:
		if ev.Type != zk.EventNodeDataChanged || ev.Path != "/zk/west/app" {
			t.Fatalf("event %+v, want dataChanged on /zk/west/app", ev)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no watch event")
	}

	// The recipe helpers work across cells through the Router.
	for _, p := range []string{"/zk/east/vt/tablets/1/action", "/zk/west/vt/tablets/2/action", "/zk/west/vt/tablets/3"} {
		if _, err := recipe.CreateRecursive(ctx, r, p, nil, zk.ModePersistent, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, err := recipe.ResolveWildcards(ctx, r, "/zk/*/vt/tablets/*/action")
	want := []string{"/zk/east/vt/tablets/1/action", "/zk/west/vt/tablets/2/action"}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("ResolveWildcards across cells = %q, %v; want %q", got, err, want)
	}
	if err := recipe.DeleteRecursive(ctx, r, "/zk/west/vt", -1); err != nil {
		t.Fatal(err)
	}
	if ok, _, _ := west.Exists(ctx, "/vt"); ok {
		t.Fatal("DeleteRecursive through the Router left west's /vt")
	}
	if ok, _, _ := east.Exists(ctx, "/vt/tablets/1/action"); !ok {
		t.Fatal("DeleteRecursive in west touched east")
	}
}

// One recursive watch on /zk covers every cell, with namespace paths.
func TestRecursiveWatchOverCells(t *testing.T) {
	r, east, west := twoCells(t)
	ctx := ctxT(t)
	ch, err := r.AddWatch(ctx, Root, zk.AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	acl := zk.WorldACL(zk.PermAll)
	if _, err := east.Create(ctx, "/e", nil, zk.ModePersistent, acl); err != nil {
		t.Fatal(err)
	}
	if _, err := west.Create(ctx, "/w", nil, zk.ModePersistent, acl); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	deadline := time.After(20 * time.Second)
	for !seen["/zk/east/e"] || !seen["/zk/west/w"] {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatal("merged watch closed early")
			}
			if ev.Type == zk.EventNodeCreated {
				seen[ev.Path] = true
			}
		case <-deadline:
			t.Fatalf("created events seen: %v", seen)
		}
	}
	r.Close()
	for range ch { // closes once every cell's client is closed
	}
}
