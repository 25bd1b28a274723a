package proto

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"testing"

	"github.com/zkui/zkui/zk/internal/jute"
)

// allRecords lists one zero value of every generated record;
// TestAllRecordsListed keeps it in step with zz_generated.go.
func allRecords() []jute.Record {
	return []jute.Record{
		&Id{}, &ACL{}, &Stat{}, &StatPersisted{}, &ClientInfo{},
		&ConnectRequest{}, &ConnectResponse{}, &RequestHeader{}, &ReplyHeader{}, &MultiHeader{},
		&AuthPacket{}, &SetWatches{}, &SetWatches2{}, &WatcherEvent{}, &ErrorResponse{},
		&CreateRequest{}, &CreateTTLRequest{}, &CreateResponse{}, &Create2Response{},
		&DeleteRequest{}, &ExistsRequest{}, &ExistsResponse{}, &GetDataRequest{}, &GetDataResponse{},
		&SetDataRequest{}, &SetDataResponse{}, &GetACLRequest{}, &GetACLResponse{},
		&SetACLRequest{}, &SetACLResponse{}, &GetChildrenRequest{}, &GetChildrenResponse{},
		&GetChildren2Request{}, &GetChildren2Response{}, &CheckVersionRequest{},
		&SyncRequest{}, &SyncResponse{}, &ReconfigRequest{}, &CheckWatchesRequest{},
		&RemoveWatchesRequest{}, &AddWatchRequest{}, &GetEphemeralsRequest{}, &GetEphemeralsResponse{},
		&GetAllChildrenNumberRequest{}, &GetAllChildrenNumberResponse{}, &WhoAmIResponse{},
		&GetSASLRequest{}, &SetSASLResponse{},
		&FileHeader{},
		&TxnDigest{}, &TxnHeader{}, &CreateTxn{}, &CreateContainerTxn{}, &CreateTTLTxn{},
		&DeleteTxn{}, &SetDataTxn{}, &CheckVersionTxn{}, &SetACLTxn{}, &SetMaxChildrenTxn{},
		&CreateSessionTxn{}, &CloseSessionTxn{}, &ErrorTxn{}, &Txn{}, &MultiTxn{},
	}
}

func TestAllRecordsListed(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "zz_generated.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var generated []string
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, s := range gd.Specs {
				generated = append(generated, s.(*ast.TypeSpec).Name.Name)
			}
		}
	}
	var listed []string
	for _, r := range allRecords() {
		listed = append(listed, reflect.TypeOf(r).Elem().Name())
	}
	sort.Strings(generated)
	sort.Strings(listed)
	if !reflect.DeepEqual(generated, listed) {
		t.Fatalf("allRecords() is out of date:\n generated %v\n listed    %v", generated, listed)
	}
	// Every record of PROTOCOL.md must exist, so a schema edit cannot drop one.
	for _, name := range []string{"Id", "ACL", "Stat", "StatPersisted", "ClientInfo", "ConnectRequest",
		"ConnectResponse", "RequestHeader", "ReplyHeader", "MultiHeader", "AuthPacket", "SetWatches",
		"SetWatches2", "WatcherEvent", "ErrorResponse", "CreateRequest", "CreateTTLRequest",
		"CreateResponse", "Create2Response", "DeleteRequest", "ExistsRequest", "ExistsResponse",
		"GetDataRequest", "GetDataResponse", "SetDataRequest", "SetDataResponse", "GetACLRequest",
		"GetACLResponse", "SetACLRequest", "SetACLResponse", "GetChildrenRequest",
		"GetChildrenResponse", "GetChildren2Request", "GetChildren2Response", "CheckVersionRequest",
		"SyncRequest", "SyncResponse", "ReconfigRequest", "CheckWatchesRequest", "RemoveWatchesRequest",
		"AddWatchRequest", "GetEphemeralsRequest", "GetEphemeralsResponse", "GetAllChildrenNumberRequest",
		"GetAllChildrenNumberResponse", "WhoAmIResponse", "GetSASLRequest", "SetSASLResponse",
		"FileHeader", "TxnHeader", "TxnDigest", "CreateTxn", "CreateContainerTxn", "CreateTTLTxn",
		"DeleteTxn", "SetDataTxn", "CheckVersionTxn", "SetACLTxn", "SetMaxChildrenTxn",
		"CreateSessionTxn", "CloseSessionTxn", "ErrorTxn", "Txn", "MultiTxn"} {
		if i := sort.SearchStrings(generated, name); i == len(generated) || generated[i] != name {
			t.Errorf("record %s is missing from the schema", name)
		}
	}
}

