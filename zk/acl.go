package zk

import (
	"crypto/sha1"
	"encoding/base64"
	"strings"

	"github.com/zkui/zkui/zk/internal/proto"
)

// Perm is a set of ACL permission bits.
type Perm int32

// Permission bits (PROTOCOL.md, "ACLs").
const (
	PermRead   Perm = 1
	PermWrite  Perm = 2
	PermCreate Perm = 4
	PermDelete Perm = 8
	PermAdmin  Perm = 16
	PermAll    Perm = 31
)

// String renders perms as letters in the order "rwcda", with '-' for a
// missing bit: "rw---".
func (p Perm) String() string {
	b := []byte("-----")
	for i, bit := range []Perm{PermRead, PermWrite, PermCreate, PermDelete, PermAdmin} {
		if p&bit != 0 {
			b[i] = "rwcda"[i]
		}
	}
	return string(b)
}

// ACL is one entry of a node's access control list.
type ACL struct {
	Perms  Perm
	Scheme string // world, auth, digest, ip, x509, sasl
	ID     string
}

func (a ACL) String() string { return a.Scheme + ":" + a.ID + ":" + a.Perms.String() }

// WorldACL gives perms to anyone.
func WorldACL(perms Perm) []ACL { return []ACL{{Perms: perms, Scheme: "world", ID: "anyone"}} }

// AuthACL gives perms to every identity the creating session authenticated
// with (the "auth" scheme).
func AuthACL(perms Perm) []ACL { return []ACL{{Perms: perms, Scheme: "auth", ID: ""}} }

// DigestACL gives perms to the digest user with that password. The id carries
// only the digest, base64(sha1("user:password")), never the password.
func DigestACL(perms Perm, user, password string) []ACL {
	return []ACL{{Perms: perms, Scheme: "digest", ID: user + ":" + DigestPassword(user, password)}}
}

// DigestPassword is the digest ZooKeeper stores for a user and password.
func DigestPassword(user, password string) string {
	sum := sha1.Sum([]byte(user + ":" + password))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// IPACL gives perms to clients from addr, which may carry a "/bits" mask.
func IPACL(perms Perm, addr string) []ACL { return []ACL{{Perms: perms, Scheme: "ip", ID: addr}} }

func aclsToProto(acl []ACL) []proto.ACL {
	out := make([]proto.ACL, len(acl))
	for i, a := range acl {
		out[i] = proto.ACL{Perms: int32(a.Perms), Id: proto.Id{Scheme: a.Scheme, Id: a.ID}}
	}
	return out
}

func aclsFromProto(acl []proto.ACL) []ACL {
	out := make([]ACL, len(acl))
	for i, a := range acl {
		out[i] = ACL{Perms: Perm(a.Perms), Scheme: a.Id.Scheme, ID: a.Id.Id}
	}
	return out
}

// ParseACL parses "scheme:id:perms" (perms as letters from "rwcda", or "all"),
// e.g. "world:anyone:rwcda", "digest:bob:Hash=:r", "ip:10.0.0.0/8:rw".
func ParseACL(s string) (ACL, error) {
	i := strings.IndexByte(s, ':')
	j := strings.LastIndexByte(s, ':')
	if i < 0 || j == i {
		return ACL{}, inputError("parseACL", "", ErrBadInput, "%q: want scheme:id:perms", s)
	}
	scheme, id, ps := s[:i], s[i+1:j], s[j+1:]
	if scheme == "" {
		return ACL{}, inputError("parseACL", "", ErrBadInput, "%q: empty scheme", s)
	}
	p, err := ParsePerms(ps)
	if err != nil {
		return ACL{}, err
	}
	return ACL{Perms: p, Scheme: scheme, ID: id}, nil
}

// ParsePerms parses permission letters from "rwcda" (any order, '-' ignored)
// or the word "all".
func ParsePerms(s string) (Perm, error) {
	if strings.EqualFold(s, "all") {
		return PermAll, nil
	}
	var p Perm
	for _, r := range s {
		switch r {
		case 'r':
			p |= PermRead
		case 'w':
			p |= PermWrite
		case 'c':
			p |= PermCreate
		case 'd':
			p |= PermDelete
		case 'a':
			p |= PermAdmin
		case '-':
		default:
			return 0, inputError("parseACL", "", ErrBadInput, "permission %q: use letters from rwcda", string(r))
		}
	}
	if p == 0 {
		return 0, inputError("parseACL", "", ErrBadInput, "no permissions in %q", s)
	}
	return p, nil
}
