package dialog

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/zk"
)

// dialogs opens each dialog in a state worth seeing.
var dialogs = []struct {
	name string
	open func(m *Model)
}{
	{"create", func(m *Model) {
		m.OpenCreate("/app/config")
		typeIn(m, "feature-flags")
		send(m, "tab")
		typeIn(m, `{"beta":true}`)
		send(m, "tab", "space", "space", "space", "space", "space", "tab")
		typeIn(m, "2h")
	}},
	{"create_bad_ttl", func(m *Model) {
		m.OpenCreate("/app")
		typeIn(m, "lease")
		send(m, "tab", "tab", "space", "space", "space", "space", "space", "tab")
		typeIn(m, "soon")
		send(m, "ctrl+s")
	}},
	{"create_parents", func(m *Model) {
		m.OpenCreate("/app")
		typeIn(m, "a/b/c")
		send(m, "ctrl+s")
		m.OfferParents([]string{"/app/a", "/app/a/b"})
	}},
	{"edit_broken_json", func(m *Model) {
		m.OpenEdit("/app/config", []byte("{\n  \"replicas\": 3,\n  \"zone\": \"eu\"\n}"), 4, "{\n  \"replicas\": 3\n  \"zone\": \"eu\"\n}")
	}},
	{"conflict", func(m *Model) {
		c := &edit.Conflict{Path: "/app/config",
			Base:    []byte("{\n  \"replicas\": 3,\n  \"zone\": \"eu\"\n}"),
			Current: []byte("{\n  \"replicas\": 5,\n  \"zone\": \"eu\"\n}"),
			Mine:    []byte("{\n  \"replicas\": 3,\n  \"zone\": \"us\"\n}")}
		c.Stat.Version = 9
		m.OpenConflict(c)
	}},
	{"delete", func(m *Model) { m.OpenDelete("/app/config/old", 2) }},
	{"delete_tree", func(m *Model) {
		m.OpenDeleteTree(&edit.Subtree{Root: "/app/jobs", Nodes: make([]edit.Node, 5000), Bytes: 3 << 20,
			Ephemerals: []string{"/app/jobs/worker-1", "/app/jobs/worker-2"}})
		typeIn(m, "jo")
	}},
	{"transfer", func(m *Model) {
		m.OpenTransfer(&edit.Subtree{Root: "/app/config", Nodes: make([]edit.Node, 12), Bytes: 4096,
			Ephemerals: []string{"/app/config/lock"}}, "/app/config-copy", true)
	}},
	{"target", func(m *Model) { m.OpenTarget("/app/config", false) }},
	{"acl_warning", func(m *Model) {
		m.OpenACL("/app/config", zk.WorldACL(zk.PermAll), 1, []zk.ClientInfo{{AuthScheme: "ip", User: "127.0.0.1"}})
		send(m, "a", "x", "ctrl+s")
	}},
	{"acl_adding", func(m *Model) {
		m.OpenACL("/app/config", append(zk.WorldACL(zk.PermRead), zk.DigestACL(zk.PermAll, "bob", "pw")...), 3, nil)
		send(m, "j", "w", "+")
		typeIn(m, "ip:10.0.0.0/8:rwcz")
		send(m, "enter")
	}},
	{"progress", func(m *Model) {
		m.OpenProgress("deleting /app/jobs", 5000)
		m.SetProgress(2000, 5000)
	}},
	{"message", func(m *Model) {
		m.OpenMessage("delete stopped", []string{"deleted stopped: bad version", "", "delete step: 500 node(s) done before it stopped:", "  /app/jobs/a"}, true)
	}},
}

func TestGoldenDialogs(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 48}} {
		for _, d := range dialogs {
			t.Run(fmt.Sprintf("%s_%dx%d", d.name, size.w, size.h), func(t *testing.T) {
				m := New(newModel().com)
				m.SetSize(size.w, size.h)
				d.open(&m)
				view := m.View()
				lines := strings.Split(view, "\n")
				if len(lines) != size.h {
					t.Errorf("%d lines, want %d", len(lines), size.h)
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w != size.w {
						t.Errorf("line %d is %d wide: %q", i, w, ansi.Strip(l))
					}
				}
				golden.RequireEqual(t, view)
			})
		}
	}
}
