package keymap

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
)

func bindings(k KeyMap) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		out[v.Type().Field(i).Name] = v.Field(i).Interface().(key.Binding)
	}
	return out
}

// Every binding needs keys and help text, or help would show holes.
func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	for name, b := range bindings(Default()) {
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
	seen := map[string]string{}
	for name, b := range bindings(Default()) {
		for _, k := range b.Keys() {
			if other, ok := seen[k]; ok {
				t.Errorf("key %q bound to both %s and %s", k, other, name)
			}
			seen[k] = name
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
	if len(k.Navigation()) != 8 || len(k.Tabs()) != 5 || len(k.App()) != 3 {
		t.Fatalf("groups: nav %d tabs %d app %d", len(k.Navigation()), len(k.Tabs()), len(k.App()))
	}
}
