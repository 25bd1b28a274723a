package recipe

import (
	"context"
	"fmt"
	"testing"

	"github.com/zkui/zkui/zk"
)

// benchTree creates 20 branches of 100 leaves under a fresh root (2,020
// nodes) with a few multis.
func benchTree(b *testing.B, c *zk.Client) string {
	b.Helper()
	root := testRoot(b, c)
	ctx := context.Background()
	acl := zk.WorldACL(zk.PermAll)
	for i := 0; i < 20; i++ {
		br := fmt.Sprintf("%s/cell-%02d", root, i)
		ops := []zk.Op{zk.CreateOp(br, nil, zk.ModePersistent, acl)}
		for j := 0; j < 100; j++ {
			ops = append(ops, zk.CreateOp(fmt.Sprintf("%s/tablet-%03d", br, j), nil, zk.ModePersistent, acl))
		}
		if _, err := c.Multi(ctx, ops...); err != nil {
			b.Fatal(err)
		}
	}
	return root
}

// BenchmarkChildrenRecursive walks 2,020 nodes with the listings of each
// level pipelined.
func BenchmarkChildrenRecursive(b *testing.B) {
	c := sharedClient(b)
	root := benchTree(b, c)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		got, err := ChildrenRecursive(ctx, c, root)
		if err != nil || len(got) != 2020 {
			b.Fatalf("%d nodes, %v", len(got), err)
		}
	}
	b.ReportMetric(float64(2020*b.N)/b.Elapsed().Seconds(), "nodes/s")
}

// BenchmarkResolveWildcards resolves one two-level pattern over the same
// tree.
func BenchmarkResolveWildcards(b *testing.B) {
	c := sharedClient(b)
	root := benchTree(b, c)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		got, err := ResolveWildcards(ctx, c, root+"/*/tablet-*")
		if err != nil || len(got) != 2000 {
			b.Fatalf("%d paths, %v", len(got), err)
		}
	}
}
