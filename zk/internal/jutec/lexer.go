package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a schema file, printed as file:line:col.
type Pos struct {
	File      string
	Line, Col int // 1-based; Col counts bytes
}

// String formats the position as file:line:col, the form editors jump to.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// tokKind is the kind of a token.
type tokKind int

const (
	tokEOF tokKind = iota
	tokIdent
	tokLBrace
	tokRBrace
	tokLAngle
	tokRAngle
	tokComma
	tokSemi
	tokDot
)

var tokNames = [...]string{
	tokEOF: "end of file", tokIdent: "identifier", tokLBrace: "'{'", tokRBrace: "'}'",
	tokLAngle: "'<'", tokRAngle: "'>'", tokComma: "','", tokSemi: "';'", tokDot: "'.'",
}

func (k tokKind) String() string { return tokNames[k] }

// token is one lexeme. Comments are not tokens: a comment block on the lines
// directly above a token becomes its doc, and a comment starting on the same
// line after a token becomes that token's trailing comment. The parser turns
// them into Go doc comments, so the schema documents the generated code.
type token struct {
	kind     tokKind
	text     string
	pos      Pos
	doc      []string // comment lines directly above, markers stripped
	trailing string   // comment after the token on the same line
}

// describe names a token for error messages.
func (t token) describe() string {
	if t.kind == tokIdent {
		return fmt.Sprintf("%q", t.text)
	}
	return t.kind.String()
}

// lexer splits a schema into tokens.
type lexer struct {
	src  string
	file string
	off  int
	line int
	col  int
}

// lex returns all tokens of src, ending with tokEOF.
func lex(file, src string) ([]token, error) {
	lx := &lexer{src: src, file: file, line: 1, col: 1}
	if err := lx.validate(); err != nil {
		return nil, err
	}
	var (
		toks     []token
		doc      []string
		docEnd   int // line on which the pending doc comment ends
		lastLine int // line of the previous token
	)
	for {
		lx.skipSpace()
		pos := lx.pos()
		if lx.off >= len(lx.src) {
			toks = append(toks, token{kind: tokEOF, pos: pos})
			return toks, nil
		}
		if strings.HasPrefix(lx.src[lx.off:], "//") || strings.HasPrefix(lx.src[lx.off:], "/*") {
			text, err := lx.comment()
			if err != nil {
				return nil, err
			}
			if len(toks) > 0 && pos.Line == lastLine && toks[len(toks)-1].trailing == "" {
				toks[len(toks)-1].trailing = strings.Join(text, " ")
				continue
			}
			if doc != nil && docEnd < pos.Line-1 {
				doc = nil // a blank line separates comment blocks
			}
			doc = append(doc, text...)
			docEnd = lx.line
			continue
		}
		tok := token{pos: pos}
		if doc != nil && docEnd >= pos.Line-1 {
			tok.doc = doc
		}
		doc = nil
		c := lx.src[lx.off]
		switch {
		case isLetter(c) && c != '_': // names must start with a letter to become exported Go names
			start := lx.off
			for lx.off < len(lx.src) && (isLetter(lx.src[lx.off]) || isDigit(lx.src[lx.off])) {
				lx.advance()
			}
			tok.kind, tok.text = tokIdent, lx.src[start:lx.off]
		default:
			kind, ok := punct[c]
			if !ok {
				return nil, fmt.Errorf("%s: unexpected character %q", pos, c)
			}
			lx.advance()
			tok.kind, tok.text = kind, string(c)
		}
		toks = append(toks, tok)
		lastLine = pos.Line
	}
}

var punct = map[byte]tokKind{
	'{': tokLBrace, '}': tokRBrace, '<': tokLAngle, '>': tokRAngle,
	',': tokComma, ';': tokSemi, '.': tokDot,
}

func isLetter(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func (lx *lexer) pos() Pos { return Pos{File: lx.file, Line: lx.line, Col: lx.col} }

// advance moves past one byte, tracking line and column.
func (lx *lexer) advance() {
	if lx.src[lx.off] == '\n' {
		lx.line++
		lx.col = 1
	} else {
		lx.col++
	}
	lx.off++
}

func (lx *lexer) skipSpace() {
	for lx.off < len(lx.src) {
		switch lx.src[lx.off] {
		case ' ', '\t', '\r', '\n', '\f':
			lx.advance()
		default:
			return
		}
	}
}

// comment consumes a // or /* */ comment and returns its lines with the
// comment markers and the leading " * " of block comments removed.
func (lx *lexer) comment() ([]string, error) {
	start := lx.pos()
	if lx.src[lx.off+1] == '/' {
		end := strings.IndexByte(lx.src[lx.off:], '\n')
		if end < 0 {
			end = len(lx.src) - lx.off
		}
		body := lx.src[lx.off+2 : lx.off+end]
		for range end {
			lx.advance()
		}
		return []string{strings.TrimSpace(body)}, nil
	}
	end := strings.Index(lx.src[lx.off+2:], "*/")
	if end < 0 {
		return nil, fmt.Errorf("%s: unterminated /* comment", start)
	}
	body := lx.src[lx.off+2 : lx.off+2+end]
	for range end + 4 {
		lx.advance()
	}
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(l)
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(l, "*"), "*"))
		lines = append(lines, l)
	}
	// Drop the empty first and last lines of a "/*\n * ...\n */" block.
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines, nil
}

// validate rejects bytes that could not be copied into Go comments: the
// generated file must be valid UTF-8 without NUL or byte order marks.
func (lx *lexer) validate() error {
	line, col := 1, 1
	for i := 0; i < len(lx.src); {
		r, size := utf8.DecodeRuneInString(lx.src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Errorf("%s: invalid UTF-8", Pos{lx.file, line, col})
		case r == 0 || r == '\uFEFF':
			return fmt.Errorf("%s: illegal character %U", Pos{lx.file, line, col}, r)
		case r == '\n':
			line, col = line+1, 0
		}
		i += size
		col += size
	}
	return nil
}
