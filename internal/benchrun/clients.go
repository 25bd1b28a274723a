package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	gozk "github.com/go-zookeeper/zk"

	"github.com/zkui/zkui/zk"
)

// client is what the wire measurements need of a ZooKeeper client, so the
// same loops drive zkui's zk.Conn and go-zookeeper/zk.
type client struct {
	name   string
	get    func(path string) error
	create func(path string, data []byte) error
	set    func(path string, data []byte) error
	close  func()
}

// sessionTimeout is long enough that a loaded machine never expires a
// session in the middle of a run.
const sessionTimeout = 20 * time.Second

func dialZkui(addr string) (*zk.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return zk.DialContext(ctx, "tcp", addr, zk.WithSessionTimeout(sessionTimeout))
}

// zkuiClient wraps one zk.Conn (one session, one TCP connection).
func zkuiClient(addr string) (*client, error) {
	c, err := dialZkui(addr)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	acl := zk.WorldACL(zk.PermAll)
	return &client{
		name: "zkui",
		get:  func(p string) error { _, _, err := c.GetData(ctx, p); return err },
		create: func(p string, d []byte) error {
			_, err := c.Create(ctx, p, d, zk.ModePersistent, acl)
			return err
		},
		set:   func(p string, d []byte) error { _, err := c.SetData(ctx, p, d, -1); return err },
		close: func() { c.Close() },
	}, nil
}

// dialGozk connects go-zookeeper/zk and waits for its session, as its own
// documentation advises before the first request.
func dialGozk(addr string) (*gozk.Conn, error) {
	g, events, err := gozk.Connect([]string{addr}, sessionTimeout, gozk.WithLogInfo(false))
	if err != nil {
		return nil, err
	}
	timeout := time.After(30 * time.Second)
	for {
		select {
		case ev := <-events:
			if ev.State == gozk.StateHasSession {
				return g, nil
			}
		case <-timeout:
			g.Close()
			return nil, fmt.Errorf("go-zookeeper: no session with %s after 30s", addr)
		}
	}
}

// gozkClient wraps one go-zookeeper/zk connection.
func gozkClient(addr string) (*client, error) {
	g, err := dialGozk(addr)
	if err != nil {
		return nil, err
	}
	acl := gozk.WorldACL(gozk.PermAll)
	return &client{
		name:   "go-zookeeper",
		get:    func(p string) error { _, _, err := g.Get(p); return err },
		create: func(p string, d []byte) error { _, err := g.Create(p, d, 0, acl); return err },
		set:    func(p string, d []byte) error { _, err := g.Set(p, d, -1); return err },
		close:  g.Close,
	}, nil
}

// ensure creates path unless it exists.
func ensure(c *client, path string, data []byte) error {
	err := c.create(path, data)
	if err == nil || errors.Is(err, zk.ErrNodeExists) || errors.Is(err, gozk.ErrNodeExists) {
		return nil
	}
	return fmt.Errorf("create %s: %w", path, err)
}
