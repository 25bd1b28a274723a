package sample

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/zkui/zkui/zk/internal/jute"
)

func everything() *Everything {
	return &Everything{
		B: 0xfe, Flag: true, I: -5, L: math.MinInt64, F: 1.5, D: math.Inf(-1),
		S: "héllo", Raw: []byte{1, 2, 3},
		At:     Point{X: -0.25, Y: 1e300},
		Path:   []Point{{X: 1}, {Y: 2}},
		Grid:   [][]int32{{1, 2}, nil, {}},
		Chunks: [][]byte{nil, {}, {9}},
		Counts: map[string]int64{"b": 2, "a": 1, "c": 3},
		Tracks: map[int32][]Point{7: {{X: 7}}, -1: nil, 3: {}},
		Nested: map[int64]map[byte]string{1: {2: "x", 1: "y"}, 0: nil},
	}
}

func TestEverythingRoundTrip(t *testing.T) {
	in := everything()
	enc, err := in.Encode(nil)
	if err != nil {
		t.Fatal(err)
	}
	var out Everything
	n, err := out.Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(enc) {
		t.Errorf("consumed %d of %d", n, len(enc))
	}
	if !reflect.DeepEqual(in, &out) {
		t.Errorf("round trip:\n in  %+v\n out %+v", in, &out)
	}
	for cut := range len(enc) {
		if _, err := new(Everything).Decode(enc[:cut]); err == nil {
			t.Fatalf("decoding %d of %d bytes succeeded", cut, len(enc))
		}
	}
}

// Maps are encoded in sorted key order, so equal values encode identically.
func TestMapEncodingSorted(t *testing.T) {
	first, _ := everything().Encode(nil)
	for range 20 {
		again, _ := everything().Encode(nil)
		if !bytes.Equal(first, again) {
			t.Fatal("encoding a record with maps is not deterministic")
		}
	}
	r := Everything{Counts: map[string]int64{"b": 2, "a": 1}}
	enc, _ := r.Encode(nil)
	a := []byte{0, 0, 0, 2, 0, 0, 0, 1, 'a', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 'b'}
	if !bytes.Contains(enc, a) {
		t.Errorf("counts not encoded as count 2, \"a\" 1, \"b\" 2 in order: % x", enc)
	}
}

func TestTreeAndEmpty(t *testing.T) {
	in := &Tree{Name: "root", Kids: []Tree{{Name: "a", Kids: []Tree{{Name: "a1"}}}, {Name: "b", Kids: []Tree{}}}}
	enc, err := in.Encode(nil)
	if err != nil {
		t.Fatal(err)
	}
	var out Tree
	if _, err := out.Decode(enc); err != nil || !reflect.DeepEqual(in, &out) {
		t.Fatalf("Tree round trip: %v\n in  %+v\n out %+v", err, in, &out)
	}
	var e Empty
	if enc, err := e.Encode([]byte{1}); err != nil || len(enc) != 1 {
		t.Errorf("Empty.Encode = % x, %v", enc, err)
	}
	if n, err := e.Decode(nil); n != 0 || err != nil {
		t.Errorf("Empty.Decode = %d, %v", n, err)
	}
}

func TestNestedErrorPath(t *testing.T) {
	in := &Tree{Name: "r", Kids: []Tree{{Name: "a"}, {Name: "b", Kids: []Tree{{Name: "deep"}}}}}
	enc, _ := in.Encode(nil)
	// Corrupt the length of "deep" (the last record: 4+4 name, 4 null kids):
	// the error names the full path to it.
	enc[len(enc)-9] = 100
	_, err := new(Tree).Decode(enc)
	var de *jute.DecodeError
	if !errors.As(err, &de) || de.Field != "kids[1].kids[0].name" || de.Record != "Tree" {
		t.Fatalf("err = %v, want Tree.kids[1].kids[0].name", err)
	}
	if de.Offset != len(enc)-12 {
		t.Errorf("offset = %d, want %d", de.Offset, len(enc)-12)
	}
}
