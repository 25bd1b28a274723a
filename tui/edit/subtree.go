package edit

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/zkui/zkui/zk"
)

// Batch limits for subtree operations. The server refuses a frame over
// jute.maxbuffer (about 1 MiB by default) and holds a whole multi in memory
// while it applies it, so batches stay well under both; smaller batches
// also give the progress bar something to show and cancel a chance to act.
const (
	maxBatchBytes = 512 << 10
	maxBatchOps   = 500
)

// Node is one node of a scanned subtree.
type Node struct {
	Path      string
	Version   int32
	Size      int // data length
	Ephemeral bool
	Data      []byte   // read only by ScanContent
	ACL       []zk.ACL // read only by ScanContent
}

// Subtree is a scanned subtree in pre-order (every parent before its
// children), with the totals the confirmation shows.
type Subtree struct {
	Root       string
	Nodes      []Node
	Bytes      int
	Ephemerals []string
}

// Scan walks the subtree at root, reading each node's Stat (the version a
// delete checks, its size, whether it is ephemeral). progress, when not nil,
// is told how many nodes were seen so far.
func Scan(ctx context.Context, w Writer, root string, progress func(seen int)) (*Subtree, error) {
	return scan(ctx, w, root, false, progress)
}

// ScanContent is Scan that also reads every node's data and ACL, for a
// copy or a move.
func ScanContent(ctx context.Context, w Writer, root string, progress func(seen int)) (*Subtree, error) {
	return scan(ctx, w, root, true, progress)
}

func scan(ctx context.Context, w Writer, root string, content bool, progress func(int)) (*Subtree, error) {
	t := &Subtree{Root: root}
	var visit func(p string) error
	visit = func(p string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		kids, st, err := w.GetChildren(ctx, p)
		if err != nil {
			return err
		}
		n := Node{Path: p, Version: st.Version, Size: int(st.DataLength), Ephemeral: st.EphemeralOwner != 0}
		if content {
			if n.Data, _, err = w.GetData(ctx, p); err != nil {
				return err
			}
			if n.ACL, _, err = w.GetACL(ctx, p); err != nil {
				return err
			}
		}
		t.Nodes = append(t.Nodes, n)
		t.Bytes += n.Size
		if n.Ephemeral {
			t.Ephemerals = append(t.Ephemerals, p)
		}
		if progress != nil {
			progress(len(t.Nodes))
		}
		for _, k := range sortedCopy(kids) {
			if err := visit(join(p, k)); err != nil && !errors.Is(err, zk.ErrNoNode) {
				return err // a child deleted meanwhile is simply not there
			}
		}
		return nil
	}
	if err := visit(root); err != nil {
		return nil, err
	}
	return t, nil
}

// Progress is told how many of total nodes are done after each batch.
type Progress func(done, total int)

// PartialError is a subtree operation that stopped early: Done lists
// exactly what it had done (removed or created) before Err.
type PartialError struct {
	Op   string
	Done []string
	Err  error
}

func (e *PartialError) Error() string {
	return fmt.Sprintf("%s stopped after %d node(s): %v", e.Op, len(e.Done), e.Err)
}

func (e *PartialError) Unwrap() error { return e.Err }

// DeleteTree removes the scanned subtree, children before parents, in
// multi batches. Each delete checks the version the scan read, so a node
// changed or grown since the scan stops the operation instead of being
// lost. It returns what it removed; when it stops early (an error, or ctx
// cancelled between batches) the error is a *PartialError listing exactly
// the removed nodes (a batch is atomic: all of it or none).
func DeleteTree(ctx context.Context, w Writer, t *Subtree, progress Progress) ([]string, error) {
	ops := make([]zk.Op, 0, len(t.Nodes))
	for i := len(t.Nodes) - 1; i >= 0; i-- {
		n := t.Nodes[i]
		ops = append(ops, zk.DeleteOp(n.Path, n.Version))
	}
	return runBatches(ctx, w, "delete", ops, progress, func(o zk.Op) int { return len(o.Path) + 16 })
}

// CopyTree creates a copy of the scanned subtree (ScanContent) at dst:
// data and ACLs, persistent nodes, parents first, in multi batches.
// Ephemeral nodes belong to their session and are skipped; they are
// returned so the user sees the list. dst must not exist and its parent
// must.
func CopyTree(ctx context.Context, w Writer, t *Subtree, dst string, progress Progress) (copied, skipped []string, err error) {
	if dst == t.Root || strings.HasPrefix(dst, strings.TrimSuffix(t.Root, "/")+"/") {
		return nil, nil, inputf("cannot copy %s into itself (%s)", t.Root, dst)
	}
	ops := make([]zk.Op, 0, len(t.Nodes))
	for _, n := range t.Nodes {
		if n.Ephemeral {
			skipped = append(skipped, n.Path)
			continue
		}
		target := dst + strings.TrimPrefix(n.Path, t.Root)
		if t.Root == "/" {
			target = join(dst, strings.TrimPrefix(n.Path, "/"))
		}
		acl := n.ACL
		if len(acl) == 0 {
			acl = zk.WorldACL(zk.PermAll)
		}
		ops = append(ops, zk.CreateOp(strings.TrimSuffix(target, "/"), n.Data, zk.ModePersistent, acl))
	}
	copied, err = runBatches(ctx, w, "copy", ops, progress, func(o zk.Op) int {
		size := len(o.Path) + len(o.Data) + 32
		for _, a := range o.ACL {
			size += len(a.Scheme) + len(a.ID) + 12
		}
		return size
	})
	return copied, skipped, err
}

// MoveTree copies the subtree to dst, then deletes the source with the
// versions the scan read: a source changed meanwhile stops the delete (the
// copy stays, nothing is lost) and the error says what was removed.
func MoveTree(ctx context.Context, w Writer, t *Subtree, dst string, progress Progress) (skipped []string, err error) {
	if len(t.Ephemerals) > 0 {
		// The source could not be deleted while its ephemerals live.
		return t.Ephemerals, inputf("%d ephemeral node(s) in %s: they cannot be moved; copy instead", len(t.Ephemerals), t.Root)
	}
	total := 2 * len(t.Nodes)
	_, skipped, err = CopyTree(ctx, w, t, dst, func(done, _ int) { report(progress, done, total) })
	if err != nil {
		return skipped, err
	}
	_, err = DeleteTree(ctx, w, t, func(done, _ int) { report(progress, len(t.Nodes)+done, total) })
	return skipped, err
}

func report(p Progress, done, total int) {
	if p != nil {
		p(done, total)
	}
}

// runBatches sends ops as multis of bounded size, stopping at the first
// failure or when ctx ends, and returns the paths of the applied ops.
func runBatches(ctx context.Context, w Writer, name string, ops []zk.Op, progress Progress, size func(zk.Op) int) ([]string, error) {
	var done []string
	for start := 0; start < len(ops); {
		if err := ctx.Err(); err != nil {
			return done, &PartialError{Op: name, Done: done, Err: err}
		}
		end, bytes := start, 0
		for end < len(ops) && end-start < maxBatchOps {
			s := size(ops[end])
			if end > start && bytes+s > maxBatchBytes {
				break
			}
			bytes += s
			end++
		}
		if _, err := w.Multi(ctx, ops[start:end]...); err != nil {
			return done, &PartialError{Op: name, Done: done, Err: err}
		}
		for _, o := range ops[start:end] {
			done = append(done, o.Path)
		}
		start = end
		report(progress, len(done), len(ops))
	}
	return done, nil
}
