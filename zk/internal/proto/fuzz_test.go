package proto

import (
	"reflect"
	"testing"

	"github.com/zkui/zkui/zk/internal/jute"
)

// Fuzz targets for every record the server sends to a client: these decoders
// face untrusted bytes. Run one with, e.g.
//
//	go test ./zk/internal/proto -run '^$' -fuzz '^FuzzGetDataResponse$' -fuzztime 30s
//
// Invariants: Decode never panics and never consumes more than it was given;
// when it succeeds, re-encoding and decoding again yields the same value
// (decoding normalises, e.g. null strings and non-zero booleans, so the bytes
// may differ but the value may not), and decoding into a record holding
// other values gives the same result as decoding into a fresh one.

// fuzzRecord runs the invariants for records of type T.
func fuzzRecord[T any, P interface {
	*T
	jute.Record
}](f *testing.F) {
	for _, mode := range []sliceMode{slicesFull, slicesEmpty, slicesNil} {
		seed, err := filled(P(new(T)), mode).Encode(nil)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(seed)
		f.Add(seed[:len(seed)/2])
	}
	zero, err := P(new(T)).Encode(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(zero)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff})
	f.Add([]byte{0x7f, 0xff, 0xff, 0xff, 0})
	f.Fuzz(func(t *testing.T, src []byte) {
		first := P(new(T))
		n, err := first.Decode(src)
		if n < 0 || n > len(src) {
			t.Fatalf("Decode consumed %d of %d bytes (err %v)", n, len(src), err)
		}
		if err != nil {
			return
		}
		enc, err := first.Encode(nil)
		if err != nil {
			t.Fatalf("re-encoding a decoded record: %v", err)
		}
		second := P(new(T))
		m, err := second.Decode(enc)
		if err != nil {
			t.Fatalf("decoding a re-encoded record: %v", err)
		}
		if m != len(enc) {
			t.Fatalf("re-decoding consumed %d of %d bytes", m, len(enc))
		}
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("round trip changed the value:\n first  %+v\n second %+v", first, second)
		}
		used := filled(P(new(T)), slicesFull).(P)
		if _, err := used.Decode(src); err != nil {
			t.Fatalf("decoding into a used record failed: %v", err)
		}
		if !reflect.DeepEqual(first, used) {
			t.Fatalf("decoding into a used record differs:\n fresh %+v\n used  %+v", first, used)
		}
	})
}

func FuzzConnectResponse(f *testing.F) { fuzzRecord[ConnectResponse](f) }
func FuzzReplyHeader(f *testing.F)     { fuzzRecord[ReplyHeader](f) }
func FuzzMultiHeader(f *testing.F)     { fuzzRecord[MultiHeader](f) }
func FuzzWatcherEvent(f *testing.F)    { fuzzRecord[WatcherEvent](f) }
func FuzzErrorResponse(f *testing.F)   { fuzzRecord[ErrorResponse](f) }
func FuzzCreateResponse(f *testing.F)  { fuzzRecord[CreateResponse](f) }
func FuzzCreate2Response(f *testing.F) { fuzzRecord[Create2Response](f) }
func FuzzExistsResponse(f *testing.F)  { fuzzRecord[ExistsResponse](f) }
func FuzzGetDataResponse(f *testing.F) { fuzzRecord[GetDataResponse](f) }
func FuzzSetDataResponse(f *testing.F) { fuzzRecord[SetDataResponse](f) }
func FuzzGetACLResponse(f *testing.F)  { fuzzRecord[GetACLResponse](f) }
func FuzzSetACLResponse(f *testing.F)  { fuzzRecord[SetACLResponse](f) }
func FuzzGetChildrenResponse(f *testing.F) {
	fuzzRecord[GetChildrenResponse](f)
}
func FuzzGetChildren2Response(f *testing.F) {
	fuzzRecord[GetChildren2Response](f)
}
func FuzzSyncResponse(f *testing.F) { fuzzRecord[SyncResponse](f) }
func FuzzGetEphemeralsResponse(f *testing.F) {
	fuzzRecord[GetEphemeralsResponse](f)
}
func FuzzGetAllChildrenNumberResponse(f *testing.F) {
	fuzzRecord[GetAllChildrenNumberResponse](f)
}
func FuzzWhoAmIResponse(f *testing.F)  { fuzzRecord[WhoAmIResponse](f) }
func FuzzSetSASLResponse(f *testing.F) { fuzzRecord[SetSASLResponse](f) }

// The offline snapshot and log reader will decode these from files that may
// be truncated or corrupt.
func FuzzTxnHeader(f *testing.F) { fuzzRecord[TxnHeader](f) }
func FuzzMultiTxn(f *testing.F)  { fuzzRecord[MultiTxn](f) }
func FuzzCreateTxn(f *testing.F) { fuzzRecord[CreateTxn](f) }
