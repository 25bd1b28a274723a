package recipe

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/zkui/zkui/zk"
)

// ChangeFunc computes a node's new data from its current data. exists is
// false (and old nil) when the node does not exist yet. Returning an error
// aborts RetryChange with that error; returning ErrNoChange leaves the node
// as it is.
type ChangeFunc func(old []byte, stat zk.Stat, exists bool) (data []byte, err error)

// ErrNoChange, returned by a ChangeFunc, ends RetryChange without writing.
var ErrNoChange = errors.New("recipe: no change")

// MaxChangeAttempts bounds RetryChange: after this many conflicting writes
// by others it gives up with ErrTooManyRetries.
const MaxChangeAttempts = 30

// RetryChange reads the node at p, lets change compute the new data and
// writes it back only if nobody wrote in between (the version read), or
// creates the node (persistent, with acl) when it did not exist. On a
// conflict (ErrBadVersion, or ErrNodeExists / ErrNoNode from a concurrent
// create or delete) it reads again and calls change again, with a short
// random backoff, at most MaxChangeAttempts times.
//
// After a lost connection the Client may retry a write that was in fact
// applied and report a conflict with itself; RetryChange then calls change
// again on data that already holds its effect. A ChangeFunc that sets a
// value is safe; one that adds (a counter) should recognise its own write,
// e.g. by recording a token in the data.
func RetryChange(ctx context.Context, t Tree, p string, acl []zk.ACL, change ChangeFunc) error {
	for attempt := 0; attempt < MaxChangeAttempts; attempt++ {
		if attempt > 0 {
			// Jitter spreads writers that collided so one of them wins.
			d := time.Duration(rand.Int64N(int64(time.Duration(min(attempt, 10)) * 5 * time.Millisecond)))
			if err := sleep(ctx, d); err != nil {
				return err
			}
		}
		old, st, err := t.GetData(ctx, p)
		exists := err == nil
		if err != nil && !errors.Is(err, zk.ErrNoNode) {
			return err
		}
		data, err := change(old, st, exists)
		if errors.Is(err, ErrNoChange) {
			return nil
		}
		if err != nil {
			return err
		}
		if exists {
			_, err = t.SetData(ctx, p, data, st.Version)
		} else {
			_, err = t.Create(ctx, p, data, zk.ModePersistent, defaultACL(acl))
		}
		switch {
		case err == nil:
			return nil
		case errors.Is(err, zk.ErrBadVersion), errors.Is(err, zk.ErrNodeExists),
			exists && errors.Is(err, zk.ErrNoNode):
			continue // someone else changed the node first
		default:
			return err
		}
	}
	return fmt.Errorf("change %s: %w (%d attempts)", p, ErrTooManyRetries, MaxChangeAttempts)
}
