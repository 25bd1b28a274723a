package main

import (
	"os"
	"testing"
)

// FuzzCompile feeds arbitrary text to the whole compiler. It must never
// panic, and whatever parses and checks must generate Go that go/format
// accepts (generate fails otherwise), so the generator has no syntax holes.
func FuzzCompile(f *testing.F) {
	f.Add(goodSchema)
	if src, err := os.ReadFile("internal/sample/sample.jute"); err == nil {
		f.Add(string(src))
	}
	f.Add("module m { class C { map<int, vector<C>> x; } }")
	f.Add("module m { /* c */ class C { int x; // t\n } }")
	f.Fuzz(func(t *testing.T, src string) {
		s, err := parse("f.jute", src)
		if err != nil {
			return
		}
		if err := check(s); err != nil {
			return
		}
		if _, err := generate(s, genOptions{Package: "p", JuteImp: "example.com/jute", Sources: []string{"f.jute"}}); err != nil {
			t.Fatalf("valid schema generated invalid Go: %v\nschema:\n%s", err, src)
		}
	})
}
