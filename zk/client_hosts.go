package zk

import (
	"math/rand/v2"
	"strings"
)

// hostList is the Client's list of servers and where the next connection
// attempt starts. Only the reconnect loop uses it, so it needs no lock.
// Addresses stay names: the dialer resolves them again on every attempt, so
// a server that moved to another address is found.
type hostList struct {
	hosts []string
	next  int
}

func newHostList(servers string, order HostOrder) (*hostList, error) {
	hosts := FormatServers(strings.Split(servers, ","))
	if len(hosts) == 0 {
		return nil, inputError("connect", "", ErrBadInput, "the ensemble names no server")
	}
	if order == HostsShuffled {
		rand.Shuffle(len(hosts), func(i, j int) { hosts[i], hosts[j] = hosts[j], hosts[i] })
	}
	return &hostList{hosts: hosts}, nil
}

// take returns the next server to try and moves past it, so that after a
// connection loss the next attempt goes to another server first.
func (h *hostList) take() string {
	s := h.hosts[h.next]
	h.next = (h.next + 1) % len(h.hosts)
	return s
}

// prefer makes addr the next server tried.
func (h *hostList) prefer(addr string) {
	for i, s := range h.hosts {
		if s == addr {
			h.next = i
			return
		}
	}
}

func (h *hostList) len() int { return len(h.hosts) }
