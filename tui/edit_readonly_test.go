package tui

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/zkui/zkui/keymap"
)

// everyKey lists every key bound anywhere in the keymap (main bindings,
// prompt and dialog keys), except those that quit.
func everyKey() []string {
	var out []string
	seen := map[string]bool{"q": true, "ctrl+c": true}
	var collect func(v reflect.Value)
	collect = func(v reflect.Value) {
		for i := range v.NumField() {
			switch f := v.Field(i).Interface().(type) {
			case key.Binding:
				for _, k := range f.Keys() {
					if !seen[k] {
						seen[k] = true
						out = append(out, k)
					}
				}
			case keymap.PromptKeyMap, keymap.DialogKeyMap:
				collect(reflect.ValueOf(f))
			}
		}
	}
	collect(reflect.ValueOf(keymap.Default()))
	return out
}

// pressEverything presses every key on several nodes, then the sequences
// that would write if a dialog were open (type a name, confirm, save).
func pressEverything(t *testing.T, e *editEnv) {
	t.Helper()
	keys := everyKey()
	if len(keys) < 40 {
		t.Fatalf("only %d keys found", len(keys))
	}
	for _, p := range []string{e.root, e.root + "/leaf", e.root + "/dir"} {
		e.goTo(t, p)
		for _, k := range keys {
			press(e.a, k)
			typeText(e.a, "zz")
			press(e.a, "ctrl+s", "enter", "ctrl+s", "y", "o", "enter")
			press(e.a, "esc", "esc")
			e.goTo(t, p)
		}
	}
}

// TestReadOnlyEveryKeySendsNoWrite: with --read-only, whatever is
// pressed, no write reaches the connection (the Client logs every
// request it sends, at the Conn).
func TestReadOnlyEveryKeySendsNoWrite(t *testing.T) {
	e := newEditEnv(t, Options{ReadOnly: true}, false)
	seedReadOnly(t, e)
	for _, b := range e.a.com.Keys.Writes() {
		if b.Enabled() {
			t.Fatalf("%q enabled in read-only mode", b.Help().Desc)
		}
	}
	pressEverything(t, e)
	if w := e.sentWrites(); len(w) != 0 {
		t.Fatalf("read-only UI sent writes: %v", w)
	}
	if len(e.log.Records()) < 10 {
		t.Fatal("the log saw no reads: is it wired?")
	}
}

// TestReadOnlyClientRefusesWhateverTheUISends: the Client in read-only
// mode refuses the writes of a UI that (wrongly) lets them through.
func TestReadOnlyClientRefusesWhateverTheUISends(t *testing.T) {
	e := newEditEnv(t, Options{}, true)
	seedReadOnly(t, e)
	pressEverything(t, e)
	e.goTo(t, e.root+"/leaf")
	press(e.a, "i")
	typeText(e.a, "new")
	press(e.a, "ctrl+s")
	e.mustDialog(t, "edit", "read-only")
	press(e.a, "esc")
	if w := e.sentWrites(); len(w) != 0 {
		t.Fatalf("read-only client sent writes: %v", w)
	}
	refused := 0
	for _, r := range e.log.Records() {
		if r.Write && !r.Sent {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("no write was even attempted: the test does not reach the Client's gate")
	}
	t.Logf("%d writes refused before the wire", refused)
	if e.get(t, e.root+"/leaf") != "leaf" {
		t.Fatal("the tree changed")
	}
}

func seedReadOnly(t *testing.T, e *editEnv) {
	t.Helper()
	for _, p := range []string{"/leaf", "/dir", "/dir/a", "/dir/b"} {
		if _, err := e.g.Create(e.root+p, []byte(p[1:]), 0, worldAll()); err != nil {
			t.Fatal(err)
		}
	}
}
