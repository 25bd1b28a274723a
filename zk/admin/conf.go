package admin

import (
	"slices"
	"strings"
	"time"
)

// Config is the server's running configuration, from conf (or the
// AdminServer's configuration). Values holds every key with the conf
// spelling (camelCase: "clientPort"), whatever the source.
type Config struct {
	// Values holds every key=value line, membership lines included.
	Values map[string]string

	ClientPort        int           // clientPort
	SecureClientPort  int           // secureClientPort, -1 when off
	DataDir           string        // dataDir (the version-2 directory)
	DataLogDir        string        // dataLogDir
	TickTime          time.Duration // tickTime
	MaxClientCnxns    int           // maxClientCnxns per client IP
	MinSessionTimeout time.Duration // minSessionTimeout
	MaxSessionTimeout time.Duration // maxSessionTimeout
	ServerID          int64         // serverId (0 for a standalone server)
	InitLimit         int           // initLimit (ensembles only), in ticks
	SyncLimit         int           // syncLimit (ensembles only), in ticks
	// Servers lists the ensemble membership lines, e.g.
	// "server.1=127.0.0.1:2888:3888:participant"; empty when standalone.
	Servers []string
}

// Environment is the server's environment from envi (or the AdminServer's
// environment): "zookeeper.version", "java.version", "host.name", ...
type Environment map[string]string

// parseConf parses the answer of conf: key=value lines; an ensemble member
// adds a "membership:" line followed by server.N=... lines and version=...
func parseConf(b []byte) (*Config, error) {
	values := map[string]string{}
	for i, line := range splitLines(b) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "membership:") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, parseErr("conf", i+1, "no = in %q", line)
		}
		values[k] = v
	}
	return configFromValues("conf", values)
}

func configFromValues(cmd string, values map[string]string) (*Config, error) {
	if _, ok := values["clientPort"]; !ok {
		if _, ok := values["dataDir"]; !ok {
			return nil, parseErr(cmd, 0, "neither clientPort nor dataDir present")
		}
	}
	c := &Config{Values: values, DataDir: values["dataDir"], DataLogDir: values["dataLogDir"]}
	var tick, minTO, maxTO int64
	ints := []struct {
		key string
		dst any
	}{
		{"clientPort", &c.ClientPort},
		{"secureClientPort", &c.SecureClientPort},
		{"tickTime", &tick},
		{"maxClientCnxns", &c.MaxClientCnxns},
		{"minSessionTimeout", &minTO},
		{"maxSessionTimeout", &maxTO},
		{"serverId", &c.ServerID},
		{"initLimit", &c.InitLimit},
		{"syncLimit", &c.SyncLimit},
	}
	for _, f := range ints {
		v, ok := values[f.key]
		if !ok {
			continue
		}
		x, err := parseInt(v)
		if err != nil {
			return nil, parseErr(cmd, 0, "%s: %v", f.key, err)
		}
		switch d := f.dst.(type) {
		case *int:
			*d = int(x)
		case *int64:
			*d = x
		}
	}
	c.TickTime = time.Duration(tick) * time.Millisecond
	c.MinSessionTimeout = time.Duration(minTO) * time.Millisecond
	c.MaxSessionTimeout = time.Duration(maxTO) * time.Millisecond
	for k, v := range values {
		if strings.HasPrefix(k, "server.") {
			c.Servers = append(c.Servers, k+"="+v)
		}
	}
	slices.Sort(c.Servers)
	return c, nil
}

// parseEnvi parses the answer of envi: an "Environment:" header, then
// key=value lines.
func parseEnvi(b []byte) (Environment, error) {
	env := Environment{}
	for i, line := range splitLines(b) {
		if i == 0 && strings.TrimSpace(line) == "Environment:" {
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, parseErr("envi", i+1, "no = in %q", line)
		}
		env[k] = v
	}
	if len(env) == 0 {
		return nil, parseErr("envi", 0, "no key=value lines")
	}
	return env, nil
}
