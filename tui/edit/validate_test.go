package edit

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
)

func TestChildPath(t *testing.T) {
	good := map[[2]string]string{
		{"/", "a"}:         "/a",
		{"/x", "a/b"}:      "/x/a/b",
		{"/x", "/abs/p"}:   "/abs/p",
		{"/x/", "b"}:       "/x/b",
		{"/x", "ünï cödé"}: "/x/ünï cödé",
	}
	for in, want := range good {
		got, err := ChildPath(in[0], in[1])
		if err != nil || got != want {
			t.Errorf("ChildPath(%q, %q) = %q, %v; want %q", in[0], in[1], got, err, want)
		}
	}
	bad := map[string]string{
		"":       "empty",
		"  ":     "empty",
		"/":      "root",
		"..":     `".."`,
		"a/../b": `".."`,
		".":      `".."`,
		"a\x00b": "NUL",
		"a/":     "empty path segment",
		"a//b":   "empty path segment",
	}
	for name, msg := range bad {
		_, err := ChildPath("/x", name)
		if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), msg) {
			t.Errorf("ChildPath(%q): %v, want a message with %q", name, err, msg)
		}
	}
}

func TestParseTTL(t *testing.T) {
	for s, want := range map[string]time.Duration{"90s": 90 * time.Second, "2h": 2 * time.Hour, "1500": 1500 * time.Millisecond, " 1h30m ": 90 * time.Minute} {
		if d, err := ParseTTL(s); err != nil || d != want {
			t.Errorf("ParseTTL(%q) = %v, %v; want %v", s, d, err, want)
		}
	}
	for _, s := range []string{"", "soon", "-5s", "0", "0s", "12x", "1.5"} {
		if _, err := ParseTTL(s); !errors.Is(err, ErrInput) {
			t.Errorf("ParseTTL(%q) = %v, want ErrInput", s, err)
		}
	}
}

func TestBrokenJSON(t *testing.T) {
	before := []byte("{\n  \"a\": 1,\n  \"b\": [1, 2]\n}")
	if err := BrokenJSON(before, []byte("{\"a\": 2}")); err != nil {
		t.Fatalf("valid JSON flagged: %v", err)
	}
	err := BrokenJSON(before, []byte("{\n  \"a\": 1,\n  \"b\": [1 2]\n}"))
	var je *JSONError
	if !errors.As(err, &je) || je.Line != 3 || je.Column != 11 {
		t.Fatalf("got %v (%+v), want line 3 column 11", err, je)
	}
	if err := BrokenJSON(before, []byte("{\"a\": ")); !errors.As(err, &je) || je.Line != 1 {
		t.Fatalf("truncated JSON: %v", err)
	}
	if err := BrokenJSON([]byte("plain text"), []byte("{oops")); err != nil {
		t.Fatalf("text that never was JSON flagged: %v", err)
	}
}

func TestCheckSize(t *testing.T) {
	if err := CheckSize(make([]byte, MaxData)); err != nil {
		t.Fatal(err)
	}
	if err := CheckSize(make([]byte, MaxData+1)); !errors.Is(err, ErrInput) {
		t.Fatalf("oversize data: %v", err)
	}
}

func TestBuildACL(t *testing.T) {
	if a, err := BuildACL(ACLDigest, "bob:secret"); err != nil || a[0].Scheme != "digest" || !strings.HasPrefix(a[0].ID, "bob:") || strings.Contains(a[0].ID, "secret") {
		t.Fatalf("digest: %v %v", a, err)
	}
	if a, err := BuildACL(ACLIP, "10.0.0.0/8"); err != nil || a[0].ID != "10.0.0.0/8" {
		t.Fatalf("ip: %v %v", a, err)
	}
	if a, err := BuildACL(ACLCustom, "world:anyone:r, ip:127.0.0.1:rwcda"); err != nil || len(a) != 2 || a[0].Perms != zk.PermRead {
		t.Fatalf("custom: %v %v", a, err)
	}
	for c, arg := range map[ACLChoice]string{ACLDigest: "bob", ACLIP: "not-an-ip", ACLCustom: "world:anyone"} {
		if _, err := BuildACL(c, arg); !errors.Is(err, ErrInput) {
			t.Errorf("BuildACL(%v, %q) = %v, want ErrInput", c, arg, err)
		}
	}
	if _, err := ParseACLList("world:anyone:rwxyz"); err == nil || !strings.Contains(err.Error(), "rwxyz") {
		t.Fatalf("bad perms: %v", err)
	}
}

func TestLosesAdmin(t *testing.T) {
	me := []zk.ClientInfo{{AuthScheme: "ip", User: "127.0.0.1"}}
	world := zk.WorldACL(zk.PermAll)
	mine := []zk.ACL{{Scheme: "ip", ID: "127.0.0.0/8", Perms: zk.PermAll}}
	other := []zk.ACL{{Scheme: "ip", ID: "10.0.0.1", Perms: zk.PermAll}}
	readOnly := zk.WorldACL(zk.PermRead)
	switch {
	case LosesAdmin(world, mine, me):
		t.Error("world -> my range: still admin")
	case !LosesAdmin(world, other, me):
		t.Error("world -> another ip: loses admin")
	case !LosesAdmin(mine, readOnly, me):
		t.Error("-> world read: loses admin")
	}
}
