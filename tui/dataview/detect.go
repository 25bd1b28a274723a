package dataview

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is what a value's bytes look like once decompressed.
type Format int

// Data formats, from the most to the least structured.
const (
	FormatEmpty Format = iota
	FormatJSON
	FormatYAML
	FormatXML
	FormatProperties
	FormatText
	FormatBinary
)

// String names the format as shown in the meta line.
func (f Format) String() string {
	return [...]string{"empty", "json", "yaml", "xml", "properties", "text", "binary"}[f]
}

// maxInflated bounds what a compressed value may grow to: ZooKeeper values
// are under 1 MiB, so anything far bigger is a compression bomb, shown as
// binary rather than allowed to eat memory.
const maxInflated = 16 << 20

// Decoded is a value ready to be shown: its format, the bytes to show as
// text (decompressed when the value was compressed) and how it was packed.
type Decoded struct {
	Format      Format
	Body        []byte // Format applies to Body
	Compression string // "gzip", "zlib" or "" when stored as is
}

// Detect decompresses data when it is gzip or zlib and classifies the
// result. It reads the value once; views reuse the answer.
func Detect(data []byte) Decoded {
	if body, kind, ok := inflate(data); ok {
		return Decoded{Format: classify(body), Body: body, Compression: kind}
	}
	return Decoded{Format: classify(data), Body: data}
}

// inflate recognises gzip by its magic bytes and zlib by its header
// checksum (CMF*256+FLG divisible by 31, deflate method), then decompresses.
func inflate(data []byte) ([]byte, string, bool) {
	var r io.ReadCloser
	var kind string
	var err error
	switch {
	case len(data) >= 18 && data[0] == 0x1f && data[1] == 0x8b:
		r, err = gzip.NewReader(bytes.NewReader(data))
		kind = "gzip"
	case len(data) >= 6 && data[0]&0x0f == 8 && data[0]>>4 <= 7 && (uint(data[0])<<8|uint(data[1]))%31 == 0:
		r, err = zlib.NewReader(bytes.NewReader(data))
		kind = "zlib"
	default:
		return nil, "", false
	}
	if err != nil {
		return nil, "", false
	}
	defer r.Close()
	body, err := io.ReadAll(io.LimitReader(r, maxInflated+1))
	if err != nil || len(body) > maxInflated {
		return nil, "", false
	}
	return body, kind, true
}

// classify picks the most specific format that data parses as.
func classify(data []byte) Format {
	if len(data) == 0 {
		return FormatEmpty
	}
	if !utf8.Valid(data) || hasControl(data) {
		return FormatBinary
	}
	trimmed := bytes.TrimSpace(data)
	switch {
	// Only objects and arrays: a bare number or string is clearer as text.
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') && json.Valid(trimmed):
		return FormatJSON
	case len(trimmed) > 0 && trimmed[0] == '<' && isXML(trimmed):
		return FormatXML
	}
	return classifyLines(string(data))
}

func hasControl(data []byte) bool {
	for _, r := range string(data) {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return true
		}
	}
	return false
}

// isXML reports whether data is well-formed XML with at least one element.
func isXML(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	elements := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return elements > 0
		}
		if err != nil {
			return false
		}
		if _, ok := tok.(xml.StartElement); ok {
			elements++
		}
	}
}

// classifyLines tells YAML from Java properties from plain text by the
// shape of every non-comment line: YAML has "key:" and "- item" lines
// (indented blocks allowed), properties have "key=value" lines at the left
// margin. One line of anything else makes it text.
func classifyLines(s string) Format {
	yaml, props, content := true, true, 0
	yamlKeys, propEq := 0, 0
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if trimmed[0] == '#' {
			continue // a comment in both
		}
		content++
		if trimmed[0] == '!' {
			yaml = false // a properties comment, a YAML tag at best
			continue
		}
		if i == 0 && trimmed == "---" {
			props = false
			yamlKeys++
			continue
		}
		switch k := yamlLine(line); {
		case k == yamlKey:
			yamlKeys++
		case k == yamlOther && !startsIndented(line):
			yaml = false
		}
		if eq, ok := propsLine(line); ok {
			if eq {
				propEq++
			}
		} else {
			props = false
		}
	}
	switch {
	case content == 0:
		return FormatText
	case props && propEq > 0:
		return FormatProperties
	case yaml && yamlKeys > 0:
		return FormatYAML
	}
	return FormatText
}

type yamlKind int

const (
	yamlOther yamlKind = iota
	yamlKey            // key: or key: value
	yamlItem           // - item
)

// yamlLine classifies one line: a key is a run without spaces, '=' or
// braces followed by ':' and then a space or the end of the line.
func yamlLine(line string) yamlKind {
	t := strings.TrimSpace(line)
	if t == "-" || strings.HasPrefix(t, "- ") {
		return yamlItem
	}
	i := strings.Index(t, ":")
	if i <= 0 || (i+1 < len(t) && t[i+1] != ' ') {
		return yamlOther
	}
	if strings.ContainsAny(t[:i], " \t={}[]") && !(t[0] == '"' || t[0] == '\'') {
		return yamlOther
	}
	return yamlKey
}

// propsLine reports whether line is "key=value" or "key: value" at the
// left margin (eq tells which), as java.util.Properties reads them.
func propsLine(line string) (eq, ok bool) {
	if startsIndented(line) {
		return false, false
	}
	i := strings.IndexAny(line, "=:")
	if i <= 0 {
		return false, false
	}
	// "key = value" is allowed, a key with spaces inside is not.
	key := strings.TrimRight(line[:i], " \t")
	if key == "" || strings.ContainsAny(key, " \t") {
		return false, false
	}
	return line[i] == '=', true
}

func startsIndented(line string) bool {
	return line != "" && (line[0] == ' ' || line[0] == '\t')
}
