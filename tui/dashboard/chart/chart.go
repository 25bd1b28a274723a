// Package chart draws small time-series charts as plain text for the
// dashboards: one-line sparklines of block glyphs for table cells, and
// braille line charts (two by four dots per cell) with a y axis for the
// full chart. It knows nothing of styles or metrics: callers colour the
// lines it returns.
//
// It exists because the terminal charting libraries we looked at (ntcharts)
// are built on lipgloss and bubbletea v1, and the program uses the v2
// stack; two small pure functions were cheaper than a second UI stack.
package chart

import (
	"math"
	"strings"
)

// blocks are the eight heights of a sparkline cell, lowest first.
var blocks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws the last width values as one line of block glyphs, scaled
// between their minimum and maximum. Fewer values than width are padded on
// the left with spaces, so the newest value is always at the right edge.
// NaN values (gaps) draw as spaces.
func Sparkline(values []float64, width int) string {
	if width <= 0 {
		return ""
	}
	if len(values) > width {
		values = values[len(values)-width:]
	}
	lo, hi := bounds(values)
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", width-len(values)))
	for _, v := range values {
		if math.IsNaN(v) {
			b.WriteByte(' ')
			continue
		}
		i := 0
		if hi > lo {
			i = int((v - lo) / (hi - lo) * float64(len(blocks)-1))
		}
		b.WriteRune(blocks[min(max(i, 0), len(blocks)-1)])
	}
	return b.String()
}

// bounds returns the minimum and maximum of the non-NaN values; 0, 0 when
// there are none.
func bounds(values []float64) (lo, hi float64) {
	first := true
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if first {
			lo, hi, first = v, v, false
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

// Resample reduces (or stretches) values to n points: each point is the
// maximum of the values falling in its slot, so a short spike stays visible
// when an hour of samples is squeezed into a few columns. Slots with no
// value are NaN.
func Resample(values []float64, n int) []float64 {
	if n <= 0 {
		return nil
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	if len(values) == 0 {
		return out
	}
	if len(values) <= n {
		// Fewer samples than columns: keep them one per column, right-aligned.
		copy(out[n-len(values):], values)
		return out
	}
	for i, v := range values {
		slot := i * n / len(values)
		if math.IsNaN(out[slot]) || v > out[slot] {
			out[slot] = v
		}
	}
	return out
}
