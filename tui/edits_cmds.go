package tui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/dialog"
	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/tui/statusbar"
	"github.com/zkui/zkui/zk"
)

// readPurpose says what a fresh read of the selected node is for: every
// edit starts from a read, so the version it checks is the version of the
// value the user saw.
type readPurpose int

const (
	readEdit readPurpose = iota
	readExternal
	readDelete
	readACL
)

// readMsg answers readFor.
type readMsg struct {
	purpose readPurpose
	path    string
	data    []byte
	stat    zk.Stat
	acl     []zk.ACL
	ids     []zk.ClientInfo
	err     error
}

// readFor reads path's data (or ACL) for an edit.
func (a *App) readFor(p readPurpose, path string) tea.Cmd {
	w := a.ed.w
	return a.write(func(ctx context.Context) tea.Msg {
		m := readMsg{purpose: p, path: path}
		if p == readACL {
			m.acl, m.stat, m.err = w.GetACL(ctx, path)
			if who, ok := w.(whoAmI); ok && m.err == nil {
				m.ids, _ = who.WhoAmI(ctx) // unknown identities: no warning
			}
			return m
		}
		m.data, m.stat, m.err = w.GetData(ctx, path)
		return m
	})
}

func (a *App) handleRead(m readMsg) tea.Cmd {
	if m.err != nil {
		a.status.Set(statusbar.Error, m.err.Error())
		return nil
	}
	switch m.purpose {
	case readEdit:
		return a.ed.dlg.OpenEdit(m.path, m.data, m.stat.Version, string(m.data))
	case readExternal:
		return a.openExternal(m.path, m.data, m.stat.Version)
	case readDelete:
		if m.path == "/" {
			a.status.Set(statusbar.Error, "the root cannot be deleted")
			return nil
		}
		return a.ed.dlg.OpenDelete(m.path, m.stat.Version)
	case readACL:
		return a.ed.dlg.OpenACL(m.path, m.acl, m.stat.Aversion, m.ids)
	}
	return nil
}

// scanMsg answers scanFor.
type scanMsg struct {
	id     uint64
	tree   *edit.Subtree
	dst    string
	move   bool
	delete bool
	err    error
}

// scanFor walks the subtree at root before a recursive delete (delete) or
// a copy/move to dst, so the confirmation can show what it covers.
func (a *App) scanFor(root, dst string, move, delete bool) tea.Cmd {
	if delete && root == "/" {
		a.status.Set(statusbar.Error, "the root cannot be deleted")
		return nil
	}
	w := a.ed.w
	return a.startTask("counting the subtree of "+root, 0, func(ctx context.Context, p edit.Progress) taskResult {
		seen := func(n int) { p(n, 0) }
		var t *edit.Subtree
		var err error
		if delete {
			t, err = edit.Scan(ctx, w, root, seen)
		} else {
			t, err = edit.ScanContent(ctx, w, root, seen)
		}
		return scanMsg{tree: t, dst: dst, move: move, delete: delete, err: err}
	})
}

func (a *App) handleScan(m scanMsg) tea.Cmd {
	if !a.endTask(m.id) {
		return nil
	}
	switch {
	case errors.Is(m.err, context.Canceled):
		a.ed.dlg.Close()
		a.status.Set(statusbar.Info, "cancelled: nothing was changed")
		return nil
	case m.err != nil:
		return a.ed.dlg.OpenMessage("reading the subtree", []string{m.err.Error() + ": nothing was changed"}, true)
	case m.delete:
		a.status.Set(statusbar.Info, "")
		return a.ed.dlg.OpenDeleteTree(m.tree)
	}
	return a.ed.dlg.OpenTransfer(m.tree, m.dst, m.move)
}

// createdMsg answers a create.
type createdMsg struct {
	path    string
	missing []string // parents to offer, nothing created
	err     error
}

func runCreate(ctx context.Context, w edit.Writer, m dialog.CreateMsg) tea.Msg {
	if !m.AllowParents {
		missing, err := edit.MissingParents(ctx, w, m.Spec.Path)
		if err != nil {
			return createdMsg{err: err}
		}
		if len(missing) > 0 {
			return createdMsg{missing: missing}
		}
	}
	p, err := edit.Create(ctx, w, m.Spec)
	return createdMsg{path: p, err: err}
}

