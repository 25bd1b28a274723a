package jute

import (
	"bytes"
	"errors"
	"math"
	"testing"
)

func TestAppendPrimitives(t *testing.T) {
	tests := []struct {
		name string
		got  []byte
		want []byte
	}{
		{"int 1", AppendInt(nil, 1), []byte{0, 0, 0, 1}},
		{"int -1", AppendInt(nil, -1), []byte{0xff, 0xff, 0xff, 0xff}},
		{"int min", AppendInt(nil, math.MinInt32), []byte{0x80, 0, 0, 0}},
		{"long", AppendLong(nil, 0x0102030405060708), []byte{1, 2, 3, 4, 5, 6, 7, 8}},
		{"long -2", AppendLong(nil, -2), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe}},
		{"bool true", AppendBool(nil, true), []byte{1}},
		{"bool false", AppendBool(nil, false), []byte{0}},
		{"byte", AppendByte(nil, 0xab), []byte{0xab}},
		{"float 1", AppendFloat(nil, 1), []byte{0x3f, 0x80, 0, 0}},
		{"double 1", AppendDouble(nil, 1), []byte{0x3f, 0xf0, 0, 0, 0, 0, 0, 0}},
		{"buffer nil", AppendBuffer(nil, nil), []byte{0xff, 0xff, 0xff, 0xff}},
		{"buffer empty", AppendBuffer(nil, []byte{}), []byte{0, 0, 0, 0}},
		{"buffer", AppendBuffer(nil, []byte{9, 8}), []byte{0, 0, 0, 2, 9, 8}},
		{"string empty", AppendString(nil, ""), []byte{0, 0, 0, 0}},
		{"string", AppendString(nil, "/a"), []byte{0, 0, 0, 2, '/', 'a'}},
		{"count nil", AppendCount(nil, 0, true), []byte{0xff, 0xff, 0xff, 0xff}},
		{"count 3", AppendCount(nil, 3, false), []byte{0, 0, 0, 3}},
		{"appends", AppendInt([]byte{7}, 2), []byte{7, 0, 0, 0, 2}},
	}
	for _, tt := range tests {
		if !bytes.Equal(tt.got, tt.want) {
			t.Errorf("%s: got % x, want % x", tt.name, tt.got, tt.want)
		}
	}
}

func TestCheckLength(t *testing.T) {
	if err := CheckLength(MaxLength); err != nil {
		t.Errorf("CheckLength(MaxLength) = %v, want nil", err)
	}
	if err := CheckLength(MaxLength + 1); !errors.Is(err, ErrTooLong) {
		t.Errorf("CheckLength(MaxLength+1) = %v, want ErrTooLong", err)
	}
	if err := CheckLength(-1); !errors.Is(err, ErrTooLong) {
		t.Errorf("CheckLength(-1) = %v, want ErrTooLong", err)
	}
}

func TestAppendCountPanicsOnOverflow(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("AppendCount(MaxLength+1) did not panic; a truncated length would corrupt the stream")
		}
	}()
	AppendCount(nil, MaxLength+1, false)
}

func TestEncodeNoAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	data := bytes.Repeat([]byte{1}, 100)
	allocs := testing.AllocsPerRun(100, func() {
		b := AppendInt(buf[:0], 1)
		b = AppendLong(b, 2)
		b = AppendBool(b, true)
		b = AppendString(b, "/zookeeper/quota")
		b = AppendBuffer(b, data)
		b = AppendCount(b, 2, false)
		_ = b
	})
	if allocs != 0 {
		t.Errorf("encoding into a large enough buffer allocated %v times, want 0", allocs)
	}
}
