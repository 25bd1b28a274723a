package zk

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// clientGoroutines counts goroutines running code of this package's types
// (connections, clients, event pumps), test functions excluded.
func clientGoroutines() (int, string) {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	var sample string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "github.com/zkui/zkui/zk.(*") && !strings.Contains(g, "zk/zktest") {
			n++
			if sample == "" {
				sample = g
			}
		}
	}
	return n, sample
}

// waitNoClientGoroutines fails when goroutines of Conn, Client or event
// queues are still alive a while after Reset.
func waitNoClientGoroutines(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, sample := clientGoroutines()
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines of the zk package outlive Reset, e.g.:\n%s", n, sample)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
