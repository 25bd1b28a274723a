package admin

import (
	"errors"
	"fmt"
)

// Sentinels for errors.Is. The typed errors below match them.
var (
	// ErrNotWhitelisted: the server refused a four-letter word that is not in
	// its 4lw.commands.whitelist.
	ErrNotWhitelisted = errors.New("four-letter word not whitelisted")
	// ErrNotServing: the server is up but not serving requests (no quorum, or
	// still starting).
	ErrNotServing = errors.New("server is not currently serving requests")
	// ErrResponseTooLarge: an answer exceeded the configured size limit.
	ErrResponseTooLarge = errors.New("response too large")
	// ErrAdminServer: the AdminServer answered with an HTTP error status or
	// an error in its JSON.
	ErrAdminServer = errors.New("AdminServer error")
	// ErrParse: an answer did not have the expected shape.
	ErrParse = errors.New("unexpected response format")
)

// NotWhitelistedError reports a four-letter word the server refused because
// of its whitelist. Its message carries the zoo.cfg line that enables the
// command (keeping srvr, the default).
type NotWhitelistedError struct {
	// Command is the refused four-letter word, e.g. "mntr".
	Command string
}

// EnableLine returns the zoo.cfg line that whitelists the command.
func (e *NotWhitelistedError) EnableLine() string {
	if e.Command == "srvr" {
		return "4lw.commands.whitelist=srvr"
	}
	return "4lw.commands.whitelist=srvr, " + e.Command
}

// Error explains the refusal and how to lift it.
func (e *NotWhitelistedError) Error() string {
	return fmt.Sprintf("zk/admin: four-letter word %q is not in the server's whitelist; enable it in zoo.cfg with %q (or use the AdminServer, which ignores the whitelist)",
		e.Command, e.EnableLine())
}

// Is makes errors.Is(err, ErrNotWhitelisted) true.
func (e *NotWhitelistedError) Is(target error) bool { return target == ErrNotWhitelisted }

// HTTPError is a non-200 answer from the AdminServer.
type HTTPError struct {
	// Command is the AdminServer command, e.g. "monitor".
	Command string
	// StatusCode is the HTTP status code.
	StatusCode int
	// Status is the HTTP status line text.
	Status string
}

// Error names the command and the status.
func (e *HTTPError) Error() string {
	return fmt.Sprintf("zk/admin: AdminServer /commands/%s: HTTP %s", e.Command, e.Status)
}

// Is makes errors.Is(err, ErrAdminServer) true.
func (e *HTTPError) Is(target error) bool { return target == ErrAdminServer }

// CommandError is an error the AdminServer reported inside its JSON answer
// (it answers 200 with "error": "..." for e.g. an unknown command).
type CommandError struct {
	// Command is the AdminServer command.
	Command string
	// Message is the server's error text.
	Message string
}

// Error names the command and the server's message.
func (e *CommandError) Error() string {
	return fmt.Sprintf("zk/admin: AdminServer /commands/%s: %s", e.Command, e.Message)
}

// Is makes errors.Is(err, ErrAdminServer) true.
func (e *CommandError) Is(target error) bool { return target == ErrAdminServer }

// ParseError is an answer that did not have the shape its command produces.
type ParseError struct {
	// Command is the four-letter word or AdminServer command.
	Command string
	// Line is the 1-based line of the text answer, 0 when not line-based.
	Line int
	// Msg says what was wrong.
	Msg string
}

// Error names the command, the line and the problem.
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("zk/admin: parse %s: line %d: %s", e.Command, e.Line, e.Msg)
	}
	return fmt.Sprintf("zk/admin: parse %s: %s", e.Command, e.Msg)
}

// Is makes errors.Is(err, ErrParse) true.
func (e *ParseError) Is(target error) bool { return target == ErrParse }

func parseErr(cmd string, line int, format string, args ...any) error {
	return &ParseError{Command: cmd, Line: line, Msg: fmt.Sprintf(format, args...)}
}
