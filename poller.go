package main

import (
	"context"
	"net"
	"strconv"

	"github.com/zkui/zkui/model/stats"
	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/admin"
)

// newPoller makes the poller of the dashboard for the client's ensemble:
// the connect string's servers plus the members /zookeeper/config lists.
// adminPort is the AdminServer's port (0: the default, 8080).
func newPoller(client *zk.Client, adminPort int) *stats.Poller {
	opts := stats.Options{
		Config: func(ctx context.Context) ([]byte, error) {
			data, _, err := client.Config(ctx)
			return data, err
		},
	}
	if adminPort > 0 {
		opts.NewSource = func(addr string) stats.Source {
			return admin.New(addr, admin.WithAdminPort(adminPort))
		}
	}
	return stats.New(client.Ensemble, opts)
}

// portOf returns the port of "host:port", 0 when there is none.
func portOf(addr string) int {
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(p)
	return n
}

// runPoller polls in the background until the returned stop is called.
func runPoller(ctx context.Context, p *stats.Poller) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = p.Run(ctx) // ends with ctx; nothing to report
	}()
	return func() {
		cancel()
		<-done
	}
}
