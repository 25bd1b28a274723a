package zk

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/zkui/zkui/zk/internal/proto"
)

// Many watches are re-registered in several SetWatches frames, none larger
// than 128 KiB of paths, and together naming every watch exactly once.
func TestSetWatchesBatchesStayUnderTheLimit(t *testing.T) {
	m := newWatchManager()
	want := map[watchKind][]string{}
	long := strings.Repeat("x", 200)
	for i := range 3000 {
		kind := watchKind(i % int(numWatchKinds))
		p := fmt.Sprintf("/%s/%05d", long, i)
		m.add(m.newWatcher(kind, p))
		want[kind] = append(want[kind], "/app"+p)
	}
	c := &Conn{watches: m, chroot: "/app"}
	c.lastZxid.Store(42)
	frames := c.setWatchesBatches()
	if len(frames) < 4 {
		t.Fatalf("%d frames for ~650 KiB of paths", len(frames))
	}
	got := map[watchKind][]string{}
	for i, f := range frames {
		sw, ok := f.rec.(*proto.SetWatches2)
		if f.op != opSetWatches2 || !ok {
			t.Fatalf("frame %d: op %v %T (persistent watches need SetWatches2)", i, f.op, f.rec)
		}
		size := 0
		for _, list := range [][]string{sw.DataWatches, sw.ExistWatches, sw.ChildWatches, sw.PersistentWatches, sw.PersistentRecursiveWatches} {
			if list == nil {
				t.Fatalf("frame %d: a nil list is sent as null, which the server rejects", i)
			}
			for _, p := range list {
				size += len(p) + 4
			}
		}
		if size > setWatchesBatch || sw.RelativeZxid != 42 {
			t.Fatalf("frame %d: %d bytes of paths, zxid %d", i, size, sw.RelativeZxid)
		}
		got[watchData] = append(got[watchData], sw.DataWatches...)
		got[watchExist] = append(got[watchExist], sw.ExistWatches...)
		got[watchChild] = append(got[watchChild], sw.ChildWatches...)
		got[watchPersistent] = append(got[watchPersistent], sw.PersistentWatches...)
		got[watchPersistentRecursive] = append(got[watchPersistentRecursive], sw.PersistentRecursiveWatches...)
	}
	for k := range numWatchKinds {
		slices.Sort(got[k])
		slices.Sort(want[k])
		if !slices.Equal(got[k], want[k]) {
			t.Fatalf("kind %d: %d paths re-registered, want %d", k, len(got[k]), len(want[k]))
		}
	}
}
