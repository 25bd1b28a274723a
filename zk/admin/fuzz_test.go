package admin

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Fuzz targets, one per parser, seeded with the real fixtures. Run one
// with e.g. go test -run '^$' -fuzz '^FuzzSrvr$' -fuzztime 15s ./zk/admin/
// The property: no input panics, and an error is always a typed one.

func seed(f *testing.F, prefixes ...string) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		for _, p := range prefixes {
			if strings.HasPrefix(e.Name(), p) {
				b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
				if err != nil {
					f.Fatal(err)
				}
				f.Add(b)
			}
		}
	}
}

// checkResult fails unless err is nil with a result, or a *ParseError.
func checkResult(t *testing.T, ok bool, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, ErrParse) {
			t.Fatalf("untyped error %T: %v", err, err)
		}
		return
	}
	if !ok {
		t.Fatal("nil result without an error")
	}
}

func FuzzSrvr(f *testing.F) {
	seed(f, "srvr", "stat", "leader_srvr", "follower_srvr")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, cmd := range []string{"srvr", "stat"} {
			s, err := parseSrvr(cmd, b)
			checkResult(t, s != nil, err)
		}
	})
}

func FuzzMntr(f *testing.F) {
	seed(f, "mntr", "leader_mntr", "follower_mntr")
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := parseMntr(b)
		checkResult(t, m != nil, err)
		if err == nil && m.Values == nil {
			t.Fatal("nil Values")
		}
	})
}

func FuzzCons(f *testing.F) {
	seed(f, "cons", "stat")
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := parseCons(b)
		checkResult(t, true, err)
	})
}

func FuzzConf(f *testing.F) {
	seed(f, "conf", "envi", "leader_conf", "follower_conf")
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := parseConf(b)
		checkResult(t, c != nil, err)
		e, err := parseEnvi(b)
		checkResult(t, e != nil, err)
	})
}

func FuzzWatches(f *testing.F) {
	seed(f, "wchs", "wchc", "wchp")
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := parseWchs(b)
		checkResult(t, s != nil, err)
		c, err := parseWchc(b)
		checkResult(t, c != nil, err)
		p, err := parseWchp(b)
		checkResult(t, p != nil, err)
	})
}

func FuzzDump(f *testing.F) {
	seed(f, "dump")
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := parseDump(b)
		checkResult(t, d != nil, err)
		if err == nil && (d.SessionCount < 0 || d.Ephemerals == nil) {
			t.Fatalf("bad dump %+v", d)
		}
	})
}

func FuzzSmall(f *testing.F) {
	seed(f, "dirs", "isro", "ruok", "crst", "srst", "notwhitelisted")
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := parseDirs(b)
		checkResult(t, d != nil, err)
		_, err = parseIsro(b)
		checkResult(t, true, err)
		_, err = parseRuok(b)
		checkResult(t, true, err)
		checkResult(t, true, parseReset("crst", b))
		if err := checkAnswer("mntr", b); err != nil && !errors.Is(err, ErrNotWhitelisted) &&
			!errors.Is(err, ErrNotServing) && !errors.Is(err, ErrParse) {
			t.Fatalf("untyped %v", err)
		}
	})
}

func FuzzJSON(f *testing.F) {
	seed(f, "admin_")
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := decodeServerStats("stats", b)
		checkResult(t, s != nil, err)
		_, err = decodeConnections(b)
		checkResult(t, true, err)
		m, err := decodeMonitor(b)
		checkResult(t, m != nil, err)
		c, err := decodeConfiguration(b)
		checkResult(t, c != nil, err)
		e, err := decodeEnvironment(b)
		checkResult(t, e != nil, err)
		ws, err := decodeWatchSummary(b)
		checkResult(t, ws != nil, err)
		_, err = decodeWatches(b)
		checkResult(t, true, err)
		_, err = decodeWatchesByPath(b)
		checkResult(t, true, err)
		d, err := decodeDump(b)
		checkResult(t, d != nil, err)
		_, err = decodeIsReadOnly(b)
		checkResult(t, true, err)
		dirs, err := decodeDirs(b)
		checkResult(t, dirs != nil, err)
		if err := checkJSONError("x", b); err != nil && !errors.Is(err, ErrParse) && !errors.Is(err, ErrAdminServer) {
			t.Fatalf("untyped %v", err)
		}
	})
}
