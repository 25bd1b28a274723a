package proto

import (
	"bytes"
	"testing"
)

// Targets: 0 allocations to encode into a reused buffer; decoding
// GetDataResponse into a fresh struct costs the data copy (1 allocation),
// into a reused struct nothing.

func benchGetData() (GetDataRequest, GetDataResponse) {
	return GetDataRequest{Path: "/app/config/service-0000000042", Watch: true},
		GetDataResponse{Data: bytes.Repeat([]byte{'x'}, 100), Stat: Stat{Czxid: 1, Mzxid: 2, Version: 3, DataLength: 100}}
}

func BenchmarkEncodeGetDataRequest(b *testing.B) {
	req, _ := benchGetData()
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = req.Encode(buf[:0])
	}
}

func BenchmarkDecodeGetDataRequest(b *testing.B) {
	req, _ := benchGetData()
	src, _ := req.Encode(nil)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var r GetDataRequest // the path string is the one allocation
		if _, err := r.Decode(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeGetDataResponse(b *testing.B) {
	_, resp := benchGetData()
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = resp.Encode(buf[:0])
	}
}

func BenchmarkDecodeGetDataResponseFresh(b *testing.B) {
	_, resp := benchGetData()
	src, _ := resp.Encode(nil)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var r GetDataResponse
		if _, err := r.Decode(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeGetDataResponseReused(b *testing.B) {
	_, resp := benchGetData()
	src, _ := resp.Encode(nil)
	var r GetDataResponse
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Decode(src); err != nil {
			b.Fatal(err)
		}
	}
}
