package recipe_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/zkui/zkui/zk"
	"github.com/zkui/zkui/zk/recipe"
)

func ExampleLock() {
	client := &zk.Client{Ensemble: "127.0.0.1:2181"}
	defer client.Reset()
	ctx := context.Background()

	l := recipe.NewLock(client, "/app/locks/reindex", nil)
	if err := l.Lock(ctx); err != nil {
		log.Fatal(err)
	}
	defer l.Unlock(ctx)
	select {
	case <-l.Lost():
		log.Print("session expired: someone else may hold the lock now")
	case <-time.After(time.Second): // the work under the lock
	}
}

func ExampleCampaign() {
	client := &zk.Client{Ensemble: "127.0.0.1:2181"}
	defer client.Reset()

	e := recipe.Campaign(client, "/app/election", []byte("host-1:8080"), nil)
	defer e.Resign(context.Background())
	for leader := range e.Leadership() {
		if leader {
			fmt.Println("leading: start serving")
		} else {
			fmt.Println("following: stop serving")
		}
	}
}

func ExampleQueueLock() {
	client := &zk.Client{Ensemble: "127.0.0.1:2181"}
	defer client.Reset()
	ctx := context.Background()

	q := recipe.NewQueueLock(client, "/vt/tablets/0001/actionq", nil)
	stop := make(chan struct{}) // closed by a signal handler, say
	if err := q.Lock(ctx, []byte(`{"action":"snapshot"}`), time.Minute, stop); err != nil {
		log.Fatal(err) // ErrTimeout, ErrInterrupted...
	}
	defer q.Release(ctx)
}

func ExampleResolveWildcards() {
	client := &zk.Client{Ensemble: "127.0.0.1:2181"}
	defer client.Reset()

	paths, err := recipe.ResolveWildcards(context.Background(), client, "/zk/*/vt/tablets/*/action")
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range paths {
		fmt.Println(p)
	}
}

func ExampleRetryChange() {
	client := &zk.Client{Ensemble: "127.0.0.1:2181"}
	defer client.Reset()

	err := recipe.RetryChange(context.Background(), client, "/app/config/mode", nil,
		func(old []byte, _ zk.Stat, exists bool) ([]byte, error) {
			if exists && string(old) == "maintenance" {
				return nil, recipe.ErrNoChange
			}
			return []byte("maintenance"), nil
		})
	if err != nil {
		log.Fatal(err)
	}
}
