package detail

import (
	"strings"
	"testing"
)

func TestDetectFormat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
	}{
		{"", FormatEmpty},
		{`{"a":1}`, FormatJSON},
		{" [1,2]\n", FormatJSON},
		{`{"a":`, FormatText},
		{"42", FormatText},
		{"héllo\nwörld\t!", FormatText},
		{"\x00\x01\x02", FormatBinary},
		{"ab\x1bc", FormatBinary},
		{"\xff\xfe", FormatBinary},
	} {
		if got := DetectFormat([]byte(tc.in)); got != tc.want {
			t.Errorf("DetectFormat(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestPrettyJSON(t *testing.T) {
	got := prettyJSON([]byte(`{"a":[1,2],"b":{"c":"d"}}`))
	want := "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": \"d\"\n  }\n}"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestHexDump(t *testing.T) {
	data := []byte("ABCDEFGHIJKLMNOP\x00\x01z")
	lines := hexDump(data, 16)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	first := strings.Join(lines[0][:], "")
	want := "00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50 |ABCDEFGHIJKLMNOP|"
	if first != want {
		t.Fatalf("line 0\n got %q\nwant %q", first, want)
	}
	second := strings.Join(lines[1][:], "")
	if !strings.HasPrefix(second, "00000010  00 01 7a ") || !strings.HasSuffix(second, "|..z|") {
		t.Fatalf("line 1 %q", second)
	}
	if len(first) != hexLineWidth(16) {
		t.Fatalf("line width %d, hexLineWidth says %d", len(first), hexLineWidth(16))
	}
	if w := len(strings.Join(hexDump(data, 8)[0][:], "")); w != hexLineWidth(8) {
		t.Fatalf("8-byte line width %d, want %d", w, hexLineWidth(8))
	}
}

func TestHexPerLine(t *testing.T) {
	if hexPerLine(200) != 16 || hexPerLine(hexLineWidth(16)-1) != 8 || hexPerLine(10) != 4 {
		t.Fatal("hexPerLine does not fall back by width")
	}
}

func TestHumanSize(t *testing.T) {
	if humanSize(5) != "5 B" || humanSize(2048) != "2.0 KiB (2048 B)" {
		t.Fatalf("humanSize: %q %q", humanSize(5), humanSize(2048))
	}
}
