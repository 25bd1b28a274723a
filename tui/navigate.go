package tui

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/prompt"
	"github.com/zkui/zkui/tui/statusbar"
	"github.com/zkui/zkui/zk"
)

// pathMsg answers loadPath: target is loaded in the mirror and its
// ancestors are expanded, so the tree can show it.
type pathMsg struct {
	id     uint64
	target string
	found  string // the deepest ancestor-or-self of target that exists
	err    error
}

// completeMsg answers complete: the children of the typed parent.
type completeMsg struct {
	id    uint64
	input string
	names []string
	err   error
}

// cleanPath turns what the user typed into an absolute, clean path.
func cleanPath(s string) string {
	return path.Clean("/" + strings.TrimSpace(s))
}

// loadPath has the mirror list every ancestor of target (waiting until
// they are mirrored), then expands them so target gets a row.
func loadPath(ctx context.Context, mir *model.Tree, id uint64, target string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
		msg := pathMsg{id: id, target: target, found: target}
		if err := mir.Load(ctx, target); err != nil {
			msg.err = err
			// Land on the deepest ancestor the mirror has.
			msg.found = mir.Root()
			for _, p := range mir.Ancestors(target) {
				if _, ok := mir.Node(p); ok {
					msg.found = p
				}
			}
			if errors.Is(err, zk.ErrNoNode) {
				msg.err = fmt.Errorf("%s: %w", target, zk.ErrNoNode)
			}
		}
		for _, p := range mir.Ancestors(msg.found) {
			mir.Expand(p)
		}
		return msg
	}
}

// complete lists the children of the parent of what is typed, from the
// mirror (loading them first if they are not mirrored yet).
func complete(ctx context.Context, mir *model.Tree, id uint64, input string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
		parent, _ := splitInput(input)
		names, known := mir.Children(parent)
		if !known {
			if err := mir.Load(ctx, parent); err != nil {
				return completeMsg{id: id, input: input, err: err}
			}
			names, _ = mir.Children(parent)
		}
		return completeMsg{id: id, input: input, names: names}
	}
}

// splitInput splits a partly typed path into the parent to list and the
// prefix of the child being typed: "/app/co" is "/app" and "co", "/app/"
// is "/app" and "".
func splitInput(input string) (parent, prefix string) {
	if !strings.HasPrefix(input, "/") {
		input = "/" + input
	}
	i := strings.LastIndex(input, "/")
	parent, prefix = path.Clean(input[:i+1]), input[i+1:]
	return parent, prefix
}

// goTo shows target in the tree: at once when the tree has it, else after
// loading its ancestors.
func (a *App) goTo(target string) tea.Cmd {
	if cmd, ok := a.tree.Reveal(target); ok {
		return cmd
	}
	a.lastID++
	a.pathID = a.lastID
	a.status.Set(statusbar.Info, "going to "+target+"…")
	return loadPath(a.ctx, a.mir, a.lastID, target)
}

func (a *App) handlePath(msg pathMsg) tea.Cmd {
	if msg.id != a.pathID {
		return nil
	}
	a.tree.Sync()
	cmd := a.tree.Select(msg.found)
	if msg.err != nil {
		a.status.Set(statusbar.Error, "jump: "+msg.err.Error())
		a.keepStatus = cmd != nil // survive the selection it causes
	} else if _, text := a.status.Text(); strings.HasPrefix(text, "going to ") {
		a.status.Set(statusbar.Info, "")
	}
	return cmd
}

// openPrompt opens the jump or filter prompt.
func (a *App) openPrompt(kind prompt.Kind) tea.Cmd {
	value := ""
	switch kind {
	case prompt.Jump:
		value = a.tree.Selected()
	case prompt.Filter:
		_, value = a.tree.Filter()
	}
	cmd := a.prompt.Open(kind, value)
	a.prompt.SetSize(a.width, 1)
	if kind == prompt.Filter {
		a.filterHint()
	}
	return cmd
}

