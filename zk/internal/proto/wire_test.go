package proto

import (
	"bytes"
	"errors"
	"testing"

	"github.com/zkui/zkui/zk/internal/jute"
)

// TestStatWireLayout pins the byte layout of Stat to PROTOCOL.md: eleven
// fields, longs 8 bytes and ints 4 bytes big-endian, in schema order, 68 bytes.
func TestStatWireLayout(t *testing.T) {
	s := Stat{
		Czxid: 0x0000000100000002, Mzxid: 0x0000000100000003,
		Ctime: 0x0000018a2b3c4d5e, Mtime: 0x0000018a2b3c4d5f,
		Version: 1, Cversion: 2, Aversion: 3,
		EphemeralOwner: -0x8000000000000000, // a container
		DataLength:     5, NumChildren: 6, Pzxid: 0x0000000100000004,
	}
	want := []byte{
		0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, // czxid
		0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x03, // mzxid
		0x00, 0x00, 0x01, 0x8a, 0x2b, 0x3c, 0x4d, 0x5e, // ctime
		0x00, 0x00, 0x01, 0x8a, 0x2b, 0x3c, 0x4d, 0x5f, // mtime
		0x00, 0x00, 0x00, 0x01, // version
		0x00, 0x00, 0x00, 0x02, // cversion
		0x00, 0x00, 0x00, 0x03, // aversion
		0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // ephemeralOwner
		0x00, 0x00, 0x00, 0x05, // dataLength
		0x00, 0x00, 0x00, 0x06, // numChildren
		0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04, // pzxid
	}
	got, err := s.Encode(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Stat encoding:\n got  % x\n want % x", got, want)
	}
	var back Stat
	if n, err := back.Decode(want); err != nil || n != 68 || back != s {
		t.Fatalf("Decode = %d, %v, %+v; want 68, nil, %+v", n, err, back, s)
	}
}

// TestGetDataResponseWire checks null vs empty data on the wire.
func TestGetDataResponseWire(t *testing.T) {
	for _, tt := range []struct {
		data   []byte
		prefix []byte
	}{
		{nil, []byte{0xff, 0xff, 0xff, 0xff}},
		{[]byte{}, []byte{0, 0, 0, 0}},
		{[]byte("hi"), []byte{0, 0, 0, 2, 'h', 'i'}},
	} {
		r := GetDataResponse{Data: tt.data}
		got, err := r.Encode(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(got, tt.prefix) || len(got) != len(tt.prefix)+68 {
			t.Errorf("data %#v encoded as % x", tt.data, got)
		}
		var back GetDataResponse
		if _, err := back.Decode(got); err != nil {
			t.Fatal(err)
		}
		if (back.Data == nil) != (tt.data == nil) || !bytes.Equal(back.Data, tt.data) {
			t.Errorf("data %#v decoded as %#v", tt.data, back.Data)
		}
	}
}

func TestConnectRequestWire(t *testing.T) {
	r := ConnectRequest{LastZxidSeen: 9, TimeOut: 30000, Passwd: make([]byte, 16), ReadOnly: true}
	got, err := r.Encode(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0x75, 0x30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16}
	want = append(want, make([]byte, 16)...)
	want = append(want, 1)
	if !bytes.Equal(got, want) {
		t.Fatalf("ConnectRequest:\n got  % x\n want % x", got, want)
	}
}

// TestDecodeErrorNamesNestedField checks errors point into nested records.
func TestDecodeErrorNamesNestedField(t *testing.T) {
	in := GetACLResponse{Acl: []ACL{{Perms: 31, Id: Id{Scheme: "world", Id: "anyone"}}, {Perms: 1, Id: Id{Scheme: "ip", Id: "127.0.0.1"}}}}
	enc, err := in.Encode(nil)
	if err != nil {
		t.Fatal(err)
	}
	// Corrupt the length of acl[1].id.scheme: count 4 + acl[0] (4+4+5+4+6) = 27, perms 4.
	bad := bytes.Clone(enc)
	copy(bad[31:], []byte{0x7f, 0, 0, 0})
	var out GetACLResponse
	_, err = out.Decode(bad)
	var de *jute.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want *jute.DecodeError", err)
	}
	if de.Record != "GetACLResponse" || de.Field != "acl[1].id.scheme" || de.Offset != 31 || !errors.Is(err, jute.ErrBadLength) {
		t.Errorf("err = %v (%+v), want GetACLResponse.acl[1].id.scheme at 31, bad length", err, de)
	}
	// A count beyond what the input can hold is refused before allocating.
	huge := []byte{0x7f, 0xff, 0xff, 0xff}
	if _, err := out.Decode(huge); !errors.Is(err, jute.ErrBadLength) {
		t.Errorf("huge vector count: err = %v, want ErrBadLength", err)
	}
	allocs := testing.AllocsPerRun(20, func() { _, _ = (&GetChildrenResponse{}).Decode(huge) })
	if allocs > 2 { // the error value itself, nothing sized by the count
		t.Errorf("rejecting a huge count allocated %v times", allocs)
	}
}

func TestNoAllocEncode(t *testing.T) {
	req := GetDataRequest{Path: "/zookeeper/config", Watch: true}
	resp := GetDataResponse{Data: bytes.Repeat([]byte{7}, 100), Stat: Stat{Version: 3}}
	buf := make([]byte, 0, 512)
	allocs := testing.AllocsPerRun(100, func() {
		b, _ := req.Encode(buf[:0])
		_, _ = resp.Encode(b)
	})
	if allocs != 0 {
		t.Errorf("Encode allocated %v times, want 0", allocs)
	}
}
