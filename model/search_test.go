package model

import (
	"context"
	"fmt"
	"regexp"
	"testing"
)

func TestFuzzyRanking(t *testing.T) {
	cases := []struct {
		query, better, worse string
	}{
		{"brkr", "/brokers", "/big/rack/er"},
		{"cfg", "cfg.yaml", "config.yaml"},
		{"ids", "/brokers/ids", "/brokers/topics/idxs"},
		{"lock", "lock-0000000001", "a-long-octopus-key"},
	}
	for _, c := range cases {
		sb, okb, _ := fuzzyMatch(c.query, c.better, nil)
		sw, okw, _ := fuzzyMatch(c.query, c.worse, nil)
		if !okb || !okw || sb <= sw {
			t.Errorf("%q: %q scored %d (%v), %q scored %d (%v)", c.query, c.better, sb, okb, c.worse, sw, okw)
		}
	}
	if _, ok, _ := fuzzyMatch("xyz", "zyx", nil); ok {
		t.Error("out-of-order characters matched")
	}
	_, ok, pos := fuzzyMatch("BrK", "/brokers", nil)
	if !ok || fmt.Sprint(pos) != "[1 2 4]" {
		t.Errorf("positions %v (ok %v), want [1 2 4]", pos, ok)
	}
	if _, ok, pos := substringMatch("KER", "/brokers", nil); !ok || fmt.Sprint(pos) != "[4 5 6]" {
		t.Errorf("substring positions %v", pos)
	}
	if _, ok, _ := substringMatch("bk", "/brokers", nil); ok {
		t.Error("substring matched a subsequence")
	}
}

func lastUpdate(t *testing.T, ch <-chan SearchUpdate) SearchUpdate {
	t.Helper()
	var u SearchUpdate
	n := 0
	for x := range ch {
		u = x
		n++
	}
	if n == 0 {
		t.Fatal("no update")
	}
	return u
}

func TestSearchNames(t *testing.T) {
	f := newFakeServer()
	f.create("/brokers", nil)
	f.create("/brokers/ids", nil)
	for i := 0; i < 30000; i++ {
		f.create(fmt.Sprintf("/brokers/ids/%d", i), nil)
	}
	f.create("/big", nil)
	f.create("/big/rack", nil)
	tr := startTree(t, f, Options{})
	if err := tr.FullSync(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	u := lastUpdate(t, tr.Search(context.Background(), "brk", SearchOptions{Limit: 5}))
	if !u.Done || u.Err != nil || u.Scanned != u.Total || len(u.Matches) == 0 || u.Matches[0].Path != "/brokers" {
		t.Fatalf("update %+v", u)
	}
	u = lastUpdate(t, tr.Search(context.Background(), "2999", SearchOptions{Mode: SearchSubstring}))
	// 2999, 12999, 22999 and 29990..29999
	if len(u.Matches) != 13 || u.Matches[0].Path != "/brokers/ids/2999" {
		t.Fatalf("substring: %d matches, first %+v", len(u.Matches), u.Matches[0])
	}
	if m := u.Matches[0]; m.Path[m.Pos[0]:m.Pos[3]+1] != "2999" {
		t.Fatalf("positions %v point at %q", m.Pos, m.Path)
	}
	u = lastUpdate(t, tr.Search(context.Background(), "big/r", SearchOptions{Paths: true, Limit: 3}))
	if len(u.Matches) == 0 || u.Matches[0].Path != "/big/rack" {
		t.Fatalf("path search: %+v", u.Matches)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if u := lastUpdate(t, tr.Search(ctx, "1", SearchOptions{})); u.Err == nil || u.Done {
		t.Fatalf("cancelled search ended with %+v", u.Err)
	}
}

func TestSearchData(t *testing.T) {
	f := newFakeServer()
	for i := 0; i < 2000; i++ {
		f.create(fmt.Sprintf("/n%d", i), []byte(fmt.Sprintf("line one\nkey=value-%d\nend", i)))
	}
	tr := startTree(t, f, Options{BatchOps: 64})
	if _, _, err := tr.Data(context.Background(), "/n1234"); err != nil { // cached: read from the cache
		t.Fatal(err)
	}
	u := lastUpdate(t, tr.SearchData(context.Background(), regexp.MustCompile(`value-12\d\d\b`), 50))
	if u.Err != nil || !u.Done || len(u.Matches) != 50 {
		t.Fatalf("%d matches, err %v", len(u.Matches), u.Err)
	}
	if u.Matches[0].Path != "/n1200" || u.Matches[0].Snippet != "key=value-1200" {
		t.Fatalf("first match %+v", u.Matches[0])
	}
	for i := 1; i < len(u.Matches); i++ {
		if compareNames(u.Matches[i-1].Path, u.Matches[i].Path) >= 0 {
			t.Fatalf("matches out of tree order: %s, %s", u.Matches[i-1].Path, u.Matches[i].Path)
		}
	}
}

// Matches of equal score come in the tree's natural order: …/2 before …/10.
func TestSearchTiesInNaturalOrder(t *testing.T) {
	h := matchHeap{{Path: "/p/10/state", Score: 1}, {Path: "/p/2/state", Score: 1}, {Path: "/p/1/state", Score: 1}}
	got := h.sorted()
	want := []string{"/p/1/state", "/p/2/state", "/p/10/state"}
	for i, m := range got {
		if m.Path != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}
