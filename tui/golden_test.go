package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/zkui/zkui/zk"
)

// newTestApp builds an App on the sample tree with a pinned clock and
// zone, sized and with the root loaded.
func newTestApp(t *testing.T, w, h int) (*App, *fakeSource) {
	t.Helper()
	src := sampleSource()
	a := manual(New(src, Options{Title: "demo", Server: "127.0.0.1:2181", SessionID: 0x1000001f2e3d4c5}))
	t.Cleanup(a.mir.Close)
	a.com.Now = func() time.Time { return fixedNow }
	a.com.Location = time.UTC
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(a, a.Init())
	settle(a)
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
	name  string
	keys  []string
	setup func(*App)
}{
	{"root", nil, nil},
	{"text", []string{"j"}, nil},
	{"expanded", []string{"j", "l"}, nil},
	{"json", []string{"j", "l", "j", "j"}, nil},
	{"binary", []string{"j", "l", "j"}, nil},
	{"ephemeral_stat", []string{"j", "l", "G", "k", "k", "k", "2"}, nil},
	{"sequential", []string{"j", "l", "j", "j", "j", "l"}, nil},
	{"locked_acl", []string{"G", "k", "3"}, nil},
	{"full_help", []string{"?"}, nil},
	{"detail_focus", []string{"j", "l", "j", "j", "f", "j"}, nil},
	{"gzip_yaml", jump("/formats/conf.gz"), nil},
	{"xml", jump("/formats/app.xml"), nil},
	{"properties", jump("/formats/app.properties"), nil},
	{"long_cut", jump("/formats/long.txt"), nil},
	{"long_wrapped", append(jump("/formats/long.txt"), "w"), nil},
	{"json_raw", []string{"j", "l", "j", "j", "v"}, nil},
	{"json_hex", []string{"j", "l", "j", "j", "v", "v"}, nil},
	{"json_base64", []string{"j", "l", "j", "j", "v", "v", "v"}, nil},
	{"gzip_hex", append(jump("/formats/conf.gz"), "v", "v"), nil},
	{"open_acl", []string{"j", "l", "j", "j", "3"}, nil},
	{"jump_prompt", append(chars(":", "ctrl+u", "/app/"), "tab"), nil},
	{"filter_typing", append(chars("j", "l", "j", "/"), "o", "r"), nil},
	{"filter_kept", append(chars("j", "l", "j", "/"), "o", "enter", "n"), nil},
	{"disconnected", []string{"j"}, func(a *App) { a.Update(stateMsg{zk.StateDisconnected}) }},
	{"search", []string{"s", "t", "a", "s", "k"}, nil},
	{"search_went", []string{"s", "t", "a", "s", "k", "enter"}, nil},
	{"paused", []string{"j", "p"}, nil},
}

// jump returns the keys that jump to p through the prompt.
func jump(p string) []string { return append(chars(":", "ctrl+u", p), "enter") }

// chars returns keys followed by one key per rune of text.
func chars(a, b string, text ...string) []string {
	out := []string{a, b}
	for _, t := range text {
		for _, r := range t {
			out = append(out, string(r))
		}
	}
	return out
}

func TestGoldenViews(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 48}} {
		for _, sc := range screens {
			name := fmt.Sprintf("%s_%dx%d", sc.name, size.w, size.h)
			t.Run(name, func(t *testing.T) {
				a, _ := newTestApp(t, size.w, size.h)
				if sc.setup != nil {
					sc.setup(a)
				}
				press(a, sc.keys...)
				view := a.View().Content
				checkFits(t, view, size.w, size.h)
				golden.RequireEqual(t, view)
			})
		}
	}
}
