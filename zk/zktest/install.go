package zktest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ErrNotInstalled reports that java or ZooKeeper's jars are missing. Errors
// returned for a missing install wrap it and read as one line naming the fix.
var ErrNotInstalled = errors.New("ZooKeeper not installed: run scripts/install-zookeeper.sh")

// Jar file names inside Config.JarDir.
const (
	zookeeperJar = "zookeeper.jar"
	servletJar   = "servlet-api.jar"
	slf4jJar     = "slf4j-simple.jar"
	// Debian's zookeeper.jar manifest lacks netty-codec, which the Netty
	// connection factory (TLS) needs.
	nettyCodecJar = "netty-codec.jar"
)

// CheckInstall reports whether everything a server needs is present, with an
// error wrapping ErrNotInstalled that names the first missing piece.
func (c Config) CheckInstall() error {
	if _, err := exec.LookPath(c.Java); err != nil {
		return fmt.Errorf("%w (%s not found)", ErrNotInstalled, c.Java)
	}
	need := []string{zookeeperJar}
	if c.AdminServer {
		// Jetty's AdminServer fails to start without the servlet API.
		need = append(need, servletJar)
	}
	for _, jar := range need {
		p := filepath.Join(c.JarDir, jar)
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("%w (missing %s)", ErrNotInstalled, p)
		}
	}
	return nil
}

// classPath lists the server's class path: dir first, for its
// simplelogger.properties, then the jars that exist. The others are optional:
// without slf4j-simple the server runs but logs nothing, without netty-codec
// only TLS fails.
func (c Config) classPath(dir string) string {
	cp := dir
	for _, jar := range []string{zookeeperJar, servletJar, slf4jJar, nettyCodecJar} {
		p := filepath.Join(c.JarDir, jar)
		if _, err := os.Stat(p); err == nil {
			cp += string(os.PathListSeparator) + p
		}
	}
	return cp
}
