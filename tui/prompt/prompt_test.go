package prompt

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
)

func TestPromptEditsAndRenders(t *testing.T) {
	m := New(common.New(nil))
	m.SetSize(60, 1)
	if m.IsOpen() {
		t.Fatal("a new prompt is open")
	}
	m.Open(Filter, "ab")
	var changed bool
	m, _, changed = m.Update(tea.KeyPressMsg{Code: 'c', Text: "c"})
	if !changed || m.Value() != "abc" {
		t.Fatalf("typed: %q changed=%v", m.Value(), changed)
	}
	m, _, changed = m.Update(tea.KeyPressMsg{Code: tea.KeyLeft})
	if changed {
		t.Fatal("moving the cursor reported a change")
	}
	m.SetHint("3 matches")
	v := m.View()
	if w := ansi.StringWidth(v); w != 60 {
		t.Fatalf("view is %d wide", w)
	}
	if s := ansi.Strip(v); !strings.HasPrefix(s, "filter: abc") || !strings.Contains(s, "3 matches") {
		t.Fatalf("view %q", s)
	}
	m.Close()
	if m.IsOpen() || m.Value() != "" {
		t.Fatal("close kept the prompt")
	}
	// Tab belongs to the root model (path completion), not the input.
	m.Open(Jump, "/a")
	m, _, changed = m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
	if changed {
		t.Fatal("tab changed the text")
	}
	if len(m.ShortHelp()) != 3 {
		t.Fatal("the jump prompt should offer complete, accept and cancel")
	}
}

func TestCandidates(t *testing.T) {
	if got := Candidates([]string{"alpha", "beta", "gamma"}, 40); got != "alpha beta gamma" {
		t.Fatalf("%q", got)
	}
	if got := Candidates([]string{"alpha", "beta", "gamma", "delta"}, 12); got != "alpha beta … +2" {
		t.Fatalf("%q", got)
	}
}
