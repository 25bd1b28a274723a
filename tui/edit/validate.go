package edit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"path"
	"strings"
	"time"

	"github.com/zkui/zkui/zk"
)

// MaxData is the largest value the editor lets through: the server's
// default jute.maxbuffer less room for the request around it, the same
// margin the zk package keeps.
const MaxData = 0xfffff - 1024

// ErrInput marks a refusal of what the user typed; nothing was sent.
var ErrInput = errors.New("invalid input")

func inputf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInput}, args...)...)
}

// ChildPath turns what the user typed as a node's name into a full path:
// a name relative to parent ("a" or "a/b"), or an absolute path. It refuses
// an empty name, the root, "." and ".." segments, NUL bytes and trailing
// slashes, each with a message saying which.
func ChildPath(parent, name string) (string, error) {
	switch {
	case strings.TrimSpace(name) == "":
		return "", inputf("the name is empty")
	case name == "/":
		return "", inputf("\"/\" is the root: it always exists and cannot be created")
	case strings.IndexByte(name, 0) >= 0:
		return "", inputf("the name contains a NUL byte")
	}
	full := name
	if !strings.HasPrefix(name, "/") {
		full = strings.TrimSuffix(parent, "/") + "/" + name
	}
	for _, seg := range strings.Split(full[1:], "/") {
		switch seg {
		case ".", "..":
			return "", inputf("%q: \".\" and \"..\" are not allowed in ZooKeeper paths", name)
		case "":
			return "", inputf("%q: empty path segment (a doubled or trailing \"/\")", name)
		}
	}
	if err := zk.ValidatePath(full, false); err != nil {
		return "", inputf("%v", err)
	}
	return full, nil
}

// ParseTTL reads a TTL like "90s", "2h" or "1h30m" (a bare number is
// milliseconds, as the server counts). It must be positive.
func ParseTTL(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, inputf("a TTL node needs a TTL, e.g. 90s or 2h")
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		var ms int64
		if _, serr := fmt.Sscanf(s, "%d", &ms); serr != nil || fmt.Sprint(ms) != s {
			return 0, inputf("TTL %q: want a duration like 90s, 15m or 2h", s)
		}
		d = time.Duration(ms) * time.Millisecond
	}
	if d < time.Millisecond {
		return 0, inputf("TTL %q must be at least 1ms", s)
	}
	return d, nil
}

// CheckSize refuses data the server would refuse.
func CheckSize(data []byte) error {
	if len(data) > MaxData {
		return inputf("the value is %d bytes; the server accepts at most %d", len(data), MaxData)
	}
	return nil
}

// JSONError is a value that was valid JSON before the edit and no longer
// parses, with where it breaks.
type JSONError struct {
	Line, Column int
	Msg          string
}

func (e *JSONError) Error() string {
	return fmt.Sprintf("JSON broken at line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// BrokenJSON returns a *JSONError when before was valid JSON and after is
// not; otherwise nil (text that never was JSON is not the editor's concern).
func BrokenJSON(before, after []byte) error {
	if len(bytes.TrimSpace(before)) == 0 || !json.Valid(before) || json.Valid(after) {
		return nil
	}
	var v any
	err := json.Unmarshal(after, &v)
	off := len(after)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	msg := "unexpected end of input"
	if err != nil {
		msg = err.Error()
	}
	line, col := lineCol(after, off)
	return &JSONError{Line: line, Column: col, Msg: msg}
}

// lineCol converts a byte offset into a 1-based line and column; the
// decoder's offset points just past the offending byte.
func lineCol(b []byte, off int) (int, int) {
	if off > len(b) {
		off = len(b)
	}
	if off > 0 {
		off--
	}
	line, col := 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// ACLChoice is the ACL the create dialog offers.
type ACLChoice int

const (
	// ACLWorld is world:anyone with every permission.
	ACLWorld ACLChoice = iota
	// ACLCreator is auth: every permission for the identities this session
	// authenticated as.
	ACLCreator
	// ACLDigest is digest user:password (hashed here, never sent clear).
	ACLDigest
	// ACLIP is one IP address or CIDR range.
	ACLIP
	// ACLCustom is a list of scheme:id:perms entries.
	ACLCustom
)

// String names the choice as the dialog shows it.
func (c ACLChoice) String() string {
	return [...]string{"world", "creator only (auth)", "digest user:pass", "ip", "custom"}[c]
}

// BuildACL turns a choice and its argument into an ACL with every
// permission (custom: entries separated by commas or new lines).
func BuildACL(c ACLChoice, arg string) ([]zk.ACL, error) {
	arg = strings.TrimSpace(arg)
	switch c {
	case ACLWorld:
		return zk.WorldACL(zk.PermAll), nil
	case ACLCreator:
		return zk.AuthACL(zk.PermAll), nil
	case ACLDigest:
		user, pass, ok := strings.Cut(arg, ":")
		if !ok || user == "" || pass == "" {
			return nil, inputf("digest ACL: want user:password")
		}
		return zk.DigestACL(zk.PermAll, user, pass), nil
	case ACLIP:
		_, _, cidrErr := net.ParseCIDR(arg)
		if net.ParseIP(arg) == nil && cidrErr != nil {
			return nil, inputf("ip ACL: want an address or a range like 10.0.0.0/8")
		}
		return zk.IPACL(zk.PermAll, arg), nil
	}
	return ParseACLList(arg)
}

// ParseACLList parses entries "scheme:id:perms" separated by commas or new
// lines; each bad entry is named.
func ParseACLList(s string) ([]zk.ACL, error) {
	var out []zk.ACL
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' }) {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		a, err := zk.ParseACL(f)
		if err != nil {
			return nil, inputf("ACL entry %q: want scheme:id:perms (perms from rwcda)", f)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, inputf("an ACL needs at least one entry")
	}
	return out, nil
}

// Parent is the parent of p ("/" for a top-level node).
func Parent(p string) string { return path.Dir(p) }
