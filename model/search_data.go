package model

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"sync"

	"github.com/zkui/zkui/zk"
)

// dataFetchers is how many data batches a data search keeps on the wire.
const dataFetchers = 4

// maxSnippet bounds a data match's snippet.
const maxSnippet = 160

// SearchData looks for re in the data of every node. It first runs a full
// sync (so the whole tree is searched), then reads the data that is not
// cached in multiRead batches, and streams updates whose matches are in
// tree order; at most limit matches are kept (DefaultSearchLimit when 0).
// Cancel ctx to stop it.
func (t *Tree) SearchData(ctx context.Context, re *regexp.Regexp, limit int) <-chan SearchUpdate {
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	out := make(chan SearchUpdate, 1)
	go func() {
		defer close(out)
		if err := t.FullSync(ctx, nil); err != nil {
			send(ctx, out, SearchUpdate{Err: err})
			return
		}
		paths, stats := t.allPaths()
		u := SearchUpdate{Total: len(paths)}
		var mu sync.Mutex
		found := make(map[int]Match)
		check := func(i int, data []byte) {
			loc := re.FindIndex(data)
			if loc == nil {
				return
			}
			mu.Lock()
			found[i] = Match{Path: paths[i], Snippet: snippet(data, loc)}
			if len(found) > 2*limit {
				// Keep the first limit in tree order; later ones cannot
				// make it any more.
				keys := make([]int, 0, len(found))
				for k := range found {
					keys = append(keys, k)
				}
				slices.Sort(keys)
				for _, k := range keys[limit:] {
					delete(found, k)
				}
			}
			mu.Unlock()
		}
		err := t.eachData(ctx, paths, stats, check, func(scanned int) {
			mu.Lock()
			now := SearchUpdate{Total: u.Total, Scanned: scanned, Matches: firstMatches(found, limit)}
			mu.Unlock()
			select {
			case out <- now:
			default:
			}
		})
		mu.Lock()
		u.Matches = firstMatches(found, limit)
		u.Scanned = len(paths)
		mu.Unlock()
		u.Done, u.Err = err == nil, err
		send(ctx, out, u)
	}()
	return out
}

// allPaths lists every mirrored node in tree order with its stat.
func (t *Tree) allPaths() ([]string, []zk.Stat) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	var paths []string
	var stats []zk.Stat
	var walk func(id int32, path string)
	walk = func(id int32, path string) {
		nd := &t.s.nodes[id]
		if nd.flags&fStat != 0 {
			paths = append(paths, path)
			stats = append(stats, nd.stat)
		}
		for _, k := range nd.kids {
			walk(k, joinPath(path, t.s.name(k)))
		}
	}
	walk(0, t.opts.Root)
	return paths, stats
}

// eachData calls check with the data of every path, from the cache or read
// in batches, and progress after each batch.
func (t *Tree) eachData(ctx context.Context, paths []string, stats []zk.Stat, check func(int, []byte), progress func(int)) error {
	type job struct{ from, to int }
	jobs := make(chan job)
	errc := make(chan error, dataFetchers)
	var done sync.WaitGroup
	var mu sync.Mutex
	scanned := 0
	for w := 0; w < dataFetchers; w++ {
		done.Add(1)
		go func() {
			defer done.Done()
			for j := range jobs {
				if err := t.fetchData(ctx, paths[j.from:j.to], stats[j.from:j.to], func(i int, d []byte) { check(j.from+i, d) }); err != nil {
					errc <- err
					return
				}
				mu.Lock()
				scanned += j.to - j.from
				n := scanned
				mu.Unlock()
				progress(n)
			}
		}()
	}
	var err error
feed:
	for from := 0; from < len(paths); from += t.opts.BatchOps {
		select {
		case jobs <- job{from, min(from+t.opts.BatchOps, len(paths))}:
		case err = <-errc:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(jobs)
	done.Wait()
	if err == nil {
		select {
		case err = <-errc:
		default:
		}
	}
	return err
}

// fetchData reads the data of paths that the cache does not hold.
func (t *Tree) fetchData(ctx context.Context, paths []string, stats []zk.Stat, check func(int, []byte)) error {
	var ops []zk.ReadOp
	var idx []int
	for i, p := range paths {
		if data, ok := t.cache.get(p, stats[i]); ok {
			check(i, data)
			continue
		}
		ops = append(ops, zk.GetDataOp(p))
		idx = append(idx, i)
	}
	if len(ops) == 0 {
		return nil
	}
	if !t.multiOff.Load() {
		res, err := t.sess.MultiRead(ctx, ops...)
		if err == nil {
			for k, r := range res {
				if r.Err == nil {
					check(idx[k], r.Data)
				}
			}
			return nil
		}
		if !isUnimplemented(err) {
			return err
		}
		t.multiOff.Store(true)
	}
	for k, op := range ops {
		data, _, err := t.sess.GetData(ctx, op.Path)
		switch {
		case err == nil:
			check(idx[k], data)
		case isSessionError(err):
			return err
		}
	}
	return nil
}

// firstMatches returns up to limit matches in tree order.
func firstMatches(found map[int]Match, limit int) []Match {
	keys := make([]int, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]Match, 0, min(limit, len(keys)))
	for _, k := range keys[:min(limit, len(keys))] {
		out = append(out, found[k])
	}
	return out
}

// snippet is the line around a match, bounded in length.
func snippet(data []byte, loc []int) string {
	start := bytes.LastIndexByte(data[:loc[0]], '\n') + 1
	end := loc[1] + max(bytes.IndexByte(data[loc[1]:], '\n'), 0)
	if bytes.IndexByte(data[loc[1]:], '\n') < 0 {
		end = len(data)
	}
	if end-start > maxSnippet {
		start = max(start, loc[0]-maxSnippet/4)
		end = min(end, start+maxSnippet)
	}
	return string(data[start:end])
}
