package chart

import (
	"math"
	"strconv"
	"strings"
)

// Braille dot bits by column (0 left, 1 right) and row (0 top .. 3 bottom),
// as laid out in the Unicode braille block starting at U+2800.
var dots = [2][4]rune{
	{0x01, 0x02, 0x04, 0x40},
	{0x08, 0x10, 0x20, 0x80},
}

// Lines draws values as a braille line chart of exactly height lines of
// exactly width cells (when both are at least 1): a y axis on the left,
// labelled with the maximum at the top and the minimum at the bottom, then
// the plot, two samples per cell. The plot starts at zero unless values go
// below it, so a flat line at 40 ms is not drawn as a wild swing.
func Lines(values []float64, width, height int) []string {
	if width <= 0 || height <= 0 {
		return nil
	}
	lo, hi := bounds(values)
	lo = math.Min(lo, 0)
	if hi <= lo {
		hi = lo + 1
	}
	top, bottom := Format(hi), Format(lo)
	axisW := max(len(top), len(bottom)) + 1
	plotW := width - axisW - 1
	if plotW < 1 {
		// Too narrow for an axis: the plot alone.
		axisW, plotW = 0, width
	}
	pts := Resample(values, plotW*2)
	rows := height * 4
	grid := make([][]rune, height)
	for i := range grid {
		grid[i] = []rune(strings.Repeat("\u2800", plotW))
	}
	prev := -1
	for x, v := range pts {
		if math.IsNaN(v) {
			prev = -1
			continue
		}
		y := rows - 1 - int(math.Round((v-lo)/(hi-lo)*float64(rows-1)))
		// Join to the previous point with a vertical run, so steep changes
		// read as a line rather than scattered dots.
		from, to := y, y
		if prev >= 0 {
			from, to = min(prev, y), max(prev, y)
		}
		for yy := from; yy <= to; yy++ {
			grid[yy/4][x/2] |= dots[x%2][yy%4]
		}
		prev = y
	}
	out := make([]string, height)
	for i := range grid {
		label := ""
		switch i {
		case 0:
			label = top
		case height - 1:
			label = bottom
		}
		line := string(grid[i])
		if axisW > 0 {
			line = strings.Repeat(" ", axisW-1-len(label)) + label + " ┤" + line
		}
		out[i] = line
	}
	return out
}

// Format prints a value briefly for axes and table cells: integers as such,
// small fractions with two decimals, large values with k/M/G.
func Format(v float64) string {
	switch a := math.Abs(v); {
	case math.IsNaN(v):
		return "-"
	case a >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', 1, 64) + "G"
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', 1, 64) + "M"
	case a >= 1e4:
		return strconv.FormatFloat(v/1e3, 'f', 1, 64) + "k"
	case v == math.Trunc(v):
		return strconv.FormatInt(int64(v), 10)
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	default:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
}
