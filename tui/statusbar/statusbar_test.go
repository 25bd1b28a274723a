package statusbar

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
)

func TestViewFitsAndKeepsText(t *testing.T) {
	m := New(common.New(nil))
	m.SetSize(20, 1)
	m.Set(Error, "list /a: not authenticated for this node")
	v := m.View()
	if w := ansi.StringWidth(v); w != 20 {
		t.Fatalf("width %d, want 20", w)
	}
	if !strings.HasPrefix(ansi.Strip(v), "list /a: not") {
		t.Fatalf("view %q", ansi.Strip(v))
	}
	if k, text := m.Text(); k != Error || !strings.HasPrefix(text, "list /a") {
		t.Fatalf("Text() = %v %q", k, text)
	}
}
