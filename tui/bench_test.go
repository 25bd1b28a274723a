package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkAppView1MiB measures a whole frame (header, tree, data pane,
// status, help) while a 1 MiB JSON value is shown scrolled to its middle,
// against the same frame with a tiny value: the two should cost about the
// same, because only the visible rows are drawn.
func BenchmarkAppView1MiB(b *testing.B) {
	var big strings.Builder
	big.WriteString("[")
	for i := 0; big.Len() < 1<<20; i++ {
		if i > 0 {
			big.WriteString(",")
		}
		fmt.Fprintf(&big, `{"id":%d,"name":"node-%d","ok":true}`, i, i)
	}
	big.WriteString("]")
	for _, tc := range []struct {
		name string
		data string
	}{{"1MiB", big.String()}, {"small", `{"id":1}`}} {
		b.Run(tc.name, func(b *testing.B) {
			src := sampleSource()
			src.add("/big", []byte(tc.data), 0)
			a := manual(New(src, Options{Title: "bench"}))
			b.Cleanup(a.mir.Close)
			a.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
			run(a, a.Init())
			press(a, ":", "ctrl+u")
			typeText(a, "/big")
			press(a, "enter", "f")
			for range 2000 {
				press(a, "ctrl+d")
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = a.View()
			}
		})
	}
}
