// Package zktest starts real ZooKeeper servers for tests and demos, and
// provides a fault-injecting TCP proxy to put between a client and them.
//
// The servers are Debian's ZooKeeper (3.8) run as plain JVMs
// (org.apache.zookeeper.server.quorum.QuorumPeerMain) in a directory of
// their own, on free loopback ports, with a small fast-starting JVM. A
// standalone server serves within about a second on an idle machine.
//
// # In tests
//
// Integration tests of other packages start what they need and let the test
// clean up:
//
//	func TestSomething(t *testing.T) {
//		if testing.Short() {
//			t.Skip("needs a real ZooKeeper")
//		}
//		srv := zktest.Standalone(t)            // in t.TempDir(), killed at the end
//		c := dial(t, srv.Addr)                 // "127.0.0.1:<port>"
//		...
//	}
//
//	e := zktest.NewEnsemble(t, 3)                  // a quorum of three
//	c := dial(t, e.ConnectString())                // "127.0.0.1:p1,127.0.0.1:p2,..."
//	leader, _ := e.Leader(ctx)
//	leader.Kill()                                  // SIGKILL, like a crash
//	e.WaitQuorum(ctx)                              // the other two elect a new leader
//	leader.Restart(ctx)                            // same ports and data; rejoins
//
//	p := zktest.StartProxy(t, srv.Addr)            // client -> p.Addr() -> server
//	p.Blackhole()                                  // a hung server / partition
//	p.ResetAll()                                   // every connection gets an RST
//	p.Pass()                                       // healed
//
// When a test fails, the log of each of its servers is written to the test
// output. The servers die with the test binary even if it crashes (Linux
// Pdeathsig), so no JVM is left behind.
//
// # When ZooKeeper is missing
//
// Tests never skip for a missing install: Start and StartEnsemble return an
// error wrapping ErrNotInstalled, one line naming the fix,
//
//	ZooKeeper not installed: run scripts/install-zookeeper.sh (missing /usr/share/java/zookeeper.jar)
//
// and Standalone and NewEnsemble fail the test with it. Only testing.Short()
// should skip integration tests.
//
// # Options
//
// By default every four-letter word is whitelisted, the AdminServer listens on
// Server.AdminAddr, TTL and container nodes are enabled (extendedTypesEnabled),
// tickTime is 500 ms and sessions of 1 s to 20 s are allowed. Options change
// that: WithDefaultWhitelist, WithoutAdminServer, WithTickTime,
// WithMaxSessionTimeout, WithConfig (any zoo.cfg line) and WithSystemProperty
// (any -D, e.g. jute.maxbuffer).
//
// WithTLS adds Server.SecureAddr, served by the Netty connection factory with
// PEM files generated per run (Server.TLS names the CA and a client
// certificate; TLSFiles.ClientConfig builds a tls.Config). WithClientAuth
// chooses whether the server asks for a client certificate ("none" by default
// here, "want" or "need").
//
// WithSASLDigest(map[string]string{"bob": "pw"}) enables SASL DIGEST-MD5:
// clients send SASL requests (opcode 102) as user bob with password pw, for
// the service "zookeeper" on the server name "zk-sasl-md5" (the digest-uri
// the server expects), and then have the identity sasl:bob for ACLs.
//
// WithReconfig enables dynamic reconfiguration for ensembles; reconfig needs
// the super user, so authenticate with the digest scheme as
// SuperUser:SuperPassword first.
//
// # Outside tests
//
// Start, StartEnsemble and the Server and Ensemble methods need no
// *testing.T: `zkui demo` uses them to run a throwaway server. The caller
// stops it (Server.Stop, graceful; Server.Kill, immediate).
package zktest
