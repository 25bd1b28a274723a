package model

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"

	"github.com/zkui/zkui/zk"
)

// synthTree builds a store of about n nodes without a server: sqrt(n)
// directories of sqrt(n) sequential-style leaves each, every stat set and
// every directory expanded (so every node is a visible row).
func synthTree(n int) *store {
	side := 1
	for side*side < n {
		side++
	}
	s := newStore("/")
	s.setStat(0, zk.Stat{Czxid: 1, NumChildren: int32(side)}, true)
	s.rows.expand(s, 0)
	dirs := make([]string, side)
	for d := range dirs {
		dirs[d] = fmt.Sprintf("dir-%d", d)
	}
	for _, id := range s.setKids(0, dirs) {
		names := make([]string, side)
		for i := range names {
			names[i] = fmt.Sprintf("node-%010d", i)
		}
		s.setStat(id, zk.Stat{Czxid: 2, NumChildren: int32(side)}, true)
		for _, k := range s.setKids(id, names) {
			s.setStat(k, zk.Stat{Czxid: 3, Mzxid: 3, Ctime: 1, Mtime: 1, DataLength: 10}, true)
		}
		s.rows.expand(s, id)
	}
	return s
}

// BenchmarkMemoryPerNode measures the heap a mirrored znode costs (data
// excluded) on a 1,000,000-node synthetic tree.
func BenchmarkMemoryPerNode(b *testing.B) {
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		s := synthTree(1_000_000)
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(s.live), "B/node")
		runtime.KeepAlive(s)
	}
}

// BenchmarkRowQueries: the row/path queries on 1,000 and 1,000,000 nodes
// (every node a visible row). The ns/op should not grow with the size.
func BenchmarkRowQueries(b *testing.B) {
	for _, n := range []int{1_000, 1_000_000} {
		s := synthTree(n)
		rows := s.rows.count(s)
		ids := make([]int32, 0, 1024)
		for i := 0; i < 1024; i++ {
			id, _, _ := s.rows.at(s, (i*7919)%rows)
			ids = append(ids, id)
		}
		paths := make([]string, len(ids))
		for i, id := range ids {
			paths[i] = s.path(id)
		}
		b.Run("RowOf/"+strconv.Itoa(n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				if s.rows.rowOfPath(s, paths[i%len(paths)]) < 0 {
					b.Fatal("not visible")
				}
				i++
			}
		})
		b.Run("PathAt/"+strconv.Itoa(n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				id, _, _ := s.rows.at(s, (i*7919)%rows)
				_ = s.path(id)
				i++
			}
		})
		b.Run("Window50/"+strconv.Itoa(n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				id, stack, ok := s.rows.at(s, (i*7919)%rows)
				for k := 0; k < 50 && ok; k++ {
					id, stack, ok = s.rows.next(s, id, stack)
				}
				i++
			}
		})
		// What the UI does per frame: the row of the selection and the 50
		// rows around it, on a window that moves a little between frames.
		b.Run("Frame/"+strconv.Itoa(n), func(b *testing.B) {
			top := rows / 2
			i := 0
			for b.Loop() {
				row := top + i%50
				id, stack, ok := s.rows.at(s, row)
				if s.rows.rowOfPath(s, s.path(id)) != row {
					b.Fatal("row mismatch")
				}
				for k := 0; k < 50 && ok; k++ {
					id, stack, ok = s.rows.next(s, id, stack)
				}
				i++
			}
		})
		b.Run("ExpandCollapse/"+strconv.Itoa(n), func(b *testing.B) {
			d := s.nodes[0].kids[len(s.nodes[0].kids)/2]
			for b.Loop() {
				s.rows.collapse(s, d)
				s.rows.expand(s, d)
				_ = s.rows.rowOf(s, s.nodes[d].kids[0])
			}
		})
	}
}

// BenchmarkApplyEvents applies a mix of data-changed, created and deleted
// events to a 100,000-node mirror (fetches are queued, not sent).
func BenchmarkApplyEvents(b *testing.B) {
	tr := New(newFakeServer(), Options{})
	tr.s = synthTree(100_000)
	for id := range tr.s.nodes {
		tr.s.nodes[id].flags |= fKids | fWantKids
	}
	var evs []zk.Event
	for d := 0; d < 300; d++ {
		dir := fmt.Sprintf("/dir-%d", d)
		for i := 0; i < 100; i++ {
			leaf := fmt.Sprintf("%s/node-%010d", dir, i)
			added := fmt.Sprintf("%s/new-%d", dir, i)
			evs = append(evs,
				zk.Event{Type: zk.EventNodeDataChanged, Path: leaf},
				zk.Event{Type: zk.EventNodeCreated, Path: added},
				zk.Event{Type: zk.EventNodeDeleted, Path: added},
				zk.Event{Type: zk.EventNodeCreated, Path: "/elsewhere/not/mirrored"})
		}
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		tr.mu.Lock()
		for _, ev := range evs {
			tr.applyEvent(ev)
		}
		tr.mu.Unlock()
		n += len(evs)
		// Start each round from the same queue, as if the fetches were done.
		tr.w = newWorkQueue()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}
