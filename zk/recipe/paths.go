package recipe

import (
	"context"
	"errors"
	"path"

	"github.com/zkui/zkui/zk"
)

// CreateRecursive creates path with data and mode, first creating every
// missing ancestor as an empty persistent node (mkdir -p). acl applies to
// the node and to the ancestors it creates (open to all when nil). It
// returns the created path (with its counter for a sequential mode) and
// ErrNodeExists, like Create, when the node itself exists.
func CreateRecursive(ctx context.Context, t Tree, p string, data []byte, mode zk.CreateMode, acl []zk.ACL) (string, error) {
	acl = defaultACL(acl)
	created, err := t.Create(ctx, p, data, mode, acl)
	if !errors.Is(err, zk.ErrNoNode) {
		return created, err
	}
	// Only a missing parent gives NoNode on create; build it and try again.
	if err := EnsurePath(ctx, t, path.Dir(p), acl); err != nil {
		return "", err
	}
	return t.Create(ctx, p, data, mode, acl)
}

// EnsurePath makes sure p and all its ancestors exist, creating the
// missing ones as empty persistent nodes with acl (open to all when nil).
// Nodes that exist already, or that another client creates meanwhile, are
// fine.
func EnsurePath(ctx context.Context, t Tree, p string, acl []zk.ACL) error {
	if p == "/" || p == "" {
		return nil
	}
	// Walk up first with cheap existence checks: usually only the last few
	// levels are missing.
	missing := []string{}
	for q := p; q != "/"; q = path.Dir(q) {
		ok, _, err := t.Exists(ctx, q)
		if err != nil {
			return err
		}
		if ok {
			break
		}
		missing = append(missing, q)
	}
	acl = defaultACL(acl)
	for i := len(missing) - 1; i >= 0; i-- {
		_, err := t.Create(ctx, missing[i], nil, zk.ModePersistent, acl)
		if err != nil && !errors.Is(err, zk.ErrNodeExists) {
			return err
		}
	}
	return nil
}

// CreateOrUpdate creates path with data, or, when it exists, sets its data
// whatever its version. With recursive set, missing ancestors are created
// too. It returns the path of the node written.
func CreateOrUpdate(ctx context.Context, t Tree, p string, data []byte, mode zk.CreateMode, acl []zk.ACL, recursive bool) (string, error) {
	var created string
	var err error
	if recursive {
		created, err = CreateRecursive(ctx, t, p, data, mode, acl)
	} else {
		created, err = t.Create(ctx, p, data, mode, defaultACL(acl))
	}
	if !errors.Is(err, zk.ErrNodeExists) {
		return created, err
	}
	if _, err := t.SetData(ctx, p, data, -1); err != nil {
		return "", err
	}
	return p, nil
}
