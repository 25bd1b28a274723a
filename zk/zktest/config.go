package zktest

import (
	"strconv"
	"time"
)

// Config describes how servers are configured and launched. It is built from
// the defaults and then the Options given to Start, StartEnsemble, Standalone
// or NewEnsemble; most callers never touch it directly.
type Config struct {
	// Java is the java executable, looked up in PATH when it has no slash.
	Java string
	// JarDir holds Debian's jars: zookeeper.jar (whose manifest pulls in its
	// dependencies), servlet-api.jar and slf4j-simple.jar.
	JarDir string
	// JVMFlags are the flags given to java before the system properties. The
	// defaults favour a fast start over throughput.
	JVMFlags []string

	// TickTime is ZooKeeper's tick in milliseconds. Session timeouts are clamped
	// to [MinSessionTimeout, MaxSessionTimeout]; the election and sync limits
	// are counted in ticks.
	TickTime int
	// MinSessionTimeout and MaxSessionTimeout are in milliseconds; 0 keeps
	// ZooKeeper's own bounds (2 and 20 ticks).
	MinSessionTimeout, MaxSessionTimeout int
	// InitLimit and SyncLimit are the ensemble's limits in ticks.
	InitLimit, SyncLimit int

	// DefaultWhitelist keeps ZooKeeper's default four-letter-word whitelist
	// (only srvr) instead of enabling every word.
	DefaultWhitelist bool
	// AdminServer enables the Jetty AdminServer on a free loopback port.
	AdminServer bool
	// TLS adds a secureClientPort served by the Netty connection factory with
	// generated PEM certificates.
	TLS bool
	// ClientAuth is ssl.clientAuth: "none" (the default here), "want" or "need".
	ClientAuth string
	// SASLUsers enables SASL DIGEST-MD5 logins for these user -> password pairs.
	SASLUsers map[string]string
	// Reconfig enables dynamic reconfiguration and the super user (see
	// SuperUser) that is allowed to run it.
	Reconfig bool

	// Extra holds additional zoo.cfg lines, written last in order.
	Extra []KeyValue
	// SystemProperties holds additional -D properties for the JVM.
	SystemProperties []KeyValue

	// StartTimeout bounds one attempt to get a server serving, within the
	// caller's context.
	StartTimeout time.Duration
	// StopTimeout is how long Stop waits after SIGTERM before it sends SIGKILL.
	StopTimeout time.Duration
}

// KeyValue is one zoo.cfg line or one JVM system property.
type KeyValue struct {
	Key, Value string
}

// Option changes a Config.
type Option func(*Config)

// DefaultTickTime is the tick used unless WithTickTime says otherwise: short
// enough that session expiry tests take a second or two, long enough that a
// busy 2-core machine does not drop followers.
const DefaultTickTime = 500

// DefaultMaxSessionTimeout lets clients ask for sessions of up to 20 s while
// ticks stay short (ZooKeeper's own bound would be 20 ticks = 10 s).
const DefaultMaxSessionTimeout = 20000

// NewConfig returns the defaults with opts applied.
func NewConfig(opts ...Option) Config {
	c := Config{
		Java:   "java",
		JarDir: "/usr/share/java",
		JVMFlags: []string{
			"-Xmx256m",
			"-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", // C1 only: the server starts faster
			"-Xshare:auto",
			"-XX:-UsePerfData", // no hsperfdata files left in the temp dir
		},
		TickTime:          DefaultTickTime,
		MaxSessionTimeout: DefaultMaxSessionTimeout,
		InitLimit:         10,
		SyncLimit:         5,
		AdminServer:       true,
		ClientAuth:        "none",
		StartTimeout:      60 * time.Second,
		StopTimeout:       10 * time.Second,
	}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithDefaultWhitelist keeps ZooKeeper's default four-letter-word whitelist
// (only srvr) instead of "*", to test how a client copes with a locked-down
// server.
func WithDefaultWhitelist() Option {
	return func(c *Config) { c.DefaultWhitelist = true }
}

// WithoutAdminServer turns the AdminServer off; Server.AdminAddr is then "".
func WithoutAdminServer() Option {
	return func(c *Config) { c.AdminServer = false }
}

// WithTLS adds a TLS client port (Server.SecureAddr) next to the plain one.
// A CA, a server certificate for 127.0.0.1/localhost and a client certificate
// are generated; Server.TLS names the PEM files a client needs.
func WithTLS() Option {
	return func(c *Config) { c.TLS = true }
}

// WithClientAuth sets ssl.clientAuth for the TLS port: "need" requires a
// client certificate signed by the CA, "want" asks for one, "none" (the
// default here, unlike ZooKeeper's "need") does not ask. It implies WithTLS.
func WithClientAuth(mode string) Option {
	return func(c *Config) {
		c.TLS = true
		c.ClientAuth = mode
	}
}

// WithSASLDigest enables SASL DIGEST-MD5 authentication with these users and
// passwords: a JAAS "Server" section using DigestLoginModule and the
// SASLAuthenticationProvider. Clients then log in as one of these users and
// get the identity sasl:<user>.
func WithSASLDigest(users map[string]string) Option {
	return func(c *Config) {
		c.SASLUsers = make(map[string]string, len(users))
		for u, p := range users {
			c.SASLUsers[u] = p
		}
	}
}

// WithTickTime sets tickTime in milliseconds. Sessions are then allowed from
// 2 ticks up to MaxSessionTimeout (see WithMaxSessionTimeout).
func WithTickTime(ms int) Option {
	return func(c *Config) { c.TickTime = ms }
}

// WithMaxSessionTimeout sets maxSessionTimeout in milliseconds (default 20 s).
func WithMaxSessionTimeout(ms int) Option {
	return func(c *Config) { c.MaxSessionTimeout = ms }
}

// WithMinSessionTimeout sets minSessionTimeout in milliseconds (default 2 ticks).
func WithMinSessionTimeout(ms int) Option {
	return func(c *Config) { c.MinSessionTimeout = ms }
}

// WithConfig appends the line key=value to zoo.cfg. ZooKeeper turns keys it
// does not know into "zookeeper."-prefixed system properties.
func WithConfig(key, value string) Option {
	return func(c *Config) { c.Extra = append(c.Extra, KeyValue{key, value}) }
}

// WithSystemProperty adds -Dkey=value to the JVM, e.g. jute.maxbuffer.
func WithSystemProperty(key, value string) Option {
	return func(c *Config) {
		c.SystemProperties = append(c.SystemProperties, KeyValue{key, value})
	}
}

// WithReconfig sets reconfigEnabled=true and configures the super user
// (SuperUser / SuperPassword): reconfig needs ADMIN rights on
// /zookeeper/config, which only the super user has. Meant for ensembles.
func WithReconfig() Option {
	return func(c *Config) { c.Reconfig = true }
}

// itoa keeps the zoo.cfg writer readable.
func itoa(i int) string { return strconv.Itoa(i) }
