package zk

import (
	"context"
	"testing"
	"time"
)

func TestBackoffBounds(t *testing.T) {
	b := backoff{base: 10 * time.Millisecond, max: 200 * time.Millisecond}
	for n := range 12 {
		want := b.base << n
		if want > b.max || want <= 0 {
			want = b.max
		}
		for range 200 {
			d := b.delay(n)
			if d < want/2 || d > want {
				t.Fatalf("delay(%d) = %v, want within [%v, %v]", n, d, want/2, want)
			}
		}
	}
}

func TestBackoffJitters(t *testing.T) {
	b := backoff{base: 100 * time.Millisecond, max: time.Second}
	seen := map[time.Duration]bool{}
	for range 50 {
		seen[b.delay(3)] = true
	}
	if len(seen) < 10 {
		t.Errorf("50 draws gave only %d distinct delays: no jitter", len(seen))
	}
}

func TestBackoffSleepStops(t *testing.T) {
	b := backoff{base: time.Hour, max: time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if b.sleep(ctx, nil, 0) {
		t.Error("sleep with a cancelled ctx reported a full wait")
	}
	stop := make(chan struct{})
	close(stop)
	if b.sleep(context.Background(), stop, 0) {
		t.Error("sleep with a closed stop reported a full wait")
	}
}
