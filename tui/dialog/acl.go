package dialog

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/zk"
)

// aclEditor edits an ACL as text, one scheme:id:perms entry per line: add
// a line to add an entry, delete one to remove it, change the letters
// (rwcda) to toggle permissions.
type aclEditor struct {
	path     string
	before   []zk.ACL
	aversion int32
	ids      []zk.ClientInfo // who this session is, for the lost-admin warning
	area     textarea.Model
	warned   string // the text already warned about: a second submit applies it
}

// OpenACL shows the ACL editor on path's ACL, read at aversion; ids are
// the session's identities (WhoAmI), nil when unknown.
func (m *Model) OpenACL(path string, acl []zk.ACL, aversion int32, ids []zk.ClientInfo) tea.Cmd {
	lines := make([]string, len(acl))
	for i, a := range acl {
		lines[i] = aclLine(a)
	}
	ta := newArea(m.com)
	ta.ShowLineNumbers = false
	ta.SetValue(strings.Join(lines, "\n"))
	e := &aclEditor{path: path, before: acl, aversion: aversion, ids: ids, area: ta}
	return m.open(ACL, fmt.Sprintf("ACL of %s (aversion %d)", path, aversion), e)
}

// aclLine writes an entry with its permissions as letters, the form the
// editor parses back.
func aclLine(a zk.ACL) string {
	var b strings.Builder
	for _, p := range []struct {
		bit zk.Perm
		c   byte
	}{{zk.PermRead, 'r'}, {zk.PermWrite, 'w'}, {zk.PermCreate, 'c'}, {zk.PermDelete, 'd'}, {zk.PermAdmin, 'a'}} {
		if a.Perms&p.bit != 0 {
			b.WriteByte(p.c)
		}
	}
	return a.Scheme + ":" + a.ID + ":" + b.String()
}

func (e *aclEditor) focus() tea.Cmd { return e.area.Focus() }

func (e *aclEditor) resize(w, h int) {
	e.area.SetWidth(max(w-1, 8))
	e.area.SetHeight(max(h-3, 1))
}

func (e *aclEditor) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.com.Keys.Dialog.Submit) {
		acl, err := edit.ParseACLList(e.area.Value())
		if err != nil {
			m.SetError(err)
			return nil
		}
		if e.ids != nil && edit.LosesAdmin(e.before, acl, e.ids) && e.warned != e.area.Value() {
			e.warned = e.area.Value()
			m.SetError(fmt.Errorf("this ACL takes ADMIN away from you: you could not change it back — ctrl+s again to apply anyway"))
			return nil
		}
		m.err, m.busy = "", true
		return emit(ACLMsg{Path: e.path, ACL: acl, Aversion: e.aversion})
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	if e.area.Value() != e.warned {
		m.err = ""
	}
	return cmd
}

func (e *aclEditor) lines(m *Model, w, h int) []string {
	e.resize(w, h)
	out := splitLines(e.area.View(), max(h-2, 1))
	return append(out, "", m.com.Styles.Detail.Dim.Render("scheme:id:perms per line, perms from rwcda; e.g. world:anyone:r, ip:10.0.0.0/8:rwcda"))
}

func (e *aclEditor) keys(m *Model) []key.Binding {
	k := m.com.Keys.Dialog
	return []key.Binding{k.Submit, k.Cancel}
}

// other gives pastes to the text area.
func (e *aclEditor) other(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	return cmd
}
