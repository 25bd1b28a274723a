package cell

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseYAML reads the flat YAML form of a cell map: one "name: connect"
// pair per line. Blank lines, comment lines and trailing " #" comments
// are ignored; a name or value may be quoted ('...' or "..."); an optional
// "---" starts the document. Anything else YAML allows (nesting, lists,
// multi-line values, anchors) is refused with the line number rather than
// misread, so that no dependency is needed for this one shape.
func ParseYAML(data []byte) (Map, error) {
	m := Map{}
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || (trimmed == "---" && len(m) == 0) {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			return nil, fmt.Errorf("%w: line %d: indented (nested maps are not supported)", ErrBadMap, n)
		}
		if strings.HasPrefix(trimmed, "- ") || trimmed == "-" {
			return nil, fmt.Errorf("%w: line %d: a list, want name: connect-string", ErrBadMap, n)
		}
		name, rest, err := yamlScalar(trimmed, true)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrBadMap, n, err)
		}
		rest = strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(rest, ":") {
			return nil, fmt.Errorf("%w: line %d: missing ':' after the cell name", ErrBadMap, n)
		}
		rest = strings.TrimSpace(rest[1:])
		if rest != "" && strings.ContainsAny(rest[:1], "{[&*!|>%@`") {
			return nil, fmt.Errorf("%w: line %d: only plain or quoted strings are supported", ErrBadMap, n)
		}
		value, tail, err := yamlScalar(rest, false)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrBadMap, n, err)
		}
		if tail = strings.TrimSpace(tail); tail != "" && !strings.HasPrefix(tail, "#") {
			return nil, fmt.Errorf("%w: line %d: unexpected %q after the value", ErrBadMap, n, tail)
		}
		if value == "" {
			return nil, fmt.Errorf("%w: line %d: cell %q has no connect string (nested maps are not supported)", ErrBadMap, n, name)
		}
		if _, dup := m[name]; dup {
			return nil, fmt.Errorf("%w: line %d: cell %q given twice", ErrBadMap, n, name)
		}
		m[name] = value
	}
	return m, m.Validate()
}

// yamlScalar reads one scalar from the start of s and returns it with the
// rest of s. A key ends at ": " (or a final ':'), a plain value at " #";
// quoted scalars end at their closing quote.
func yamlScalar(s string, key bool) (value, rest string, err error) {
	if s == "" {
		return "", "", nil
	}
	switch s[0] {
	case '"':
		// A double-quoted YAML scalar's escapes are close enough to Go's
		// for connect strings, which need none.
		end := closingQuote(s)
		if end < 0 {
			return "", "", fmt.Errorf("unterminated double quote")
		}
		v, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return "", "", fmt.Errorf("bad double-quoted string: %v", err)
		}
		return v, s[end+1:], nil
	case '\'':
		// Single quotes: '' is an escaped quote, nothing else is special.
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			if s[i] != '\'' {
				b.WriteByte(s[i])
				continue
			}
			if i+1 < len(s) && s[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), s[i+1:], nil
		}
		return "", "", fmt.Errorf("unterminated single quote")
	}
	if key {
		// Connect strings hold ':' (host:port), names do not end with it.
		for i := 0; i < len(s); i++ {
			if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
				return strings.TrimSpace(s[:i]), s[i:], nil
			}
		}
		return "", "", fmt.Errorf("missing ': ' after the cell name")
	}
	if i := strings.Index(s, " #"); i >= 0 {
		return strings.TrimSpace(s[:i]), s[i:], nil
	}
	return strings.TrimSpace(s), "", nil
}

// closingQuote returns the index of the quote ending the double-quoted
// string at the start of s, or -1.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}
