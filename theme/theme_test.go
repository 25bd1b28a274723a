package theme

import (
	"image/color"
	"reflect"
	"testing"
)

// Every role must get a colour: a nil one would silently render as the
// terminal default and make two roles look alike.
func TestPalettesComplete(t *testing.T) {
	for name, p := range map[string]Palette{"dark": DarkPalette(), "light": LightPalette()} {
		v := reflect.ValueOf(p)
		for i := range v.NumField() {
			if c, _ := v.Field(i).Interface().(color.Color); c == nil {
				t.Errorf("%s palette: %s has no colour", name, v.Type().Field(i).Name)
			}
		}
	}
}

func TestNewPicksPalette(t *testing.T) {
	dark, light := New(true), New(false)
	if !dark.Dark || light.Dark {
		t.Fatalf("Dark flag: dark=%v light=%v", dark.Dark, light.Dark)
	}
	if reflect.DeepEqual(dark.Palette, light.Palette) {
		t.Fatal("dark and light themes share a palette")
	}
	if dark.Pane.Focused.GetBorderTopForeground() == dark.Pane.Blurred.GetBorderTopForeground() {
		t.Fatal("focused and blurred panes look the same")
	}
}

// Panes rely on the border taking one cell on each side when computing
// inner sizes.
func TestPaneFrameSize(t *testing.T) {
	th := New(true)
	for _, s := range []struct {
		name string
		w, h int
	}{
		{"blurred", th.Pane.Blurred.GetHorizontalFrameSize(), th.Pane.Blurred.GetVerticalFrameSize()},
		{"focused", th.Pane.Focused.GetHorizontalFrameSize(), th.Pane.Focused.GetVerticalFrameSize()},
	} {
		if s.w != 2 || s.h != 2 {
			t.Errorf("%s pane frame = %dx%d, want 2x2", s.name, s.w, s.h)
		}
	}
}

// Roles that must stand out from their neighbours: a lost session from a
// healthy one, an open ACL from an ordinary value, JSON keys from strings.
func TestRolesDiffer(t *testing.T) {
	for _, dark := range []bool{true, false} {
		th := New(dark)
		for _, pair := range [][2]string{
			{th.Header.Connected.Render("x"), th.Header.Disconnected.Render("x")},
			{th.Detail.Value.Render("x"), th.Detail.OpenACL.Render("x")},
			{th.Syntax.Key.Render("x"), th.Syntax.String.Render("x")},
			{th.Syntax.Number.Render("x"), th.Syntax.String.Render("x")},
			{th.Pane.FocusedEdge.Render("x"), th.Pane.BlurredEdge.Render("x")},
		} {
			if pair[0] == pair[1] {
				t.Errorf("dark=%v: two roles render alike: %q", dark, pair[0])
			}
		}
	}
}
