package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/zk"
)

// TestEditFlowCreateEditUndo: create a node through the dialog, edit its
// JSON inline (broken JSON is flagged first), undo the edit.
func TestEditFlowCreateEditUndo(t *testing.T) {
	e := newEditEnv(t, Options{}, false)
	e.goTo(t, e.root)
	press(e.a, "a")
	e.mustDialog(t, "create", "")
	typeText(e.a, "cfg")
	press(e.a, "tab")
	typeText(e.a, `{"a":1}`)
	press(e.a, "ctrl+s")
	if e.a.ed.dlg.IsOpen() || e.get(t, e.root+"/cfg") != `{"a":1}` {
		t.Fatalf("create: dialog %v %q, status %q", e.a.ed.dlg.Kind(), e.a.ed.dlg.Err(), e.status())
	}
	p := e.root + "/cfg"
	e.goTo(t, p)
	press(e.a, "i")
	e.mustDialog(t, "edit", "")
	typeText(e.a, "x")
	before := len(e.sentWrites())
	press(e.a, "ctrl+s")
	e.mustDialog(t, "edit", "line 1, column 1")
	if len(e.sentWrites()) != before {
		t.Fatal("broken JSON was sent")
	}
	press(e.a, "right", "backspace") // the cursor waits at the error
	for range 6 {
		press(e.a, "right")
	}
	typeText(e.a, `,"b":2`)
	press(e.a, "ctrl+s")
	if got := e.get(t, p); got != `{"a":1,"b":2}` || e.a.ed.dlg.IsOpen() {
		t.Fatalf("after edit: %q, dialog %v %q", got, e.a.ed.dlg.Kind(), e.a.ed.dlg.Err())
	}
	press(e.a, "u")
	if got := e.get(t, p); got != `{"a":1}` || !strings.Contains(e.status(), "undone") {
		t.Fatalf("after undo: %q, status %q", got, e.status())
	}
	press(e.a, "u")
	if !strings.Contains(e.status(), "nothing to undo") {
		t.Fatalf("second undo: %q", e.status())
	}
	// Missing parents are offered, then created with the node in one go.
	e.goTo(t, e.root)
	press(e.a, "a")
	typeText(e.a, "x/y/z")
	press(e.a, "ctrl+s")
	if !strings.Contains(e.a.View().Content, "missing parents") {
		t.Fatalf("no offer of parents:\n%s", ansi.Strip(e.a.View().Content))
	}
	if ok, _, _ := e.g.Exists(e.root + "/x"); ok {
		t.Fatal("parents created before the user accepted")
	}
	press(e.a, "ctrl+s")
	if ok, _, _ := e.g.Exists(e.root + "/x/y/z"); !ok {
		t.Fatalf("deep create: %q %q", e.a.ed.dlg.Err(), e.status())
	}
	// The server's refusal stays in the dialog.
	press(e.a, "a")
	typeText(e.a, "cfg")
	press(e.a, "ctrl+s")
	e.mustDialog(t, "create", "node already exists")
}

