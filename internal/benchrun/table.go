package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// Sample is the figures of several runs of one measure, in one unit.
type Sample struct {
	Vals []float64
	Unit string // printed after the value: "Gets/s", "µs", "B/node"...
}

// Median is the middle run (the mean of the two middle ones for an even
// count); NaN when there are no runs.
func (s Sample) Median() float64 {
	if len(s.Vals) == 0 {
		return math.NaN()
	}
	v := slices.Clone(s.Vals)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// Spread is the smallest and the largest run.
func (s Sample) Spread() (lo, hi float64) {
	if len(s.Vals) == 0 {
		return math.NaN(), math.NaN()
	}
	return slices.Min(s.Vals), slices.Max(s.Vals)
}

// String prints the median and the min-max spread of the runs, e.g.
// "13.7k Gets/s (12.1k–15.0k, 5 runs)".
func (s Sample) String() string {
	if len(s.Vals) == 0 {
		return "—"
	}
	lo, hi := s.Spread()
	return fmt.Sprintf("%s %s (%s–%s, %d runs)", human(s.Median()), s.Unit, human(lo), human(hi), len(s.Vals))
}

// human prints a figure with three significant digits and a k/M suffix
// for large ones, so the table stays narrow.
func human(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v):
		return "?"
	case a >= 1e6:
		return trim(v/1e6) + "M"
	case a >= 1e4:
		return trim(v/1e3) + "k"
	default:
		return trim(v)
	}
}

func trim(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

// Row is one line of the table. Alt is empty when there is nothing to
// compare with; Pass is nil when the measure has no target.
type Row struct {
	Measure string
	Ours    Sample
	Alt     Sample
	// Note is appended to the zkui and alternative cells (e.g. the share
	// of the server's ceiling).
	OursNote, AltNote string
	Target            string
	Pass              *bool
}

// Ratio is zkui's median over the alternative's, "" without an alternative.
func (r Row) Ratio() string {
	if len(r.Ours.Vals) == 0 || len(r.Alt.Vals) == 0 || r.Alt.Median() == 0 {
		return ""
	}
	return fmt.Sprintf("%.2fx", r.Ours.Median()/r.Alt.Median())
}

// verdict turns a check into the pointer a Row keeps.
func verdict(ok bool) *bool { return &ok }

// Table is the harness's result, printed as one markdown table.
type Table struct {
	Rows []Row
}

// Add appends a row.
func (t *Table) Add(r Row) { t.Rows = append(t.Rows, r) }

// Failed lists the measures that missed their target.
func (t *Table) Failed() []string {
	var out []string
	for _, r := range t.Rows {
		if r.Pass != nil && !*r.Pass {
			out = append(out, r.Measure)
		}
	}
	return out
}

// Write prints the markdown table.
func (t *Table) Write(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| measure | zkui | alternative | ratio | target | pass/fail |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, r := range t.Rows {
		pass := ""
		if r.Pass != nil {
			pass = "**fail**"
			if *r.Pass {
				pass = "pass"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", cell(r.Measure),
			cell(withNote(r.Ours, r.OursNote)), cell(withNote(r.Alt, r.AltNote)),
			r.Ratio(), cell(r.Target), pass)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func withNote(s Sample, note string) string {
	if len(s.Vals) == 0 {
		return ""
	}
	if note == "" {
		return s.String()
	}
	return s.String() + "; " + note
}

// cell keeps a pipe inside a cell from splitting it.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
