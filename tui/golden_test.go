package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// newTestApp builds an App on the sample tree with a pinned clock and
// zone, sized and with the root loaded.
func newTestApp(t *testing.T, w, h int) (*App, *fakeSource) {
	t.Helper()
	src := sampleSource()
	a := New(src, Options{Title: "demo", Server: "127.0.0.1:2181", SessionID: 0x1000001f2e3d4c5})
	a.com.Now = func() time.Time { return fixedNow }
	a.com.Location = time.UTC
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(a, a.Init())
	return a, src
}

// checkFits asserts the screen is exactly w x h: no line wider (it would
// wrap and garble the layout), no missing or extra lines.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Errorf("line %d is %d wide, want %d: %q", i, lw, w, ansi.Strip(l))
		}
	}
}

// screens drives the explorer through its main states; each is compared
// with a golden file and checked to fit.
var screens = []struct {
	name string
	keys []string
}{
	{"root", nil},
	{"text", []string{"j"}},
	{"expanded", []string{"j", "l"}},
	{"json", []string{"j", "l", "j", "j"}},
	{"binary", []string{"j", "l", "j"}},
	{"ephemeral_stat", []string{"j", "l", "G", "k", "k", "2"}},
	{"sequential", []string{"j", "l", "j", "j", "j", "l"}},
	{"locked_acl", []string{"G", "k", "3"}},
	{"full_help", []string{"?"}},
	{"detail_focus", []string{"j", "l", "j", "j", "f", "j"}},
}

func TestGoldenViews(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 48}} {
		for _, sc := range screens {
			name := fmt.Sprintf("%s_%dx%d", sc.name, size.w, size.h)
			t.Run(name, func(t *testing.T) {
				a, _ := newTestApp(t, size.w, size.h)
				press(a, sc.keys...)
				view := a.View().Content
				checkFits(t, view, size.w, size.h)
				golden.RequireEqual(t, view)
			})
		}
	}
}
