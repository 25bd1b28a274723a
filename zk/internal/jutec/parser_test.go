package main

import (
	"strings"
	"testing"
)

const goodSchema = `
// leading file comment, separated by a blank line

module a.b {
    // Inner is a small record.
    class Inner {
        int x; // the x
        /* y, documented above */
        ustring y;
    }
    class Outer {
        Inner plain;
        a.b.Inner qualified;
        vector<vector<Inner>> grid;
        map<ustring, vector<long>> index;
        byte b; boolean t; float f; double d; buffer raw;
        other.Far far;
    }
}
module other {
    class Far { long when; }
}
`

func TestParseGood(t *testing.T) {
	s, err := parse("good.jute", goodSchema)
	if err != nil {
		t.Fatal(err)
	}
	if err := check(s); err != nil {
		t.Fatal(err)
	}
	if len(s.Modules) != 2 || s.Modules[0].Name != "a.b" || s.Modules[1].Name != "other" {
		t.Fatalf("modules = %+v", s.Modules)
	}
	inner := s.Modules[0].Classes[0]
	if inner.Name != "Inner" || len(inner.Doc) != 1 || inner.Doc[0] != "Inner is a small record." {
		t.Errorf("Inner = %+v", inner)
	}
	if f := inner.Fields[0]; f.Name != "x" || f.GoName != "X" || f.Comment != "the x" || f.Type.Kind != KindInt {
		t.Errorf("Inner.x = %+v", f)
	}
	if f := inner.Fields[1]; len(f.Doc) != 1 || f.Doc[0] != "y, documented above" || f.Type.Kind != KindString {
		t.Errorf("Inner.y = %+v", f)
	}
	outer := s.Modules[0].Classes[1]
	if len(outer.Fields) != 10 {
		t.Fatalf("Outer has %d fields, want 10", len(outer.Fields))
	}
	if outer.Fields[0].Type.Class != inner || outer.Fields[1].Type.Class != inner {
		t.Error("plain and qualified references did not both resolve to Inner")
	}
	grid := outer.Fields[2].Type
	if grid.Kind != KindVector || grid.Elem.Kind != KindVector || grid.Elem.Elem.Class != inner {
		t.Errorf("grid = %+v", grid)
	}
	index := outer.Fields[3].Type
	if index.Kind != KindMap || index.Key.Kind != KindString || index.Elem.Elem.Kind != KindLong {
		t.Errorf("index = %+v", index)
	}
	if far := outer.Fields[9].Type.Class; far == nil || far.QualifiedName() != "other.Far" {
		t.Errorf("far resolved to %+v", far)
	}
	if got := minSize(&Type{Kind: KindRecord, Class: inner}); got != 8 {
		t.Errorf("minSize(Inner) = %d, want 8", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"missing semicolon", "module m {\n class C {\n  int x\n }\n}", "e.jute:4:2: expected ';' after the field name, found '}'"},
		{"missing field name", "module m { class C { int ; } }", "e.jute:1:26: expected identifier field name, found ';'"},
		{"bad character", "module m {\n  class C { int x = 1; }\n}", "e.jute:2:19: unexpected character '='"},
		{"top level", "class C {}", `e.jute:1:1: expected "module" at top level, found "class"`},
		{"unterminated comment", "module m { /* never", "e.jute:1:12: unterminated /* comment"},
		{"eof in module", "module m { class C { int x; }", "e.jute:1:30: expected \"class\" or '}' in a module, found end of file"},
		{"eof in class body", "module m { class C {", "e.jute:1:21: unexpected end of file in a class"},
		{"unclosed vector", "module m { class C { vector<int x; } }", "e.jute:1:33: expected '>' to close vector<, found \"x\""},
		{"map without comma", "module m { class C { map<int int> x; } }", "e.jute:1:30: expected ',' between map key and value types"},
		{"keyword class name", "module m { class int { } }", `e.jute:1:18: "int" is a keyword and cannot name a class`},
		{"keyword as type", "module m { class C { class x; } }", `e.jute:1:22: expected a type, found keyword "class"`},
		{"underscore name", "module m { class C { int _x; } }", "e.jute:1:26: unexpected character '_'"},
		{"dangling dot", "module m. { }", "e.jute:1:11: expected identifier after '.' in module name, found '{'"},
	}
	for _, tt := range tests {
		_, err := parse("e.jute", tt.src)
		if err == nil {
			t.Errorf("%s: parsed without error", tt.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s:\n got  %v\n want %s", tt.name, err, tt.want)
		}
	}
}

func TestCheckErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown type", "module m { class C { Missing x; } }", []string{"c.jute:1:22: unknown record type Missing"}},
		{"unknown qualified", "module m { class C { n.C x; } }", []string{"c.jute:1:22: unknown record type n.C"}},
		{"unqualified from other module", "module m { class C { D x; } }\nmodule n { class D {} }", []string{"unknown record type D"}},
		{"duplicate class", "module m {\n class C {}\n class C {}\n}", []string{"c.jute:3:8: duplicate class m.C (first declared at c.jute:2:8)"}},
		{"duplicate field", "module m { class C { int x; long x; } }", []string{"c.jute:1:34: duplicate field x in class C (first declared at c.jute:1:26)"}},
		{"go field collision", "module m { class C { int id; int Id; } }", []string{"fields id and Id of class C both become Go field Id"}},
		{"cross-module collision", "module m { class C {} }\nmodule n { class C {} }", []string{"c.jute:2:18: class n.C and class m.C (c.jute:1:18) both become Go type C"}},
		{"go type collision", "module m { class c {} class C {} }", []string{"both become Go type C"}},
		{"method collision", "module m { class C { int encode; } }", []string{"collides with the generated method Encode"}},
		{"bad map key", "module m { class C { map<buffer, int> x; } }", []string{"c.jute:1:26: map key type must be"}},
		{"self by value", "module m { class C { C self; } }", []string{"record C contains itself: C -> C"}},
		{"mutual by value", "module m { class A { B b; } class B { A a; } }", []string{"record A contains itself: A -> B -> A"}},
		{"several at once", "module m { class C { X a; Y b; } }", []string{"unknown record type X", "unknown record type Y"}},
	}
	for _, tt := range tests {
		s, err := parse("c.jute", tt.src)
		if err != nil {
			t.Errorf("%s: parse: %v", tt.name, err)
			continue
		}
		err = check(s)
		if err == nil {
			t.Errorf("%s: checked without error", tt.name)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s:\n got  %v\n want %s", tt.name, err, w)
			}
		}
	}
	// A vector of itself is fine: it may be empty.
	s, err := parse("c.jute", "module m { class Tree { vector<Tree> kids; } }")
	if err != nil {
		t.Fatal(err)
	}
	if err := check(s); err != nil {
		t.Errorf("recursive vector rejected: %v", err)
	}
}

func TestLexRejectsBytesGoCannotCarry(t *testing.T) {
	for src, want := range map[string]string{
		"module m {\n class C { int a; // \x80\n } }": "v.jute:2:22: invalid UTF-8",
		"module m { \x00 }":                           "v.jute:1:12: illegal character U+0000",
		"module m {}\n// \ufeff":                      "v.jute:2:4: illegal character U+FEFF",
	} {
		_, err := parse("v.jute", src)
		if err == nil || err.Error() != want {
			t.Errorf("parse(%q) = %v, want %s", src, err, want)
		}
	}
}
