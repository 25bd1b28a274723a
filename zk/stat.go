package zk

import (
	"time"

	"github.com/zkui/zkui/zk/internal/proto"
)

// Stat is a node's metadata as the server keeps it.
type Stat struct {
	Czxid          int64 // zxid of the create
	Mzxid          int64 // zxid of the last data change
	Ctime          int64 // ms since the epoch, at create
	Mtime          int64 // ms since the epoch, at the last data change
	Version        int32 // data version
	Cversion       int32 // children version
	Aversion       int32 // ACL version
	EphemeralOwner int64 // owner session, or a container/TTL marker (see Kind)
	DataLength     int32
	NumChildren    int32
	Pzxid          int64 // zxid of the last change to the children
}

func statFrom(s *proto.Stat) Stat {
	return Stat{
		Czxid: s.Czxid, Mzxid: s.Mzxid, Ctime: s.Ctime, Mtime: s.Mtime,
		Version: s.Version, Cversion: s.Cversion, Aversion: s.Aversion,
		EphemeralOwner: s.EphemeralOwner, DataLength: s.DataLength,
		NumChildren: s.NumChildren, Pzxid: s.Pzxid,
	}
}

// NodeKind is the kind of a node as told by its Stat.
type NodeKind int

// Node kinds.
const (
	KindPersistent NodeKind = iota
	KindEphemeral
	KindContainer
	KindTTL
)

func (k NodeKind) String() string {
	switch k {
	case KindEphemeral:
		return "ephemeral"
	case KindContainer:
		return "container"
	case KindTTL:
		return "ttl"
	}
	return "persistent"
}

// ephemeralOwner markers (PROTOCOL.md): a container has exactly the top bit
// set; a TTL node has 0xff in the high byte and the TTL in the low 40 bits.
const (
	containerMarker = int64(-1) << 63
	ttlHighByte     = 0xff
	ttlMask         = int64(1)<<40 - 1
)

// Kind tells persistent, ephemeral, container and TTL nodes apart. Note that
// servers (3.8 at least) hide the container and TTL markers from clients:
// the Stat they send has ephemeralOwner 0 for those nodes, so Kind tells
// them apart only in stats read from snapshots and transaction logs.
func (s *Stat) Kind() NodeKind {
	switch {
	case s.EphemeralOwner == 0:
		return KindPersistent
	case s.EphemeralOwner == containerMarker:
		return KindContainer
	case uint64(s.EphemeralOwner)>>56 == ttlHighByte:
		return KindTTL
	}
	return KindEphemeral
}

// Owner returns the session that owns an ephemeral node, or 0.
func (s *Stat) Owner() int64 {
	if s.Kind() == KindEphemeral {
		return s.EphemeralOwner
	}
	return 0
}

// TTL returns the time to live of a TTL node, or 0.
func (s *Stat) TTL() time.Duration {
	if s.Kind() != KindTTL {
		return 0
	}
	return time.Duration(s.EphemeralOwner&ttlMask) * time.Millisecond
}

// Created is the creation time.
func (s *Stat) Created() time.Time { return time.UnixMilli(s.Ctime) }

// Modified is the time of the last data change.
func (s *Stat) Modified() time.Time { return time.UnixMilli(s.Mtime) }
