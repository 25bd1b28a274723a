package zktest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Ensemble is a group of servers forming one quorum on loopback.
type Ensemble struct {
	// Servers are the members, Servers[i].ID == i+1. Stop, Kill and Restart
	// a member through its *Server.
	Servers []*Server
}

// StartEnsemble starts n servers in dir/server1..dir/serverN, configured as
// one ensemble (server.N lines, myid files), and waits until they have a
// leader and every member serves. Like Start, the servers outlive ctx.
func StartEnsemble(ctx context.Context, dir string, n int, opts ...Option) (*Ensemble, error) {
	if n < 1 {
		return nil, fmt.Errorf("zktest: an ensemble needs at least one member, not %d", n)
	}
	cfg := NewConfig(opts...)
	if err := cfg.CheckInstall(); err != nil {
		return nil, err
	}
	// One CA for the whole ensemble, so a client trusts every member.
	tlsm, err := maybeTLS(cfg, dir)
	if err != nil {
		return nil, err
	}
	var lastErr error
	for attempt := 1; attempt <= startAttempts; attempt++ {
		e, err := launchEnsemble(dir, n, cfg, tlsm, attempt > 1)
		if err != nil {
			return nil, err
		}
		err = e.waitStarted(ctx, cfg.StartTimeout)
		if err == nil && !e.portClash() {
			return e, nil
		}
		e.Kill()
		if err == nil {
			err = fmt.Errorf("zktest: ensemble in %s lost a port to another process", dir)
		}
		if !e.portClash() || ctx.Err() != nil {
			return nil, err
		}
		lastErr = err
	}
	return nil, lastErr
}

// launchEnsemble writes every member's files and starts every JVM.
func launchEnsemble(dir string, n int, cfg Config, tlsm *tlsMaterial, fresh bool) (*Ensemble, error) {
	e := &Ensemble{}
	for id := 1; id <= n; id++ {
		s, err := newServer(filepath.Join(dir, fmt.Sprintf("server%d", id)), id, cfg, tlsm, fresh)
		if err != nil {
			return nil, err
		}
		e.Servers = append(e.Servers, s)
	}
	for _, s := range e.Servers {
		if err := s.writeFiles(e.Servers); err != nil {
			return nil, err
		}
	}
	for _, s := range e.Servers {
		if err := s.launch(); err != nil {
			e.Kill()
			return nil, err
		}
	}
	return e, nil
}

// waitStarted waits for a quorum of all members, failing if any JVM exits.
func (e *Ensemble) waitStarted(ctx context.Context, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := e.WaitQuorum(ctx); err != nil {
		return err
	}
	for _, s := range e.Servers {
		if !s.Running() {
			return fmt.Errorf("zktest: member %d exited during start; end of log:\n%s", s.ID, s.logTail(20))
		}
	}
	return nil
}

// ConnectString lists the members' client addresses,
// "127.0.0.1:p1,127.0.0.1:p2,...".
func (e *Ensemble) ConnectString() string {
	addrs := make([]string, len(e.Servers))
	for i, s := range e.Servers {
		addrs[i] = s.Addr
	}
	return strings.Join(addrs, ",")
}

// Leader returns the running member whose srvr reports "Mode: leader".
func (e *Ensemble) Leader(ctx context.Context) (*Server, error) {
	for _, s := range e.Servers {
		if !s.Running() {
			continue
		}
		srvr, err := FourLetter(ctx, s.Addr, "srvr")
		if err == nil && Mode(srvr) == "leader" {
			return s, nil
		}
	}
	return nil, errNoLeader
}

// WaitQuorum waits until a member leads and every running member serves
// clients. Stopped or killed members are not waited for.
func (e *Ensemble) WaitQuorum(ctx context.Context) error {
	var last error
	for {
		last = e.quorumNow(ctx)
		if last == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("zktest: ensemble %s has no quorum: %w (last: %v)", e.ConnectString(), ctx.Err(), last)
		case <-time.After(pollInterval):
		}
	}
}

// quorumNow checks once for a leader and every running member serving.
func (e *Ensemble) quorumNow(ctx context.Context) error {
	leaders := 0
	for _, s := range e.Servers {
		if !s.Running() {
			continue
		}
		mode, err := serving(ctx, s.Addr)
		if err != nil {
			return fmt.Errorf("member %d: %w", s.ID, err)
		}
		if mode == "leader" {
			leaders++
		}
	}
	if leaders != 1 {
		return fmt.Errorf("%d leaders among the running members", leaders)
	}
	return nil
}

// Stop stops every member gracefully, all at once, and returns the first
// error.
func (e *Ensemble) Stop() error { return e.each((*Server).Stop) }

// Kill kills every member with SIGKILL and returns the first error.
func (e *Ensemble) Kill() error { return e.each((*Server).Kill) }

// each runs f on every member in parallel: stopping one by one would make
// the last members lose quorum and wait on each other.
func (e *Ensemble) each(f func(*Server) error) error {
	errs := make([]error, len(e.Servers))
	var wg sync.WaitGroup
	for i, s := range e.Servers {
		wg.Go(func() { errs[i] = f(s) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// portClash reports whether any member failed to bind a port. In quorum mode
// a member whose AdminServer could not bind still serves, so the log is the
// only sign.
func (e *Ensemble) portClash() bool {
	for _, s := range e.Servers {
		if s.portClash() {
			return true
		}
	}
	return false
}
