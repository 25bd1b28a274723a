package keymap

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
)

func bindings(k any) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out[v.Type().Field(i).Name] = b
		}
	}
	return out
}

// Every binding needs keys and help text, or help would show holes.
func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	all := bindings(Default())
	for name, b := range bindings(Default().Prompt) {
		all["Prompt."+name] = b
	}
	for name, b := range bindings(Default().Dash) {
		all["Dash."+name] = b
	}
	if len(all) < 30 {
		t.Fatalf("only %d bindings found", len(all))
	}
	for name, b := range all {
		if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("%s: keys %q help %+v", name, b.Keys(), b.Help())
		}
		if !b.Enabled() {
			t.Errorf("%s disabled by default", name)
		}
	}
}

// Two bindings sharing a key would make one of them unreachable, except
// where the program decides by focus: the detail pane reuses navigation keys
// but nothing else overlaps.
func TestNoKeyBoundTwice(t *testing.T) {
	// The prompt captures the keyboard, so it is a namespace of its own.
	for _, set := range []any{Default(), Default().Prompt, Default().Dialog, Default().Dash} {
		seen := map[string]string{}
		for name, b := range bindings(set) {
			for _, k := range b.Keys() {
				if other, ok := seen[k]; ok {
					t.Errorf("key %q bound to both %s and %s", k, other, name)
				}
				seen[k] = name
			}
		}
	}
}

// Every main binding must appear in some help group, or ? would hide it.
func TestGroupsCoverEveryBinding(t *testing.T) {
	k := Default()
	inGroup := map[string]bool{}
	for _, g := range [][]key.Binding{k.Navigation(), k.Tree(), k.Finding(), k.Data(), k.Tabs(), k.App(), k.Edit()} {
		for _, b := range g {
			inGroup[b.Help().Key+" "+b.Help().Desc] = true
		}
	}
	for name, b := range bindings(k) {
		if !inGroup[b.Help().Key+" "+b.Help().Desc] {
			t.Errorf("%s is in no help group", name)
		}
	}
}

// Default must hand out independent copies.
func TestDefaultIsFresh(t *testing.T) {
	a, b := Default(), Default()
	a.Refresh.SetEnabled(false)
	if !b.Refresh.Enabled() {
		t.Fatal("disabling a binding in one KeyMap affected another")
	}
}

func TestGroupsCoverTheirBindings(t *testing.T) {
	k := Default()
	if len(k.Navigation()) != 8 || len(k.Tabs()) != 5 || len(k.App()) != 6 || len(k.Finding()) != 7 || len(k.Data()) != 4 {
		t.Fatalf("groups: nav %d tabs %d app %d finding %d data %d",
			len(k.Navigation()), len(k.Tabs()), len(k.App()), len(k.Finding()), len(k.Data()))
	}
}

// DisableWrites turns off exactly the bindings that change the tree.
func TestDisableWrites(t *testing.T) {
	k := Default()
	k.DisableWrites()
	for _, b := range k.Writes() {
		if b.Enabled() {
			t.Errorf("%s still enabled in read-only mode", b.Help().Desc)
		}
	}
	if len(k.Writes()) != 9 || !k.OpLog.Enabled() || !k.Refresh.Enabled() || !k.CopyPath.Enabled() {
		t.Fatal("DisableWrites disabled a binding that does not write")
	}
}