// sliceMode chooses how fill sets slices, to cover the null/empty distinction.
type sliceMode int

const (
	slicesFull  sliceMode = iota // two elements each
	slicesEmpty                  // non-nil, length 0: encoded as count/length 0
	slicesNil                    // nil: encoded as -1
)

// filler sets every field of a record to distinct non-zero values. Tests may
// use reflection; the codec never does.
type filler struct {
	mode sliceMode
	seq  int
}

func (f *filler) fill(v reflect.Value) {
	f.seq++
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Uint8:
		v.SetUint(uint64(0x80 + f.seq%100))
	case reflect.Int32:
		v.SetInt(int64(-1000*f.seq - 7))
	case reflect.Int64:
		v.SetInt(int64(0x0102030405060708) * int64(f.seq))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(f.seq) + 0.5)
	case reflect.String:
		v.SetString("/zk/path-" + string(rune('a'+f.seq%26)) + "-\u00e9")
	case reflect.Struct:
		for i := range v.NumField() {
			f.fill(v.Field(i))
		}
	case reflect.Slice:
		switch f.mode {
		case slicesNil:
			v.SetZero()
		case slicesEmpty:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			s := reflect.MakeSlice(v.Type(), 2, 2)
			for i := range 2 {
				f.fill(s.Index(i))
			}
			v.Set(s)
		}
	default:
		panic("filler: unhandled kind " + v.Kind().String())
	}
}

// filled returns a new record of r's type with every field set.
func filled(r jute.Record, mode sliceMode) jute.Record {
	v := reflect.New(reflect.TypeOf(r).Elem())
	(&filler{mode: mode}).fill(v.Elem())
	return v.Interface().(jute.Record)
}

// fresh returns a new zero record of r's type.
func fresh(r jute.Record) jute.Record {
	return reflect.New(reflect.TypeOf(r).Elem()).Interface().(jute.Record)
}

func TestRoundTripEveryRecord(t *testing.T) {
	for _, zero := range allRecords() {
		name := reflect.TypeOf(zero).Elem().Name()
		for _, mode := range []sliceMode{slicesFull, slicesEmpty, slicesNil} {
			in := filled(zero, mode)
			prefix := []byte{0xaa, 0xbb}
			enc, err := in.Encode(prefix)
			if err != nil {
				t.Fatalf("%s mode %d: Encode: %v", name, mode, err)
			}
			if enc[0] != 0xaa || enc[1] != 0xbb {
				t.Fatalf("%s: Encode overwrote dst instead of appending", name)
			}
			body := enc[2:]
			out := fresh(zero)
			n, err := out.Decode(append(body, 0xcc)) // trailing byte must not be consumed
			if err != nil {
				t.Fatalf("%s mode %d: Decode: %v", name, mode, err)
			}
			if n != len(body) {
				t.Errorf("%s mode %d: consumed %d bytes, encoded %d", name, mode, n, len(body))
			}
			if !reflect.DeepEqual(in, out) {
				t.Errorf("%s mode %d: round trip changed the record:\n in  %+v\n out %+v", name, mode, in, out)
			}
			// Decoding into a record that already holds other values must
			// give the same result: reused capacity may not leak stale data.
			reused := filled(zero, slicesFull)
			if _, err := reused.Decode(body); err != nil {
				t.Fatalf("%s mode %d: Decode into used record: %v", name, mode, err)
			}
			if !reflect.DeepEqual(in, reused) {
				t.Errorf("%s mode %d: decode into a used record differs:\n in  %+v\n out %+v", name, mode, in, reused)
			}
			// Every strict prefix must fail cleanly, never panic or succeed.
			for cut := range len(body) {
				if _, err := fresh(zero).Decode(body[:cut]); err == nil {
					t.Errorf("%s mode %d: decoding %d of %d bytes succeeded", name, mode, cut, len(body))
					break
				}
			}
		}
	}
}
