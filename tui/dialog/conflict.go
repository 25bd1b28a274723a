package dialog

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/edit"
)

// conflictView shows a write refused because the node changed meanwhile:
// what the edit started from, what the server has now, and what the user
// wrote, as two diffs, and lets the user choose.
type conflictView struct {
	c *edit.Conflict
}

// OpenConflict shows the conflict screen for c.
func (m *Model) OpenConflict(c *edit.Conflict) tea.Cmd {
	cmd := m.open(Conflict, "conflict on "+c.Path, &conflictView{c: c})
	m.err = "changed by someone else since you read it: nothing was written"
	if c.Gone {
		m.err = "deleted by someone else since you read it: nothing was written"
	}
	return cmd
}

func (v *conflictView) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys.Dialog
	c := v.c
	switch {
	case key.Matches(msg, k.Overwrite) && !c.Gone:
		// Still version-checked: against the version shown here, so a
		// third writer meanwhile is another conflict, not a loss.
		m.err, m.busy = "", true
		return emit(SaveMsg{Path: c.Path, Base: c.Current, Data: c.Mine, Version: c.Stat.Version})
	case key.Matches(msg, k.EditAgain) && !c.Gone:
		return m.OpenEdit(c.Path, c.Current, c.Stat.Version, string(c.Mine))
	case key.Matches(msg, k.Discard):
		m.Close()
		return emit(CancelMsg{Discarded: true})
	}
	return nil
}

func (v *conflictView) lines(m *Model, w, h int) []string {
	st := m.com.Styles
	c := v.c
	out := []string{
		st.Detail.Label.Render("started from ") + st.Detail.Value.Render(fmt.Sprintf("%d bytes", len(c.Base))) +
			st.Detail.Label.Render("   now on the server ") + st.Detail.Value.Render(v.now()) +
			st.Detail.Label.Render("   yours ") + st.Detail.Value.Render(fmt.Sprintf("%d bytes", len(c.Mine))),
		"",
	}
	half := max((h-4)/2, 1)
	section := func(title, a, b string, room int) {
		out = append(out, st.Detail.Label.Render(title))
		lines := diff(a, b)
		shown := 0
		for _, d := range lines {
			if shown == room {
				out = append(out, st.Detail.Dim.Render(fmt.Sprintf("  … %d more line(s)", len(lines)-shown)))
				break
			}
			switch d.op {
			case '+':
				out = append(out, st.Syntax.String.Render("+ "+clean(d.text)))
			case '-':
				out = append(out, st.Detail.Error.Render("- "+clean(d.text)))
			default:
				out = append(out, st.Detail.Dim.Render("  "+clean(d.text)))
			}
			shown++
		}
	}
	if c.Gone {
		section("yours (the node no longer exists):", "", string(c.Mine), h-4)
		return splitLines(joinLines(out), h)
	}
	section("their change (started from → now on the server):", string(c.Base), string(c.Current), half-1)
	section("overwrite would change (now on the server → yours):", string(c.Current), string(c.Mine), half-1)
	return splitLines(joinLines(out), h)
}

func (v *conflictView) now() string {
	if v.c.Gone {
		return "deleted"
	}
	return fmt.Sprintf("%d bytes, version %d", len(v.c.Current), v.c.Stat.Version)
}

func (v *conflictView) keys(m *Model) []key.Binding {
	k := m.com.Keys.Dialog
	if v.c.Gone {
		return []key.Binding{k.Discard, k.Cancel}
	}
	return []key.Binding{k.Overwrite, k.EditAgain, k.Discard}
}
