package zk

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestMultiAppliesAllOrNothing(t *testing.T) {
	c := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	res, err := c.Multi(ctx,
		CreateOp(root+"/a", []byte("1"), ModePersistent, WorldACL(PermAll)),
		CreateOp(root+"/seq-", nil, ModePersistentSequential, WorldACL(PermAll)),
		SetDataOp(root+"/a", []byte("2"), 0),
		CheckOp(root+"/a", 1),
		CreateOp(root+"/b", nil, ModePersistent, WorldACL(PermAll)),
		DeleteOp(root+"/b", 0),
	)
	if err != nil {
		t.Fatalf("multi: %v", err)
	}
	// Servers up to 3.8 answer creates inside a multi with the path only.
	if res[0].Path != root+"/a" || res[2].Stat.Version != 1 || len(res[1].Path) != len(root+"/seq-")+10 {
		t.Fatalf("results: %+v", res)
	}
	for i, r := range res {
		if r.Err != nil {
			t.Fatalf("result %d: %v", i, r.Err)
		}
	}

	// The third op fails: nothing of the multi is applied, and the error
	// names it.
	res, err = c.Multi(ctx,
		CreateOp(root+"/c", nil, ModePersistent, WorldACL(PermAll)),
		SetDataOp(root+"/a", []byte("3"), 1),
		CheckOp(root+"/a", 7),
		DeleteOp(root+"/a", -1),
	)
	var me *MultiError
	if !errors.As(err, &me) || me.Index != 2 || me.Path != root+"/a" || !errors.Is(err, ErrBadVersion) {
		t.Fatalf("failed multi: %v", err)
	}
	if len(res) != 4 || !errors.Is(res[0].Err, ErrRolledBack) || !errors.Is(res[2].Err, ErrBadVersion) || !errors.Is(res[3].Err, ErrRolledBack) {
		t.Fatalf("per-op results: %+v", res)
	}
	if ok, _, _ := c.Exists(ctx, root+"/c"); ok {
		t.Fatal("a failed multi created a node")
	}
	if data, _, _ := c.GetData(ctx, root+"/a"); string(data) != "2" {
		t.Fatalf("a failed multi changed data: %q", data)
	}
	t.Logf("error text: %v", err)
}

func TestMultiRead(t *testing.T) {
	c := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	for i := range 3 {
		c.Create(ctx, fmt.Sprintf("%s/k%d", root, i), []byte(fmt.Sprint(i)), ModePersistent, WorldACL(PermAll))
	}
	c.Create(ctx, root+"/locked", []byte("x"), ModePersistent, DigestACL(PermAll, "u", "p"))
	res, err := c.MultiRead(ctx,
		GetChildrenOp(root),
		GetDataOp(root+"/k1"),
		GetDataOp(root+"/missing"),
		GetDataOp(root+"/locked"),
		GetChildrenOp(root+"/k2"),
	)
	if err != nil {
		t.Fatal(err)
	}
	kids := res[0].Children
	slices.Sort(kids)
	if !slices.Equal(kids, []string{"k0", "k1", "k2", "locked"}) {
		t.Fatalf("children %v", kids)
	}
	if string(res[1].Data) != "1" || res[1].Stat.DataLength != 1 {
		t.Fatalf("data %q %+v", res[1].Data, res[1].Stat)
	}
	if !errors.Is(res[2].Err, ErrNoNode) || !errors.Is(res[3].Err, ErrNoAuth) {
		t.Fatalf("per-read errors: %v, %v", res[2].Err, res[3].Err)
	}
	if res[4].Err != nil || len(res[4].Children) != 0 {
		t.Fatalf("empty children: %+v", res[4])
	}
}

func FuzzMultiResponse(f *testing.F) {
	f.Add([]byte{0, 0, 0, 2, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 0xff, 0xff, 0xff, 0xff})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x9b, 0xff, 0xff, 0xff, 0xff, 1, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, src []byte) {
		m := &multiResponse{chroot: "/app"}
		n, err := m.Decode(src)
		if err == nil && (n < 0 || n > len(src)) {
			t.Fatalf("consumed %d of %d", n, len(src))
		}
	})
}
