package cell

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseYAML(t *testing.T) {
	good := []struct {
		in   string
		want Map
	}{
		{"nyc: h1:2181,h2:2181\nsfo: h3:2181/chroot\n", Map{"nyc": "h1:2181,h2:2181", "sfo": "h3:2181/chroot"}},
		{"---\n# cells\n\nnyc:   h1:2181   # main\r\n", Map{"nyc": "h1:2181"}},
		{`"my cell?": 'h1:2181'` + "\n'it''s': \"h2:2181\"", nil}, // names with spaces are refused below
		{"a: 'x # not a comment'\n", Map{"a": "x # not a comment"}},
		{"a: x#y\n", Map{"a": "x#y"}},
		{"'q': \"h\\u0031:1\"", Map{"q": "h1:1"}},
		{"", Map{}},
	}
	for _, tc := range good {
		got, err := ParseYAML([]byte(tc.in))
		if tc.want == nil {
			if !errors.Is(err, ErrBadMap) {
				t.Errorf("ParseYAML(%q) = %v, %v; want ErrBadMap", tc.in, got, err)
			}
			continue
		}
		if err != nil || !maps.Equal(got, tc.want) {
			t.Errorf("ParseYAML(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	bad := []string{
		"nyc:\n  host: h1\n",   // nested
		"- nyc\n",              // list
		"nyc h1:2181\n",        // no colon
		"nyc: [h1, h2]\n",      // flow sequence
		"nyc: &a h1\n",         // anchor
		"nyc: |\n  h1\n",       // block scalar
		"nyc: h1\nnyc: h2\n",   // duplicate
		"a/b: h1\n",            // slash in name
		"nyc: 'h1\n",           // unterminated
		"nyc: \"h1\n",          // unterminated
		"nyc: 'h1' trailing\n", // garbage after a quoted value
		": h1\n",               // empty name
		"..: h1\n",             // relative segment
	}
	for _, in := range bad {
		if got, err := ParseYAML([]byte(in)); !errors.Is(err, ErrBadMap) {
			t.Errorf("ParseYAML(%q) = %v, %v; want ErrBadMap", in, got, err)
		}
	}
	// Errors name the line.
	_, err := ParseYAML([]byte("a: h1\n\nb:\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("error %v does not name line 3", err)
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || len(s) >= len(sub) && (s[:len(sub)] == sub || contains(s[1:], sub))
}

func TestParseJSON(t *testing.T) {
	got, err := ParseJSON([]byte(`{"nyc": " h1:2181 ", "sfo": "h2:2181"}`))
	if err != nil || !maps.Equal(got, Map{"nyc": "h1:2181", "sfo": "h2:2181"}) {
		t.Fatalf("ParseJSON = %v, %v", got, err)
	}
	for _, in := range []string{`null`, `[]`, `{"a": 1}`, `{"a": ""}`, `{"": "h"}`, `{"a": "h"} {}`, `{`} {
		if got, err := ParseJSON([]byte(in)); !errors.Is(err, ErrBadMap) {
			t.Errorf("ParseJSON(%s) = %v, %v; want ErrBadMap", in, got, err)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"cells.json": `{"a": "h1:1"}`,
		"cells.yaml": "a: h1:1\n",
		"cells.yml":  "a: h1:1\n",
		"cells":      "  {\"a\": \"h1:1\"}", // sniffed as JSON
		"cells.conf": "a: h1:1",             // sniffed as YAML
	}
	for name, body := range files {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		m, err := Load(f)
		if err != nil || !maps.Equal(m, Map{"a": "h1:1"}) {
			t.Errorf("Load(%s) = %v, %v", name, m, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing file: %v", err)
	}
	f := filepath.Join(dir, "bad.json")
	os.WriteFile(f, []byte(`{"a": 1}`), 0o600)
	if _, err := Load(f); !errors.Is(err, ErrBadMap) || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("Load of a bad file: %v; want ErrBadMap naming the file", err)
	}
	if names := (Map{"b": "x", "a": "y"}).Names(); len(names) != 2 || names[0] != "a" {
		t.Errorf("Names = %v", names)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a: b:1\n", `{"a":"b"}`, "'a''b': \"c\\\"d\" # x", "---\n- a\n", "a:\n  b: c"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err == nil {
			if verr := m.Validate(); verr != nil {
				t.Fatalf("Parse accepted a map that does not validate: %v", verr)
			}
		}
	})
}
