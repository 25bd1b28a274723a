package zk

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// opCounter counts the opcodes queued for the wire, by opcode.
type opCounter struct {
	mu  sync.Mutex
	ops map[opcode]int
}

func (o *opCounter) add(op opcode) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.ops == nil {
		o.ops = map[opcode]int{}
	}
	o.ops[op]++
}

func (o *opCounter) writes() (n int, seen []string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for op, k := range o.ops {
		if op.isWrite() {
			n += k
			seen = append(seen, op.String())
		}
	}
	return n, seen
}

func (o *opCounter) count(op opcode) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.ops[op]
}

// TestClientReadOnlyModeSendsNoWrite tries every write of the Client in
// read-only mode: each fails with ErrReadOnly, no write opcode is queued on
// the connection, the tree is unchanged, and reads and watches still work.
func TestClientReadOnlyModeSendsNoWrite(t *testing.T) {
	srv := sharedServer(t)
	ctx := ctxT(t)
	root := testRoot(t, dialShared(t))
	var cnt opCounter
	log := NewOpLog(64)
	c := &Client{Ensemble: srv.Addr, ReadOnly: true, onSend: cnt.add, OnRequest: log.Record}
	defer c.Reset()
	if err := c.Connect(ctx); err != nil {
		t.Fatal(err)
	}
	acl := WorldACL(PermAll)
	writes := map[string]func() error{
		"create": func() error { _, err := c.Create(ctx, root+"/a", nil, ModePersistent, acl); return err },
		"create2": func() error {
			_, _, err := c.Create2(ctx, root+"/b", nil, ModePersistentSequential, acl)
			return err
		},
		"createTTL": func() error {
			_, _, err := c.CreateTTL(ctx, root+"/c", nil, ModePersistentTTL, acl, time.Minute)
			return err
		},
		"container": func() error { _, err := c.Create(ctx, root+"/d", nil, ModeContainer, acl); return err },
		"delete":    func() error { return c.Delete(ctx, root, -1) },
		"setData":   func() error { _, err := c.SetData(ctx, root, []byte("x"), -1); return err },
		"setACL":    func() error { _, err := c.SetACL(ctx, root, acl, -1); return err },
		"multi": func() error {
			_, err := c.Multi(ctx, CheckOp(root, 0), SetDataOp(root, []byte("y"), -1))
			return err
		},
		"reconfig": func() error { _, _, err := c.Reconfig(ctx, []string{"server.9=127.0.0.1:1:2;3"}, -1); return err },
	}
	for name, f := range writes {
		if err := f(); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s in read-only mode: got %v, want ErrReadOnly", name, err)
		}
	}
	// The Conn's own gate, below the Client's early refusal.
	conn, err := c.waitConn(ctx, "test", "", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.SetData(ctx, root, []byte("z"), -1); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Conn.SetData under a read-only Client: %v", err)
	}
	if _, err := conn.Multi(ctx, DeleteOp(root, -1)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Conn.Multi under a read-only Client: %v", err)
	}
	// Reads and watches are not writes.
	if _, _, err := c.GetData(ctx, root); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddWatch(ctx, root, AddWatchPersistentRecursive); err != nil {
		t.Fatalf("addWatch in read-only mode: %v", err)
	}
	if n, seen := cnt.writes(); n != 0 {
		t.Fatalf("%d write opcodes reached the connection: %v", n, seen)
	}
	if cnt.count(opGetData) == 0 || cnt.count(opAddWatch) == 0 {
		t.Fatalf("the counter saw no reads (%v): the hook is not wired", cnt.ops)
	}
	data, st, err := dialShared(t).GetData(ctx, root)
	if err != nil || len(data) != 0 || st.Version != 0 || st.NumChildren != 0 {
		t.Fatalf("tree changed: %q %+v %v", data, st, err)
	}
	var refused int
	for _, r := range log.Records() {
		if r.Write && r.Sent {
			t.Errorf("log says a write was sent: %+v", r)
		}
		if r.Write && !r.Sent && errors.Is(r.Err, ErrReadOnly) {
			refused++
		}
	}
	// Every Client call refused before any Conn, and the two Conn calls.
	if refused != len(writes)+2 {
		t.Errorf("log has %d refused writes, want %d: %+v", refused, len(writes)+2, log.Records())
	}
}

// TestOnRequestRecordsResults checks the operation log: op, path, result
// code and a duration for every call, in order.
func TestOnRequestRecordsResults(t *testing.T) {
	ctx := ctxT(t)
	log := NewOpLog(100)
	c := dialShared(t, WithOnRequest(log.Record))
	root := testRoot(t, c)
	if _, err := c.SetData(ctx, root, []byte("v"), 7); !errors.Is(err, ErrBadVersion) {
		t.Fatalf("setData with a wrong version: %v", err)
	}
	if _, _, err := c.GetData(ctx, root+"/missing"); !errors.Is(err, ErrNoNode) {
		t.Fatal(err)
	}
	if _, err := c.Multi(ctx, SetDataOp(root, []byte("w"), 0)); err != nil {
		t.Fatal(err)
	}
	recs := log.Records()
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4: %+v", len(recs), recs)
	}
	want := []struct {
		op, path string
		code     Code
		write    bool
	}{
		{"create", root, CodeOK, true},
		{"setData", root, CodeBadVersion, true},
		{"getData", root + "/missing", CodeNoNode, false},
		{"multi", "", CodeOK, true},
	}
	for i, w := range want {
		r := recs[i]
		if r.Op != w.op || r.Path != w.path || r.Code != w.code || r.Write != w.write || !r.Sent {
			t.Errorf("record %d = %+v, want %+v", i, r, w)
		}
		if r.Duration <= 0 || r.Start.IsZero() {
			t.Errorf("record %d has no timing: %+v", i, r)
		}
	}
}

// TestOpLogRing keeps the newest records, oldest first, and counts all.
func TestOpLogRing(t *testing.T) {
	l := NewOpLog(3)
	for i := range 5 {
		l.Record(OpRecord{Path: string(rune('a' + i))})
	}
	recs := l.Records()
	if len(recs) != 3 || recs[0].Path != "c" || recs[2].Path != "e" || l.Total() != 5 {
		t.Fatalf("ring: %+v total %d", recs, l.Total())
	}
}
