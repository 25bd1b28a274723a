package jute

import (
	"encoding/binary"
	"math"
)

// The decoders read one value at src[off:] and return it with the offset just
// past it. On error they return the offset they were given, so the caller can
// report where the failing field starts. Variable-size values check their
// length prefix against len(src)-off BEFORE allocating: a hostile or corrupt
// prefix of 2 GiB becomes ErrBadLength, never a 2 GiB allocation.

// ReadInt reads a Jute int (4 bytes, big-endian).
func ReadInt(src []byte, off int) (int32, int, error) {
	if off < 0 || len(src)-off < 4 {
		return 0, off, ErrShortBuffer
	}
	return int32(binary.BigEndian.Uint32(src[off:])), off + 4, nil
}

// ReadLong reads a Jute long (8 bytes, big-endian).
func ReadLong(src []byte, off int) (int64, int, error) {
	if off < 0 || len(src)-off < 8 {
		return 0, off, ErrShortBuffer
	}
	return int64(binary.BigEndian.Uint64(src[off:])), off + 8, nil
}

// ReadBool reads a Jute boolean. Like Java's DataInput.readBoolean, any
// non-zero byte is true; the encoder only ever writes 0 or 1.
func ReadBool(src []byte, off int) (bool, int, error) {
	if off < 0 || len(src)-off < 1 {
		return false, off, ErrShortBuffer
	}
	return src[off] != 0, off + 1, nil
}

// ReadByte reads a Jute byte.
func ReadByte(src []byte, off int) (byte, int, error) {
	if off < 0 || len(src)-off < 1 {
		return 0, off, ErrShortBuffer
	}
	return src[off], off + 1, nil
}

// ReadFloat reads a Jute float (IEEE 754 bits, big-endian).
func ReadFloat(src []byte, off int) (float32, int, error) {
	if off < 0 || len(src)-off < 4 {
		return 0, off, ErrShortBuffer
	}
	return math.Float32frombits(binary.BigEndian.Uint32(src[off:])), off + 4, nil
}

// ReadDouble reads a Jute double (IEEE 754 bits, big-endian).
func ReadDouble(src []byte, off int) (float64, int, error) {
	if off < 0 || len(src)-off < 8 {
		return 0, off, ErrShortBuffer
	}
	return math.Float64frombits(binary.BigEndian.Uint64(src[off:])), off + 8, nil
}

// readLength reads the int length prefix of a buffer or ustring and checks it
// against the input left after the prefix. It returns -1 for null.
func readLength(src []byte, off int) (int, int, error) {
	n32, next, err := ReadInt(src, off)
	if err != nil {
		return 0, off, err
	}
	n := int(n32)
	if n == -1 {
		return -1, next, nil
	}
	if n < 0 || n > len(src)-next {
		return 0, off, ErrBadLength
	}
	return n, next, nil
}

// ReadBuffer reads a Jute buffer and COPIES its bytes into
// append(into[:0], ...), so a caller decoding many records into the same
// struct reuses one allocation and the result never aliases src (which the
// connection reuses for the next frame). Length -1 (null) gives nil; length 0
// gives a non-nil empty slice, preserving the null/empty distinction.
func ReadBuffer(src []byte, off int, into []byte) ([]byte, int, error) {
	n, next, err := readLength(src, off)
	if err != nil {
		return into, off, err
	}
	if n == -1 {
		return nil, next, nil
	}
	out := append(into[:0], src[next:next+n]...)
	if out == nil {
		out = []byte{} // into was nil and n == 0: still not null
	}
	return out, next + n, nil
}

// ReadString reads a Jute ustring, copying it. Null (-1) reads as "" since Go
// strings have no null. The bytes are not validated as UTF-8: Java may send
// lone surrogates as 3-byte sequences, and a path must survive a round trip
// byte for byte.
func ReadString(src []byte, off int) (string, int, error) {
	n, next, err := readLength(src, off)
	if err != nil {
		return "", off, err
	}
	if n <= 0 {
		return "", next, nil
	}
	return string(src[next : next+n]), next + n, nil
}

// ReadCount reads the int count prefix of a vector or map. It returns -1 for
// null. Every element occupies at least minElemSize bytes (4 for an int or a
// string's length prefix, the sum of the fixed parts for a record), so a count
// that could not fit in the remaining input is rejected with ErrBadLength
// before the caller allocates room for it. minElemSize below 1 counts as 1.
func ReadCount(src []byte, off int, minElemSize int) (int, int, error) {
	n32, next, err := ReadInt(src, off)
	if err != nil {
		return 0, off, err
	}
	n := int(n32)
	if n == -1 {
		return -1, next, nil
	}
	minElemSize = max(minElemSize, 1)
	if n < 0 || n > (len(src)-next)/minElemSize {
		return 0, off, ErrBadLength
	}
	return n, next, nil
}

// MakeSlice returns a slice of n elements for decoding a vector into,
// reusing s when it is non-nil and large enough. n == -1 (null) gives nil and
// n == 0 a non-nil empty slice. Callers pass an n already checked by
// [ReadCount], so the allocation is bounded by the input size.
func MakeSlice[T any](s []T, n int) []T {
	if n < 0 {
		return nil
	}
	if s != nil && cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
