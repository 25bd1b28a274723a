package zk

import (
	"context"
	"math/rand/v2"
	"time"
)

// backoff is an exponential backoff with full jitter: the n-th wait (from 0)
// is drawn uniformly from [base*2^n / 2, base*2^n], capped at max. Jitter
// keeps many clients that lost the same server from retrying in lockstep.
type backoff struct {
	base, max time.Duration
}

// Default backoffs: calls retry quickly (a lost connection is usually back
// within a few hundred milliseconds on another server); the reconnect loop
// backs off further so a dead ensemble is not hammered.
var (
	retryBackoff   = backoff{base: 20 * time.Millisecond, max: time.Second}
	connectBackoff = backoff{base: 50 * time.Millisecond, max: 2 * time.Second}
)

// delay returns the wait before attempt n+1.
func (b backoff) delay(n int) time.Duration {
	d := b.base
	for i := 0; i < n && d < b.max; i++ {
		d *= 2
	}
	d = min(d, b.max)
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(d-half+1)
}

// sleep waits delay(n), or less if ctx ends or stop closes; it reports
// whether the full wait elapsed.
func (b backoff) sleep(ctx context.Context, stop <-chan struct{}, n int) bool {
	t := time.NewTimer(b.delay(n))
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-stop:
		return false
	}
}
