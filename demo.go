package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/zkui/zkui/internal/demo"
	"github.com/zkui/zkui/tui"
	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/zktest"
)

const demoUsage = `zkui demo — start a throwaway local ZooKeeper, fill it with sample data and explore it

Usage:
  zkui demo [flags]

The server runs on a free loopback port in a temporary directory and is
stopped, and the directory removed, when zkui exits. The subtree /secure is
readable with the credentials digest:%s:%s.

Flags:
`

// runDemo starts a local ZooKeeper, seeds it and runs the UI against it.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("zkui demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	serveOnly := fs.Bool("serve", false, "only start and seed the server, print its address and wait for Ctrl+C (to point other tools at it)")
	logPath := fs.String("log", defaultLogPath(), "file to write the log to")
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, demoUsage, demo.User, demo.Password)
			fs.SetOutput(stdout)
			printFlags(fs)
			return errHelpShown
		}
		fmt.Fprintln(stderr, "see zkui demo --help")
		return errUsage
	}
	logger, closeLog, err := openLog(*logPath)
	if err != nil {
		return err
	}
	defer closeLog()

	dir, err := os.MkdirTemp("", "zkui-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Fprintln(stdout, "zkui demo: starting ZooKeeper...")
	t0 := time.Now()
	srv, err := zktest.Start(ctx, dir)
	if err != nil {
		return err
	}
	defer srv.Kill()
	fmt.Fprintf(stdout, "zkui demo: ZooKeeper serving on %s after %v; seeding...\n", srv.Addr, time.Since(t0).Round(time.Millisecond))

	// The seeding session stays open while the demo runs: it owns the
	// sample's ephemeral nodes (locks, registrations, brokers).
	seedCtx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	owner, err := zk.DialContext(seedCtx, "tcp", srv.Addr, zk.WithLogger(logger))
	if err != nil {
		return err
	}
	defer owner.Close()
	sum, err := demo.Seed(seedCtx, owner, func(n int) { fmt.Fprintf(stdout, "\r  %d znodes", n) })
	fmt.Fprintln(stdout)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "zkui demo: %d znodes (%d ephemeral) ready; /secure needs --auth digest:%s:%s\n",
		sum.Nodes, sum.Ephemerals, demo.User, demo.Password)

	if *serveOnly {
		fmt.Fprintf(stdout, "zkui demo: serving on %s until Ctrl+C\n", srv.Addr)
		sig, stop := signal.NotifyContext(ctx, os.Interrupt)
		defer stop()
		<-sig.Done()
		return nil
	}
	ops := zk.NewOpLog(500)
	viewer := &zk.Client{Ensemble: srv.Addr, Logger: logger, OnRequest: ops.Record}
	defer viewer.Reset()
	if err := viewer.WaitConnected(seedCtx); err != nil {
		return err
	}
	return runUI(ctx, viewer, tui.Options{
		Title:     "demo",
		Stats:     newPoller(viewer, portOf(srv.AdminAddr)),
		Server:    srv.Addr,
		SessionID: viewer.SessionID(),
		States:    viewer.States(),
		Logger:    logger,
		OpLog:     ops,
	})
}
