package model

import (
	"bytes"
	"context"
	"testing"

	"github.com/zkui/zkui/zk"
)

func TestDataCacheBudgetLRU(t *testing.T) {
	c := newDataCache(3 * (100 + 2 + 96)) // three entries of 100 bytes at "/a".."/z"
	st := zk.Stat{Czxid: 1, Mzxid: 1}
	for _, p := range []string{"/a", "/b", "/c"} {
		c.put(p, bytes.Repeat([]byte{'x'}, 100), st)
	}
	if _, ok := c.get("/a", st); !ok { // /a is now the most recent
		t.Fatal("/a not cached")
	}
	c.put("/d", bytes.Repeat([]byte{'y'}, 100), st)
	if _, ok := c.get("/b", st); ok {
		t.Fatal("/b (least recently used) was not evicted")
	}
	for _, p := range []string{"/a", "/c", "/d"} {
		if _, ok := c.get(p, st); !ok {
			t.Fatalf("%s evicted", p)
		}
	}
	if c.bytes() > 3*(100+2+96) {
		t.Fatalf("%d bytes over budget", c.bytes())
	}
	// Another version of the node: a miss, not stale data.
	if _, ok := c.get("/a", zk.Stat{Czxid: 1, Mzxid: 2}); ok {
		t.Fatal("stale data served")
	}
	// An older read landing late does not replace a newer one.
	c.put("/a", []byte("new"), zk.Stat{Czxid: 1, Mzxid: 5})
	c.put("/a", []byte("old"), zk.Stat{Czxid: 1, Mzxid: 4})
	if d, ok := c.get("/a", zk.Stat{Czxid: 1, Mzxid: 5}); !ok || string(d) != "new" {
		t.Fatalf("got %q %v", d, ok)
	}
	// Larger than the whole budget: not cached at all.
	c.put("/huge", make([]byte, 10000), st)
	if c.has("/huge") {
		t.Fatal("entry over the budget cached")
	}
}

// TestDataRefreshedWhenChanged: cached data follows the node's changes
// without being asked for again.
func TestDataRefreshedWhenChanged(t *testing.T) {
	f := newFakeServer()
	f.create("/a", []byte("v1"))
	tr := startTree(t, f, Options{})
	waitIdle(t, tr)
	data, st, err := tr.Data(context.Background(), "/a")
	if err != nil || string(data) != "v1" || st.Version != 0 {
		t.Fatalf("%q %+v %v", data, st, err)
	}
	f.set("/a", []byte("v2"))
	waitIdle(t, tr)
	n, _ := tr.Node("/a")
	if d, ok := tr.cache.get("/a", n.Stat); !ok || string(d) != "v2" {
		t.Fatalf("cache after change: %q %v", d, ok)
	}
	f.mu.Lock()
	reads := f.reads
	f.mu.Unlock()
	if data, _, _ := tr.Data(context.Background(), "/a"); string(data) != "v2" {
		t.Fatalf("Data %q", data)
	}
	f.mu.Lock()
	after := f.reads
	f.mu.Unlock()
	if after != reads {
		t.Fatal("Data went to the server for cached data")
	}
	if _, _, err := tr.Data(context.Background(), "/nope"); err == nil {
		t.Fatal("no error for a missing node")
	}
}
