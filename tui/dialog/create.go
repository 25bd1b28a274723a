package dialog

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/zk"
)

// modes are the create modes the dialog offers, in cycling order.
var modes = []struct {
	name string
	mode zk.CreateMode
}{
	{"persistent", zk.ModePersistent},
	{"ephemeral", zk.ModeEphemeral},
	{"sequential", zk.ModePersistentSequential},
	{"ephemeral-sequential", zk.ModeEphemeralSequential},
	{"container", zk.ModeContainer},
	{"ttl", zk.ModePersistentTTL},
	{"ttl-sequential", zk.ModePersistentSequentialTTL},
}

var aclChoices = []edit.ACLChoice{edit.ACLWorld, edit.ACLCreator, edit.ACLDigest, edit.ACLIP, edit.ACLCustom}

// Create form fields, in tab order.
const (
	fName = iota
	fData
	fMode
	fTTL
	fACL
	fACLArg
	nFields
)

type createForm struct {
	parent  string
	inputs  [nFields]textinput.Model // mode and ACL kind use none: they cycle
	field   int
	mode    int
	acl     int
	parents []string // missing parents offered; a second submit creates them
	// external is data written in $EDITOR: kept as is (the one-line input
	// would fold its new lines) until the user types in the data field.
	external *string
}

// OpenCreate shows the create dialog for a child of parent.
func (m *Model) OpenCreate(parent string) tea.Cmd {
	f := &createForm{parent: parent}
	for i := range f.inputs {
		f.inputs[i] = newInput(m.com)
	}
	f.inputs[fName].Placeholder = "name, a/b, or /absolute/path"
	f.inputs[fData].Placeholder = "(empty)"
	f.inputs[fTTL].Placeholder = "e.g. 90s, 2h"
	f.inputs[fACLArg].Placeholder = "user:pass, 10.0.0.0/8, or scheme:id:perms,…"
	return m.open(Create, "create under "+parent, f)
}

func (f *createForm) focus() tea.Cmd {
	for i := range f.inputs {
		f.inputs[i].Blur()
	}
	if f.field == fMode || f.field == fACL {
		return nil
	}
	return f.inputs[f.field].Focus()
}

func (f *createForm) resize(w, _ int) {
	for i := range f.inputs {
		f.inputs[i].SetWidth(max(w-16, 4))
	}
}

// OfferParents shows the missing parents of the node being created; the
// next submit creates them together with the node.
func (m *Model) OfferParents(missing []string) {
	f, ok := m.b.(*createForm)
	if !ok {
		return
	}
	m.busy = false
	f.parents = missing
	m.note = "missing parents: " + strings.Join(missing, ", ") + " — ctrl+s creates them too"
}

func (f *createForm) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys.Dialog
	switch {
	case key.Matches(msg, k.Submit) || key.Matches(msg, m.com.Keys.Prompt.Accept):
		return f.submit(m)
	case key.Matches(msg, k.External):
		text := f.inputs[fData].Value()
		if f.external != nil {
			text = *f.external
		}
		return emit(ExternalMsg{Text: text})
	case key.Matches(msg, k.NextField):
		f.field = (f.field + 1) % nFields
		return f.focus()
	case key.Matches(msg, k.PrevField):
		f.field = (f.field + nFields - 1) % nFields
		return f.focus()
	case f.field == fMode && key.Matches(msg, k.Cycle):
		f.mode = (f.mode + 1) % len(modes)
		return nil
	case f.field == fACL && key.Matches(msg, k.Cycle):
		f.acl = (f.acl + 1) % len(aclChoices)
		return nil
	case f.field == fMode || f.field == fACL:
		return nil
	}
	before, beforeData := f.inputs[fName].Value(), f.inputs[fData].Value()
	var cmd tea.Cmd
	f.inputs[f.field], cmd = f.inputs[f.field].Update(msg)
	if f.inputs[fData].Value() != beforeData {
		f.external = nil // typed over: the input holds the data again
	}
	if f.inputs[fName].Value() != before {
		f.parents, m.note = nil, "" // another path: the offer no longer holds
	}
	m.err = ""
	return cmd
}

