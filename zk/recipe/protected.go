package recipe

import (
	"context"
	"errors"
	"fmt"
	"path"
	"time"

	"github.com/zkui/zkui/zk"
)

// maxCreateAttempts bounds how often a protected create is sent again after
// connection losses that turned out to have lost the request itself.
const maxCreateAttempts = 10

// createProtected creates a sequential node "<dir>/_c_<guid>-<prefix>NNNN"
// and returns its full path. When the reply is lost with the connection,
// the request may or may not have been applied; listing dir tells which,
// by the GUID, so a retry can never leave an orphan node behind that would
// hold a lock forever. The parent is created when missing.
func createProtected(ctx context.Context, t Tree, dir, guid, prefix string, data []byte, mode zk.CreateMode, acl []zk.ACL) (string, error) {
	want := join(dir, protectedName(guid, prefix))
	var lastErr error
	for attempt := 0; attempt < maxCreateAttempts; attempt++ {
		if attempt > 0 {
			if p, err := findProtected(ctx, t, dir, guid); err != nil || p != "" {
				return p, err
			}
			if err := sleep(ctx, time.Duration(attempt)*50*time.Millisecond); err != nil {
				return "", err
			}
		}
		created, err := t.Create(ctx, want, data, mode, defaultACL(acl))
		if errors.Is(err, zk.ErrNoNode) {
			if err = EnsurePath(ctx, t, dir, acl); err == nil {
				created, err = t.Create(ctx, want, data, mode, defaultACL(acl))
			}
		}
		if err == nil {
			return created, nil
		}
		if !zk.IsRetryable(err) {
			return "", err
		}
		lastErr = err
	}
	return "", fmt.Errorf("create %s: giving up after %d attempts: %w", want, maxCreateAttempts, lastErr)
}

// findProtected returns the path of the child of dir created with guid, or
// "" when there is none. Connection losses while listing are retried by
// the client itself (reads are safe to repeat).
func findProtected(ctx context.Context, t Tree, dir, guid string) (string, error) {
	kids, _, err := t.GetChildren(ctx, dir)
	if errors.Is(err, zk.ErrNoNode) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	for _, k := range kids {
		if hasGUID(k, guid) {
			return path.Join(dir, k), nil
		}
	}
	return "", nil
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// withdrawTimeout bounds the clean-up of a node after its owner gave up.
const withdrawTimeout = 10 * time.Second
