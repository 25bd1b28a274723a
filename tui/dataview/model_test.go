package dataview

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
)

func newView(w, h int) Model {
	m := New(common.New(nil))
	m.SetSize(w, h)
	return m
}

// screen returns the view without colours after checking it is exactly
// w x h.
func screen(t *testing.T, m Model, w, h int) string {
	t.Helper()
	lines := strings.Split(m.View(), "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) != w {
			t.Fatalf("line %d is %d wide, want %d: %q", i, ansi.StringWidth(l), w, ansi.Strip(l))
		}
	}
	return ansi.Strip(m.View())
}

func TestModesCycleAndAreRememberedPerPath(t *testing.T) {
	m := newView(60, 10)
	data := []byte(`{"a":1,"b":"x"}`)
	m.SetData("/j", data)
	if s := screen(t, m, 60, 10); !strings.Contains(s, `"a": 1,`) {
		t.Fatalf("pretty JSON not indented:\n%s", s)
	}
	m.CycleMode()
	if s := screen(t, m, 60, 10); m.Mode() != ModeRaw || !strings.Contains(s, `{"a":1,"b":"x"}`) {
		t.Fatalf("raw view (%v):\n%s", m.Mode(), s)
	}
	m.CycleMode()
	if s := screen(t, m, 60, 10); m.Mode() != ModeHex || !strings.Contains(s, "00000000  7b 22 61 22") {
		t.Fatalf("hex view (%v):\n%s", m.Mode(), s)
	}
	m.CycleMode()
	if s := screen(t, m, 60, 10); m.Mode() != ModeBase64 || !strings.Contains(s, base64.StdEncoding.EncodeToString(data)) {
		t.Fatalf("base64 view (%v):\n%s", m.Mode(), s)
	}

	m.SetData("/other", []byte("text"))
	if m.Mode() != ModePretty {
		t.Fatalf("a new path starts pretty, got %v", m.Mode())
	}
	m.SetData("/j", data)
	if m.Mode() != ModeBase64 {
		t.Fatalf("back on /j the view is %v, want base64 remembered", m.Mode())
	}
	m.CycleMode()
	if m.Mode() != ModePretty {
		t.Fatalf("the cycle wraps to pretty, got %v", m.Mode())
	}
}

func TestGzipShownInflatedAndMarked(t *testing.T) {
	m := newView(70, 8)
	stored := gz(t, "name: zkui\nreplicas: 3\n")
	m.SetData("/z", stored)
	s := screen(t, m, 70, 8)
	if !strings.Contains(s, "replicas: 3") {
		t.Fatalf("gzip value not inflated:\n%s", s)
	}
	meta := ansi.Strip(m.Meta())
	for _, want := range []string{"gzip", "yaml", fmt.Sprintf("%d B", len(stored)), "inflated", "pretty"} {
		if !strings.Contains(meta, want) {
			t.Errorf("meta %q lacks %q", meta, want)
		}
	}
	// Hex shows the bytes as stored: the gzip magic.
	m.SetMode(ModeHex)
	if s := screen(t, m, 70, 8); !strings.Contains(s, "00000000  1f 8b") {
		t.Fatalf("hex of a gzip value should show the stored bytes:\n%s", s)
	}
}

// Keys and values of JSON get different colours; XML tags and YAML keys
// are coloured too.
func TestHighlighting(t *testing.T) {
	p := newPainter(common.New(nil).Styles)
	var b strings.Builder
	hlJSON(&p, &b, `  "key": "value", 12, true`)
	out := b.String()
	if ansi.Strip(out) != `  "key": "value", 12, true` {
		t.Fatalf("highlighting changed the text: %q", ansi.Strip(out))
	}
	if !strings.Contains(out, p.key.pre+`"key"`) || !strings.Contains(out, p.str.pre+`"value"`) ||
		!strings.Contains(out, p.num.pre+"12") || !strings.Contains(out, p.lit.pre+"true") {
		t.Fatalf("tokens not coloured by role: %q", out)
	}
	if p.key.pre == p.str.pre {
		t.Fatal("keys and strings share a colour")
	}
	for _, tc := range []struct {
		hl         highlighter
		line, want string
		role       paint
	}{
		{hlYAML, "  - port: 8080 # http", "port", p.key},
		{hlYAML, "  - port: 8080 # http", " # http", p.comment},
		{hlXML, `<server id="1">x</server>`, "<server", p.tag},
		{hlXML, `<server id="1">x</server>`, "id", p.attr},
		{hlProperties, "a.b = c", "a.b ", p.key},
	} {
		var b strings.Builder
		tc.hl(&p, &b, tc.line)
		if ansi.Strip(b.String()) != tc.line {
			t.Errorf("%q came out as %q", tc.line, ansi.Strip(b.String()))
		}
		if !strings.Contains(b.String(), tc.role.pre+tc.want+tc.role.post) {
			t.Errorf("%q: %q not coloured in %q", tc.line, tc.want, b.String())
		}
	}
}

func TestBinaryPrettyIsHexAndRawIsSafe(t *testing.T) {
	m := newView(80, 6)
	m.SetData("/b", []byte("\x00\x1b[2Jab\xff"))
	if s := screen(t, m, 80, 6); !strings.Contains(s, "00 1b 5b 32 4a 61 62 ff") || !strings.Contains(s, "|..[2Jab.|") {
		t.Fatalf("binary pretty view is not a hex dump:\n%s", s)
	}
	m.SetMode(ModeRaw)
	if v := m.View(); strings.Contains(v, "\x1b[2J") {
		t.Fatal("raw view passed an escape sequence to the terminal")
	}
}

func TestScrollingClamps(t *testing.T) {
	m := newView(40, 5)
	var lines []string
	for i := range 100 {
		lines = append(lines, fmt.Sprintf("line %d", i))
	}
	m.SetData("/t", []byte(strings.Join(lines, "\n")))
	m.ScrollBy(-3)
	if m.Offset() != 0 {
		t.Fatalf("offset %d after scrolling up at the top", m.Offset())
	}
	m.GotoBottom()
	if s := screen(t, m, 40, 5); !strings.HasSuffix(strings.TrimSpace(s), "line 99") || m.ScrollPercent() != 100 {
		t.Fatalf("bottom (%d%%):\n%s", m.ScrollPercent(), s)
	}
	m.ScrollBy(10)
	if m.Offset() != 95 {
		t.Fatalf("offset %d past the end", m.Offset())
	}
	m.SetData("/t", []byte(strings.Join(lines, "\n")))
	if m.Offset() != 95 {
		t.Fatal("a refresh of the same path lost the scroll position")
	}
	m.SetData("/u", []byte("x"))
	if m.Offset() != 0 {
		t.Fatal("another path did not start at the top")
	}
}

func TestEmptyValue(t *testing.T) {
	m := newView(30, 3)
	m.SetData("/e", nil)
	if s := screen(t, m, 30, 3); !strings.Contains(s, "(no data)") {
		t.Fatalf("empty value:\n%s", s)
	}
}
