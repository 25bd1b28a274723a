package dataview

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"testing"
)

func TestClassify(t *testing.T) {
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
		{"<a x=\"1\"><b/></a>", FormatXML},
		{"<?xml version=\"1.0\"?>\n<config>\n  <k>v</k>\n</config>\n", FormatXML},
		{"<not closed", FormatText},
		{"server:\n  port: 8080\n  hosts:\n    - a\n    - b\n", FormatYAML},
		{"---\nname: x\n", FormatYAML},
		{"# c\nkey: value\n", FormatYAML},
		{"server.port=8080\n# comment\nname = zkui\nurl: http://x\n", FormatProperties},
		{"! old comment\na=b\n", FormatProperties},
		{"hello zkui\nsecond line", FormatText},
		{"Hello there: how are you\nfine", FormatText},
		{"key with space=1", FormatText},
	} {
		if got := classify([]byte(tc.in)); got != tc.want {
			t.Errorf("classify(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func gz(t testing.TB, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zl(t testing.TB, s string) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDetectCompressed(t *testing.T) {
	d := Detect(gz(t, `{"compressed":true}`))
	if d.Compression != "gzip" || d.Format != FormatJSON || string(d.Body) != `{"compressed":true}` {
		t.Fatalf("gzip: %+v", d)
	}
	d = Detect(zl(t, "a=b\nc=d\n"))
	if d.Compression != "zlib" || d.Format != FormatProperties {
		t.Fatalf("zlib: %+v", d)
	}
	// A truncated gzip stream is not inflated: shown as the binary it is.
	broken := gz(t, "some text that compresses")
	d = Detect(broken[:len(broken)-6])
	if d.Compression != "" || d.Format != FormatBinary {
		t.Fatalf("broken gzip: %+v", d)
	}
	// Text that happens to start like a zlib header stays text.
	if d := Detect([]byte("x^ hello")); d.Compression != "" || d.Format != FormatText {
		t.Fatalf("zlib-looking text: %+v", d)
	}
}

// A small value inflating past the limit is a bomb: shown as binary.
func TestDetectBomb(t *testing.T) {
	bomb := gz(t, string(make([]byte, maxInflated+10)))
	if d := Detect(bomb); d.Compression != "" || d.Format != FormatBinary {
		t.Fatalf("bomb inflated: compression %q format %v, %d bytes", d.Compression, d.Format, len(d.Body))
	}
}
