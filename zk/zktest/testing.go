package zktest

import (
	"testing"
	"time"
)

// reportLines caps how much of a server's log a failed test prints.
const reportLines = 300

// Standalone starts a standalone server in t.TempDir() and stops it when the
// test ends; if the test failed, the server's log is written to the test log.
// It calls t.Fatal when the server cannot start, including when ZooKeeper is
// not installed (the message names scripts/install-zookeeper.sh).
func Standalone(t testing.TB, opts ...Option) *Server {
	t.Helper()
	t0 := time.Now()
	s, err := Start(t.Context(), t.TempDir(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("zktest: standalone ZooKeeper serving on %s after %v", s.Addr, time.Since(t0).Round(time.Millisecond))
	cleanup(t, s)
	return s
}

// NewEnsemble starts n servers forming one quorum in t.TempDir() and stops
// them when the test ends, logging every member's log if the test failed. It
// calls t.Fatal when the ensemble cannot start.
func NewEnsemble(t testing.TB, n int, opts ...Option) *Ensemble {
	t.Helper()
	t0 := time.Now()
	e, err := StartEnsemble(t.Context(), t.TempDir(), n, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("zktest: %d-member ensemble serving on %s after %v", n, e.ConnectString(), time.Since(t0).Round(time.Millisecond))
	for _, s := range e.Servers {
		cleanup(t, s)
	}
	return e
}

// cleanup stops s when the test ends. It is registered after t.TempDir, so
// it runs first and the directory is removed only after the JVM is gone.
func cleanup(t testing.TB, s *Server) {
	t.Cleanup(func() {
		// Kill rather than Stop: graceful shutdown buys a test nothing and
		// costs up to a second per server.
		if err := s.Kill(); err != nil {
			t.Errorf("zktest: %v", err)
		}
		if t.Failed() {
			t.Logf("zktest: log of server %d (%s):\n%s", s.ID, s.Addr, s.logTail(reportLines))
		}
	})
}

// StartProxy starts a fault-injecting proxy to target and closes it when the
// test ends.
func StartProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	p, err := NewProxy(target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Close(); err != nil {
			t.Errorf("zktest: close proxy: %v", err)
		}
	})
	return p
}
