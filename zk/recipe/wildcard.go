package recipe

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/zkui/zkui/zk"
)

// ResolveWildcards expands each pattern into the paths that exist and
// match it, sorted and without duplicates. A segment holding a glob
// character ('*', '?' or '[', as in path.Match) matches one path segment,
// never a '/': "/zk/*/vt/tablets/*/action" gives every action node of
// every tablet of every cell. A pattern without glob characters resolves
// to itself when the node exists. A pattern matching nothing contributes
// nothing; a malformed one is an error.
//
// Each glob level is resolved by listing all the candidates of that level
// concurrently (pipelined on the session's connection), then the literal
// tail is checked with concurrent Exists calls.
func ResolveWildcards(ctx context.Context, t Tree, patterns ...string) ([]string, error) {
	var out []string
	for _, pat := range patterns {
		paths, err := resolve(ctx, t, pat)
		if err != nil {
			return nil, err
		}
		out = append(out, paths...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// hasGlob reports whether a segment is a pattern rather than a name.
func hasGlob(seg string) bool { return strings.ContainsAny(seg, `*?[\`) }

func resolve(ctx context.Context, t Tree, pat string) ([]string, error) {
	if !strings.HasPrefix(pat, "/") {
		return nil, fmt.Errorf("resolve %q: %w: not an absolute path", pat, zk.ErrInvalidPath)
	}
	segs := strings.Split(strings.Trim(pat, "/"), "/")
	if len(segs) == 1 && segs[0] == "" {
		segs = nil // the root itself
	}
	cands := []string{"/"}
	checked := true // whether every candidate is known to exist
	for _, seg := range segs {
		if !hasGlob(seg) {
			if seg == "" {
				return nil, fmt.Errorf("resolve %q: %w: empty segment", pat, zk.ErrInvalidPath)
			}
			for i := range cands {
				cands[i] = path.Join(cands[i], seg)
			}
			checked = false
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return nil, fmt.Errorf("resolve %q: %w", pat, err)
		}
		lists := make([][]string, len(cands))
		err := forEach(ctx, len(cands), func(ctx context.Context, i int) error {
			kids, err := getChildrenIfAny(ctx, t, cands[i])
			for _, k := range kids {
				if ok, _ := path.Match(seg, k); ok {
					lists[i] = append(lists[i], path.Join(cands[i], k))
				}
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		// A listing proves its parent existed and its children exist
		// (give or take concurrent deletes), so the candidates are
		// checked again.
		cands = slices.Concat(lists...)
		checked = true
	}
	if checked {
		return cands, nil
	}
	return existing(ctx, t, cands)
}

// existing keeps the paths that exist, in order.
func existing(ctx context.Context, t Tree, paths []string) ([]string, error) {
	found := make([]bool, len(paths))
	err := forEach(ctx, len(paths), func(ctx context.Context, i int) error {
		ok, _, err := t.Exists(ctx, paths[i])
		if errors.Is(err, zk.ErrNoNode) {
			err = nil
		}
		found[i] = ok
		return err
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for i, p := range paths {
		if found[i] {
			out = append(out, p)
		}
	}
	return out, nil
}
