package cell

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Map names the cells: cell name -> connect string
// ("host:port,host:port[/chroot]").
type Map map[string]string

// ErrBadMap is wrapped by every error about a malformed cell map.
var ErrBadMap = errors.New("bad cell map")

// Names returns the cell names, sorted.
func (m Map) Names() []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Validate checks that every cell has a usable name (a single path
// segment) and a non-empty connect string.
func (m Map) Validate() error {
	for _, name := range m.Names() {
		if err := validName(name); err != nil {
			return err
		}
		if strings.TrimSpace(m[name]) == "" {
			return fmt.Errorf("%w: cell %q has an empty connect string", ErrBadMap, name)
		}
	}
	return nil
}

// validName accepts a name that can be one segment of a ZooKeeper path.
func validName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%w: empty cell name", ErrBadMap)
	case name == "." || name == "..":
		return fmt.Errorf("%w: cell name %q is a relative path segment", ErrBadMap, name)
	case strings.ContainsFunc(name, func(r rune) bool { return r == '/' || unicode.IsControl(r) || unicode.IsSpace(r) }):
		return fmt.Errorf("%w: cell name %q contains '/', a space or a control character", ErrBadMap, name)
	}
	return nil
}

// Load reads a cell map from a file: JSON for a ".json" name, YAML for
// ".yaml" or ".yml", otherwise JSON when the content starts with '{' and
// YAML else.
func Load(file string) (Map, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var m Map
	switch strings.ToLower(filepath.Ext(file)) {
	case ".json":
		m, err = ParseJSON(data)
	case ".yaml", ".yml":
		m, err = ParseYAML(data)
	default:
		m, err = Parse(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return m, nil
}

// Parse reads a cell map in JSON when data starts with '{', else in the
// flat YAML form.
func Parse(data []byte) (Map, error) {
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		return ParseJSON(data)
	}
	return ParseYAML(data)
}

// ParseJSON reads a JSON object of cell name to connect string.
func ParseJSON(data []byte) (Map, error) {
	var m Map
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadMap, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the JSON object", ErrBadMap)
	}
	if m == nil {
		return nil, fmt.Errorf("%w: null instead of an object", ErrBadMap)
	}
	for name, connect := range m {
		m[name] = strings.TrimSpace(connect)
	}
	return m, m.Validate()
}
