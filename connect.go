package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/zkui/zkui/zk"
)

// connect opens a session on the first server of the ensemble that answers.
func connect(ctx context.Context, o options, logger *slog.Logger) (*zk.Conn, error) {
	servers, chroot, _ := strings.Cut(o.server, "/")
	if chroot != "" {
		chroot = "/" + chroot
	}
	hosts := zk.FormatServers(strings.Split(servers, ","))
	if len(hosts) == 0 {
		return nil, fmt.Errorf("--server %q names no server", o.server)
	}
	tlsCfg, err := o.tlsConfig()
	if err != nil {
		return nil, err
	}
	opts := []zk.Option{zk.WithSessionTimeout(o.sessionTimeout), zk.WithLogger(logger)}
	if tlsCfg != nil {
		opts = append(opts, zk.WithTLS(tlsCfg))
	}
	if o.auth != "" {
		scheme, cred, _ := strings.Cut(o.auth, ":")
		opts = append(opts, zk.WithAuth(scheme, []byte(cred)))
	}
	var errs []error
	for _, h := range hosts {
		dctx, cancel := context.WithTimeout(ctx, o.sessionTimeout)
		c, err := zk.DialContext(dctx, "tcp", h+chroot, opts...)
		cancel()
		if err == nil {
			logger.Info("connected", "server", h, "session", fmt.Sprintf("0x%x", c.SessionID()))
			return c, nil
		}
		logger.Warn("cannot connect", "server", h, "err", err)
		errs = append(errs, fmt.Errorf("%s: %w", h, err))
	}
	if len(errs) == 1 {
		return nil, fmt.Errorf("cannot connect to %w", errs[0])
	}
	return nil, fmt.Errorf("cannot connect to any server of %s: %w", o.server, errors.Join(errs...))
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
