package tui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/zk"
)

// synthSession is a read-only tree computed on the fly, for benchmarks
// with a million nodes and no server: side directories under the root,
// side leaves in each.
type synthSession struct{ side int }

func (s synthSession) parse(p string) (dir, leaf int, depth int) {
	if p == "/" {
		return -1, -1, 0
	}
	parts := strings.Split(p[1:], "/")
	dir, _ = strconv.Atoi(strings.TrimPrefix(parts[0], "dir-"))
	if len(parts) == 1 {
		return dir, -1, 1
	}
	leaf, _ = strconv.Atoi(strings.TrimPrefix(parts[1], "node-"))
	return dir, leaf, 2
}

func (s synthSession) read(p string, kids bool) zk.ReadResult {
	_, _, depth := s.parse(p)
	st := zk.Stat{Czxid: 1, Mzxid: 1, Pzxid: 1, Ctime: 1, Mtime: 1}
	if depth < 2 {
		st.NumChildren = int32(s.side)
	} else {
		st.DataLength = 10
	}
	r := zk.ReadResult{Stat: st}
	switch {
	case kids && depth < 2:
		r.Children = make([]string, s.side)
		for i := range r.Children {
			if depth == 0 {
				r.Children[i] = "dir-" + strconv.Itoa(i)
			} else {
				r.Children[i] = fmt.Sprintf("node-%010d", i)
			}
		}
	case kids:
		r.Children = []string{}
	default:
		r.Data = []byte("0123456789")
	}
	return r
}

func (s synthSession) GetChildren(_ context.Context, p string) ([]string, zk.Stat, error) {
	r := s.read(p, true)
	return r.Children, r.Stat, nil
}

func (s synthSession) GetData(_ context.Context, p string) ([]byte, zk.Stat, error) {
	r := s.read(p, false)
	return r.Data, r.Stat, nil
}

func (s synthSession) GetACL(context.Context, string) ([]zk.ACL, zk.Stat, error) {
	return zk.WorldACL(zk.PermAll), zk.Stat{}, nil
}

func (s synthSession) Exists(_ context.Context, p string) (bool, zk.Stat, error) {
	return true, s.read(p, false).Stat, nil
}

func (s synthSession) MultiRead(_ context.Context, ops ...zk.ReadOp) ([]zk.ReadResult, error) {
	out := make([]zk.ReadResult, len(ops))
	for i, op := range ops {
		out[i] = s.read(op.Path, op == zk.GetChildrenOp(op.Path))
	}
	return out, nil
}

func (s synthSession) AddWatch(context.Context, string, zk.AddWatchMode) (<-chan zk.Event, error) {
	return make(chan zk.Event), nil
}

func (s synthSession) GetAllChildrenNumber(context.Context, string) (int, error) {
	return s.side + s.side*s.side, nil
}

// liveApp builds the explorer on a synthetic mirror of about n nodes, all
// loaded and every directory expanded (every node is a row), with the
// cursor in the middle.
func liveApp(b *testing.B, n int) *App {
	b.Helper()
	side := 1
	for side*side < n {
		side++
	}
	sess := synthSession{side: side}
	mir := model.New(sess, model.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := mir.Start(ctx); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(mir.Close)
	if err := mir.FullSync(ctx, nil); err != nil {
		b.Fatal(err)
	}
	for d := range side {
		mir.Expand("/dir-" + strconv.Itoa(d))
	}
	if err := mir.WaitIdle(ctx); err != nil {
		b.Fatal(err)
	}
	a := manual(New(sess, Options{Title: "bench", Tree: mir}))
	a.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
	run(a, a.Init())
	settle(a)
	if rows := a.tree.Len(); rows < side*side {
		b.Fatalf("%d rows, want every node shown", rows)
	}
	run(a, a.tree.Select(fmt.Sprintf("/dir-%d/node-%010d", side/2, side/2)))
	return a
}

// reportP99 reports the 99th percentile of the samples in milliseconds.
func reportP99(b *testing.B, samples []time.Duration) {
	slices.Sort(samples)
	if len(samples) > 0 {
		p99 := samples[len(samples)*99/100]
		b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
	}
}

// BenchmarkLiveView: a whole frame of the explorer on a mirror of 1,000
// and of 1,000,000 nodes, every one a visible row. The frame reads only
// the rows in the window, so both should cost the same.
func BenchmarkLiveView(b *testing.B) {
	for _, n := range []int{1_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			a := liveApp(b, n)
			samples := make([]time.Duration, 0, 1<<16)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				t0 := time.Now()
				_ = a.View()
				samples = append(samples, time.Since(t0))
			}
			reportP99(b, samples)
		})
	}
}

// BenchmarkLiveKeyToFrame: a key press (down, then up, alternating: the
// window moves and the mirror is read) until the next frame is rendered,
// on the same mirrors. The detail read the key starts is a command run
// off the Update goroutine, so it is not part of the frame.
func BenchmarkLiveKeyToFrame(b *testing.B) {
	for _, n := range []int{1_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			a := liveApp(b, n)
			keys := []tea.KeyPressMsg{keyMsg("j"), keyMsg("k"), keyMsg("ctrl+d"), keyMsg("ctrl+u")}
			samples := make([]time.Duration, 0, 1<<16)
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				t0 := time.Now()
				a.Update(keys[i%len(keys)])
				_ = a.View()
				samples = append(samples, time.Since(t0))
				i++
			}
			reportP99(b, samples)
		})
	}
}
