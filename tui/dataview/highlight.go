package dataview

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/zkui/zkui/theme"
)

// paint is a style reduced to the escape sequences around its text, so
// colouring a token is two string appends instead of a lipgloss Render;
// the few visible rows of a frame are highlighted on every frame.
type paint struct{ pre, post string }

func newPaint(s lipgloss.Style) paint {
	pre, post, _ := strings.Cut(s.Render("X"), "X")
	return paint{pre, post}
}

func (p paint) add(b *strings.Builder, s string) {
	if s == "" {
		return
	}
	b.WriteString(p.pre)
	b.WriteString(s)
	b.WriteString(p.post)
}

// painter holds the paints of every syntax role.
type painter struct {
	key, str, num, lit, punct, comment, tag, attr, plain paint
	hexOff, hexASCII, note                               paint
}

func newPainter(t *theme.Theme) painter {
	s := t.Syntax
	return painter{
		key: newPaint(s.Key), str: newPaint(s.String), num: newPaint(s.Number),
		lit: newPaint(s.Literal), punct: newPaint(s.Punct), comment: newPaint(s.Comment),
		tag: newPaint(s.Tag), attr: newPaint(s.Attr), plain: newPaint(t.Detail.Value),
		hexOff: newPaint(t.Detail.HexOffset), hexASCII: newPaint(t.Detail.HexASCII),
		note: newPaint(t.Detail.Note),
	}
}

// highlighter colours one row. Rows are highlighted alone (a frame draws
// only the visible ones), so the grammars are line-local: good enough for
// pretty-printed JSON, YAML and properties, approximate inside multi-line
// XML comments.
type highlighter func(p *painter, b *strings.Builder, line string)

func highlighterFor(f Format) highlighter {
	switch f {
	case FormatJSON:
		return hlJSON
	case FormatYAML:
		return hlYAML
	case FormatXML:
		return hlXML
	case FormatProperties:
		return hlProperties
	}
	return hlPlain
}

func hlPlain(p *painter, b *strings.Builder, line string) { p.plain.add(b, line) }

// hlJSON colours strings (keys apart from values), numbers, literals and
// punctuation.
func hlJSON(p *painter, b *strings.Builder, line string) {
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '"':
			j := stringEnd(line, i)
			tok := line[i:j]
			if strings.HasPrefix(strings.TrimLeft(line[j:], " "), ":") {
				p.key.add(b, tok)
			} else {
				p.str.add(b, tok)
			}
			i = j
		case c == '-' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(line) && strings.IndexByte("0123456789.eE+-", line[j]) >= 0 {
				j++
			}
			p.num.add(b, line[i:j])
			i = j
		case strings.IndexByte("{}[],:", c) >= 0:
			p.punct.add(b, line[i:i+1])
			i++
		case c >= 'a' && c <= 'z':
			j := i + 1
			for j < len(line) && line[j] >= 'a' && line[j] <= 'z' {
				j++
			}
			p.lit.add(b, line[i:j])
			i = j
		default:
			j := i + 1
			for j < len(line) && strings.IndexByte("\"-0123456789{}[],:abcdefghijklmnopqrstuvwxyz", line[j]) < 0 {
				j++
			}
			b.WriteString(line[i:j]) // whitespace
			i = j
		}
	}
}

// stringEnd returns the index after the string starting with a quote at i,
// honouring backslash escapes; an unterminated string runs to the end.
func stringEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j + 1
		}
	}
	return len(s)
}

// hlYAML colours comments, keys, list dashes and scalar values.
func hlYAML(p *painter, b *strings.Builder, line string) {
	body := strings.TrimLeft(line, " ")
	b.WriteString(line[:len(line)-len(body)])
	if strings.HasPrefix(body, "#") {
		p.comment.add(b, body)
		return
	}
	for strings.HasPrefix(body, "- ") || body == "-" {
		p.punct.add(b, "-")
		b.WriteString(strings.Repeat(" ", min(len(body)-1, 1)))
		body = body[min(len(body), 2):]
	}
	if k := yamlLine(body); k == yamlKey {
		i := strings.Index(body, ":")
		p.key.add(b, body[:i])
		p.punct.add(b, ":")
		body = body[i+1:]
		sp := strings.TrimLeft(body, " ")
		b.WriteString(body[:len(body)-len(sp)])
		body = sp
	}
	value, comment := body, ""
	if i := strings.Index(body, " #"); i >= 0 && !strings.ContainsAny(body[:i], `"'`) {
		value, comment = body[:i], body[i:]
	}
	scalar(p, b, value)
	p.comment.add(b, comment)
}

// scalar colours a YAML or properties value by what it looks like.
func scalar(p *painter, b *strings.Builder, v string) {
	switch {
	case v == "":
	case v == "true" || v == "false" || v == "null" || v == "~" || v == "yes" || v == "no":
		p.lit.add(b, v)
	case isNumber(v):
		p.num.add(b, v)
	case strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">") || strings.HasPrefix(v, "&") || strings.HasPrefix(v, "*"):
		p.punct.add(b, v)
	default:
		p.str.add(b, v)
	}
}

func isNumber(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == '_' || ((c == '-' || c == '+') && i == 0):
		default:
			return false
		}
	}
	return digits > 0
}

// hlProperties colours comments, keys, the separator and the value.
func hlProperties(p *painter, b *strings.Builder, line string) {
	t := strings.TrimLeft(line, " \t")
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "!") {
		p.comment.add(b, line)
		return
	}
	i := strings.IndexAny(line, "=:")
	if i < 0 {
		p.plain.add(b, line) // a continuation line
		return
	}
	p.key.add(b, line[:i])
	p.punct.add(b, line[i:i+1])
	scalar(p, b, line[i+1:])
}

// hlXML colours tags, attribute names and values, and comments.
func hlXML(p *painter, b *strings.Builder, line string) {
	for i := 0; i < len(line); {
		if strings.HasPrefix(line[i:], "<!--") {
			j := strings.Index(line[i:], "-->")
			end := len(line)
			if j >= 0 {
				end = i + j + 3
			}
			p.comment.add(b, line[i:end])
			i = end
			continue
		}
		if line[i] != '<' {
			j := strings.IndexByte(line[i:], '<')
			if j < 0 {
				j = len(line) - i
			}
			p.plain.add(b, line[i:i+j])
			i += j
			continue
		}
		i = xmlTag(p, b, line, i)
	}
}

// xmlTag colours one tag starting at i and returns where it ends.
func xmlTag(p *painter, b *strings.Builder, line string, i int) int {
	j := i + 1
	for j < len(line) && strings.IndexByte(" \t>/", line[j]) < 0 || j == i+1 && j < len(line) && line[j] == '/' {
		j++
	}
	p.tag.add(b, line[i:j])
	for j < len(line) {
		c := line[j]
		switch {
		case c == '>':
			p.tag.add(b, ">")
			return j + 1
		case c == '/' || c == '?':
			p.tag.add(b, line[j:j+1])
			j++
		case c == '"' || c == '\'':
			k := stringEnd(line, j)
			p.str.add(b, line[j:k])
			j = k
		case c == '=':
			p.punct.add(b, "=")
			j++
		case c == ' ' || c == '\t':
			b.WriteByte(c)
			j++
		default:
			k := j
			for k < len(line) && strings.IndexByte(" \t=>/\"'", line[k]) < 0 {
				k++
			}
			p.attr.add(b, line[j:k])
			j = k
		}
	}
	return j
}
