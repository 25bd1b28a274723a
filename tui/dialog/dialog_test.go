package dialog

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/zk"
)

func newModel() Model {
	m := New(common.New(nil))
	m.SetSize(78, 20)
	return m
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// send presses keys and returns the result message of the last one, if
// any (cursor commands are not messages of this package).
func send(m *Model, keys ...string) tea.Msg {
	var last tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		*m, cmd = m.Update(keyPress(k))
		last = nil
		if cmd != nil {
			switch msg := cmd().(type) {
			case CreateMsg, SaveMsg, DeleteMsg, ACLMsg, TargetMsg, TransferMsg, CancelMsg:
				last = msg
			}
		}
	}
	return last
}

func typeIn(m *Model, s string) {
	for _, r := range s {
		send(m, string(r))
	}
}

// Bad input in the create dialog: a clear message, no request.
func TestCreateBadInputSendsNothing(t *testing.T) {
	cases := []struct {
		name, data, ttl, aclArg string
		mode, acl               int // presses of space on the choice fields
		want                    string
	}{
		{name: "", want: "the name is empty"},
		{name: "/", want: "is the root"},
		{name: "..", want: `".." are not allowed`},
		{name: "a/../b", want: `".." are not allowed`},
		{name: "ok", mode: 5, ttl: "soon", want: "want a duration"},
		{name: "ok", mode: 5, ttl: "", want: "needs a TTL"},
		{name: "ok", ttl: "5s", want: "applies only to the ttl modes"},
		{name: "ok", acl: 2, aclArg: "bob", want: "want user:password"},
		{name: "ok", acl: 4, aclArg: "world:anyone:rwx", want: `ACL entry "world:anyone:rwx"`},
		{name: "ok", acl: 3, aclArg: "nowhere", want: "ip ACL"},
		{name: "ok", data: strings.Repeat("x", edit.MaxData+1), want: "the server accepts at most"},
	}
	for _, c := range cases {
		m := newModel()
		m.OpenCreate("/app")
		f := m.b.(*createForm)
		f.inputs[fName].SetValue(c.name)
		f.inputs[fData].SetValue(c.data)
		f.inputs[fTTL].SetValue(c.ttl)
		f.inputs[fACLArg].SetValue(c.aclArg)
		send(&m, "tab", "tab")
		for range c.mode {
			send(&m, "space")
		}
		send(&m, "tab", "tab")
		for range c.acl {
			send(&m, "space")
		}
		if msg := send(&m, "ctrl+s"); msg != nil {
			t.Errorf("%q: sent %T", c.name, msg)
		}
		if !strings.Contains(m.Err(), c.want) || m.Busy() {
			t.Errorf("%+v: message %q, want %q", c, m.Err(), c.want)
		}
		if !strings.Contains(ansi.Strip(m.View()), c.want) && len(c.want) < 60 {
			t.Errorf("%q: the message is not on screen:\n%s", c.name, ansi.Strip(m.View()))
		}
	}
}

// A NUL byte cannot even enter the name: the input turns control
// characters into something printable (edit.ChildPath refuses a NUL that
// reached it some other way, with a message).
func TestCreateNameNeverCarriesNUL(t *testing.T) {
	m := newModel()
	m.OpenCreate("/app")
	m.b.(*createForm).inputs[fName].SetValue("a\x00b")
	if msg, ok := send(&m, "ctrl+s").(CreateMsg); ok && strings.ContainsRune(msg.Spec.Path, 0) {
		t.Fatalf("NUL in %q", msg.Spec.Path)
	}
}

// A good create: every field lands in the request.
func TestCreateSubmits(t *testing.T) {
	m := newModel()
	m.OpenCreate("/app")
	typeIn(&m, "job")
	send(&m, "tab")
	typeIn(&m, "payload")
	send(&m, "tab")
	for range 6 { // ttl-sequential
		send(&m, "space")
	}
	send(&m, "tab")
	typeIn(&m, "2h")
	send(&m, "tab", "space", "space", "tab") // digest
	typeIn(&m, "bob:pw")
	msg, ok := send(&m, "ctrl+s").(CreateMsg)
	if !ok {
		t.Fatalf("no request (%q)", m.Err())
	}
	s := msg.Spec
	if s.Path != "/app/job" || string(s.Data) != "payload" || !s.Mode.TTL() || !s.Mode.Sequential() || s.TTL.Hours() != 2 ||
		len(s.ACL) != 1 || s.ACL[0].Scheme != "digest" || msg.AllowParents {
		t.Fatalf("spec %+v", msg)
	}
	m.OfferParents([]string{"/app"})
	if msg, ok := send(&m, "ctrl+s").(CreateMsg); !ok || !msg.AllowParents || len(msg.Spec.Parents) != 1 {
		t.Fatalf("after the offer: %+v", msg)
	}
}

