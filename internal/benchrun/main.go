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
	only := flag.String("only", "tree,wire,go", "sections to run, comma-separated: tree (loading a tree), wire (Gets, writes, ceiling), go (the packages' go test benchmarks)")
	flag.Parse()
	cfg := config{runs: *runs, dur: *dur, shape: treeShape{dirs: 10, subs: 100, leaves: *leaves}, limit: *limit, sections: map[string]bool{}}
	for _, s := range strings.Split(*only, ",") {
		cfg.sections[strings.TrimSpace(s)] = true
	}
	os.Exit(run(cfg))
}

// config is what the flags ask for.
type config struct {
	runs     int
	dur      time.Duration
	shape    treeShape
	limit    time.Duration
	sections map[string]bool
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

func run(cfg config) int {
	runs, limit := cfg.runs, cfg.limit
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

	var t Table
	var tr *treeResults
	if cfg.sections["tree"] {
		// The tree goes first, while the server holds only the tree:
		// the wire section's creates add nodes a full sync would load.
		if tr, err = measureTree(srv.Addr, cfg.shape, runs, logf); err != nil {
			logf("tree: %v", err)
			return 2
		}
	}
	if cfg.sections["wire"] {
		w, err := measureWire(srv.Addr, runs, cfg.dur, logf)
		if err != nil {
			logf("wire: %v", err)
			return 2
		}
		best := ceilingRows(&Table{}, w) // the Get rows show their share of it
		wireRows(&t, w, best)
		ceilingRows(&t, w)
	}
	if tr != nil {
		treeRows(&t, tr)
	}
	// The remaining benchmarks need no server: stop it so its JVM does
	// not compete for the two cores.
	srv.Stop()
	if cfg.sections["go"] {
		if code := goRows(&t, runs); code != 0 {
			return code
		}
	}
	m.loadEnd = loadAvg()
	return printTable(&t, m)
}

// goRows runs the packages' benchmarks and adds their rows.
func goRows(t *Table, runs int) int {
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
	goBenchRows(t, mem, events, ui)
	return 0
}

// printTable prints the machine, the table and the verdict, and returns
// the exit code: 1 when a target was missed.
func printTable(t *Table, m machine) int {
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
