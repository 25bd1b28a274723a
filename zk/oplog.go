package zk

import (
	"errors"
	"sync"
	"time"
)

// OpRecord describes one request a Conn was asked to send: what it was, how
// it ended and how long it took. A program shows these in an operation log
// (zkui's log pane) or feeds them to metrics.
type OpRecord struct {
	Start    time.Time
	Op       string        // the wire operation: "setData", "multi", "create2"...
	Path     string        // as the caller gave it ("" for multi and session ops)
	Code     Code          // the server's result, CodeOK on success
	Err      error         // nil on success; the error the caller got
	Duration time.Duration // from the call until its reply (or its end)
	// Sent is false for a call refused before anything reached the wire
	// (read-only mode, bad input, a dead connection).
	Sent bool
	// Write is true for an operation that changes the tree.
	Write bool
}

// WithOnRequest reports every call of the Conn to f once it ends, from the
// calling goroutine (never from the reader, so a slow f cannot stall the
// stream). f must be safe for concurrent use. Session plumbing (pings, auth,
// SetWatches) is not reported.
func WithOnRequest(f func(OpRecord)) Option { return func(c *config) { c.onRequest = f } }

// WithRefuseWrites makes the Conn refuse every write opcode (create in all
// its forms, delete, setData, setACL, multi, reconfig) with ErrReadOnly
// before anything is encoded or sent: a read-only mode chosen by the
// program, whatever the server allows.
func WithRefuseWrites(on bool) Option { return func(c *config) { c.refuseWrites = on } }

// report hands one finished call to the OnRequest hook, if any.
func (c *Conn) report(op opcode, path string, start time.Time, sent bool, err error) {
	if c.cfg.onRequest == nil {
		return
	}
	rec := OpRecord{Start: start, Op: op.String(), Path: path, Err: err,
		Duration: time.Since(start), Sent: sent, Write: op.isWrite()}
	if err != nil {
		rec.Code = codeOf(err)
	}
	c.cfg.onRequest(rec)
}

// codeOf is the server code carried by err, or CodeSystemError for a
// client-side failure with no code.
func codeOf(err error) Code {
	var zerr *Error
	if errors.As(err, &zerr) {
		return zerr.Code
	}
	var merr *MultiError
	if errors.As(err, &merr) {
		return merr.Code
	}
	return CodeSystemError
}

// refuseWrite is the read-only mode's gate, checked on the path every
// request takes before its frame is built.
func (c *Conn) refuseWrite(op opcode, path string) error {
	if c.cfg.refuseWrites && op.isWrite() {
		return &clientError{op: op.String(), path: path, cause: ErrReadOnly,
			msg: "the client is in read-only mode"}
	}
	return nil
}

// OpLog keeps the last records of an OnRequest hook in a ring buffer, for a
// log pane to list. Its Record method is the hook; it is safe for
// concurrent use.
type OpLog struct {
	mu    sync.Mutex
	recs  []OpRecord
	next  int    // where the next record goes once the ring is full
	total uint64 // records ever added
}

// NewOpLog returns a log keeping the last size records (at least 1).
func NewOpLog(size int) *OpLog {
	if size < 1 {
		size = 1
	}
	return &OpLog{recs: make([]OpRecord, 0, size)}
}

// Record adds r, dropping the oldest record when the log is full.
func (l *OpLog) Record(r OpRecord) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total++
	if len(l.recs) < cap(l.recs) {
		l.recs = append(l.recs, r)
		return
	}
	l.recs[l.next] = r
	l.next = (l.next + 1) % len(l.recs)
}

// Records returns the kept records, oldest first.
func (l *OpLog) Records() []OpRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]OpRecord, 0, len(l.recs))
	out = append(out, l.recs[l.next:]...)
	return append(out, l.recs[:l.next]...)
}

// Total is the number of records ever added, kept or not: a pane compares
// it with what it showed last to know whether to redraw.
func (l *OpLog) Total() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}
