package model_test

import (
	"context"
	"fmt"
	"log"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/zk"
)

// A terminal UI mirrors the tree, re-reads the visible window on every
// notice, and searches the whole tree after a full sync.
func Example() {
	ctx := context.Background()
	client := &zk.Client{Ensemble: "127.0.0.1:2181"}
	defer client.Reset()

	tree := model.New(client, model.Options{})
	if err := tree.Start(ctx); err != nil {
		log.Fatal(err)
	}
	defer tree.Close()

	// The root is expanded; expand one more node and show 40 rows.
	tree.Expand("/brokers")
	show := func() {
		for _, row := range tree.Rows(0, 40) {
			fmt.Printf("%*s%s (%d children)\n", 2*row.Depth, "", row.Name, row.Stat.NumChildren)
		}
	}
	show()
	go func() {
		for n := range tree.Notices() {
			_ = n.Paths // or n.Resync: re-read what is shown either way
			show()
		}
	}()

	// Deep search: mirror everything, then look for a name.
	if err := tree.FullSync(ctx, func(p model.Progress) {
		fmt.Printf("loaded %d of ~%d\n", p.Loaded, p.Expected)
	}); err != nil {
		log.Fatal(err)
	}
	for u := range tree.Search(ctx, "brkids", model.SearchOptions{}) {
		if u.Done {
			for _, m := range u.Matches {
				fmt.Println(m.Path)
			}
		}
	}
}