// spec checks every field and builds the request; nothing is sent on error.
func (f *createForm) spec() (edit.CreateSpec, error) {
	p, err := edit.ChildPath(f.parent, f.inputs[fName].Value())
	if err != nil {
		return edit.CreateSpec{}, err
	}
	s := edit.CreateSpec{Path: p, Data: []byte(f.inputs[fData].Value()), Mode: modes[f.mode].mode, Parents: f.parents}
	if f.external != nil {
		s.Data = []byte(*f.external)
	}
	if err := edit.CheckSize(s.Data); err != nil {
		return s, err
	}
	if s.Mode.TTL() {
		if s.TTL, err = edit.ParseTTL(f.inputs[fTTL].Value()); err != nil {
			return s, err
		}
	} else if strings.TrimSpace(f.inputs[fTTL].Value()) != "" {
		return s, fmt.Errorf("a TTL applies only to the ttl modes (mode is %s)", modes[f.mode].name)
	}
	s.ACL, err = edit.BuildACL(aclChoices[f.acl], f.inputs[fACLArg].Value())
	return s, err
}

// SetData puts text written in the external editor into the create
// dialog's data field.
func (m *Model) SetData(text string) {
	if f, ok := m.b.(*createForm); ok {
		f.external = &text
		m.err = ""
	}
}

func (f *createForm) submit(m *Model) tea.Cmd {
	s, err := f.spec()
	if err != nil {
		m.SetError(err)
		return nil
	}
	m.err, m.busy = "", true
	return emit(CreateMsg{Spec: s, AllowParents: f.parents != nil})
}

func (f *createForm) lines(m *Model, w, _ int) []string {
	st := m.com.Styles.Detail
	row := func(i int, label, value string) string {
		mark := "  "
		if f.field == i {
			mark = "› "
		}
		return mark + st.Label.Render(pad(label, 12)) + value
	}
	ttl := f.inputs[fTTL].View()
	if !modes[f.mode].mode.TTL() {
		ttl = st.Dim.Render("(ttl modes only)")
	}
	data := f.inputs[fData].View()
	if f.external != nil {
		data = st.Value.Render(fmt.Sprintf("%d bytes, %d line(s) from the editor", len(*f.external), strings.Count(*f.external, "\n")+1)) +
			st.Dim.Render("  (type to replace)")
	}
	return []string{
		row(fName, "name", f.inputs[fName].View()),
		row(fData, "data", data),
		row(fMode, "mode", st.Value.Render("‹ "+modes[f.mode].name+" ›")),
		row(fTTL, "ttl", ttl),
		row(fACL, "acl", st.Value.Render("‹ "+aclChoices[f.acl].String()+" ›")),
		row(fACLArg, "acl entry", f.inputs[fACLArg].View()),
		"",
		st.Dim.Render("→ " + f.preview()),
	}
}

// preview says where the node will go, as far as the name parses.
func (f *createForm) preview() string {
	p, err := edit.ChildPath(f.parent, f.inputs[fName].Value())
	if err != nil {
		return "type a name"
	}
	if modes[f.mode].mode.Sequential() {
		p += "<counter>"
	}
	return p
}

func (f *createForm) keys(m *Model) []key.Binding {
	k := m.com.Keys.Dialog
	out := []key.Binding{k.Submit, k.NextField, k.External}
	if f.field == fMode || f.field == fACL {
		out = append(out, k.Cycle)
	}
	return append(out, k.Cancel)
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

// other gives pastes to the focused input.
func (f *createForm) other(msg tea.Msg) tea.Cmd {
	if f.field == fMode || f.field == fACL {
		return nil
	}
	var cmd tea.Cmd
	f.inputs[f.field], cmd = f.inputs[f.field].Update(msg)
	return cmd
}
