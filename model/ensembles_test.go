package model

import (
	"context"
	"testing"
)

func TestSetListsMirrors(t *testing.T) {
	a, b := newFakeServer(), newFakeServer()
	a.create("/x", nil)
	b.create("/y", nil)
	b.create("/y/z", nil)
	var set Set
	ta := New(a, Options{})
	tb := New(b, Options{Root: "/y"})
	for _, tr := range []*Tree{ta, tb} {
		if err := tr.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if err := set.Add(&Ensemble{Name: "a", Connect: "a:2181", Tree: ta}); err != nil {
		t.Fatal(err)
	}
	if err := set.Add(&Ensemble{Name: "b", Connect: "b:2181/y", Tree: tb}); err != nil {
		t.Fatal(err)
	}
	if err := set.Add(&Ensemble{Name: "a", Tree: tb}); err == nil {
		t.Fatal("duplicate name accepted")
	}
	waitIdle(t, ta)
	waitIdle(t, tb)
	l := set.List()
	if len(l) != 2 || l[0].Name != "a" || l[1].Root != "/y" || l[0].Status.Nodes != 2 || l[1].Status.Nodes != 2 {
		t.Fatalf("list %+v", l)
	}
	if e := set.Remove("a"); e == nil || e.Tree != ta {
		t.Fatal("remove failed")
	}
	ta.Close()
	if _, ok := set.Get("a"); ok {
		t.Fatal("removed ensemble still listed")
	}
	if e, ok := set.Get("b"); !ok || e.Tree != tb {
		t.Fatal("get failed")
	}
	set.Close()
	if len(set.List()) != 0 {
		t.Fatal("set not empty after Close")
	}
}
