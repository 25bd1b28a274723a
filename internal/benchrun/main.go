// Command benchrun measures zkui side by side with go-zookeeper/zk on one
// real ZooKeeper server it starts itself (zk/zktest, loopback only), and
// prints one markdown table: the wire client's Gets (latency, throughput
// at 1 to 256 in flight, allocations), creates and sets, the server's own
// ceiling, loading a 100,000-node tree, the mirror's memory, and the
// explorer's frame times. Every figure is the median of several runs with
// the min-max spread. It exits 1 when a figure misses the target its
// issue set, so a regression is visible, and 2 when it could not
// measure. scripts/bench.sh runs it; run it from the module's root (it
// runs `go test -bench` on ./model/ and ./tui/ for the figures that need
// those packages' unexported hooks).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

func main() {
	runs := flag.Int("runs", 5, "runs of every measurement (the table shows their median and spread)")
	dur := flag.Duration("dur", time.Second, "length of one throughput run")
	leaves := flag.Int("leaves", 100, "leaves per subdirectory of the seeded tree (10 x 100 x leaves nodes)")
	limit := flag.Duration("limit", 15*time.Minute, "give up (exit 2) after this long")
	flag.Parse()
	os.Exit(run(*runs, *dur, treeShape{dirs: 10, subs: 100, leaves: *leaves}, *limit))
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

func run(runs int, dur time.Duration, shape treeShape, limit time.Duration) int {
	dir, err := os.MkdirTemp("", "zkui-bench-")
	if err != nil {
		logf("%v", err)
		return 2
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	srv, err := zktest.Start(ctx, dir, zktest.WithoutAdminServer())
	if err != nil {
		logf("start ZooKeeper: %v (install it with scripts/install-zookeeper.sh)", err)
		return 2
	}
	defer srv.Stop()
	// A run that hangs (a server gone mute) must not run forever: stop
	// our own server, which fails every request still waiting.
	watchdog := time.AfterFunc(limit, func() {
		logf("benchrun: still running after %v, giving up", limit)
		srv.Kill()
		os.RemoveAll(dir)
		os.Exit(2)
	})
	defer watchdog.Stop()
	m := describe(srv.Addr)
	logf("server %s (ZooKeeper %s), %d runs", srv.Addr, m.zookeeper, runs)

	tr, err := measureTree(srv.Addr, shape, runs, logf)
	if err != nil {
		logf("tree: %v", err)
		return 2
	}
	w, err := measureWire(srv.Addr, runs, dur, logf)
	if err != nil {
		logf("wire: %v", err)
		return 2
	}
	// The remaining benchmarks need no server: stop it so its JVM does
	// not compete for the two cores.
	srv.Stop()
	logf("model and tui benchmarks (go test -bench)")
	mem, err := goBench("./model/", "^BenchmarkMemoryPerNode$", runs, "1x", 5*time.Minute)
	if err != nil {
		logf("%v", err)
		return 2
	}
	events, err := goBench("./model/", "^BenchmarkApplyEvents$", runs, "", 5*time.Minute)
	if err != nil {
		logf("%v", err)
		return 2
	}
	ui, err := goBench("./tui/", "^BenchmarkLive(View|KeyToFrame)$", runs, "", 5*time.Minute)
	if err != nil {
		logf("%v", err)
		return 2
	}
	m.loadEnd = loadAvg()

	var t Table
	best := ceilingRows(&Table{}, w) // the ceiling first: the Get rows show their share of it
	wireRows(&t, w, best)
	ceilingRows(&t, w)
	treeRows(&t, tr)
	goBenchRows(&t, mem, events, ui)
	fmt.Println(m)
	fmt.Println()
	if err := t.Write(os.Stdout); err != nil {
		logf("%v", err)
		return 2
	}
	if failed := t.Failed(); len(failed) > 0 {
		fmt.Printf("\n%d of the targets missed: %s\n", len(failed), strings.Join(failed, "; "))
		return 1
	}
	fmt.Println("\nevery target met")
	return 0
}
