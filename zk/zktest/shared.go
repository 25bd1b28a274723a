package zktest

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"
)

// One server per test binary for the tests that do not need their own:
// starting a JVM per test would cost seconds each. Tests keep out of each
// other's way by working under their own root path.
var shared struct {
	once sync.Once
	srv  *Server
	dir  string
	err  error
}

// Shared returns the test binary's shared standalone server (default
// options), starting it on first use. It fails the test, never skips it,
// when the server cannot start; with -short it skips, as every integration
// test does. Call Main from TestMain so the server is stopped at the end.
func Shared(tb testing.TB) *Server {
	tb.Helper()
	if testing.Short() {
		tb.Skip("integration test: needs a real ZooKeeper (run without -short)")
	}
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "zktest-shared-")
		if shared.err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		shared.srv, shared.err = Start(ctx, shared.dir)
	})
	if shared.err != nil {
		tb.Fatal(shared.err) // names the install script when ZooKeeper is missing
	}
	return shared.srv
}

// Main runs the tests and then stops the shared server, if one was started:
//
//	func TestMain(m *testing.M) { zktest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	if shared.srv != nil {
		shared.srv.Kill()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}
