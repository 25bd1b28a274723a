package dashboard

import (
	"errors"
	"strings"

	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk/admin"
)

// fit cuts or pads s to exactly w cells.
func fit(s string, w int) string { return common.Fit(s, w) }

// errLine is one line of an error for a table row. zk/admin joins one
// error per source, the AdminServer's first: the last line, from the
// client port, says most about a member that is down.
func errLine(err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	return lines[len(lines)-1]
}

// shortErr says briefly why a command failed: a whitelist refusal is the
// common case when only srvr is enabled and no AdminServer answers.
func shortErr(err error) string {
	var nw *admin.NotWhitelistedError
	if errors.As(err, &nw) {
		return nw.Command + " not whitelisted and no AdminServer answered"
	}
	return errLine(err)
}

// enableHint returns the zoo.cfg line that would enable a refused
// four-letter word, "" for other failures.
func enableHint(err error) string {
	var nw *admin.NotWhitelistedError
	if errors.As(err, &nw) {
		return "enable in zoo.cfg: " + nw.EnableLine() + " (or admin.enableServer=true)"
	}
	return ""
}

// errorLines renders a failed command with the fix when there is one.
func (m Model) errorLines(word string, err error) []string {
	st := m.com.Styles
	out := []string{st.Tree.Error.Render(fit(word+": "+shortErr(err), m.width))}
	if hint := enableHint(err); hint != "" {
		out = append(out, st.Detail.Hint.Render(fit("  "+hint, m.width)))
	}
	return out
}

// mntrMissing is the note of a server that answered srvr only.
func mntrMissing() string {
	nw := &admin.NotWhitelistedError{Command: "mntr"}
	return "mntr not whitelisted and no AdminServer: watches, ephemerals, data size, fds unknown; enable in zoo.cfg: " + nw.EnableLine()
}