// TestEditFlowConflict: another client writes between our read and our
// save; the conflict screen shows the three versions and nothing is lost
// whichever way the user resolves it.
func TestEditFlowConflict(t *testing.T) {
	e := newEditEnv(t, Options{}, false)
	p := e.root + "/c"
	if _, err := e.g.Create(p, []byte("base"), 0, worldAll()); err != nil {
		t.Fatal(err)
	}
	e.goTo(t, p)
	conflict := func() {
		t.Helper()
		press(e.a, "i")
		e.mustDialog(t, "edit", "")
		if _, err := e.g.Set(p, []byte("theirs"), -1); err != nil {
			t.Fatal(err)
		}
		typeText(e.a, "mine-")
		press(e.a, "ctrl+s")
		e.mustDialog(t, "conflict", "changed by someone else")
		view := ansi.Strip(e.a.View().Content)
		for _, want := range []string{"their change", "- base", "+ theirs", "- theirs", "+ mine-base", "now on the server"} {
			if !strings.Contains(view, want) {
				t.Fatalf("conflict screen lacks %q:\n%s", want, view)
			}
		}
		if got := e.get(t, p); got != "theirs" {
			t.Fatalf("their value was overwritten: %q", got)
		}
	}
	conflict()
	press(e.a, "d") // discard
	if e.a.ed.dlg.IsOpen() || e.get(t, p) != "theirs" || !strings.Contains(e.status(), "discarded") {
		t.Fatalf("discard: %v %q", e.a.ed.dlg.Kind(), e.status())
	}
	if _, err := e.g.Set(p, []byte("base"), -1); err != nil {
		t.Fatal(err)
	}
	conflict()
	press(e.a, "e") // edit again on top of the current value
	e.mustDialog(t, "edit", "")
	press(e.a, "ctrl+s")
	if got := e.get(t, p); got != "mine-base" {
		t.Fatalf("edit again then save: %q (%q)", got, e.a.ed.dlg.Err())
	}
	if _, err := e.g.Set(p, []byte("base"), -1); err != nil {
		t.Fatal(err)
	}
	conflict()
	press(e.a, "o") // overwrite, checked against the version shown
	if got := e.get(t, p); got != "mine-base" || e.a.ed.dlg.IsOpen() {
		t.Fatalf("overwrite: %q", got)
	}
}

