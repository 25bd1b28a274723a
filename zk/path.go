package zk

import (
	"strings"
	"unicode/utf8"
)

// ValidatePath checks a path against ZooKeeper's rules, the ones the server
// would otherwise refuse it for: it starts with '/', has no empty segment, no
// trailing '/' (except the root), no "." or ".." segment and no NUL byte. For
// a sequential create the server appends a counter, so a trailing '/' is
// allowed there (the node is then named by the counter alone).
func ValidatePath(path string, sequential bool) error {
	return validateSeqPath("validate", path, sequential)
}

func validatePath(op, path string) error { return validateSeqPath(op, path, false) }

func validateSeqPath(op, path string, sequential bool) error {
	orig := path
	bad := func(rule string) error { return inputError(op, orig, ErrInvalidPath, "%s", rule) }
	if sequential && path != "" && path[len(path)-1] == '/' {
		path += "0" // the server appends the counter: "/q/" names "/q/0000000001"
	}
	switch {
	case path == "":
		return bad("path must not be empty")
	case path[0] != '/':
		return bad("path must start with '/'")
	case path == "/":
		return nil
	case path[len(path)-1] == '/':
		return bad("path must not end with '/'")
	case strings.IndexByte(path, 0) >= 0:
		return bad("path must not contain a NUL byte")
	case !utf8.ValidString(path):
		return bad("path must be valid UTF-8")
	}
	for seg := range strings.SplitSeq(path[1:], "/") {
		switch seg {
		case "":
			return bad("path must not contain an empty segment (\"//\")")
		case ".", "..":
			return bad("path must not contain a \".\" or \"..\" segment")
		}
	}
	return nil
}

// chrootPath prefixes path with the chroot; the root of a chroot is the
// chroot itself.
func chrootPath(chroot, path string) string {
	if chroot == "" {
		return path
	}
	if path == "/" {
		return chroot
	}
	return chroot + path
}

// stripChroot removes the chroot from a path the server sent. A path outside
// the chroot (which the server should never send) is returned unchanged.
func stripChroot(chroot, path string) string {
	if chroot == "" || !strings.HasPrefix(path, chroot) {
		return path
	}
	rest := path[len(chroot):]
	switch {
	case rest == "":
		return "/"
	case rest[0] == '/':
		return rest
	}
	return path
}

// splitChroot splits "host1:2181,host2:2181/app" into the server list and the
// chroot ("" when none). The chroot must be a valid path other than "/".
func splitChroot(connect string) (servers, chroot string, err error) {
	i := strings.IndexByte(connect, '/')
	if i < 0 {
		return connect, "", nil
	}
	servers, chroot = connect[:i], connect[i:]
	if chroot == "/" {
		return servers, "", nil
	}
	if err := validatePath("connect", chroot); err != nil {
		return "", "", err
	}
	return servers, chroot, nil
}

// FormatServers adds the default client port 2181 to every server that has
// none and returns them in order.
func FormatServers(servers []string) []string {
	out := make([]string, 0, len(servers))
	for _, s := range servers {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !hasPort(s) {
			if strings.Contains(s, ":") && !strings.HasPrefix(s, "[") {
				s = "[" + s + "]" // a bare IPv6 address
			}
			s += ":2181"
		}
		out = append(out, s)
	}
	return out
}

func hasPort(s string) bool {
	if strings.HasPrefix(s, "[") {
		return strings.Contains(s, "]:")
	}
	return strings.Count(s, ":") == 1
}
