package tui

import (
	"encoding/base64"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/dataview"
	"github.com/zkui/zkui/tui/statusbar"
)

// copiedMsg answers copyText: what was copied and whether the system
// clipboard took it.
type copiedMsg struct {
	what string // "path /a" or "data of /a", for the status line
	text string
	err  error // the system clipboard's failure; OSC 52 is tried then
	ssh  bool  // skipped the system clipboard: it would be the remote one
}

// overSSH reports whether zkui runs in an SSH session, where the system
// clipboard (if any) belongs to the remote host, not to the user.
func overSSH() bool {
	return os.Getenv("SSH_TTY") != "" || os.Getenv("SSH_CONNECTION") != ""
}

// copyText writes text to the system clipboard off the UI goroutine (it
// runs a helper program on some systems).
func (a *App) copyText(what, text string) tea.Cmd {
	write, ssh := a.writeClipboard, a.overSSH
	return func() tea.Msg {
		if ssh {
			return copiedMsg{what: what, text: text, ssh: true}
		}
		return copiedMsg{what: what, text: text, err: write(text)}
	}
}

// handleCopied reports which clipboard was used, falling back to the
// terminal's OSC 52 sequence, which reaches the user's clipboard through
// SSH when the terminal supports it.
func (a *App) handleCopied(msg copiedMsg) tea.Cmd {
	switch {
	case msg.ssh:
		a.status.Set(statusbar.Success, "copied "+msg.what+" via the terminal (OSC 52, over SSH)")
	case msg.err != nil:
		// The helpers' own error is long ("install xsel or xclip..."): it
		// goes to the log, the status says what happened.
		a.com.Logger.Info("system clipboard unavailable, using OSC 52", "err", msg.err)
		a.status.Set(statusbar.Success, "copied "+msg.what+" via the terminal (OSC 52; no system clipboard)")
	default:
		a.status.Set(statusbar.Success, "copied "+msg.what+" to the system clipboard")
		return nil
	}
	return tea.SetClipboard(msg.text)
}

// copyPath copies the selected node's path.
func (a *App) copyPath() tea.Cmd {
	p := a.tree.Selected()
	return a.copyText("path "+p, p)
}

// copyData copies the shown node's value: as text when it is text
// (inflated if it was compressed), as base64 when binary.
func (a *App) copyData() tea.Cmd {
	n := a.detail.Node()
	if n == nil || n.DataErr != nil {
		a.status.Set(statusbar.Error, "no data to copy")
		return nil
	}
	d := dataview.Detect(n.Data)
	if d.Format == dataview.FormatBinary {
		return a.copyText("data of "+n.Path+" (binary, as base64)", base64.StdEncoding.EncodeToString(n.Data))
	}
	return a.copyText("data of "+n.Path, string(d.Body))
}
