package dialog

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/zk"
)

// aclEditor edits an ACL as a list: the cursor picks an entry, letters
// toggle its permissions, + adds an entry typed as scheme:id:perms, -
// removes one. Nothing is sent until ctrl+s, and then with the ACL
// version that was read.
type aclEditor struct {
	path     string
	before   []zk.ACL
	entries  []zk.ACL
	aversion int32
	ids      []zk.ClientInfo // who this session is, for the lost-admin warning
	cur      int
	adding   bool // the input for a new entry is open
	input    textinput.Model
	warned   bool // the lost-admin warning was shown for the current list
}

// OpenACL shows the ACL editor on path's ACL, read at aversion; ids are
// the session's identities (WhoAmI), nil when unknown.
func (m *Model) OpenACL(path string, acl []zk.ACL, aversion int32, ids []zk.ClientInfo) tea.Cmd {
	in := newInput(m.com)
	in.Placeholder = "scheme:id:perms, e.g. ip:10.0.0.0/8:rwcda or digest:bob:<hash>:r"
	e := &aclEditor{path: path, before: acl, entries: slices.Clone(acl), aversion: aversion, ids: ids, input: in}
	return m.open(ACL, fmt.Sprintf("ACL of %s (aversion %d)", path, aversion), e)
}

// permKeys maps the toggle bindings to their permission bits.
func (e *aclEditor) permKeys(m *Model) []struct {
	b   key.Binding
	bit zk.Perm
} {
	k := m.com.Keys.Dialog
	return []struct {
		b   key.Binding
		bit zk.Perm
	}{{k.PermRead, zk.PermRead}, {k.PermWrite, zk.PermWrite}, {k.PermCreate, zk.PermCreate}, {k.PermDelete, zk.PermDelete}, {k.PermAdmin, zk.PermAdmin}}
}

func (e *aclEditor) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	if e.adding {
		return e.updateAdding(m, msg)
	}
	m.err = ""
	switch {
	case key.Matches(msg, k.Dialog.Submit):
		return e.submit(m)
	case key.Matches(msg, k.Dialog.EntryUp):
		e.cur = max(e.cur-1, 0)
	case key.Matches(msg, k.Dialog.EntryDown):
		e.cur = min(e.cur+1, max(len(e.entries)-1, 0))
	case key.Matches(msg, k.Dialog.AddEntry):
		e.adding = true
		e.input.Reset()
		return e.input.Focus()
	case key.Matches(msg, k.Dialog.DropEntry) && len(e.entries) > 0:
		e.entries = slices.Delete(e.entries, e.cur, e.cur+1)
		e.cur = min(e.cur, max(len(e.entries)-1, 0))
		e.warned = false
	default:
		for _, p := range e.permKeys(m) {
			if key.Matches(msg, p.b) && len(e.entries) > 0 {
				e.entries[e.cur].Perms ^= p.bit
				e.warned = false
			}
		}
	}
	return nil
}

// updateAdding edits the new entry; enter parses it, esc closes the input
// (not the dialog).
func (e *aclEditor) updateAdding(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.Prompt.Accept):
		acl, err := edit.ParseACLList(e.input.Value())
		if err != nil {
			m.SetError(err)
			return nil
		}
		e.entries = append(e.entries, acl...)
		e.cur = len(e.entries) - 1
		e.adding, e.warned, m.err = false, false, ""
		e.input.Blur()
		return nil
	case key.Matches(msg, k.Dialog.Submit):
		m.SetError(fmt.Errorf("press enter to add the entry first, or esc to drop it"))
		return nil
	case key.Matches(msg, k.Dialog.Cancel):
		e.adding, m.err = false, ""
		e.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	m.err = ""
	return cmd
}

func (e *aclEditor) submit(m *Model) tea.Cmd {
	for _, a := range e.entries {
		if a.Perms == 0 {
			m.SetError(fmt.Errorf("%s:%s has no permission left: remove it with - or give it one", a.Scheme, a.ID))
			return nil
		}
	}
	if len(e.entries) == 0 {
		m.SetError(fmt.Errorf("an ACL needs at least one entry"))
		return nil
	}
	if e.ids != nil && edit.LosesAdmin(e.before, e.entries, e.ids) && !e.warned {
		e.warned = true
		m.SetError(fmt.Errorf("this ACL takes ADMIN away from you: you could not change it back — ctrl+s again to apply anyway"))
		return nil
	}
	m.err, m.busy = "", true
	return emit(ACLMsg{Path: e.path, ACL: slices.Clone(e.entries), Aversion: e.aversion})
}

func (e *aclEditor) lines(m *Model, w, h int) []string {
	st := m.com.Styles
	out := []string{st.Detail.Label.Render(fmt.Sprintf("  %-40s %s", "scheme:id", "r w c d a"))}
	for i, a := range e.entries {
		mark := "  "
		if i == e.cur && !e.adding {
			mark = "› "
		}
		id := a.Scheme + ":" + a.ID
		if len(id) > 40 {
			id = id[:39] + "…"
		}
		var perms strings.Builder
		for _, bit := range []zk.Perm{zk.PermRead, zk.PermWrite, zk.PermCreate, zk.PermDelete, zk.PermAdmin} {
			if a.Perms&bit != 0 {
				perms.WriteString(st.Detail.Value.Render("■ "))
			} else {
				perms.WriteString(st.Detail.Dim.Render("□ "))
			}
		}
		out = append(out, fmt.Sprintf("%s%-40s %s", mark, id, perms.String()))
	}
	if len(e.entries) == 0 {
		out = append(out, st.Detail.Note.Render("  (no entries: add one with +)"))
	}
	if e.adding {
		e.input.SetWidth(max(w-8, 8))
		out = append(out, "", "new › "+e.input.View())
	}
	if changed := e.changes(); changed != "" {
		out = append(out, "", st.Detail.Dim.Render(changed))
	}
	return splitLines(joinLines(out), h)
}

// changes says how the list differs from the ACL read.
func (e *aclEditor) changes() string {
	if slices.Equal(e.before, e.entries) {
		return ""
	}
	return fmt.Sprintf("changed: %d entr(ies) before, %d now; ctrl+s applies if nobody changed the ACL meanwhile", len(e.before), len(e.entries))
}

func (e *aclEditor) keys(m *Model) []key.Binding {
	k := m.com.Keys
	if e.adding {
		return []key.Binding{k.Prompt.Accept, k.Dialog.Cancel}
	}
	d := k.Dialog
	return []key.Binding{d.PermRead, d.AddEntry, d.DropEntry, d.Submit, d.Cancel}
}

func (e *aclEditor) capturesCancel() bool { return e.adding }

// other gives pastes to the new entry's input.
func (e *aclEditor) other(msg tea.Msg) tea.Cmd {
	if !e.adding {
		return nil
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return cmd
}
