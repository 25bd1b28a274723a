package detail

import (
	"fmt"
	"strings"

	"github.com/zkui/zkui/zk"
)

// aclLines renders the ACL as a small table, with notes for ids the server
// redacted.
func (m Model) aclLines(acl []zk.ACL) []string {
	d := m.com.Styles.Detail
	if len(acl) == 0 {
		return []string{d.Note.Render("This node has an empty ACL.")}
	}
	schemeW, idW := len("scheme"), len("id")
	for _, a := range acl {
		schemeW, idW = max(schemeW, len(a.Scheme)), max(idW, len(a.ID))
	}
	row := func(scheme, id, perms string) string {
		return fmt.Sprintf("%-*s  %-*s  %s", schemeW, scheme, idW, id, perms)
	}
	lines := []string{d.Label.Render(row("scheme", "id", "perms"))}
	redacted, open := false, false
	for _, a := range acl {
		style := d.Value
		if a.Scheme == "world" && a.ID == "anyone" && a.Perms&zk.PermAll == zk.PermAll {
			style, open = d.OpenACL, true
		}
		lines = append(lines, style.Render(row(a.Scheme, a.ID, a.Perms.String())))
		if a.Scheme == "digest" && strings.HasSuffix(a.ID, ":x") {
			redacted = true
		}
	}
	lines = append(lines, "", d.Dim.Render("perms: r read · w write · c create · d delete · a admin"))
	if open {
		lines = append(lines, "", d.OpenACL.Render("world:anyone has ALL: any client may read, change, delete"),
			d.OpenACL.Render("or re-ACL this node (ZooKeeper's default ACL)."))
	}
	if redacted {
		lines = append(lines, "", d.Note.Render("A digest id shown as user:x was redacted by the server:"),
			d.Note.Render("this session lacks ADMIN permission on the node."))
	}
	return lines
}

// noAuthLines explains a NoAuth refusal and how to get access.
func (m Model) noAuthLines(what string) []string {
	d := m.com.Styles.Detail
	return []string{
		d.Error.Render("NoAuth: this session may not read the node's " + what + "."),
		"",
		d.Hint.Render("Its ACL grants access to other identities. Add credentials"),
		d.Hint.Render("when starting zkui, e.g.:"),
		"",
		d.Value.Render("  zkui --auth digest:user:pass"),
	}
}
