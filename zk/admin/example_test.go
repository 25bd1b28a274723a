package admin_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/zkui/zkui/zk/admin"
)

func Example() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// The AdminServer is tried first (any whitelist), then the four-letter word.
	c := admin.New("127.0.0.1:2181", admin.WithAdminPort(8080))
	defer c.Close()
	m, src, err := c.Monitor(ctx)
	if errors.Is(err, admin.ErrNotWhitelisted) {
		fmt.Println(err) // names the zoo.cfg line that enables mntr
		return
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d znodes, %d watches (from the %v)\n", m.State, m.ZnodeCount, m.WatchCount, src)
}

func ExampleFLWSrvr() {
	servers := []string{"127.0.0.1:2181", "127.0.0.1:2182", "127.0.0.1:2183"}
	for _, r := range admin.FLWSrvr(context.Background(), servers, 2*time.Second) {
		if r.Err != nil {
			fmt.Println(r.Server, "down:", r.Err)
			continue
		}
		fmt.Println(r.Server, r.Stats.Mode, r.Stats.Zxid)
	}
}
