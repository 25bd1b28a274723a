package main

import (
	"fmt"
	"strings"
)

// The grammar, by recursive descent:
//
//	file   = { module } EOF .
//	module = "module" qname "{" { class } "}" .
//	class  = "class" ident "{" { field } "}" .
//	field  = type ident ";" .
//	type   = "byte" | "boolean" | "int" | "long" | "float" | "double"
//	       | "ustring" | "buffer" | "vector" "<" type ">"
//	       | "map" "<" type "," type ">" | qname .
//	qname  = ident { "." ident } .

// parser holds the token stream of one file.
type parser struct {
	toks []token
	i    int
}

// parse parses one schema file into a new Schema.
func parse(file, src string) (*Schema, error) {
	toks, err := lex(file, src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	s := &Schema{}
	for p.peek().kind != tokEOF {
		m, err := p.module()
		if err != nil {
			return nil, err
		}
		s.Modules = append(s.Modules, m)
	}
	return s, nil
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// expect consumes a token of kind k, or fails saying what it was for.
func (p *parser) expect(k tokKind, what string) (token, error) {
	t := p.next()
	if t.kind != k {
		return t, fmt.Errorf("%s: expected %s %s, found %s", t.pos, k, what, t.describe())
	}
	return t, nil
}

// keyword consumes the identifier kw.
func (p *parser) keyword(kw, what string) (token, error) {
	t := p.next()
	if t.kind != tokIdent || t.text != kw {
		return t, fmt.Errorf("%s: expected %q %s, found %s", t.pos, kw, what, t.describe())
	}
	return t, nil
}

func (p *parser) module() (*Module, error) {
	kw, err := p.keyword("module", "at top level")
	if err != nil {
		return nil, err
	}
	name, _, err := p.qname("module name")
	if err != nil {
		return nil, err
	}
	m := &Module{Name: name, Pos: kw.pos}
	if _, err := p.expect(tokLBrace, "after the module name"); err != nil {
		return nil, err
	}
	for p.peek().kind != tokRBrace {
		c, err := p.class()
		if err != nil {
			return nil, err
		}
		c.Module = m
		m.Classes = append(m.Classes, c)
	}
	p.next()
	return m, nil
}

func (p *parser) class() (*Class, error) {
	kw, err := p.keyword("class", "or '}' in a module")
	if err != nil {
		return nil, err
	}
	name, err := p.expect(tokIdent, "class name")
	if err != nil {
		return nil, err
	}
	if _, ok := primitives[name.text]; ok || isReserved(name.text) {
		return nil, fmt.Errorf("%s: %q is a keyword and cannot name a class", name.pos, name.text)
	}
	c := &Class{Name: name.text, Pos: name.pos, Doc: kw.doc}
	if _, err := p.expect(tokLBrace, "after the class name"); err != nil {
		return nil, err
	}
	for p.peek().kind != tokRBrace {
		f, err := p.field()
		if err != nil {
			return nil, err
		}
		c.Fields = append(c.Fields, f)
	}
	p.next()
	return c, nil
}

func (p *parser) field() (*Field, error) {
	doc := p.peek().doc
	if p.peek().kind == tokEOF {
		return nil, fmt.Errorf("%s: unexpected end of file in a class, expected a field or '}'", p.peek().pos)
	}
	typ, err := p.typ()
	if err != nil {
		return nil, err
	}
	name, err := p.expect(tokIdent, "field name")
	if err != nil {
		return nil, err
	}
	semi, err := p.expect(tokSemi, "after the field name")
	if err != nil {
		return nil, err
	}
	return &Field{Name: name.text, Pos: name.pos, Doc: doc, Comment: semi.trailing, Type: typ}, nil
}

func (p *parser) typ() (*Type, error) {
	t := p.peek()
	if t.kind != tokIdent {
		p.next()
		return nil, fmt.Errorf("%s: expected a type, found %s", t.pos, t.describe())
	}
	if k, ok := primitives[t.text]; ok {
		p.next()
		return &Type{Kind: k, Pos: t.pos}, nil
	}
	switch t.text {
	case "vector":
		p.next()
		if _, err := p.expect(tokLAngle, "after vector"); err != nil {
			return nil, err
		}
		elem, err := p.typ()
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tokRAngle, "to close vector<"); err != nil {
			return nil, err
		}
		return &Type{Kind: KindVector, Pos: t.pos, Elem: elem}, nil
	case "map":
		p.next()
		if _, err := p.expect(tokLAngle, "after map"); err != nil {
			return nil, err
		}
		key, err := p.typ()
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tokComma, "between map key and value types"); err != nil {
			return nil, err
		}
		val, err := p.typ()
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tokRAngle, "to close map<"); err != nil {
			return nil, err
		}
		return &Type{Kind: KindMap, Pos: t.pos, Key: key, Elem: val}, nil
	}
	if isReserved(t.text) {
		p.next()
		return nil, fmt.Errorf("%s: expected a type, found keyword %q", t.pos, t.text)
	}
	ref, pos, err := p.qname("record type")
	if err != nil {
		return nil, err
	}
	return &Type{Kind: KindRecord, Pos: pos, Ref: ref}, nil
}

// qname parses a dotted name such as org.apache.zookeeper.data.Stat.
func (p *parser) qname(what string) (string, Pos, error) {
	first, err := p.expect(tokIdent, what)
	if err != nil {
		return "", first.pos, err
	}
	parts := []string{first.text}
	for p.peek().kind == tokDot {
		p.next()
		part, err := p.expect(tokIdent, "after '.' in "+what)
		if err != nil {
			return "", first.pos, err
		}
		parts = append(parts, part.text)
	}
	return strings.Join(parts, "."), first.pos, nil
}

// isReserved reports the structural keywords that cannot name a type.
func isReserved(s string) bool {
	return s == "module" || s == "class" || s == "vector" || s == "map"
}
