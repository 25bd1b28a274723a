package zktest

import (
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
)

// SuperUser and SuperPassword are the digest credentials of the super user
// configured by WithReconfig: add them with the "digest" scheme
// ("super:zktest-super") to run reconfig or bypass ACLs.
const (
	SuperUser     = "super"
	SuperPassword = "zktest-super"
)

// superDigest is the superDigest system property value: user:BASE64(SHA1(user:password)).
func superDigest() string {
	sum := sha1.Sum([]byte(SuperUser + ":" + SuperPassword))
	return SuperUser + ":" + base64.StdEncoding.EncodeToString(sum[:])
}

// jaasConfig renders the JAAS "Server" section that ZooKeeper's SASL
// authentication reads: DigestLoginModule with one user_<name>="<password>"
// option per user, in a stable order.
func jaasConfig(users map[string]string) string {
	names := make([]string, 0, len(users))
	for u := range users {
		names = append(names, u)
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString("Server {\n  org.apache.zookeeper.server.auth.DigestLoginModule required")
	for _, u := range names {
		fmt.Fprintf(&b, "\n  user_%s=%s", u, jaasQuote(users[u]))
	}
	b.WriteString(";\n};\n")
	return b.String()
}

// jaasQuote quotes a JAAS option value; backslashes and quotes are escaped.
func jaasQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}
