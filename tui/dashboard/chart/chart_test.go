package chart

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSparklineScalesAndAligns(t *testing.T) {
	got := Sparkline([]float64{0, 7, 3.5}, 5)
	if got != "  ▁█▄" {
		t.Fatalf("got %q", got)
	}
	if got := Sparkline([]float64{1, 2, 3, 4, 5, 6}, 3); utf8.RuneCountInString(got) != 3 || !strings.HasSuffix(got, "█") {
		t.Fatalf("newest values kept: %q", got)
	}
	if got := Sparkline([]float64{4, 4}, 2); got != "▁▁" {
		t.Fatalf("flat: %q", got)
	}
	if got := Sparkline([]float64{1, math.NaN(), 2}, 3); got != "▁ █" {
		t.Fatalf("gap: %q", got)
	}
}

func TestResampleKeepsSpikes(t *testing.T) {
	v := make([]float64, 100)
	v[42] = 9
	out := Resample(v, 10)
	if len(out) != 10 || out[4] != 9 {
		t.Fatalf("spike lost: %v", out)
	}
	short := Resample([]float64{1, 2}, 4)
	if !math.IsNaN(short[0]) || short[3] != 2 {
		t.Fatalf("short series: %v", short)
	}
}

func TestLinesFitsAndDraws(t *testing.T) {
	v := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	out := Lines(v, 30, 5)
	if len(out) != 5 {
		t.Fatalf("%d lines", len(out))
	}
	for i, l := range out {
		if n := utf8.RuneCountInString(l); n != 30 {
			t.Fatalf("line %d is %d wide: %q", i, n, l)
		}
	}
	if !strings.HasPrefix(out[0], "10 ┤") || !strings.HasPrefix(out[4], " 0 ┤") {
		t.Fatalf("axis labels: %q / %q", out[0], out[4])
	}
	// A rising line: the last column has dots near the top, the first
	// column data near the bottom.
	if strings.TrimRight(out[0], "\u2800") == out[0][:len("10 ┤")] {
		t.Fatalf("nothing plotted at the top: %q", out[0])
	}
	if Lines(nil, 0, 3) != nil {
		t.Fatal("zero width should draw nothing")
	}
}

func TestFormat(t *testing.T) {
	for v, want := range map[float64]string{3: "3", 0.25: "0.25", 12345: "12.3k", 2.5e6: "2.5M", 150.4: "150"} {
		if got := Format(v); got != want {
			t.Errorf("Format(%v) = %q, want %q", v, got, want)
		}
	}
}
