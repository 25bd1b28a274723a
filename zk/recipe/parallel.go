package recipe

import (
	"context"
	"sync"
)

// Parallelism is how many requests the walking helpers (ChildrenRecursive,
// DeleteRecursive, ResolveWildcards) keep in flight at once. A zk.Client
// pipelines them on its one connection, so this is about latency hiding,
// not about connections.
const Parallelism = 64

// forEach calls f(i) for i in [0, n) on up to Parallelism goroutines and
// returns the first error; after an error no new calls start.
func forEach(ctx context.Context, n int, f func(ctx context.Context, i int) error) error {
	if n == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
		next  = make(chan int)
	)
	workers := min(n, Parallelism)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := f(ctx, i); err != nil {
					once.Do(func() { first = err; cancel() })
				}
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		// The caller's ctx ended (ours is only cancelled on error).
		return context.Cause(ctx)
	}
	return first
}
