package recipe

import (
	"context"
	"errors"
	"fmt"
	"path"

	"github.com/zkui/zkui/zk"
)

// Batch limits of DeleteRecursive. A server refuses a frame over
// jute.maxbuffer (just under 1 MiB by default), and a multi's request and
// its transaction both count against it; a quarter of it leaves room for
// a chroot prepended to every path and for servers configured lower.
const (
	maxBatchBytes = 256 << 10
	maxBatchOps   = 5000
	// deleteOpOverhead is a delete's encoded size besides its path: the
	// MultiHeader (type 4, done 1, err 4), the path's length (4) and the
	// version (4), rounded up.
	deleteOpOverhead = 32
	// maxDeletePasses bounds how often DeleteRecursive walks the tree
	// again because other clients kept adding nodes under it.
	maxDeletePasses = 10
)

// DeleteRecursive deletes p and everything below it, children before
// parents, in Multi batches whose estimated encoded size stays far below
// the server's frame limit. version applies to p itself (-1: any). A
// missing p is not an error. If other clients add nodes meanwhile, the
// subtree is walked again, a bounded number of times.
//
// Each batch is atomic but the whole deletion is not: if it fails half-way,
// a part of the subtree is gone.
func DeleteRecursive(ctx context.Context, t Tree, p string, version int32) error {
	var lastErr error
	for pass := 0; pass < maxDeletePasses; pass++ {
		err := deletePass(ctx, t, p, version)
		// Only p itself can be missing: the walk skips vanished
		// descendants and deleteOne ignores them.
		if err == nil || errors.Is(err, zk.ErrNoNode) {
			return nil
		}
		if !errors.Is(err, zk.ErrNotEmpty) {
			return err
		}
		lastErr = err // a node gained a child after we listed it
	}
	return fmt.Errorf("delete recursive %s: the tree kept growing: %w", p, lastErr)
}

// deletePass lists the subtree once and deletes what it found.
func deletePass(ctx context.Context, t Tree, p string, version int32) error {
	var rels []string
	if err := walk(ctx, t, p, func(rel string) { rels = append(rels, rel) }); err != nil {
		return err
	}
	// walk gives parents before children, level by level; deleting in
	// reverse therefore removes every node after all of its descendants.
	ops := make([]zk.Op, 0, len(rels)+1)
	for i := len(rels) - 1; i >= 0; i-- {
		ops = append(ops, zk.DeleteOp(path.Join(p, rels[i]), -1))
	}
	ops = append(ops, zk.DeleteOp(p, version))
	for len(ops) > 0 {
		n := batchLen(ops)
		if err := deleteBatch(ctx, t, ops[:n]); err != nil {
			return err
		}
		ops = ops[n:]
	}
	return nil
}

// batchLen returns how many of ops fit in one multi.
func batchLen(ops []zk.Op) int {
	size := 0
	for i, o := range ops {
		size += deleteOpOverhead + len(o.Path)
		if i > 0 && (size > maxBatchBytes || i >= maxBatchOps) {
			return i
		}
	}
	return len(ops)
}

// deleteBatch deletes ops in one multi. When the multi fails because
// another client deleted one of the nodes first, the batch is done one node
// at a time instead, skipping the missing ones.
func deleteBatch(ctx context.Context, t Tree, ops []zk.Op) error {
	if len(ops) == 1 {
		return deleteOne(ctx, t, ops[0])
	}
	_, err := t.Multi(ctx, ops...)
	if err == nil {
		return nil
	}
	var me *zk.MultiError
	if !errors.As(err, &me) && !zk.IsRetryable(err) {
		return err
	}
	// A MultiError changed nothing; after a connection loss the multi may
	// or may not have been applied. Either way one by one is correct.
	for _, o := range ops {
		if err := deleteOne(ctx, t, o); err != nil {
			return err
		}
	}
	return nil
}

func deleteOne(ctx context.Context, t Tree, o zk.Op) error {
	err := t.Delete(ctx, o.Path, o.Version)
	if errors.Is(err, zk.ErrNoNode) {
		return nil
	}
	return err
}
