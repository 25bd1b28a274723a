package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

// machine describes where the figures were measured, printed above the
// table: the figures mean little without it.
type machine struct {
	date, cpu, mem, zookeeper string
	cores                     int
	loadStart, loadEnd        string
}

func describe(addr string) machine {
	m := machine{
		date:      time.Now().UTC().Format("2006-01-02 15:04 UTC"),
		cores:     runtime.NumCPU(),
		cpu:       procField("/proc/cpuinfo", "model name"),
		mem:       gib(procField("/proc/meminfo", "MemTotal")),
		zookeeper: "unknown",
		loadStart: loadAvg(),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// srvr is the one four-letter word every server answers by default;
	// its first line is "Zookeeper version: 3.8.0-...".
	if out, err := zktest.FourLetter(ctx, addr, "srvr"); err == nil {
		line, _, _ := strings.Cut(out, "\n")
		if v, ok := strings.CutPrefix(line, "Zookeeper version: "); ok {
			// Debian's build leaves "-${mvngit.commit.id}" after the
			// version number: keep the number.
			v, _, _ = strings.Cut(v, ",")
			v, _, _ = strings.Cut(v, "-")
			m.zookeeper = v
		}
	}
	return m
}

// String is one markdown paragraph.
func (m machine) String() string {
	return fmt.Sprintf("Measured %s on %d cores (%s), %s memory, %s %s/%s, ZooKeeper %s on loopback; load average %s at the start, %s at the end.",
		m.date, m.cores, m.cpu, m.mem, runtime.Version(), runtime.GOOS, runtime.GOARCH, m.zookeeper, m.loadStart, m.loadEnd)
}

// procField is the value of the first "key : value" line of a /proc file.
func procField(file, key string) string {
	f, err := os.Open(file)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "unknown"
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " / ")
}

// gib turns /proc/meminfo's "24684084 kB" into "23.5 GiB".
func gib(kb string) string {
	var n float64
	if _, err := fmt.Sscanf(kb, "%f kB", &n); err != nil {
		return kb
	}
	return fmt.Sprintf("%.1f GiB", n/(1<<20))
}
