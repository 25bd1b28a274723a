package zktest

import (
	"fmt"
	"net"
	"sync"
)

// handedOut remembers every port this process gave to a server, so that two
// servers started in parallel by one test binary never get the same one (the
// kernel may hand a just-closed port out again). Other processes can still
// race us for a port; Start then retries with fresh ports.
var handedOut = struct {
	sync.Mutex
	ports map[int]bool
}{ports: map[int]bool{}}

// pickPorts is freePorts; tests replace it to provoke a port clash.
var pickPorts = freePorts

// freePorts returns n distinct loopback ports that were free a moment ago.
func freePorts(n int) ([]int, error) {
	handedOut.Lock()
	defer handedOut.Unlock()
	var (
		ports []int
		held  []net.Listener
	)
	// Hold every listener until all n are chosen, so the kernel cannot give
	// the same port twice in one call.
	defer func() {
		for _, l := range held {
			l.Close()
		}
	}()
	for len(ports) < n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("zktest: pick a free port: %w", err)
		}
		held = append(held, l)
		p := l.Addr().(*net.TCPAddr).Port
		if handedOut.ports[p] {
			continue
		}
		handedOut.ports[p] = true
		ports = append(ports, p)
	}
	return ports, nil
}
