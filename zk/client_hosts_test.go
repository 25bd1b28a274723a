package zk

import (
	"slices"
	"testing"
)

func TestHostListInOrder(t *testing.T) {
	h, err := newHostList("a:1,b,c:3", HostsInOrder)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for range 4 {
		got = append(got, h.take())
	}
	if want := []string{"a:1", "b:2181", "c:3", "a:1"}; !slices.Equal(got, want) {
		t.Errorf("take order %v, want %v", got, want)
	}
	h.prefer("c:3")
	if s := h.take(); s != "c:3" {
		t.Errorf("after prefer(c:3) take = %s", s)
	}
}

func TestHostListShuffled(t *testing.T) {
	in := "h1:1,h2:1,h3:1,h4:1,h5:1,h6:1"
	orders := map[string]bool{}
	for range 40 {
		h, err := newHostList(in, HostsShuffled)
		if err != nil {
			t.Fatal(err)
		}
		sorted := slices.Clone(h.hosts)
		slices.Sort(sorted)
		if len(sorted) != 6 || sorted[0] != "h1:1" || sorted[5] != "h6:1" {
			t.Fatalf("shuffle lost hosts: %v", h.hosts)
		}
		orders[fmtHosts(h.hosts)] = true
	}
	if len(orders) < 5 {
		t.Errorf("40 shuffles gave %d orders: not shuffled", len(orders))
	}
}

func fmtHosts(h []string) string {
	s := ""
	for _, x := range h {
		s += x + ","
	}
	return s
}

func TestHostListEmpty(t *testing.T) {
	if _, err := newHostList(" , ", HostsInOrder); err == nil {
		t.Error("an empty ensemble was accepted")
	}
}
