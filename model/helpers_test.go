package model

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/zkui/zkui/zk"
)

// mirrorStats returns every mirrored path with its stat.
func mirrorStats(t *Tree) map[string]zk.Stat {
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := make(map[string]zk.Stat)
	for id := range t.s.nodes {
		if t.s.nodes[id].flags&fFree != 0 {
			continue
		}
		if id == 0 && t.s.nodes[0].flags&fStat == 0 {
			continue // the mirrored root does not exist
		}
		out[t.s.path(int32(id))] = t.s.nodes[id].stat
	}
	return out
}

// diffTrees describes how a mirror differs from the server's tree (nil if
// equal): missing and extra paths, and stats that differ in versions.
func diffTrees(want, got map[string]zk.Stat) error {
	var msgs []string
	for p, ws := range want {
		gs, ok := got[p]
		switch {
		case !ok:
			msgs = append(msgs, "missing "+p)
		case ws.Version != gs.Version || ws.Cversion != gs.Cversion || ws.Aversion != gs.Aversion ||
			ws.Czxid != gs.Czxid || ws.Mzxid != gs.Mzxid || ws.NumChildren != gs.NumChildren || ws.Pzxid != gs.Pzxid:
			msgs = append(msgs, fmt.Sprintf("stat of %s: want %+v, got %+v", p, ws, gs))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			msgs = append(msgs, "extra "+p)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	slices.Sort(msgs)
	if len(msgs) > 20 {
		msgs = append(msgs[:20], fmt.Sprintf("... and %d more", len(msgs)-20))
	}
	return fmt.Errorf("%d differences:\n%s", len(msgs), joinLines(msgs))
}

func joinLines(s []string) string {
	out := ""
	for _, l := range s {
		out += "  " + l + "\n"
	}
	return out
}

// waitIdle waits for the tree to settle, failing the test after a minute.
func waitIdle(tb testing.TB, tr *Tree) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := tr.WaitIdle(ctx); err != nil {
		tb.Fatalf("tree did not settle: %v (status %+v)", err, tr.Status())
	}
}
