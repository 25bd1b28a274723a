package jute

import (
	"bytes"
	"errors"
	"testing"
)

func TestReadFixed(t *testing.T) {
	src := []byte{0, 0, 0, 7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 2}
	i, off, err := ReadInt(src, 0)
	if err != nil || i != 7 || off != 4 {
		t.Fatalf("ReadInt = %d, %d, %v; want 7, 4, nil", i, off, err)
	}
	l, off, err := ReadLong(src, off)
	if err != nil || l != -2 || off != 12 {
		t.Fatalf("ReadLong = %d, %d, %v; want -2, 12, nil", l, off, err)
	}
	b, off, err := ReadBool(src, off)
	if err != nil || !b || off != 13 {
		t.Fatalf("ReadBool = %v, %d, %v; want true (any non-zero), 13, nil", b, off, err)
	}
	f, _, err := ReadFloat(AppendFloat(nil, 2.5), 0)
	if err != nil || f != 2.5 {
		t.Fatalf("ReadFloat = %v, %v; want 2.5", f, err)
	}
	d, _, err := ReadDouble(AppendDouble(nil, -0.125), 0)
	if err != nil || d != -0.125 {
		t.Fatalf("ReadDouble = %v, %v; want -0.125", d, err)
	}
	y, _, err := ReadByte([]byte{0x80}, 0)
	if err != nil || y != 0x80 {
		t.Fatalf("ReadByte = %v, %v; want 0x80", y, err)
	}
}

func TestReadShort(t *testing.T) {
	tests := []struct {
		name    string
		wantOff int // decoders return the offset they were given on error
		read    func() (int, error)
	}{
		{"int 3 bytes", 0, func() (int, error) { _, o, err := ReadInt([]byte{0, 0, 1}, 0); return o, err }},
		{"int past end", 1, func() (int, error) { _, o, err := ReadInt([]byte{0, 0, 0, 1}, 1); return o, err }},
		{"long 7 bytes", 0, func() (int, error) { _, o, err := ReadLong(make([]byte, 7), 0); return o, err }},
		{"bool empty", 0, func() (int, error) { _, o, err := ReadBool(nil, 0); return o, err }},
		{"byte empty", 1, func() (int, error) { _, o, err := ReadByte([]byte{1}, 1); return o, err }},
		{"float", 0, func() (int, error) { _, o, err := ReadFloat([]byte{1}, 0); return o, err }},
		{"double", 2, func() (int, error) { _, o, err := ReadDouble(make([]byte, 9), 2); return o, err }},
		{"buffer prefix", 0, func() (int, error) { _, o, err := ReadBuffer([]byte{0, 0}, 0, nil); return o, err }},
		{"string prefix", 0, func() (int, error) { _, o, err := ReadString([]byte{0}, 0); return o, err }},
		{"count prefix", 0, func() (int, error) { _, o, err := ReadCount([]byte{0, 0, 0}, 0, 1); return o, err }},
		{"negative offset", -1, func() (int, error) { _, o, err := ReadInt(make([]byte, 8), -1); return o, err }},
	}
	for _, tt := range tests {
		off, err := tt.read()
		if !errors.Is(err, ErrShortBuffer) {
			t.Errorf("%s: err = %v, want ErrShortBuffer", tt.name, err)
		}
		if off != tt.wantOff {
			t.Errorf("%s: offset on error = %d, want the input offset", tt.name, off)
		}
	}
}

func TestReadBuffer(t *testing.T) {
	tests := []struct {
		name    string
		src     []byte
		want    []byte
		wantNil bool
		off     int
		err     error
	}{
		{"null", []byte{0xff, 0xff, 0xff, 0xff}, nil, true, 4, nil},
		{"empty", []byte{0, 0, 0, 0}, []byte{}, false, 4, nil},
		{"two", []byte{0, 0, 0, 2, 5, 6, 7}, []byte{5, 6}, false, 6, nil},
		{"minus two", []byte{0xff, 0xff, 0xff, 0xfe}, nil, true, 0, ErrBadLength},
		{"huge", []byte{0x7f, 0xff, 0xff, 0xff, 1}, nil, true, 0, ErrBadLength},
		{"one too long", []byte{0, 0, 0, 3, 1, 2}, nil, true, 0, ErrBadLength},
	}
	for _, tt := range tests {
		got, off, err := ReadBuffer(tt.src, 0, nil)
		if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.err)
			continue
		}
		if off != tt.off {
			t.Errorf("%s: off = %d, want %d", tt.name, off, tt.off)
		}
		if (got == nil) != tt.wantNil || !bytes.Equal(got, tt.want) {
			t.Errorf("%s: got %#v (nil %v), want %#v (nil %v)", tt.name, got, got == nil, tt.want, tt.wantNil)
		}
	}
}

