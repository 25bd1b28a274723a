package edit

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/zkui/zkui/zk"
)

// Conflict is a write refused with BadVersion: someone changed the node
// between the read and the write. It carries the three versions for the
// conflict screen: what the edit started from, what the server has now,
// and what the user wrote.
type Conflict struct {
	Path    string
	Base    []byte  // the value the edit started from
	Current []byte  // the value on the server now
	Stat    zk.Stat // the server's Stat now: its Version is what an overwrite checks
	Mine    []byte  // the user's value
	Gone    bool    // the node was deleted meanwhile
}

func (c *Conflict) Error() string {
	if c.Gone {
		return c.Path + " was deleted by someone else while you edited it"
	}
	return c.Path + " was changed by someone else while you edited it"
}

// SaveData writes mine over path if the node is still at version (the one
// the edit read, base being its value). On BadVersion it reads the current
// value and returns a *Conflict; nothing was written.
func SaveData(ctx context.Context, w Writer, path string, base, mine []byte, version int32) (zk.Stat, error) {
	if err := CheckSize(mine); err != nil {
		return zk.Stat{}, err
	}
	st, err := w.SetData(ctx, path, mine, version)
	if err == nil {
		return st, nil
	}
	if !errors.Is(err, zk.ErrBadVersion) && !errors.Is(err, zk.ErrNoNode) {
		return zk.Stat{}, err
	}
	c := &Conflict{Path: path, Base: base, Mine: mine}
	cur, cst, rerr := w.GetData(ctx, path)
	switch {
	case errors.Is(rerr, zk.ErrNoNode):
		c.Gone = true
	case rerr != nil:
		return zk.Stat{}, errors.Join(err, rerr)
	default:
		c.Current, c.Stat = cur, cst
	}
	return zk.Stat{}, c
}

// Edit remembers the last data edit for undo: the value before it and the
// version the edit produced.
type Edit struct {
	Path    string
	Before  []byte
	After   []byte
	Version int32 // the node's version right after the edit
}

// Undo restores e.Before if nobody changed the node since the edit; a
// later change comes back as a *Conflict (Base is the edited value).
func Undo(ctx context.Context, w Writer, e Edit) (zk.Stat, error) {
	return SaveData(ctx, w, e.Path, e.After, e.Before, e.Version)
}

// CreateSpec is what the create dialog collected.
type CreateSpec struct {
	Path    string
	Data    []byte
	Mode    zk.CreateMode
	TTL     time.Duration // TTL modes only
	ACL     []zk.ACL
	Parents []string // missing ancestors to create first, outermost first
}

// MissingParents lists the ancestors of p that do not exist, outermost
// first, so the dialog can offer to create them.
func MissingParents(ctx context.Context, w Writer, p string) ([]string, error) {
	var missing []string
	for dir := Parent(p); dir != "/"; dir = Parent(dir) {
		ok, _, err := w.Exists(ctx, dir)
		if err != nil {
			return nil, err
		}
		if ok {
			break
		}
		missing = append([]string{dir}, missing...)
	}
	return missing, nil
}

// Create makes the node of s, its missing parents first (persistent, with
// the same ACL), all in one multi: either everything is created or nothing
// (the server's refusal, e.g. NodeExists, NoAuth or TTL without extended
// types, comes back and no parent is left behind).
func Create(ctx context.Context, w Writer, s CreateSpec) (string, error) {
	if err := CheckSize(s.Data); err != nil {
		return "", err
	}
	if len(s.Parents) == 0 {
		if s.Mode.TTL() {
			p, _, err := w.CreateTTL(ctx, s.Path, s.Data, s.Mode, s.ACL, s.TTL)
			return p, err
		}
		p, _, err := w.Create2(ctx, s.Path, s.Data, s.Mode, s.ACL)
		return p, err
	}
	ops := make([]zk.Op, 0, len(s.Parents)+1)
	for _, p := range s.Parents {
		ops = append(ops, zk.CreateOp(p, nil, zk.ModePersistent, s.ACL))
	}
	if s.Mode.TTL() {
		ops = append(ops, zk.CreateTTLOp(s.Path, s.Data, s.Mode, s.ACL, s.TTL))
	} else {
		ops = append(ops, zk.CreateOp(s.Path, s.Data, s.Mode, s.ACL))
	}
	res, err := w.Multi(ctx, ops...)
	if err != nil {
		return "", err
	}
	return res[len(res)-1].Path, nil
}

// Delete removes one node if it is still at version.
func Delete(ctx context.Context, w Writer, path string, version int32) error {
	return w.Delete(ctx, path, version)
}

// SetACL replaces path's ACL if its ACL version is still aversion.
func SetACL(ctx context.Context, w Writer, path string, acl []zk.ACL, aversion int32) (zk.Stat, error) {
	if len(acl) == 0 {
		return zk.Stat{}, inputf("an ACL needs at least one entry")
	}
	return w.SetACL(ctx, path, acl, aversion)
}

// HasAdmin reports whether acl gives ADMIN to one of ids (the session's
// identities as WhoAmI reports them) or to everyone. auth entries stand for
// the creator's identities, so they count too.
func HasAdmin(acl []zk.ACL, ids []zk.ClientInfo) bool {
	for _, a := range acl {
		if a.Perms&zk.PermAdmin == 0 {
			continue
		}
		switch a.Scheme {
		case "world":
			return true
		case "auth":
			return true
		}
		for _, id := range ids {
			if id.AuthScheme != a.Scheme {
				continue
			}
			if a.ID == id.User || a.Scheme == "digest" && strings.HasPrefix(a.ID, id.User+":") {
				return true
			}
			if a.Scheme == "ip" && ipMatches(a.ID, id.User) {
				return true
			}
		}
	}
	return false
}

// LosesAdmin reports whether replacing before with after takes ADMIN away
// from this session: the dialog warns before such a change, since the user
// could not change the ACL back.
func LosesAdmin(before, after []zk.ACL, ids []zk.ClientInfo) bool {
	return HasAdmin(before, ids) && !HasAdmin(after, ids)
}
