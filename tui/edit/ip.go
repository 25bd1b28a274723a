package edit

import "net"

// ipMatches reports whether addr falls within entry (an address or a CIDR
// range), as the server's ip scheme compares them.
func ipMatches(entry, addr string) bool {
	ip := net.ParseIP(addr)
	if ip == nil {
		return false
	}
	if _, n, err := net.ParseCIDR(entry); err == nil {
		return n.Contains(ip)
	}
	e := net.ParseIP(entry)
	return e != nil && e.Equal(ip)
}
