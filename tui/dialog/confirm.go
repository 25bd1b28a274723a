package dialog

import (
	"fmt"
	"path"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/edit"
)

// TypeNameAbove is the subtree size above which the user types the node's
// name to confirm a recursive delete: a keypress is too cheap for that.
const TypeNameAbove = 100

// confirmView asks before a destructive or large operation.
type confirmView struct {
	text   []string // what will happen, one line each
	result tea.Msg  // sent on confirmation
	name   string   // when set, typing it is the confirmation
	input  textinput.Model
}

// OpenDelete asks to delete the single node path at version.
func (m *Model) OpenDelete(path string, version int32) tea.Cmd {
	return m.open(Confirm, "delete", &confirmView{
		text:   []string{"Delete " + path + " (version " + fmt.Sprint(version) + ")?", "", "Only this node: it must have no children."},
		result: DeleteMsg{Path: path, Version: version},
	})
}

// OpenDeleteTree asks to delete the scanned subtree t, with its counts;
// above TypeNameAbove nodes the user types the node's name.
func (m *Model) OpenDeleteTree(t *edit.Subtree) tea.Cmd {
	text := []string{
		"Delete " + t.Root + " and everything under it?",
		"",
		fmt.Sprintf("%d node(s), %s of data, %d ephemeral(s).", len(t.Nodes), bytesText(t.Bytes), len(t.Ephemerals)),
		"Every node is deleted only if unchanged since this count.",
	}
	text = append(text, listed("ephemerals", t.Ephemerals, 5)...)
	v := &confirmView{text: text, result: DeleteMsg{Path: t.Root, Tree: t}}
	if len(t.Nodes) > TypeNameAbove {
		v.name = path.Base(t.Root)
		v.input = newInput(m.com)
		v.input.Placeholder = v.name
		v.text = append(v.text, "", fmt.Sprintf("Type %q to confirm:", v.name))
	}
	return m.open(Confirm, "delete subtree", v)
}

// OpenTransfer shows the preview of a copy or move of t to dst.
func (m *Model) OpenTransfer(t *edit.Subtree, dst string, move bool) tea.Cmd {
	verb := "Copy"
	if move {
		verb = "Move"
	}
	text := []string{
		fmt.Sprintf("%s %s to %s?", verb, t.Root, dst),
		"",
		fmt.Sprintf("%d node(s), %s of data, with their ACLs.", len(t.Nodes)-len(t.Ephemerals), bytesText(t.Bytes)),
	}
	if len(t.Ephemerals) > 0 {
		text = append(text, fmt.Sprintf("%d ephemeral node(s) belong to their sessions and are skipped:", len(t.Ephemerals)))
		text = append(text, listed("", t.Ephemerals, 5)...)
	}
	if move && len(t.Ephemerals) > 0 {
		text = append(text, "", "A subtree with ephemeral nodes cannot be moved (the source could not be deleted): copy it instead.")
	} else if move {
		text = append(text, "The source is deleted after the copy, only if unchanged since this preview.")
	}
	return m.open(Confirm, strings.ToLower(verb)+" subtree", &confirmView{text: text, result: TransferMsg{Tree: t, Dst: dst, Move: move}})
}

func (v *confirmView) focus() tea.Cmd {
	if v.name != "" {
		return v.input.Focus()
	}
	return nil
}

func (v *confirmView) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	if key.Matches(msg, k.Dialog.Submit) || key.Matches(msg, k.Prompt.Accept) {
		if v.name != "" && strings.TrimSpace(v.input.Value()) != v.name {
			m.SetError(fmt.Errorf("type %q exactly to confirm", v.name))
			return nil
		}
		m.err, m.busy = "", true
		return emit(v.result)
	}
	if v.name == "" {
		return nil
	}
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(msg)
	m.err = ""
	return cmd
}

func (v *confirmView) lines(m *Model, w, _ int) []string {
	out := append([]string(nil), v.text...)
	if v.name != "" {
		v.input.SetWidth(max(w-4, 4))
		out = append(out, "› "+v.input.View())
	}
	return out
}

func (v *confirmView) keys(m *Model) []key.Binding {
	accept := key.NewBinding(key.WithKeys(m.com.Keys.Prompt.Accept.Keys()...), key.WithHelp(m.com.Keys.Prompt.Accept.Help().Key, "confirm"))
	return []key.Binding{accept, m.com.Keys.Dialog.Cancel}
}

// listed shows up to n paths, then how many more.
func listed(title string, paths []string, n int) []string {
	var out []string
	if title != "" && len(paths) > 0 {
		out = append(out, title+":")
	}
	for i, p := range paths {
		if i == n {
			out = append(out, fmt.Sprintf("  … and %d more", len(paths)-n))
			break
		}
		out = append(out, "  "+p)
	}
	return out
}

func bytesText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// other gives pastes to the name input, when there is one.
func (v *confirmView) other(msg tea.Msg) tea.Cmd {
	if v.name == "" {
		return nil
	}
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(msg)
	return cmd
}
