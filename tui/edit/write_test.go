package edit

import (
	"errors"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/zk"
)

// TestConflictingEditLosesNothing: we read, another client writes, we
// save: the save is refused with the three versions, and the other
// client's value is still on the server. Overwriting then needs the
// current version explicitly.
func TestConflictingEditLosesNothing(t *testing.T) {
	c, root, ctx := setup(t)
	g := goZK(t)
	p := root + "/cfg"
	if _, err := c.Create(ctx, p, []byte("base"), zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatal(err)
	}
	base, st, err := c.GetData(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Set(p, []byte("theirs"), -1); err != nil {
		t.Fatal(err)
	}
	_, err = SaveData(ctx, c, p, base, []byte("mine"), st.Version)
	var cf *Conflict
	if !errors.As(err, &cf) {
		t.Fatalf("save over a concurrent change: %v, want a *Conflict", err)
	}
	if string(cf.Base) != "base" || string(cf.Current) != "theirs" || string(cf.Mine) != "mine" || cf.Stat.Version != st.Version+1 {
		t.Fatalf("conflict versions: %+v", cf)
	}
	if v, _, _ := g.Get(p); string(v) != "theirs" {
		t.Fatalf("the other client's value was lost: %q", v)
	}
	// "overwrite" checks the version seen on the conflict screen.
	if _, err := SaveData(ctx, c, p, cf.Current, cf.Mine, cf.Stat.Version); err != nil {
		t.Fatal(err)
	}
	if v, _, _ := g.Get(p); string(v) != "mine" {
		t.Fatalf("after overwrite: %q", v)
	}
	// A deleted node is a conflict too, never a re-create.
	if err := g.Delete(p, -1); err != nil {
		t.Fatal(err)
	}
	if _, err := SaveData(ctx, c, p, nil, []byte("x"), 2); !errors.As(err, &cf) || !cf.Gone {
		t.Fatalf("save to a deleted node: %v", err)
	}
}

// TestUndo restores the value before the last edit, version-checked.
func TestUndo(t *testing.T) {
	c, root, ctx := setup(t)
	p := root + "/u"
	if _, err := c.Create(ctx, p, []byte("one"), zk.ModePersistent, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatal(err)
	}
	st, err := SaveData(ctx, c, p, []byte("one"), []byte("two"), 0)
	if err != nil {
		t.Fatal(err)
	}
	e := Edit{Path: p, Before: []byte("one"), After: []byte("two"), Version: st.Version}
	if _, err := Undo(ctx, c, e); err != nil {
		t.Fatal(err)
	}
	if v, _, _ := c.GetData(ctx, p); string(v) != "one" {
		t.Fatalf("after undo: %q", v)
	}
	// A second undo of the same edit meets the undo's own change.
	var cf *Conflict
	if _, err := Undo(ctx, c, e); !errors.As(err, &cf) {
		t.Fatalf("stale undo: %v", err)
	}
}

// TestCreate covers every mode, parents in one atomic multi, and the
// server's refusals leaving nothing behind.
func TestCreate(t *testing.T) {
	c, root, ctx := setup(t)
	g := goZK(t)
	acl := zk.WorldACL(zk.PermAll)
	modes := map[string]zk.CreateMode{"p": zk.ModePersistent, "e": zk.ModeEphemeral, "s": zk.ModePersistentSequential,
		"es": zk.ModeEphemeralSequential, "c": zk.ModeContainer, "t": zk.ModePersistentTTL}
	for name, mode := range modes {
		s := CreateSpec{Path: root + "/" + name, Data: []byte(name), Mode: mode, ACL: acl, TTL: time.Hour}
		got, err := Create(ctx, c, s)
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		v, st, err := g.Get(got)
		if err != nil || string(v) != name || (st.EphemeralOwner != 0) != mode.Ephemeral() {
			t.Fatalf("%s as seen by the other client: %q %+v %v", got, v, st, err)
		}
	}
	deep := root + "/a/b/c"
	missing, err := MissingParents(ctx, c, deep)
	if err != nil || len(missing) != 2 || missing[0] != root+"/a" || missing[1] != root+"/a/b" {
		t.Fatalf("missing parents: %v %v", missing, err)
	}
	if _, err := Create(ctx, c, CreateSpec{Path: deep, Data: []byte("x"), Mode: zk.ModePersistent, ACL: acl, Parents: missing}); err != nil {
		t.Fatal(err)
	}
	if v, _, err := g.Get(deep); err != nil || string(v) != "x" {
		t.Fatalf("deep node: %q %v", v, err)
	}
	// NodeExists in the last op: the parents of the same multi are rolled back.
	_, err = Create(ctx, c, CreateSpec{Path: root + "/q/r/p", Mode: zk.ModePersistent, ACL: acl, Parents: []string{root + "/q", root + "/q/r"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Create(ctx, c, CreateSpec{Path: root + "/z/p", Mode: zk.ModePersistent, ACL: acl, Parents: []string{root + "/z", root + "/z/p"}})
	if !errors.Is(err, zk.ErrNodeExists) {
		t.Fatalf("duplicate in one multi: %v", err)
	}
	if ok, _, _ := g.Exists(root + "/z"); ok {
		t.Fatal("a parent was left behind by a refused create")
	}
	if _, err := Create(ctx, c, CreateSpec{Path: root + "/big", Data: make([]byte, MaxData+1), Mode: zk.ModePersistent, ACL: acl}); !errors.Is(err, ErrInput) {
		t.Fatalf("oversize create: %v", err)
	}
}

// TestSetACLVersionChecked: a stale ACL version is refused; the right one
// applies.
func TestSetACLVersionChecked(t *testing.T) {
	c, root, ctx := setup(t)
	g := goZK(t)
	_, st, err := c.GetACL(ctx, root)
	if err != nil {
		t.Fatal(err)
	}
	read := zk.WorldACL(zk.PermRead | zk.PermAdmin | zk.PermDelete | zk.PermCreate | zk.PermWrite)
	if _, err := g.SetACL(root, []gozk.ACL{{Perms: 31, Scheme: "world", ID: "anyone"}}, st.Aversion); err != nil {
		t.Fatal(err)
	}
	if _, err := SetACL(ctx, c, root, read, st.Aversion); !errors.Is(err, zk.ErrBadVersion) {
		t.Fatalf("stale aversion: %v", err)
	}
	if _, err := SetACL(ctx, c, root, zk.WorldACL(zk.PermAll&^zk.PermWrite), st.Aversion+1); err != nil {
		t.Fatal(err)
	}
	acl, _, _ := g.GetACL(root)
	if len(acl) != 1 || acl[0].Perms != int32(zk.PermAll&^zk.PermWrite) {
		t.Fatalf("ACL on the server: %+v", acl)
	}
	if _, err := SetACL(ctx, c, root, nil, -1); !errors.Is(err, ErrInput) {
		t.Fatalf("empty ACL: %v", err)
	}
}