// handlePromptKey edits the prompt and acts on accept, cancel and tab.
func (a *App) handlePromptKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.com.Keys.Prompt
	kind := a.prompt.Kind()
	if kind == prompt.Search {
		switch {
		case key.Matches(msg, k.Cancel):
			a.prompt.Close()
			a.closeSearch()
			return nil
		case key.Matches(msg, k.Accept):
			a.prompt.Close()
			return a.acceptSearch()
		}
		return a.handleSearchKey(msg)
	}
	switch {
	case key.Matches(msg, k.Cancel):
		a.prompt.Close()
		a.completing, a.acceptAfter = false, false
		if kind == prompt.Filter {
			a.tree.ClearFilter()
		}
		return nil
	case key.Matches(msg, k.Accept) && a.completing:
		// Keys typed ahead (tab, enter) must not outrun the completion.
		a.acceptAfter = true
		return nil
	case key.Matches(msg, k.Accept):
		return a.acceptPrompt()
	case kind == prompt.Jump && key.Matches(msg, k.Complete):
		a.lastID++
		a.completeID, a.completing = a.lastID, true
		return complete(a.ctx, a.mir, a.lastID, a.prompt.Value())
	}
	var cmd tea.Cmd
	var changed bool
	a.prompt, cmd, changed = a.prompt.Update(msg)
	if changed && kind == prompt.Filter {
		cmd = tea.Batch(cmd, a.tree.SetFilter(a.prompt.Value()))
		a.filterHint()
	}
	return cmd
}

// acceptPrompt closes the prompt and acts on its value.
func (a *App) acceptPrompt() tea.Cmd {
	kind, value := a.prompt.Kind(), a.prompt.Value()
	a.prompt.Close()
	a.completing, a.acceptAfter = false, false
	if kind == prompt.Jump {
		return a.goTo(cleanPath(value))
	}
	a.filterStatus()
	return nil
}

func (a *App) filterHint() {
	a.prompt.SetHint(fmt.Sprintf("%d matches · enter keeps · esc clears", len(a.tree.Matches())))
}

func (a *App) filterStatus() {
	level, q := a.tree.Filter()
	if q == "" {
		a.tree.ClearFilter()
		return
	}
	a.status.Set(statusbar.Info, fmt.Sprintf("filter %q in %s: %d matches · n/N step · esc clears", q, level, len(a.tree.Matches())))
}

// handleComplete applies completion candidates to the jump prompt: one
// completes the name, several complete their common prefix and are listed.
func (a *App) handleComplete(msg completeMsg) tea.Cmd {
	if msg.id != a.completeID {
		return nil // a newer completion is on its way
	}
	a.completing = false
	if a.prompt.Kind() != prompt.Jump || a.prompt.Value() != msg.input {
		a.acceptAfter = false
		return nil // typed on meanwhile: the answer no longer fits
	}
	a.applyCompletion(msg)
	if a.acceptAfter {
		return a.acceptPrompt()
	}
	return nil
}

func (a *App) applyCompletion(msg completeMsg) {
	if msg.err != nil {
		a.prompt.SetHint(msg.err.Error())
		return
	}
	parent, prefix := splitInput(msg.input)
	var matches []string
	for _, n := range msg.names {
		if strings.HasPrefix(n, prefix) {
			matches = append(matches, n)
		}
	}
	slices.Sort(matches)
	switch len(matches) {
	case 0:
		a.prompt.SetHint("no match in " + parent)
	case 1:
		full := path.Join(parent, matches[0])
		if matches[0] == prefix {
			full += "/" // already complete: the next tab lists its children
		}
		a.prompt.SetValue(full)
		a.prompt.SetHint("")
	default:
		if lcp := commonPrefix(matches); lcp != "" {
			a.prompt.SetValue(path.Join(parent, lcp))
		} else {
			a.prompt.SetValue(strings.TrimSuffix(parent, "/") + "/")
		}
		a.prompt.SetHint(prompt.Candidates(matches, max(a.width/2, 20)))
	}
}

func commonPrefix(names []string) string {
	p := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(n, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}
