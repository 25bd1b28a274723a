package zktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestJAASConfig(t *testing.T) {
	got := jaasConfig(map[string]string{"bob": "pw", "eve": `q"\x`})
	want := "Server {\n" +
		"  org.apache.zookeeper.server.auth.DigestLoginModule required\n" +
		"  user_bob=\"pw\"\n" +
		"  user_eve=\"q\\\"\\\\x\";\n" +
		"};\n"
	if got != want {
		t.Errorf("jaasConfig =\n%s\nwant\n%s", got, want)
	}
}

func TestSuperDigest(t *testing.T) {
	// BASE64(SHA1("super:zktest-super")), computed independently with
	// `printf super:zktest-super | openssl sha1 -binary | base64`.
	if got, want := superDigest(), "super:"+superDigestWant; got != want {
		t.Errorf("superDigest = %q, want %q", got, want)
	}
}

// saslProbe logs in with kazoo (an independent client) over SASL
// DIGEST-MD5, creates a node readable only by sasl:<user> and reads it back.
// It prints "ok" or the error.
const saslProbe = `
import sys
from kazoo.client import KazooClient
from kazoo.security import make_acl
addr, user, pw = sys.argv[1:4]
zk = KazooClient(hosts=addr, timeout=10, sasl_options={
    "mechanism": "DIGEST-MD5", "username": user, "password": pw})
try:
    zk.start(timeout=10)
    zk.create("/sasl-" + user, b"secret", acl=[make_acl("sasl", user, all=True)])
    data, _ = zk.get("/sasl-" + user)
    print("ok" if data == b"secret" else "bad data %r" % data)
except Exception as e:
    print("error %s: %s" % (type(e).__name__, e))
finally:
    zk.stop()
`

// kazooPython is the interpreter that Debian's python3-kazoo installs for.
const kazooPython = "/usr/bin/python3"

func TestSASLServerStarts(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	if err := exec.Command(kazooPython, "-c", "import kazoo, puresasl").Run(); err != nil {
		t.Fatalf("python3-kazoo with pure-sasl missing (%v): run scripts/install-zookeeper.sh", err)
	}
	s := Standalone(t, WithSASLDigest(map[string]string{"bob": "bobpw"}), WithoutAdminServer())
	jaas, err := os.ReadFile(filepath.Join(s.Dir, jaasFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(jaas), `user_bob="bobpw"`) {
		t.Errorf("JAAS file lacks bob:\n%s", jaas)
	}
	probe := func(user, pw string) string {
		out, err := exec.CommandContext(t.Context(), kazooPython, "-c", saslProbe, s.Addr, user, pw).CombinedOutput()
		if err != nil {
			t.Fatalf("kazoo probe: %v\n%s", err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if got := probe("bob", "bobpw"); !strings.HasSuffix(got, "ok") {
		t.Errorf("SASL login as bob: %s", got)
	}
	if got := probe("bob", "wrong"); !strings.Contains(got, "error") {
		t.Errorf("SASL login with a wrong password: %q, want an error", got)
	} else {
		t.Logf("wrong password: %s", got)
	}
}

const superDigestWant = "TjGUOtGE8Bl10VmAtVmcayioQz4="
