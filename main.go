// Command zkui is a terminal explorer for Apache ZooKeeper.
//
//	zkui --server host1:2181,host2:2181/chroot   explore an ensemble
//	zkui demo                                    try it on a local sample ensemble
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui"
	"github.com/zkui/zkui/zk"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the exit, so that tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	var err error
	if len(args) > 0 && args[0] == "demo" {
		err = runDemo(ctx, args[1:], stdout, stderr)
	} else {
		err = runExplorer(ctx, args, stdout, stderr)
	}
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "zkui: %v\n", err)
	return 1
}

// runExplorer connects to the ensemble the flags name and runs the UI.
func runExplorer(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, err := parseFlags("zkui", args, stdout, stderr)
	if err != nil {
		return err
	}
	logger, closeLog, err := openLog(opts.logPath)
	if err != nil {
		return err
	}
	defer closeLog()
	ops := zk.NewOpLog(500) // what the operation log pane lists
	client, err := connect(ctx, opts, logger, ops)
	if err != nil {
		return err
	}
	defer client.Reset()
	return runUI(ctx, client, tui.Options{
		Title:     opts.server,
		Server:    client.Server(),
		SessionID: client.SessionID(),
		States:    client.States(),
		ReadOnly:  opts.readOnly,
		Logger:    logger,
		OpLog:     ops,
		Stats:     newPoller(client, opts.adminPort),
	})
}

// runUI builds the live mirror of the client's tree (zk.Client ->
// model.Tree -> tui.App) and runs the terminal UI until the user quits.
func runUI(ctx context.Context, client *zk.Client, o tui.Options) error {
	tree := model.New(client, model.Options{Logger: o.Logger})
	if err := tree.Start(ctx); err != nil {
		return err
	}
	defer tree.Close()
	o.Tree = tree
	defer runPoller(ctx, o.Stats)() // both callers set the poller
	_, err := tea.NewProgram(tui.New(client, o)).Run()
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}
