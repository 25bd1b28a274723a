package admin

import (
	"fmt"
	"strings"
)

// Mode is the role a server plays, as reported by srvr ("Mode:"), mntr
// (zk_server_state) and the AdminServer (server_state).
type Mode int

// The server roles. ModeUnknown stands for any text this package does not
// know, so a newer server never makes a parse fail.
const (
	ModeUnknown Mode = iota
	ModeStandalone
	ModeLeader
	ModeFollower
	ModeObserver
	ModeReadOnly
)

var modeNames = [...]string{
	ModeUnknown:    "unknown",
	ModeStandalone: "standalone",
	ModeLeader:     "leader",
	ModeFollower:   "follower",
	ModeObserver:   "observer",
	ModeReadOnly:   "read-only",
}

// String returns the server's own spelling of the mode.
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modeNames[m]
}

// ParseMode maps the server's spelling of a mode to a Mode; unknown text
// gives ModeUnknown.
func ParseMode(s string) Mode {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "readonly", "ro":
		// Spellings seen in older servers and the isro answer.
		return ModeReadOnly
	}
	for i, n := range modeNames {
		if i != int(ModeUnknown) && n == s {
			return Mode(i)
		}
	}
	return ModeUnknown
}

// Zxid is a ZooKeeper transaction id: the leader epoch in the high 32 bits,
// a counter within that epoch in the low 32 bits.
type Zxid int64

// Epoch returns the leader epoch that issued the transaction.
func (z Zxid) Epoch() int64 { return int64(uint64(z) >> 32) }

// Counter returns the transaction's position within its epoch.
func (z Zxid) Counter() int64 { return int64(uint64(z) & 0xffffffff) }

// String formats the zxid the way the server prints it (0x-prefixed hex).
func (z Zxid) String() string { return fmt.Sprintf("0x%x", uint64(z)) }

// Source says where an answer came from.
type Source int

// The two ways to ask a server for statistics.
const (
	// AdminServer is the Jetty HTTP server (admin.serverPort, default 8080).
	AdminServer Source = iota + 1
	// FourLetterWords is the raw command on the client port.
	FourLetterWords
)

// String names the source.
func (s Source) String() string {
	switch s {
	case AdminServer:
		return "AdminServer"
	case FourLetterWords:
		return "four-letter words"
	}
	return fmt.Sprintf("Source(%d)", int(s))
}
