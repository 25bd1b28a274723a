package main

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"
)

var (
	// errHelpShown ends the program successfully after --help or --version.
	errHelpShown = errors.New("help shown")
	// errUsage ends the program with status 2 after a bad flag.
	errUsage = errors.New("usage")
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version is used.
var version = ""

// options are the explorer's settings from flags and the environment.
type options struct {
	server         string
	auth           string // scheme:credentials; never printed
	readOnly       bool
	sessionTimeout time.Duration
	logPath        string
	tlsCA          string
	tlsCert        string
	tlsKey         string
	tlsServerName  string
	adminPort      int
}

const usageText = `zkui — a terminal explorer for Apache ZooKeeper

Usage:
  zkui [flags]          explore an ensemble
  zkui demo [flags]     start a local ZooKeeper with sample data and explore it

Flags:
`

func parseFlags(name string, args []string, stdout, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	defServer := os.Getenv("ZOOKEEPER_CONNECT")
	if defServer == "" {
		defServer = "127.0.0.1:2181"
	}
	fs.StringVar(&o.server, "server", defServer, "ensemble to connect to: host1:2181,host2:2181[/chroot] (env ZOOKEEPER_CONNECT)")
	fs.StringVar(&o.auth, "auth", "", "credentials added to the session, e.g. digest:user:password (or env ZKUI_AUTH, which keeps them out of the process list)")
	fs.BoolVar(&o.readOnly, "read-only", false, "never write to the ensemble")
	fs.DurationVar(&o.sessionTimeout, "session-timeout", 10*time.Second, "session timeout to ask the servers for")
	fs.StringVar(&o.logPath, "log", defaultLogPath(), "file to write the log to (never the screen)")
	fs.StringVar(&o.tlsCA, "tls-ca", "", "PEM file of the CA that signed the servers' certificates (turns TLS on)")
	fs.StringVar(&o.tlsCert, "tls-cert", "", "PEM client certificate, for servers that require one")
	fs.StringVar(&o.tlsKey, "tls-key", "", "PEM key of --tls-cert")
	fs.StringVar(&o.tlsServerName, "tls-server-name", "", "name to check the servers' certificates against (default: the host dialled)")
	fs.IntVar(&o.adminPort, "admin-port", 8080, "port of the servers' AdminServer, read by the dashboards (they fall back to four-letter words)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	// The flag package prints the error itself; the full usage goes to
	// stdout, and only when asked for.
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usageText)
			fs.SetOutput(stdout)
			printFlags(fs)
			return o, errHelpShown
		}
		fmt.Fprintln(stderr, "see zkui --help")
		return o, errUsage
	}
	if *showVersion {
		fmt.Fprintln(stdout, "zkui", programVersion())
		return o, errHelpShown
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "zkui: unexpected argument %q (see zkui --help)\n", fs.Arg(0))
		return o, errUsage
	}
	if o.auth == "" {
		o.auth = os.Getenv("ZKUI_AUTH")
	}
	if o.auth != "" {
		if i := strings.IndexByte(o.auth, ':'); i <= 0 || i == len(o.auth)-1 {
			// Never echo the value: it holds a password.
			fmt.Fprintln(stderr, "zkui: --auth wants scheme:credentials, e.g. digest:user:password")
			return o, errUsage
		}
	}
	if o.sessionTimeout <= 0 {
		fmt.Fprintln(stderr, "zkui: --session-timeout must be positive")
		return o, errUsage
	}
	if o.adminPort <= 0 || o.adminPort > 65535 {
		fmt.Fprintln(stderr, "zkui: --admin-port must be a port number")
		return o, errUsage
	}
	if (o.tlsCert == "") != (o.tlsKey == "") {
		fmt.Fprintln(stderr, "zkui: --tls-cert and --tls-key go together")
		return o, errUsage
	}
	return o, nil
}

func programVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// defaultLogPath is zkui.log in the user's state directory.
func defaultLogPath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return filepath.Join(os.TempDir(), "zkui.log")
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "zkui", "zkui.log")
}

// tlsConfig builds the TLS settings from the flags, or nil without --tls-ca.
func (o options) tlsConfig() (*tls.Config, error) {
	if o.tlsCA == "" && o.tlsCert == "" {
		return nil, nil
	}
	cfg := &tls.Config{ServerName: o.tlsServerName, MinVersion: tls.VersionTLS12}
	if o.tlsCA != "" {
		pem, err := os.ReadFile(o.tlsCA)
		if err != nil {
			return nil, fmt.Errorf("--tls-ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("--tls-ca: no PEM certificate in %s", o.tlsCA)
		}
		cfg.RootCAs = pool
	}
	if o.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
		if err != nil {
			return nil, fmt.Errorf("--tls-cert/--tls-key: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return cfg, nil
}

// printFlags lists the flags GNU-style, with two dashes, as users type them.
func printFlags(fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(fs.Output(), "%s\n      %s", line, usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(fs.Output(), " (default %q)", f.DefValue)
		}
		fmt.Fprintln(fs.Output())
	})
}
