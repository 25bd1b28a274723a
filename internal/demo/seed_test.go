package demo

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

func TestSeedBuildsTheSampleTree(t *testing.T) {
	srv := zktest.Standalone(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := zk.DialContext(ctx, "tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var last int
	sum, err := Seed(ctx, c, func(n int) { last = n })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Nodes < WideChildren+2000 || last != sum.Nodes || sum.Ephemerals < 10 {
		t.Fatalf("summary %+v, last progress %d", sum, last)
	}
	total, err := c.GetAllChildrenNumber(ctx, "/")
	if err != nil {
		t.Fatal(err)
	}
	// Seed's nodes, the TTL node and the server's own /zookeeper subtree.
	if total < sum.Nodes+1 || total > sum.Nodes+5 {
		t.Fatalf("server holds %d nodes, seeded %d", total, sum.Nodes)
	}
	_, st, err := c.GetChildren(ctx, WideNode)
	if err != nil || st.NumChildren != WideChildren {
		t.Fatalf("wide node: %d children, %v", st.NumChildren, err)
	}
	viewer, err := zk.DialContext(ctx, "tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer viewer.Close()
	if _, _, err := viewer.GetData(ctx, "/secure/db-password"); !errors.Is(err, zk.ErrNoAuth) {
		t.Fatalf("protected node readable without credentials: %v", err)
	}
	gz, _, err := c.GetData(ctx, "/values/settings.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatalf("gzip value: %v", err)
	}
	if plain, _ := io.ReadAll(r); !bytes.HasPrefix(plain, []byte(`{"cache"`)) {
		t.Fatalf("decompressed %q", plain)
	}
	_, est, err := c.GetData(ctx, "/kafka/brokers/ids/0")
	if err != nil || est.Owner() != c.SessionID() {
		t.Fatalf("broker registration: owner %x, %v", est.Owner(), err)
	}
	if ok, _, _ := c.Exists(ctx, "/session-cache"); !ok {
		t.Fatal("TTL node missing")
	}
}
