package dataview

import (
	"crypto/rand"
	"fmt"
	"strings"
	"testing"
)

// mibJSON is a 1 MiB JSON document of many small objects.
func mibJSON() []byte {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; b.Len() < 1<<20; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"node-%d","tags":["a","b"],"ok":true}`, i, i)
	}
	b.WriteString("]")
	return []byte(b.String())
}

// BenchmarkView measures one frame of a 1 MiB value scrolled to the
// middle: its cost must not depend on the value's size.
func BenchmarkView(b *testing.B) {
	random := make([]byte, 1<<20)
	_, _ = rand.Read(random)
	long := []byte(strings.Repeat("x", 1<<20)) // one 1 MiB line
	for _, tc := range []struct {
		name string
		data []byte
		mode Mode
		wrap bool
	}{
		{"json_pretty_1MiB", mibJSON(), ModePretty, false},
		{"json_pretty_wrap_1MiB", mibJSON(), ModePretty, true},
		{"binary_hex_1MiB", random, ModePretty, false},
		{"binary_base64_1MiB", random, ModeBase64, false},
		{"one_line_1MiB", long, ModeRaw, false},
		{"json_pretty_100B", []byte(`{"id":1,"name":"node-1","tags":["a","b"],"ok":true}`), ModePretty, false},
	} {
		b.Run(tc.name, func(b *testing.B) {
			m := newView(100, 45)
			m.SetData("/big", tc.data)
			m.SetMode(tc.mode)
			if tc.wrap {
				m.ToggleWrap()
			}
			m.ScrollBy(m.Rows() / 2)
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkSetData measures the one-time preparation of a 1 MiB value
// (detection, re-indenting, line index), paid when the node is selected.
func BenchmarkSetData(b *testing.B) {
	data := mibJSON()
	m := newView(100, 45)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		m.SetData("/big", data)
	}
}
