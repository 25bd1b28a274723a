package common

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFit(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"abc", 5, "abc  "},
		{"abcdef", 4, "abc…"},
		{"", 3, "   "},
		{"x", 0, ""},
		{"日本語", 4, "日… "},
	} {
		got := Fit(tc.in, tc.width)
		if got != tc.want {
			t.Errorf("Fit(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		if ansi.StringWidth(got) > tc.width {
			t.Errorf("Fit(%q, %d) is %d wide", tc.in, tc.width, ansi.StringWidth(got))
		}
	}
	styled := "\x1b[1mbold text\x1b[0m"
	if w := ansi.StringWidth(Fit(styled, 4)); w != 4 {
		t.Errorf("styled Fit width %d, want 4", w)
	}
}

func TestNewDefaults(t *testing.T) {
	c := New(nil)
	if c.Styles == nil || c.Keys == nil || c.Logger == nil || c.Now == nil || c.Location == nil {
		t.Fatalf("incomplete Common: %+v", c)
	}
}
