package zk

import (
	"errors"
	"fmt"
	"strconv"
)

// Code is a ZooKeeper error code as sent in a reply header. Every Code is also
// an error, so the sentinels below can be matched with errors.Is against the
// *Error a call returns.
type Code int32

// The server's error codes (PROTOCOL.md, "Error codes").
const (
	CodeOK                       Code = 0
	CodeSystemError              Code = -1
	CodeRuntimeInconsistency     Code = -2
	CodeDataInconsistency        Code = -3
	CodeConnectionLoss           Code = -4
	CodeMarshallingError         Code = -5
	CodeUnimplemented            Code = -6
	CodeOperationTimeout         Code = -7
	CodeBadArguments             Code = -8
	CodeUnknownSession           Code = -12
	CodeNewConfigNoQuorum        Code = -13
	CodeReconfigInProgress       Code = -14
	CodeAPIError                 Code = -100
	CodeNoNode                   Code = -101
	CodeNoAuth                   Code = -102
	CodeBadVersion               Code = -103
	CodeNoChildrenForEphemerals  Code = -108
	CodeNodeExists               Code = -110
	CodeNotEmpty                 Code = -111
	CodeSessionExpired           Code = -112
	CodeInvalidCallback          Code = -113
	CodeInvalidACL               Code = -114
	CodeAuthFailed               Code = -115
	CodeSessionMoved             Code = -118
	CodeNotReadOnly              Code = -119
	CodeEphemeralOnLocalSession  Code = -120
	CodeNoWatcher                Code = -121
	CodeRequestTimeout           Code = -122
	CodeReconfigDisabled         Code = -123
	CodeSessionClosedRequireSASL Code = -124
	CodeQuotaExceeded            Code = -125
	CodeThrottledOp              Code = -127
)

// Sentinels for errors.Is, one per server code.
var (
	ErrSystemError              error = CodeSystemError
	ErrRuntimeInconsistency     error = CodeRuntimeInconsistency
	ErrDataInconsistency        error = CodeDataInconsistency
	ErrConnectionLoss           error = CodeConnectionLoss
	ErrMarshallingError         error = CodeMarshallingError
	ErrUnimplemented            error = CodeUnimplemented
	ErrOperationTimeout         error = CodeOperationTimeout
	ErrBadArguments             error = CodeBadArguments
	ErrUnknownSession           error = CodeUnknownSession
	ErrNewConfigNoQuorum        error = CodeNewConfigNoQuorum
	ErrReconfigInProgress       error = CodeReconfigInProgress
	ErrAPIError                 error = CodeAPIError
	ErrNoNode                   error = CodeNoNode
	ErrNoAuth                   error = CodeNoAuth
	ErrBadVersion               error = CodeBadVersion
	ErrNoChildrenForEphemerals  error = CodeNoChildrenForEphemerals
	ErrNodeExists               error = CodeNodeExists
	ErrNotEmpty                 error = CodeNotEmpty
	ErrSessionExpired           error = CodeSessionExpired
	ErrInvalidCallback          error = CodeInvalidCallback
	ErrInvalidACL               error = CodeInvalidACL
	ErrAuthFailed               error = CodeAuthFailed
	ErrSessionMoved             error = CodeSessionMoved
	ErrNotReadOnly              error = CodeNotReadOnly
	ErrEphemeralOnLocalSession  error = CodeEphemeralOnLocalSession
	ErrNoWatcher                error = CodeNoWatcher
	ErrRequestTimeout           error = CodeRequestTimeout
	ErrReconfigDisabled         error = CodeReconfigDisabled
	ErrSessionClosedRequireSASL error = CodeSessionClosedRequireSASL
	ErrQuotaExceeded            error = CodeQuotaExceeded
	ErrThrottledOp              error = CodeThrottledOp
)

// Client-side errors that have no server code.
var (
	// ErrClosed is returned by calls on a Conn or Client that was closed, and
	// by the calls that were pending when it was.
	ErrClosed = errors.New("zk: connection closed")
	// ErrInvalidPath is wrapped by the error for a path that breaks one of
	// ZooKeeper's rules; the message names the rule.
	ErrInvalidPath = errors.New("invalid path")
	// ErrFrameTooLarge is wrapped when a request or a reply would exceed the
	// maximum frame size.
	ErrFrameTooLarge = errors.New("frame too large")
	// ErrBadInput is wrapped for arguments refused before anything is sent
	// (negative TTL, empty multi, unknown create mode...).
	ErrBadInput = errors.New("bad input")
	// ErrProtocol is wrapped when the server sends something the protocol
	// does not allow (an out-of-order reply, a malformed frame); the
	// connection is torn down.
	ErrProtocol = errors.New("protocol violation")
	// ErrRolledBack marks the ops of a failed Multi other than the one that
	// failed: none of them was applied.
	ErrRolledBack = errors.New("not applied: another operation of the multi failed")
	// ErrReadOnly is returned for a write attempted on a read-only
	// connection or a client in read-only mode; nothing is sent.
	ErrReadOnly = errors.New("write refused: read-only")
)