func (a *App) handleCreated(m createdMsg) tea.Cmd {
	switch {
	case m.err != nil:
		a.ed.dlg.SetError(explain(m.err))
		return nil
	case len(m.missing) > 0:
		a.ed.dlg.OfferParents(m.missing)
		return nil
	}
	a.ed.dlg.Close()
	a.status.Set(statusbar.Success, "created "+m.path)
	return a.refresh(edit.Parent(m.path))
}

// savedMsg answers a data write.
type savedMsg struct {
	save dialog.SaveMsg
	stat zk.Stat
	undo bool
	err  error
}

func runSave(ctx context.Context, w edit.Writer, m dialog.SaveMsg, undo bool) tea.Msg {
	st, err := edit.SaveData(ctx, w, m.Path, m.Base, m.Data, m.Version)
	return savedMsg{save: m, stat: st, undo: undo, err: err}
}

func (a *App) handleSaved(m savedMsg) tea.Cmd {
	var cf *edit.Conflict
	switch {
	case errors.As(m.err, &cf):
		return a.ed.dlg.OpenConflict(cf)
	case m.err != nil && a.ed.dlg.IsOpen():
		a.ed.dlg.SetError(m.err)
		return nil
	case m.err != nil:
		a.status.Set(statusbar.Error, m.err.Error())
		return nil
	}
	a.ed.dlg.Close()
	s := m.save
	if m.undo {
		a.ed.last = nil
		a.status.Set(statusbar.Success, fmt.Sprintf("undone: %s is back to its previous value (version %d)", s.Path, m.stat.Version))
	} else {
		a.ed.last = &edit.Edit{Path: s.Path, Before: s.Base, After: s.Data, Version: m.stat.Version}
		a.status.Set(statusbar.Success, fmt.Sprintf("saved %s (version %d); u undoes", s.Path, m.stat.Version))
	}
	return a.refresh()
}

// undo restores the value before the last data edit, if the node is
// still as that edit left it.
func (a *App) undo() tea.Cmd {
	e := a.ed.last
	if e == nil {
		a.status.Set(statusbar.Info, "nothing to undo")
		return nil
	}
	w := a.ed.w
	save := dialog.SaveMsg{Path: e.Path, Base: e.After, Data: e.Before, Version: e.Version}
	return a.write(func(ctx context.Context) tea.Msg { return runSave(ctx, w, save, true) })
}

// writtenMsg answers a single delete or an ACL change.
type writtenMsg struct {
	what, path string
	err        error
}

func runSetACL(ctx context.Context, w edit.Writer, m dialog.ACLMsg) tea.Msg {
	_, err := edit.SetACL(ctx, w, m.Path, m.ACL, m.Aversion)
	return writtenMsg{what: "ACL set on", path: m.Path, err: err}
}

func (a *App) handleWritten(m writtenMsg) tea.Cmd {
	if m.err != nil {
		a.ed.dlg.SetError(explain(m.err))
		return nil
	}
	a.ed.dlg.Close()
	a.status.Set(statusbar.Success, m.what+" "+m.path)
	if m.what == "deleted" {
		return a.refreshGone(m.path)
	}
	return a.refresh(edit.Parent(m.path))
}

// explain adds what to do to the server's refusals a user meets here.
func explain(err error) error {
	switch {
	case errors.Is(err, zk.ErrBadVersion):
		return fmt.Errorf("%w — the node changed since it was read; close and try again", err)
	case errors.Is(err, zk.ErrNotEmpty):
		return fmt.Errorf("%w — D deletes a node with its children", err)
	case errors.Is(err, zk.ErrNoAuth):
		return fmt.Errorf("%w — the ACL does not allow this session (try --auth)", err)
	case errors.Is(err, zk.ErrUnimplemented):
		return fmt.Errorf("%w — TTL nodes need extendedTypesEnabled on the server", err)
	}
	return err
}