// TestEditFlowDeleteCopyMove: single delete, recursive delete of 150
// nodes confirmed by typing the name, copy (ephemeral skipped) compared
// with the independent client, and move.
func TestEditFlowDeleteCopyMove(t *testing.T) {
	e := newEditEnv(t, Options{}, false)
	big := e.root + "/big"
	var ops []zk.Op
	ops = append(ops, zk.CreateOp(big, nil, zk.ModePersistent, zk.WorldACL(zk.PermAll)))
	for i := range 150 {
		ops = append(ops, zk.CreateOp(fmt.Sprintf("%s/n%03d", big, i), []byte("v"), zk.ModePersistent, zk.WorldACL(zk.PermAll)))
	}
	if _, err := e.c.Multi(e.ctx, ops...); err != nil {
		t.Fatal(err)
	}
	e.goTo(t, big+"/n007")
	press(e.a, "d")
	e.mustDialog(t, "confirm", "")
	press(e.a, "enter")
	if ok, _, _ := e.g.Exists(big + "/n007"); ok || e.a.ed.dlg.IsOpen() {
		t.Fatalf("single delete: %q %q", e.a.ed.dlg.Err(), e.status())
	}
	e.goTo(t, big)
	press(e.a, "d")
	press(e.a, "enter")
	e.mustDialog(t, "confirm", "node has children")
	press(e.a, "esc")
	press(e.a, "D")
	e.mustDialog(t, "confirm", "")
	if v := ansi.Strip(e.a.View().Content); !strings.Contains(v, "150 node(s), 149 B of data, 0 ephemeral(s)") || !strings.Contains(v, `Type "big"`) {
		t.Fatalf("recursive confirmation:\n%s", v)
	}
	press(e.a, "enter")
	e.mustDialog(t, "confirm", `type "big" exactly`)
	typeText(e.a, "big")
	press(e.a, "enter")
	if ok, _, _ := e.g.Exists(big); ok || e.a.ed.dlg.IsOpen() || !strings.Contains(e.status(), "deleted "+big+" (150 nodes)") {
		t.Fatalf("recursive delete: %v %q %q", e.a.ed.dlg.Kind(), e.a.ed.dlg.Err(), e.status())
	}

	src := e.root + "/src"
	for _, n := range []string{src, src + "/a", src + "/a/b", src + "/c"} {
		if _, err := e.g.Create(n, []byte("data of "+n), 0, worldAll()); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.c.SetACL(e.ctx, src+"/c", zk.WorldACL(zk.PermRead|zk.PermAdmin), -1); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Create(e.ctx, src+"/a/eph", nil, zk.ModeEphemeral, zk.WorldACL(zk.PermAll)); err != nil {
		t.Fatal(err)
	}
	e.goTo(t, src)
	press(e.a, "c")
	e.mustDialog(t, "target", "")
	press(e.a, "enter")
	e.mustDialog(t, "confirm", "")
	if v := ansi.Strip(e.a.View().Content); !strings.Contains(v, "skipped") || !strings.Contains(v, src+"/a/eph") {
		t.Fatalf("copy preview:\n%s", v)
	}
	press(e.a, "enter")
	if !strings.Contains(e.status(), "copied") || !strings.Contains(e.status(), "1 ephemeral(s) skipped") {
		t.Fatalf("copy: %q %q", e.a.ed.dlg.Err(), e.status())
	}
	sameTree(t, e, src, src+"-copy", 4)
	e.goTo(t, src+"-copy")
	press(e.a, "m", "ctrl+u")
	typeText(e.a, "moved")
	press(e.a, "enter", "enter")
	if ok, _, _ := e.g.Exists(src + "-copy"); ok || !strings.Contains(e.status(), "moved") {
		t.Fatalf("move: %q %q", e.a.ed.dlg.Err(), e.status())
	}
	sameTree(t, e, src, e.root+"/moved", 4)
}

// sameTree compares two subtrees (names, data, ACL) with the independent
// client, leaving out ephemerals of a.
func sameTree(t *testing.T, e *editEnv, a, b string, want int) {
	t.Helper()
	n := 0
	var walk func(rel string)
	walk = func(rel string) {
		da, sa, err := e.g.Get(a + rel)
		if err != nil {
			t.Fatal(err)
		}
		if sa.EphemeralOwner != 0 {
			return
		}
		db, _, err := e.g.Get(b + rel)
		if err != nil || string(da) != string(db) {
			t.Fatalf("%s: %q vs %q (%v)", rel, da, db, err)
		}
		aa, _, _ := e.g.GetACL(a + rel)
		ab, _, _ := e.g.GetACL(b + rel)
		if fmt.Sprint(aa) != fmt.Sprint(ab) {
			t.Fatalf("ACL of %s: %v vs %v", rel, aa, ab)
		}
		n++
		kids, _, _ := e.g.Children(a + rel)
		for _, k := range kids {
			walk(rel + "/" + k)
		}
	}
	walk("")
	if n != want {
		t.Fatalf("compared %d nodes, want %d", n, want)
	}
}

// TestEditFlowACL: remove ADMIN from the only entry (warned first), and an
// unparsable entry refused in the dialog.
func TestEditFlowACL(t *testing.T) {
	e := newEditEnv(t, Options{}, false)
	p := e.root + "/acl"
	if _, err := e.g.Create(p, nil, 0, worldAll()); err != nil {
		t.Fatal(err)
	}
	e.goTo(t, p)
	press(e.a, "A")
	e.mustDialog(t, "acl", "")
	press(e.a, "+")
	typeText(e.a, "world:anyone:rwx")
	press(e.a, "enter")
	e.mustDialog(t, "acl", "ACL entry")
	press(e.a, "esc", "a") // drop the bad entry; admin off for world
	before := len(e.sentWrites())
	press(e.a, "ctrl+s")
	e.mustDialog(t, "acl", "takes ADMIN away")
	if len(e.sentWrites()) != before {
		t.Fatal("an ACL was sent before the warning was accepted")
	}
	press(e.a, "ctrl+s")
	acl, _, err := e.g.GetACL(p)
	if err != nil || len(acl) != 1 || acl[0].Perms != int32(zk.PermAll&^zk.PermAdmin) {
		t.Fatalf("ACL on the server: %+v %v (%q)", acl, err, e.a.ed.dlg.Err())
	}
}

// TestEditFlowExternalEditor: $EDITOR edits a private temporary file that
// is removed afterwards; an editor failing sends nothing.
func TestEditFlowExternalEditor(t *testing.T) {
	e := newEditEnv(t, Options{}, false)
	p := e.root + "/ext"
	if _, err := e.g.Create(p, []byte("old"), 0, worldAll()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	side := filepath.Join(dir, "seen")
	script := filepath.Join(dir, "editor.sh")
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(script, []byte("#!/bin/sh\nstat -c '%a %n' \"$1\" > "+side+"\n"+body+"\n"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("VISUAL", script)
	e.goTo(t, p)
	write(`printf new > "$1"`)
	press(e.a, "e")
	if got := e.get(t, p); got != "new" {
		t.Fatalf("after $EDITOR: %q (%q %q)", got, e.a.ed.dlg.Err(), e.status())
	}
	seen, _ := os.ReadFile(side)
	mode, file, _ := strings.Cut(strings.TrimSpace(string(seen)), " ")
	if mode != "600" {
		t.Fatalf("temp file mode %q, want 600", mode)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Fatalf("temp file %s left behind: %v", file, err)
	}
	before := len(e.sentWrites())
	write(`printf changed > "$1"; exit 3`)
	press(e.a, "e")
	e.mustDialog(t, "message", "nothing was written")
	if e.get(t, p) != "new" || len(e.sentWrites()) != before {
		t.Fatal("a failed editor wrote")
	}
	press(e.a, "enter")
	// The create dialog's data can come from the editor too.
	e.goTo(t, e.root)
	press(e.a, "a")
	typeText(e.a, "made")
	write(`printf 'line one\nline two' > "$1"`)
	press(e.a, "ctrl+e")
	press(e.a, "ctrl+s")
	if got := e.get(t, e.root+"/made"); got != "line one\nline two" {
		t.Fatalf("create with data from $EDITOR: %q (%q)", got, e.a.ed.dlg.Err())
	}
	before = len(e.sentWrites())
	press(e.a, "a")
	typeText(e.a, "failed")
	write(`exit 1`)
	press(e.a, "ctrl+e")
	e.mustDialog(t, "create", "the data field is unchanged")
	press(e.a, "esc")
	e.goTo(t, p)
	write(`head -c 1100000 /dev/zero | tr '\0' x > "$1"`)
	press(e.a, "e")
	e.mustDialog(t, "edit", "the server accepts at most")
	if len(e.sentWrites()) != before {
		t.Fatal("oversize data was sent")
	}
}

func worldAll() []gozk.ACL { return gozk.WorldACL(gozk.PermAll) }

// TestOpLogPane: L shows the requests sent, with results, in place of the
// panes, and hides them again.
func TestOpLogPane(t *testing.T) {
	e := newEditEnv(t, Options{}, false)
	p := e.root + "/gone"
	e.goTo(t, e.root)
	press(e.a, "a")
	typeText(e.a, "made")
	press(e.a, "ctrl+s")
	if _, err := e.c.SetData(e.ctx, p, nil, 3); err == nil {
		t.Fatal("setData of a missing node succeeded")
	}
	press(e.a, "L")
	view := ansi.Strip(e.a.View().Content)
	for _, want := range []string{"sent in all", "create*", e.root + "/made", "setData*", "node does not exist", "getData"} {
		if !strings.Contains(view, want) {
			t.Fatalf("log pane lacks %q:\n%s", want, view)
		}
	}
	press(e.a, "L")
	if strings.Contains(ansi.Strip(e.a.View().Content), "sent in all") {
		t.Fatal("L did not hide the log")
	}
	// A dialog opened from the help page is shown, since it has the keys.
	press(e.a, "?", "a")
	if v := ansi.Strip(e.a.View().Content); !strings.Contains(v, "create under") {
		t.Fatalf("dialog hidden behind help:\n%s", v)
	}
}
