package main

import (
	"math"
	"strings"
	"testing"
)

const benchOut = `goos: linux
pkg: github.com/zkui/zkui/tui
BenchmarkLiveView/1000-2    	    5283	    274291 ns/op	         2.325 p99-ms	  103201 B/op	     416 allocs/op
BenchmarkLiveView/1000-2    	    3620	    286204 ns/op	         1.633 p99-ms	  103195 B/op	     416 allocs/op
BenchmarkLiveView/1000000-2 	    6754	    198142 ns/op	         0.3260 p99-ms	  103184 B/op	     416 allocs/op
BenchmarkMemoryPerNode   	       1	 540001599 ns/op	       152.9 B/node
BenchmarkLiveView/1000 a log line, not a result
PASS
`

func TestParseBench(t *testing.T) {
	got := parseBench([]byte(benchOut))
	if v := got["BenchmarkLiveView/1000"]["p99-ms"]; len(v) != 2 || v[0] != 2.325 || v[1] != 1.633 {
		t.Errorf("p99 of 1000: %v", v)
	}
	if v := got["BenchmarkLiveView/1000000"]["ns/op"]; len(v) != 1 || v[0] != 198142 {
		t.Errorf("ns/op of 1000000: %v", v)
	}
	// A name without the -GOMAXPROCS suffix keeps its whole name.
	if v := got["BenchmarkMemoryPerNode"]["B/node"]; len(v) != 1 || v[0] != 152.9 {
		t.Errorf("B/node: %v", v)
	}
	if len(got) != 3 {
		t.Errorf("%d benchmarks, want 3: %v", len(got), got)
	}
	s := got.sample("BenchmarkLiveView/1000", "ns/op", "ms", 1e-6)
	if m := s.Median(); math.Abs(m-0.2802475) > 1e-9 {
		t.Errorf("median %v ms", m)
	}
}

func TestSample(t *testing.T) {
	s := Sample{Vals: []float64{5, 1, 3, 100, 2}, Unit: "x"}
	if m := s.Median(); m != 3 {
		t.Errorf("median %v, want 3", m)
	}
	if lo, hi := s.Spread(); lo != 1 || hi != 100 {
		t.Errorf("spread %v-%v", lo, hi)
	}
	if got := s.String(); got != "3.00 x (1.00–100, 5 runs)" {
		t.Errorf("String %q", got)
	}
	if got := (Sample{Vals: []float64{12345, 2e6}}).Median(); got != (12345+2e6)/2 {
		t.Errorf("even median %v", got)
	}
	if !math.IsNaN((Sample{}).Median()) {
		t.Error("median of no runs is a number")
	}
}

func TestTableVerdicts(t *testing.T) {
	var tb Table
	tb.Add(Row{Measure: "a|b", Ours: Sample{Vals: []float64{26000}, Unit: "Gets/s"},
		Alt: Sample{Vals: []float64{13000}, Unit: "Gets/s"}, Target: ">= 1.3x", Pass: verdict(true)})
	tb.Add(Row{Measure: "missed", Ours: Sample{Vals: []float64{1}}, Pass: verdict(false)})
	tb.Add(Row{Measure: "info", Ours: Sample{Vals: []float64{1}}})
	var out strings.Builder
	if err := tb.Write(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{`| a\|b | 26.0k Gets/s`, "| 2.00x | >= 1.3x | pass |", "| missed |", "| **fail** |"} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q:\n%s", want, text)
		}
	}
	if lines := strings.Count(text, "\n"); lines != 5 {
		t.Errorf("%d lines, want header, rule and 3 rows:\n%s", lines, text)
	}
	if f := tb.Failed(); len(f) != 1 || f[0] != "missed" {
		t.Errorf("failed %v", f)
	}
}
