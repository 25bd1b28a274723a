package admin

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Helpers over a list of servers, in the shape of the seed library's
// FLWSrvr/FLWRuok/FLWCons: four-letter words only, every server asked
// concurrently, one result per server in the order of the input, each with
// its own error so one dead server does not hide the others.

// RuokResult is one server's answer to ruok.
type RuokResult struct {
	Server string
	OK     bool
	Err    error
}

// SrvrResult is one server's answer to srvr.
type SrvrResult struct {
	Server string
	Stats  *ServerStats
	Err    error
}

// ConsResult is one server's answer to cons.
type ConsResult struct {
	Server      string
	Connections []Connection
	Err         error
}

// FLWRuok sends ruok to every server; timeout bounds each server (0: only
// ctx does).
func FLWRuok(ctx context.Context, servers []string, timeout time.Duration, opts ...Option) []RuokResult {
	out := make([]RuokResult, len(servers))
	each(ctx, servers, timeout, opts, func(ctx context.Context, cfg *config, i int, s string) {
		r := RuokResult{Server: s}
		var b []byte
		if b, r.Err = cfg.fourLetter(ctx, s, "ruok"); r.Err == nil {
			r.OK, r.Err = parseRuok(b)
		}
		out[i] = r
	})
	return out
}

// FLWSrvr sends srvr to every server.
func FLWSrvr(ctx context.Context, servers []string, timeout time.Duration, opts ...Option) []SrvrResult {
	out := make([]SrvrResult, len(servers))
	each(ctx, servers, timeout, opts, func(ctx context.Context, cfg *config, i int, s string) {
		r := SrvrResult{Server: s}
		var b []byte
		if b, r.Err = cfg.fourLetter(ctx, s, "srvr"); r.Err == nil {
			r.Stats, r.Err = parseSrvr("srvr", b)
		}
		out[i] = r
	})
	return out
}

// FLWCons sends cons to every server.
func FLWCons(ctx context.Context, servers []string, timeout time.Duration, opts ...Option) []ConsResult {
	out := make([]ConsResult, len(servers))
	each(ctx, servers, timeout, opts, func(ctx context.Context, cfg *config, i int, s string) {
		r := ConsResult{Server: s}
		var b []byte
		if b, r.Err = cfg.fourLetter(ctx, s, "cons"); r.Err == nil {
			r.Connections, r.Err = parseCons(b)
		}
		out[i] = r
	})
	return out
}

// each runs f for every server on its own goroutine and waits for all.
// Each goroutine writes only its own slot of the result slice.
func each(ctx context.Context, servers []string, timeout time.Duration, opts []Option,
	f func(ctx context.Context, cfg *config, i int, server string)) {
	cfg := newConfig(slices.Concat(opts, []Option{WithTimeout(timeout)}))
	var wg sync.WaitGroup
	for i, s := range servers {
		wg.Go(func() { f(ctx, cfg, i, s) })
	}
	wg.Wait()
}
