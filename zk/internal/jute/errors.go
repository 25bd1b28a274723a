package jute

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors, wrapped by [DecodeError] and [EncodeError] so callers can
// test them with errors.Is.
var (
	// ErrShortBuffer means the input ended before a fixed-size value did.
	ErrShortBuffer = errors.New("jute: short buffer")
	// ErrBadLength means a length or count prefix is negative (other than the
	// -1 of null) or larger than the remaining input could hold.
	ErrBadLength = errors.New("jute: bad length")
	// ErrTooLong means a value to encode is longer than [MaxLength].
	ErrTooLong = errors.New("jute: value too long to encode")
)

// DecodeError tells which field of which record failed to decode and where.
type DecodeError struct {
	Record string // the record being decoded, e.g. "GetDataResponse"
	Field  string // the Jute field name, dotted and indexed for nested values: "acl[2].id.scheme"
	Offset int    // byte offset of the failing field within the record's input
	Err    error  // the cause, usually ErrShortBuffer or ErrBadLength
}

// Error formats the error as
// "jute: decode GetDataResponse.data at offset 12: short buffer".
func (e *DecodeError) Error() string {
	return "jute: decode " + e.Record + "." + e.Field + " at offset " +
		strconv.Itoa(e.Offset) + ": " + causeText(e.Err)
}

// Unwrap returns the cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// EncodeError tells which field of which record could not be encoded.
type EncodeError struct {
	Record string // the record being encoded
	Field  string // the Jute field name, dotted and indexed for nested values
	Err    error  // the cause, usually ErrTooLong
}

// Error formats the error as
// "jute: encode SetDataRequest.data: value too long to encode".
func (e *EncodeError) Error() string {
	return "jute: encode " + e.Record + "." + e.Field + ": " + causeText(e.Err)
}

// Unwrap returns the cause.
func (e *EncodeError) Unwrap() error { return e.Err }

// causeText drops the package prefix of our own sentinels so messages do not
// stutter ("jute: decode X.y ...: jute: short buffer").
func causeText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return strings.TrimPrefix(err.Error(), "jute: ")
}

// FieldDecodeError builds the error generated decoders return when field of
// record fails at offset off. When err already is a *DecodeError from a
// nested record, the paths are joined ("stat.czxid") and the offset is made
// relative to the outer record, so the message names the outermost record.
// It allocates only on this error path.
func FieldDecodeError(record, field string, off int, err error) error {
	var inner *DecodeError
	if errors.As(err, &inner) {
		return &DecodeError{Record: record, Field: field + "." + inner.Field, Offset: off + inner.Offset, Err: inner.Err}
	}
	return &DecodeError{Record: record, Field: field, Offset: off, Err: err}
}

// FieldEncodeError builds the error generated encoders return when field of
// record cannot be encoded, joining paths with a nested *EncodeError.
func FieldEncodeError(record, field string, err error) error {
	var inner *EncodeError
	if errors.As(err, &inner) {
		return &EncodeError{Record: record, Field: field + "." + inner.Field, Err: inner.Err}
	}
	return &EncodeError{Record: record, Field: field, Err: err}
}

// Index names element i of a vector field for error messages: Index("acl", 2)
// is "acl[2]". Generated code calls it only on error paths.
func Index(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}