var codeText = map[Code]string{
	CodeOK:                       "ok",
	CodeSystemError:              "system error",
	CodeRuntimeInconsistency:     "runtime inconsistency",
	CodeDataInconsistency:        "data inconsistency",
	CodeConnectionLoss:           "connection loss",
	CodeMarshallingError:         "marshalling error",
	CodeUnimplemented:            "operation not implemented by the server",
	CodeOperationTimeout:         "operation timeout",
	CodeBadArguments:             "bad arguments",
	CodeUnknownSession:           "unknown session",
	CodeNewConfigNoQuorum:        "new config has no quorum",
	CodeReconfigInProgress:       "reconfig in progress",
	CodeAPIError:                 "api error",
	CodeNoNode:                   "node does not exist",
	CodeNoAuth:                   "not authorized",
	CodeBadVersion:               "version conflict",
	CodeNoChildrenForEphemerals:  "ephemeral nodes may not have children",
	CodeNodeExists:               "node already exists",
	CodeNotEmpty:                 "node has children",
	CodeSessionExpired:           "session expired",
	CodeInvalidCallback:          "invalid callback",
	CodeInvalidACL:               "invalid ACL",
	CodeAuthFailed:               "authentication failed",
	CodeSessionMoved:             "session moved to another server",
	CodeNotReadOnly:              "server is read-only",
	CodeEphemeralOnLocalSession:  "ephemeral node on a local session",
	CodeNoWatcher:                "no such watcher",
	CodeRequestTimeout:           "request timeout",
	CodeReconfigDisabled:         "reconfig is disabled",
	CodeSessionClosedRequireSASL: "session closed: SASL authentication required",
	CodeQuotaExceeded:            "quota exceeded",
	CodeThrottledOp:              "operation throttled",
}

// Error implements error with the code's text, e.g. "node has children".
func (c Code) Error() string {
	if s, ok := codeText[c]; ok {
		return s
	}
	return "unknown error code " + strconv.Itoa(int(c))
}

// String returns the code's text.
func (c Code) String() string { return c.Error() }

// Retryable reports whether an operation that failed with this code may be
// sent again: the request may not have reached the server, or the server asked
// the client to slow down.
func (c Code) Retryable() bool {
	switch c {
	case CodeConnectionLoss, CodeOperationTimeout, CodeThrottledOp, CodeRequestTimeout:
		return true
	}
	return false
}

// Error is the error of a ZooKeeper operation: which operation, on which path,
// and the server's code. Err, when set, is the underlying cause (a network
// error for CodeConnectionLoss, for example).
type Error struct {
	Op   string // "create", "getData", "multi"...
	Path string // the path as the caller gave it (chroot not included)
	Code Code
	Err  error
}

// Error reads like "delete /a/b: node has children".
func (e *Error) Error() string {
	s := e.Op
	if e.Path != "" {
		s += " " + e.Path
	}
	s += ": " + e.Code.Error()
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the code (matching the Err* sentinels) and the cause.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Code, e.Err}
	}
	return []error{e.Code}
}

// IsRetryable reports whether err is a failure after which the same request may
// be sent again (connection loss, timeouts, throttling).
func IsRetryable(err error) bool {
	var c Code
	return errors.As(err, &c) && c.Retryable()
}

// inputError builds an error for arguments refused before anything is sent.
func inputError(op, path string, cause error, format string, args ...any) error {
	return &clientError{op: op, path: path, cause: cause, msg: fmt.Sprintf(format, args...)}
}

// clientError is an error found on the client side; it wraps one of the
// client-side sentinels (ErrInvalidPath, ErrBadInput...).
type clientError struct {
	op, path string
	cause    error
	msg      string
}

func (e *clientError) Error() string {
	s := e.op
	if e.path != "" {
		s += " " + strconv.Quote(e.path)
	}
	return s + ": " + e.cause.Error() + ": " + e.msg
}

func (e *clientError) Unwrap() error { return e.cause }
