package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// benchLines maps a benchmark's name (without the -GOMAXPROCS suffix) to
// its metrics by unit ("ns/op", "p99-ms", "B/node"...), one value per run.
type benchLines map[string]map[string][]float64

// parseBench reads the text output of `go test -bench`: every line that
// starts with "Benchmark" is a name, an iteration count, then value-unit
// pairs. Other lines (goos, PASS, logs) are ignored.
func parseBench(out []byte) benchLines {
	res := benchLines{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // a log line that happens to start with the name
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		if res[name] == nil {
			res[name] = map[string][]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			res[name][f[i+1]] = append(res[name][f[i+1]], v)
		}
	}
	return res
}

// sample is the runs of one benchmark's metric, in unit (printed).
func (b benchLines) sample(name, metric, unit string, scale float64) Sample {
	s := Sample{Unit: unit}
	for _, v := range b[name][metric] {
		s.Vals = append(s.Vals, v*scale)
	}
	return s
}

// goBench runs `go test -run '^$' -bench pattern` in pkg of this module,
// count times, and parses what it printed. These benchmarks live in
// test files because they need unexported hooks (a synthetic mirror, the
// explorer driven without a terminal); running them is the public way in.
func goBench(pkg, pattern string, count int, benchtime string, timeout time.Duration) (benchLines, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := []string{"test", "-run", "^$", "-bench", pattern, "-benchmem",
		"-count", strconv.Itoa(count), "-timeout", timeout.String()}
	if benchtime != "" {
		args = append(args, "-benchtime", benchtime)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, pkg)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return parseBench(out), nil
}
