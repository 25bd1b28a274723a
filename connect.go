package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/zkui/zkui/zk"
)

// connect builds the Client for the ensemble the flags name and waits until
// a session is up, so that an unreachable ensemble is one clear error before
// the UI starts. The Client then keeps the session up by itself.
func connect(ctx context.Context, o options, logger *slog.Logger, ops *zk.OpLog) (*zk.Client, error) {
	servers, _, _ := strings.Cut(o.server, "/")
	if len(zk.FormatServers(strings.Split(servers, ","))) == 0 {
		return nil, fmt.Errorf("--server %q names no server", o.server)
	}
	tlsCfg, err := o.tlsConfig()
	if err != nil {
		return nil, err
	}
	c := &zk.Client{
		Ensemble:       o.server,
		SessionTimeout: o.sessionTimeout,
		TLS:            tlsCfg,
		Logger:         logger,
		// The Client itself refuses writes in read-only mode, whatever
		// the UI lets through.
		ReadOnly:  o.readOnly,
		OnRequest: ops.Record,
	}
	if o.auth != "" {
		scheme, cred, _ := strings.Cut(o.auth, ":")
		c.Auth = []zk.Credential{{Scheme: scheme, Auth: []byte(cred)}}
	}
	wctx, cancel := context.WithTimeout(ctx, o.sessionTimeout)
	defer cancel()
	if err := c.WaitConnected(wctx); err != nil {
		c.Reset()
		return nil, fmt.Errorf("cannot connect to %s: %w", o.server, err)
	}
	logger.Info("connected", "server", c.Server(), "session", fmt.Sprintf("0x%x", c.SessionID()))
	return c, nil
}

// openLog opens the log file, creating its directory.
func openLog(path string) (*slog.Logger, func(), error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, nil, fmt.Errorf("--log: %w", err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("--log: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelInfo}))
	return logger, func() { f.Close() }, nil
}
