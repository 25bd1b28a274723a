// Package jute holds the primitives of Jute, the binary serialization of
// ZooKeeper's wire protocol and files: append-style encoders that never
// allocate on their own, and bounds-checked decoders that never trust a length
// prefix before checking it against the bytes actually present.
//
// The format (PROTOCOL.md, "Framing and primitive encoding"):
//
//   - boolean: 1 byte, 0 or 1 (Java's readBoolean accepts any non-zero byte);
//   - byte: 1 byte; int: 4 bytes big-endian; long: 8 bytes big-endian;
//   - float / double: IEEE 754 bits as an int / long;
//   - buffer and ustring: an int length, then that many bytes; -1 means null;
//   - vector<T> and map<K,V>: an int count (-1 means null), then the elements;
//   - a record: the plain concatenation of its fields, no tags, no padding.
//
// Records themselves are generated from a schema by jutec into package proto;
// they satisfy [Record].
package jute

// Record is implemented by every record generated from the Jute schema.
type Record interface {
	// Encode appends the record's encoding to dst and returns the extended
	// slice. It fails only for values the format cannot express, such as a
	// buffer longer than [MaxLength].
	Encode(dst []byte) ([]byte, error)
	// Decode reads the record from the start of src into the receiver and
	// returns the number of bytes consumed. Errors are *DecodeError.
	Decode(src []byte) (int, error)
}

// MaxLength is the largest length or count the format can express: lengths
// travel as a signed 32-bit int and -1 is reserved for null.
const MaxLength = 1<<31 - 1
