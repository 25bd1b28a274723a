package jute

import (
	"encoding/binary"
	"math"
)

// The encoders append to dst and return the extended slice, like strconv's
// Append functions: callers reuse one buffer per frame, so encoding a record
// costs no allocation once the buffer has grown.

// AppendInt appends a Jute int: 4 bytes, big-endian.
func AppendInt(dst []byte, v int32) []byte {
	return binary.BigEndian.AppendUint32(dst, uint32(v))
}

// AppendLong appends a Jute long: 8 bytes, big-endian.
func AppendLong(dst []byte, v int64) []byte {
	return binary.BigEndian.AppendUint64(dst, uint64(v))
}

// AppendBool appends a Jute boolean: one byte, 1 for true and 0 for false.
func AppendBool(dst []byte, v bool) []byte {
	if v {
		return append(dst, 1)
	}
	return append(dst, 0)
}

// AppendByte appends a Jute byte.
func AppendByte(dst []byte, v byte) []byte {
	return append(dst, v)
}

// AppendFloat appends a Jute float: the IEEE 754 bits, big-endian, as Java's
// DataOutput.writeFloat does.
func AppendFloat(dst []byte, v float32) []byte {
	return binary.BigEndian.AppendUint32(dst, math.Float32bits(v))
}

// AppendDouble appends a Jute double: the IEEE 754 bits, big-endian.
func AppendDouble(dst []byte, v float64) []byte {
	return binary.BigEndian.AppendUint64(dst, math.Float64bits(v))
}

// AppendBuffer appends a Jute buffer: an int length then the bytes. A nil
// slice is written as length -1 (null), an empty non-nil one as length 0; the
// server tells the two apart (a null data field differs from empty data).
// It panics if b is longer than [MaxLength]; generated encoders check first
// and return [ErrTooLong] instead.
func AppendBuffer(dst []byte, b []byte) []byte {
	if b == nil {
		return AppendInt(dst, -1)
	}
	dst = AppendInt(dst, checkedLen(len(b)))
	return append(dst, b...)
}

// AppendString appends a Jute ustring: an int length then the UTF-8 bytes.
// Go strings cannot be null, so "" is written as length 0, never -1.
// It panics if s is longer than [MaxLength]; generated encoders check first.
func AppendString(dst []byte, s string) []byte {
	dst = AppendInt(dst, checkedLen(len(s)))
	return append(dst, s...)
}

// AppendCount appends the count prefix of a vector or map with n elements,
// or -1 when the collection is null (isNil). It panics if n is larger than
// [MaxLength]; generated encoders check first.
func AppendCount(dst []byte, n int, isNil bool) []byte {
	if isNil {
		return AppendInt(dst, -1)
	}
	return AppendInt(dst, checkedLen(n))
}

// CheckLength reports [ErrTooLong] when n cannot be written as a Jute
// length or count. Generated encoders call it before the Append functions.
func CheckLength(n int) error {
	if uint64(n) > MaxLength {
		return ErrTooLong
	}
	return nil
}

// checkedLen converts a Go length to the wire's int32, refusing to silently
// truncate: writing a wrapped length would desynchronise the whole stream.
func checkedLen(n int) int32 {
	if uint64(n) > MaxLength {
		panic("jute: length exceeds the int32 range of the format")
	}
	return int32(n)
}
