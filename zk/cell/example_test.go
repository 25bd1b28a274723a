package cell_test

import (
	"context"
	"fmt"
	"log"

	"github.com/zkui/zkui/zk/cell"
)

func ExampleParseYAML() {
	m, err := cell.ParseYAML([]byte(`
# one line per ensemble
nyc: zk1.nyc:2181,zk2.nyc:2181
sfo: 'zk1.sfo:2181/chroot'   # quoted is fine too
`))
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range m.Names() {
		fmt.Println(name, "->", m[name])
	}
	// Output:
	// nyc -> zk1.nyc:2181,zk2.nyc:2181
	// sfo -> zk1.sfo:2181/chroot
}

func ExampleRouter() {
	r, err := cell.NewRouter(cell.Map{"nyc": "127.0.0.1:2181", "sfo": "127.0.0.1:2182"})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()

	cells, _, _ := r.GetChildren(ctx, "/zk") // answered without connecting
	fmt.Println(cells)
	// Below /zk/<cell>, calls go to that cell's ensemble, e.g.
	// r.GetData(ctx, "/zk/nyc/app/config") reads /app/config on nyc.
	// Output:
	// [nyc sfo]
}
