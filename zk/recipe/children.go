package recipe

import (
	"context"
	"errors"
	"path"
	"slices"

	"github.com/zkui/zkui/zk"
)

// ChildrenRecursive returns every descendant of p as a path relative to p
// ("a", "a/b", ...), sorted. The tree is walked level by level with the
// listings of a level in flight together. A node deleted during the walk is
// left out, not an error; p itself missing is ErrNoNode.
func ChildrenRecursive(ctx context.Context, t Tree, p string) ([]string, error) {
	var out []string
	err := walk(ctx, t, p, func(rel string) { out = append(out, rel) })
	if err != nil {
		return nil, err
	}
	slices.Sort(out)
	return out, nil
}

// walk lists the subtree under root breadth first and calls visit, on the
// caller's goroutine, with each descendant's path relative to root, parents
// before their children.
func walk(ctx context.Context, t Tree, root string, visit func(rel string)) error {
	kids, _, err := t.GetChildren(ctx, root)
	if err != nil {
		return err
	}
	level := slices.Clone(kids)
	for len(level) > 0 {
		for _, rel := range level {
			visit(rel)
		}
		lists := make([][]string, len(level))
		err := forEach(ctx, len(level), func(ctx context.Context, i int) error {
			kids, err := getChildrenIfAny(ctx, t, path.Join(root, level[i]))
			lists[i] = kids
			return err
		})
		if err != nil {
			return err
		}
		var next []string
		for i, kids := range lists {
			for _, k := range kids {
				next = append(next, level[i]+"/"+k)
			}
		}
		level = next
	}
	return nil
}

// getChildrenIfAny lists p, treating a node deleted meanwhile as having no
// children.
func getChildrenIfAny(ctx context.Context, t Tree, p string) ([]string, error) {
	kids, _, err := t.GetChildren(ctx, p)
	if errors.Is(err, zk.ErrNoNode) {
		return nil, nil
	}
	return kids, err
}
