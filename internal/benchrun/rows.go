package main

import (
	"fmt"
	"strconv"
)

// Targets from the issues (3: the wire client, 6: the mirror, 7: the
// explorer). Each row below says which one it checks.
const (
	maxAllocsPerGet   = 5.0
	minInFlightRatio  = 1.3  // zkui / go-zookeeper Gets/s at 64 in flight
	maxP50Excess      = 1.05 // zkui p50 <= go-zookeeper p50 + 5%
	minSyncVsWalk64   = 3.0
	minSyncVsWalkSeq  = 10.0
	maxBytesPerNode   = 200.0 // at 1,000,000 nodes
	minEventsPerSec   = 100e3
	maxViewP99ms      = 1.0
	maxKeyToFrameMs   = 16.0
	sameAsSmallFactor = 1.5 // "the same at 1M as at 1k": within 1.5x
)

func pct(of, whole float64) string {
	return fmt.Sprintf("%.0f%% of ceiling", 100*of/whole)
}

// wireRows turns the wire samples into rows; best is the server's ceiling.
func wireRows(t *Table, w *wireResults, best float64) {
	zk, gz := 0, 1
	t.Add(Row{Measure: "allocations per Get (issue 3)", Ours: w.allocs[zk], Alt: w.allocs[gz],
		Target: fmt.Sprintf("zkui <= %.0f", maxAllocsPerGet),
		Pass:   verdict(w.allocs[zk].Median() <= maxAllocsPerGet)})
	t.Add(Row{Measure: fmt.Sprintf("Get p50 latency, 1 in flight (%d Gets a client a run, in alternating blocks of 100)", w.getLatN), Ours: w.p50[zk], Alt: w.p50[gz],
		Target: "zkui <= go-zookeeper + 5%",
		Pass:   verdict(w.p50[zk].Median() <= maxP50Excess*w.p50[gz].Median())})
	t.Add(Row{Measure: "Get p99 latency, 1 in flight", Ours: w.p99[zk], Alt: w.p99[gz]})
	for _, n := range inFlightLevels {
		s := w.gets[n]
		r := Row{Measure: fmt.Sprintf("Gets/s, %d in flight, one connection", n), Ours: s[zk], Alt: s[gz],
			OursNote: pct(s[zk].Median(), best), AltNote: pct(s[gz].Median(), best)}
		if n == 64 {
			r.Target = fmt.Sprintf("ratio >= %.1fx", minInFlightRatio)
			r.Pass = verdict(s[zk].Median() >= minInFlightRatio*s[gz].Median())
		}
		t.Add(r)
	}
	t.Add(Row{Measure: "creates/s, 64 in flight", Ours: w.creates[zk], Alt: w.creates[gz]})
	t.Add(Row{Measure: "SetData/s, 64 in flight (one node)", Ours: w.sets[zk], Alt: w.sets[gz]})
}

// ceilingRows lists each multi-connection configuration and returns the
// most Gets/s any configuration reached (medians), the server's ceiling.
func ceilingRows(t *Table, w *wireResults) float64 {
	best := 0.0
	for _, s := range w.gets {
		best = max(best, s[0].Median(), s[1].Median())
	}
	for _, n := range ceilingConns {
		best = max(best, w.ceil[n].Median())
	}
	for _, n := range ceilingConns {
		s := *w.ceil[n]
		t.Add(Row{Measure: "server ceiling probe: zkui, " + strconv.Itoa(n) + " connections x 64 Gets in flight",
			Ours: s, OursNote: pct(s.Median(), best)})
	}
	return best
}

// treeRows: loading the seeded tree three ways, and the mirror's memory.
func treeRows(t *Table, r *treeResults) {
	m := fmt.Sprintf("load a %d-node tree: model.Tree full sync vs go-zookeeper walk, ", r.total)
	t.Add(Row{Measure: m + "64 in flight (issue 6)", Ours: r.model, Alt: r.walk64,
		Target: fmt.Sprintf("ratio >= %.0fx", minSyncVsWalk64),
		Pass:   verdict(r.model.Median() >= minSyncVsWalk64*r.walk64.Median())})
	t.Add(Row{Measure: m + "sequential (issue 6)", Ours: r.model, Alt: r.walkSeq,
		Target: fmt.Sprintf("ratio >= %.0fx", minSyncVsWalkSeq),
		Pass:   verdict(r.model.Median() >= minSyncVsWalkSeq*r.walkSeq.Median())})
	t.Add(Row{Measure: fmt.Sprintf("mirror heap per node after a real full sync of %d nodes (data excluded, connection included)", r.total),
		Ours: r.mem})
}

// goBenchRows: the figures that come from the packages' own benchmarks.
func goBenchRows(t *Table, model, events, tui benchLines) {
	mem := model.sample("BenchmarkMemoryPerNode", "B/node", "B/node", 1)
	t.Add(Row{Measure: "mirror heap per node, 1,000,000-node synthetic tree (issue 6)", Ours: mem,
		Target: fmt.Sprintf("<= %.0f B/node", maxBytesPerNode), Pass: verdict(mem.Median() <= maxBytesPerNode)})
	ev := events.sample("BenchmarkApplyEvents", "events/s", "events/s", 1)
	t.Add(Row{Measure: "watch events applied to a 100,000-node mirror (issue 6)", Ours: ev,
		Target: ">= 100k events/s", Pass: verdict(ev.Median() >= minEventsPerSec)})

	small := tui.sample("BenchmarkLiveView/1000", "p99-ms", "ms", 1)
	large := tui.sample("BenchmarkLiveView/1000000", "p99-ms", "ms", 1)
	t.Add(Row{Measure: "View() mean, 1,000 nodes", Ours: tui.sample("BenchmarkLiveView/1000", "ns/op", "ms", 1e-6)})
	t.Add(Row{Measure: "View() mean, 1,000,000 nodes", Ours: tui.sample("BenchmarkLiveView/1000000", "ns/op", "ms", 1e-6)})
	t.Add(Row{Measure: "View() p99, 1,000 nodes (issue 7)", Ours: small,
		Target: fmt.Sprintf("< %.0f ms", maxViewP99ms), Pass: verdict(small.Median() < maxViewP99ms)})
	t.Add(Row{Measure: "View() p99, 1,000,000 nodes vs 1,000 (issue 7)", Ours: large, Alt: small,
		Target: fmt.Sprintf("< %.0f ms and ratio <= %.1fx", maxViewP99ms, sameAsSmallFactor),
		Pass:   verdict(large.Median() < maxViewP99ms && large.Median() <= sameAsSmallFactor*small.Median())})
	for _, n := range []string{"1000", "1000000"} {
		k := tui.sample("BenchmarkLiveKeyToFrame/"+n, "p99-ms", "ms", 1)
		t.Add(Row{Measure: "key to frame p99, " + n + " nodes (issue 7)", Ours: k,
			Target: fmt.Sprintf("< %.0f ms", maxKeyToFrameMs), Pass: verdict(k.Median() < maxKeyToFrameMs)})
	}
}