func TestReadBufferCopiesAndReuses(t *testing.T) {
	src := []byte{0, 0, 0, 3, 1, 2, 3}
	into := make([]byte, 1, 16)
	got, _, err := ReadBuffer(src, 0, into)
	if err != nil {
		t.Fatal(err)
	}
	if &got[0] != &into[:1][0] {
		t.Error("ReadBuffer did not reuse the capacity of into")
	}
	src[4] = 99
	if got[0] != 1 {
		t.Error("ReadBuffer result aliases src; it must copy")
	}
	// A reused non-nil buffer must still come back non-nil for length 0.
	got, _, _ = ReadBuffer([]byte{0, 0, 0, 0}, 0, got)
	if got == nil || len(got) != 0 {
		t.Errorf("empty into reused buffer = %#v, want non-nil empty", got)
	}
}

func TestReadString(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want string
		off  int
		err  error
	}{
		{"null", []byte{0xff, 0xff, 0xff, 0xff}, "", 4, nil},
		{"empty", []byte{0, 0, 0, 0}, "", 4, nil},
		{"path", []byte{0, 0, 0, 2, '/', 'x'}, "/x", 6, nil},
		// Java may send an unpaired surrogate as 3 bytes that are not valid UTF-8.
		{"surrogate", []byte{0, 0, 0, 3, 0xed, 0xa0, 0x80}, "\xed\xa0\x80", 7, nil},
		{"negative", []byte{0x80, 0, 0, 0}, "", 0, ErrBadLength},
		{"beyond", []byte{0, 0, 0, 5, 'a'}, "", 0, ErrBadLength},
	}
	for _, tt := range tests {
		got, off, err := ReadString(tt.src, 0)
		if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.err)
			continue
		}
		if got != tt.want || off != tt.off {
			t.Errorf("%s: got %q, %d; want %q, %d", tt.name, got, off, tt.want, tt.off)
		}
	}
}

func TestReadCount(t *testing.T) {
	tests := []struct {
		name    string
		src     []byte
		minSize int
		want    int
		err     error
	}{
		{"null", []byte{0xff, 0xff, 0xff, 0xff}, 4, -1, nil},
		{"zero", []byte{0, 0, 0, 0}, 4, 0, nil},
		{"fits exactly", []byte{0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0}, 4, 2, nil},
		{"too many for size", []byte{0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0}, 4, 0, ErrBadLength},
		{"min size 0 means 1", []byte{0, 0, 0, 2, 0}, 0, 0, ErrBadLength},
		{"negative", []byte{0xff, 0xff, 0xff, 0xfe}, 1, 0, ErrBadLength},
		{"huge", []byte{0x7f, 0xff, 0xff, 0xff}, 1, 0, ErrBadLength},
	}
	for _, tt := range tests {
		got, _, err := ReadCount(tt.src, 0, tt.minSize)
		if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

// A length prefix of 2 GiB must fail before any allocation.
func TestHugeLengthDoesNotAllocate(t *testing.T) {
	src := []byte{0x7f, 0xff, 0xff, 0xff, 1, 2, 3}
	allocs := testing.AllocsPerRun(50, func() {
		if _, _, err := ReadBuffer(src, 0, nil); err == nil {
			t.Fatal("ReadBuffer accepted a 2 GiB length")
		}
		if _, _, err := ReadString(src, 0); err == nil {
			t.Fatal("ReadString accepted a 2 GiB length")
		}
		if _, _, err := ReadCount(src, 0, 1); err == nil {
			t.Fatal("ReadCount accepted a 2 GiB count")
		}
	})
	if allocs != 0 {
		t.Errorf("rejecting huge lengths allocated %v times, want 0", allocs)
	}
}

func TestMakeSlice(t *testing.T) {
	if s := MakeSlice[int](nil, -1); s != nil {
		t.Errorf("MakeSlice(-1) = %#v, want nil", s)
	}
	if s := MakeSlice[int](nil, 0); s == nil {
		t.Error("MakeSlice(nil, 0) = nil, want non-nil empty")
	}
	old := make([]int, 2, 8)
	if s := MakeSlice(old, 5); len(s) != 5 || &s[0] != &old[0] {
		t.Error("MakeSlice did not reuse a large enough slice")
	}
	if s := MakeSlice(old, 9); len(s) != 9 || &s[0] == &old[0] {
		t.Error("MakeSlice reused a slice that is too small")
	}
}

func TestDecodeErrorMessage(t *testing.T) {
	err := FieldDecodeError("GetDataResponse", "data", 12, ErrShortBuffer)
	if got, want := err.Error(), "jute: decode GetDataResponse.data at offset 12: short buffer"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, ErrShortBuffer) {
		t.Error("errors.Is(DecodeError, ErrShortBuffer) = false")
	}
	nested := FieldDecodeError("GetACLResponse", Index("acl", 2), 40, FieldDecodeError("ACL", "id.scheme", 4, ErrBadLength))
	var de *DecodeError
	if !errors.As(nested, &de) {
		t.Fatal("errors.As(*DecodeError) = false")
	}
	if de.Record != "GetACLResponse" || de.Field != "acl[2].id.scheme" || de.Offset != 44 || de.Err != ErrBadLength {
		t.Errorf("nested error = %+v", de)
	}
	enc := FieldEncodeError("SetDataRequest", "data", ErrTooLong)
	if got, want := enc.Error(), "jute: encode SetDataRequest.data: value too long to encode"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(enc, ErrTooLong) {
		t.Error("errors.Is(EncodeError, ErrTooLong) = false")
	}
}
