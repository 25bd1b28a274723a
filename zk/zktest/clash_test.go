package zktest

import (
	"net"
	"testing"
)

// TestStartRetriesOnPortClash hands Start a client port that another
// listener holds: the server fails to bind, and Start must retry on fresh
// ports. Not parallel: it swaps the package's port picker.
func TestStartRetriesOnPortClash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	busy := taken.Addr().(*net.TCPAddr).Port

	calls := 0
	pickPorts = func(n int) ([]int, error) {
		calls++
		p, err := freePorts(n)
		if err == nil && calls == 1 {
			p[0] = busy
		}
		return p, err
	}
	defer func() { pickPorts = freePorts }()

	s := Standalone(t, WithoutAdminServer())
	if calls < 2 {
		t.Errorf("ports picked %d times, want a retry", calls)
	}
	if s.Addr == taken.Addr().String() {
		t.Errorf("server claims the taken address %s", s.Addr)
	}
	if got := Mode(fourLetter(t, s.Addr, "srvr")); got != "standalone" {
		t.Errorf("srvr mode = %q, want standalone", got)
	}
}