// The conflict screen: o overwrites against the current version, e edits
// on top of the current value, d discards; a deleted node offers no
// overwrite.
func TestConflictChoices(t *testing.T) {
	c := &edit.Conflict{Path: "/n", Base: []byte("a\nb"), Current: []byte("a\nB"), Mine: []byte("a\nb\nc")}
	c.Stat.Version = 7
	m := newModel()
	m.OpenConflict(c)
	v := ansi.Strip(m.View())
	for _, want := range []string{"- b", "+ B", "- B", "+ c", "version 7", "changed by someone else"} {
		if !strings.Contains(v, want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
	if s, ok := send(&m, "o").(SaveMsg); !ok || s.Version != 7 || string(s.Data) != "a\nb\nc" || string(s.Base) != "a\nB" {
		t.Fatalf("overwrite: %+v", s)
	}
	m = newModel()
	m.OpenConflict(c)
	send(&m, "e")
	if m.Kind() != EditData || m.b.(*dataEditor).version != 7 || m.b.(*dataEditor).area.Value() != "a\nb\nc" {
		t.Fatalf("edit again: %v", m.Kind())
	}
	m.OpenConflict(c)
	if msg, ok := send(&m, "d").(CancelMsg); !ok || !msg.Discarded || m.IsOpen() {
		t.Fatal("discard")
	}
	gone := &edit.Conflict{Path: "/n", Mine: []byte("x"), Gone: true}
	m.OpenConflict(gone)
	if send(&m, "o") != nil || m.Kind() != Conflict {
		t.Fatal("overwrite offered for a deleted node")
	}
}

// A recursive delete above the limit needs the node's name typed.
func TestDeleteTreeNeedsName(t *testing.T) {
	tr := &edit.Subtree{Root: "/a/jobs", Nodes: make([]edit.Node, TypeNameAbove+1), Bytes: 2048, Ephemerals: []string{"/a/jobs/e"}}
	m := newModel()
	m.OpenDeleteTree(tr)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "101 node(s), 2.0 KiB of data, 1 ephemeral(s)") || !strings.Contains(v, "/a/jobs/e") {
		t.Fatalf("view:\n%s", v)
	}
	typeIn(&m, "job")
	if send(&m, "enter") != nil || !strings.Contains(m.Err(), `type "jobs" exactly`) {
		t.Fatalf("wrong name accepted: %q", m.Err())
	}
	typeIn(&m, "s")
	if d, ok := send(&m, "enter").(DeleteMsg); !ok || d.Tree != tr {
		t.Fatal("right name refused")
	}
	small := &edit.Subtree{Root: "/a/x", Nodes: make([]edit.Node, 3)}
	m = newModel()
	m.OpenDeleteTree(small)
	if _, ok := send(&m, "enter").(DeleteMsg); !ok {
		t.Fatal("small subtree needs only enter")
	}
}

func TestDiff(t *testing.T) {
	var b strings.Builder
	for _, d := range diff("a\nb\nc", "a\nx\nc\nd") {
		b.WriteString(string(d.op) + d.text + ";")
	}
	if got := b.String(); got != " a;-b;+x; c;+d;" {
		t.Fatalf("diff: %s", got)
	}
}

// A paste lands in the focused field.
func TestPasteIntoCreate(t *testing.T) {
	m := newModel()
	m.OpenCreate("/app")
	m, _ = m.Update(tea.PasteMsg{Content: "pasted"})
	if msg, ok := send(&m, "ctrl+s").(CreateMsg); !ok || msg.Spec.Path != "/app/pasted" {
		t.Fatalf("paste: %+v %q", msg, m.Err())
	}
}

// The ACL list: toggle, add (a bad entry refused in place), remove, and
// the lost-admin warning before anything is sent.
func TestACLEditor(t *testing.T) {
	m := newModel()
	me := []zk.ClientInfo{{AuthScheme: "ip", User: "127.0.0.1"}}
	m.OpenACL("/n", zk.WorldACL(zk.PermAll), 4, me)
	send(&m, "+")
	typeIn(&m, "ip:127.0.0.1:rwz")
	if send(&m, "enter") != nil || !strings.Contains(m.Err(), `ACL entry "ip:127.0.0.1:rwz"`) {
		t.Fatalf("bad entry: %q", m.Err())
	}
	send(&m, "esc") // closes the input, not the dialog
	if !m.IsOpen() {
		t.Fatal("esc in the entry input closed the dialog")
	}
	send(&m, "+")
	typeIn(&m, "ip:10.1.1.1:r")
	send(&m, "enter", "k", "a") // admin off for world
	if send(&m, "ctrl+s") != nil || !strings.Contains(m.Err(), "takes ADMIN away") {
		t.Fatalf("no warning: %q", m.Err())
	}
	msg, ok := send(&m, "ctrl+s").(ACLMsg)
	if !ok || msg.Aversion != 4 || len(msg.ACL) != 2 || msg.ACL[0].Perms != zk.PermAll&^zk.PermAdmin || msg.ACL[1].ID != "10.1.1.1" {
		t.Fatalf("request %+v", msg)
	}
	m.OpenACL("/n", zk.WorldACL(zk.PermRead), 0, nil)
	send(&m, "r")
	if send(&m, "ctrl+s") != nil || !strings.Contains(m.Err(), "no permission left") {
		t.Fatalf("empty perms: %q", m.Err())
	}
	send(&m, "-")
	if send(&m, "ctrl+s") != nil || !strings.Contains(m.Err(), "at least one entry") {
		t.Fatalf("empty ACL: %q", m.Err())
	}
}
