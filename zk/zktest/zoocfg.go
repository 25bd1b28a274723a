package zktest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File names inside a server's directory.
const (
	cfgFile    = "zoo.cfg"
	logFile    = "server.log"
	dataSubdir = "data"
	jaasFile   = "jaas.conf"
	// slf4j-simple reads this from the class path; the server's directory is
	// first on it.
	loggerProps = "simplelogger.properties"
)

// loggerConfig makes slf4j-simple log with timestamps and thread names to
// stderr, which goes to server.log.
const loggerConfig = `org.slf4j.simpleLogger.defaultLogLevel=info
org.slf4j.simpleLogger.showDateTime=true
org.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS
org.slf4j.simpleLogger.showThreadName=true
org.slf4j.simpleLogger.logFile=System.err
`

// writeFiles creates the server's directory with its data dir, myid,
// logger configuration, JAAS file and zoo.cfg. members is nil for a
// standalone server.
func (s *Server) writeFiles(members []*Server) error {
	data := filepath.Join(s.Dir, dataSubdir)
	if err := os.MkdirAll(data, 0o755); err != nil {
		return err
	}
	files := map[string]string{
		filepath.Join(data, "myid"):       itoa(s.ID) + "\n",
		filepath.Join(s.Dir, loggerProps): loggerConfig,
		filepath.Join(s.Dir, cfgFile):     s.zooCfg(members),
	}
	if len(s.cfg.SASLUsers) > 0 {
		files[filepath.Join(s.Dir, jaasFile)] = jaasConfig(s.cfg.SASLUsers)
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// zooCfg renders zoo.cfg. ZooKeeper turns keys it does not know (ssl.*,
// serverCnxnFactory, extendedTypesEnabled, authProvider.*) into
// "zookeeper."-prefixed system properties before the server reads them, so
// everything can live in this one file.
func (s *Server) zooCfg(members []*Server) string {
	c := s.cfg
	var b strings.Builder
	put := func(k, v string) { fmt.Fprintf(&b, "%s=%s\n", k, v) }
	put("tickTime", itoa(c.TickTime))
	put("initLimit", itoa(c.InitLimit))
	put("syncLimit", itoa(c.SyncLimit))
	if c.MinSessionTimeout > 0 {
		put("minSessionTimeout", itoa(c.MinSessionTimeout))
	}
	if c.MaxSessionTimeout > 0 {
		put("maxSessionTimeout", itoa(c.MaxSessionTimeout))
	}
	put("dataDir", filepath.Join(s.Dir, dataSubdir))
	put("clientPort", itoa(s.clientPort))
	put("clientPortAddress", loopback)
	put("maxClientCnxns", "0")
	if !c.DefaultWhitelist {
		put("4lw.commands.whitelist", "*")
	}
	put("extendedTypesEnabled", "true")
	if c.AdminServer {
		put("admin.enableServer", "true")
		put("admin.serverAddress", loopback)
		put("admin.serverPort", itoa(s.adminPort))
	} else {
		put("admin.enableServer", "false")
	}
	if c.TLS {
		put("secureClientPort", itoa(s.securePort))
		put("secureClientPortAddress", loopback)
		put("serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory")
		put("ssl.keyStore.location", s.tls.serverPEM)
		put("ssl.keyStore.type", "PEM")
		put("ssl.trustStore.location", s.tls.CAFile)
		put("ssl.trustStore.type", "PEM")
		put("ssl.clientAuth", c.ClientAuth)
	}
	if len(c.SASLUsers) > 0 {
		put("authProvider.sasl", "org.apache.zookeeper.server.auth.SASLAuthenticationProvider")
	}
	if c.Reconfig {
		put("reconfigEnabled", "true")
	}
	if members == nil {
		put("standaloneEnabled", "true")
	} else {
		// An ensemble stays an ensemble even if reconfig shrinks it to one.
		put("standaloneEnabled", "false")
		for _, m := range members {
			put("server."+itoa(m.ID), fmt.Sprintf("%s:%d:%d:participant;%s:%d",
				loopback, m.quorumPort, m.electionPort, loopback, m.clientPort))
		}
	}
	for _, kv := range c.Extra {
		put(kv.Key, kv.Value)
	}
	return b.String()
}

// javaArgs is the JVM command line (without the java executable).
func (s *Server) javaArgs() []string {
	c := s.cfg
	args := append([]string{}, c.JVMFlags...)
	props := []KeyValue{
		// 3.8 reads the system property when it builds the request
		// processor; the zoo.cfg key is set too for clarity.
		{"zookeeper.extendedTypesEnabled", "true"},
	}
	if len(c.SASLUsers) > 0 {
		props = append(props, KeyValue{"java.security.auth.login.config", filepath.Join(s.Dir, jaasFile)})
	}
	if c.Reconfig {
		props = append(props, KeyValue{"zookeeper.DigestAuthenticationProvider.superDigest", superDigest()})
	}
	props = append(props, c.SystemProperties...)
	for _, p := range props {
		args = append(args, "-D"+p.Key+"="+p.Value)
	}
	return append(args,
		"-cp", c.classPath(s.Dir),
		"org.apache.zookeeper.server.quorum.QuorumPeerMain",
		filepath.Join(s.Dir, cfgFile))
}
