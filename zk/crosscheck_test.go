package zk

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"
)

// goZK connects go-zookeeper/zk, an independent client, to the shared server.
func goZK(t *testing.T) *gozk.Conn {
	t.Helper()
	g, events, err := gozk.Connect([]string{sharedServer(t).Addr}, 10*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	for ev := range events {
		if ev.State == gozk.StateHasSession {
			break
		}
	}
	return g
}

func sameStat(t *testing.T, what string, ours Stat, theirs *gozk.Stat) {
	t.Helper()
	want := Stat{
		Czxid: theirs.Czxid, Mzxid: theirs.Mzxid, Ctime: theirs.Ctime, Mtime: theirs.Mtime,
		Version: theirs.Version, Cversion: theirs.Cversion, Aversion: theirs.Aversion,
		EphemeralOwner: theirs.EphemeralOwner, DataLength: theirs.DataLength,
		NumChildren: theirs.NumChildren, Pzxid: theirs.Pzxid,
	}
	if ours != want {
		t.Fatalf("%s: stat differs:\n ours   %+v\n theirs %+v", what, ours, want)
	}
}

func binaryPayload() []byte {
	b := make([]byte, 0, 300<<10)
	for i := range 256 {
		b = append(b, byte(i))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for len(b) < cap(b) {
		b = append(b, byte(r.Uint32()))
	}
	return b
}

func TestIndependentClientReadsWhatWeWrote(t *testing.T) {
	c := dialShared(t)
	g := goZK(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	payload := binaryPayload()
	if _, err := c.Create(ctx, root+"/bin", payload, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	data, theirs, err := g.Get(root + "/bin")
	if err != nil || !bytes.Equal(data, payload) {
		t.Fatalf("go-zookeeper read %d bytes (want %d): %v", len(data), len(payload), err)
	}
	_, ours, _ := c.GetData(ctx, root+"/bin")
	sameStat(t, "binary node", ours, theirs)

	acl := append(DigestACL(PermRead|PermAdmin, "bob", "pw"), IPACL(PermRead, "127.0.0.1")...)
	if _, err := c.Create(ctx, root+"/acl", nil, ModePersistent, acl); err != nil {
		t.Fatal(err)
	}
	// Without ADMIN on the node the server shows digest ids as "bob:x".
	if gacl, _, err := g.GetACL(root + "/acl"); err != nil || gacl[0].ID != "bob:x" {
		t.Fatalf("redacted ACL: %v %v", gacl, err)
	}
	if err := g.AddAuth("digest", []byte("bob:pw")); err != nil {
		t.Fatal(err)
	}
	gacl, _, err := g.GetACL(root + "/acl")
	if err != nil || len(gacl) != 2 {
		t.Fatalf("go-zookeeper ACL: %v %v", gacl, err)
	}
	want := gozk.DigestACL(gozk.PermRead|gozk.PermAdmin, "bob", "pw")[0]
	if gacl[0] != want || gacl[1].Scheme != "ip" || gacl[1].ID != "127.0.0.1" || gacl[1].Perms != gozk.PermRead {
		t.Fatalf("ACL differs: %+v, want %+v first", gacl, want)
	}

	var seqs []string
	for range 3 {
		p, err := c.Create(ctx, root+"/s-", nil, ModeEphemeralSequential, WorldACL(PermAll))
		if err != nil {
			t.Fatal(err)
		}
		seqs = append(seqs, p[len(root)+1:])
	}
	kids, _, err := g.Children(root)
	slices.Sort(kids)
	wantKids := append([]string{"acl", "bin"}, seqs...)
	slices.Sort(wantKids)
	if err != nil || !slices.Equal(kids, wantKids) {
		t.Fatalf("children seen by go-zookeeper: %v, want %v", kids, wantKids)
	}
	_, est, _ := g.Exists(root + "/" + seqs[0])
	if est.EphemeralOwner != c.SessionID() {
		t.Fatalf("ephemeral owner %x, want our session %x", est.EphemeralOwner, c.SessionID())
	}
}

func TestWeReadWhatIndependentClientWrote(t *testing.T) {
	c := dialShared(t)
	g := goZK(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	payload := binaryPayload()[:100<<10]
	if _, err := g.Create(root+"/bin", payload, 0, gozk.WorldACL(gozk.PermAll)); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Create(root+"/empty", []byte{}, 0, gozk.WorldACL(gozk.PermAll)); err != nil {
		t.Fatal(err)
	}
	seq, err := g.Create(root+"/q-", []byte("s"), gozk.FlagSequence, gozk.DigestACL(gozk.PermAll, "carol", "pw"))
	if err != nil {
		t.Fatal(err)
	}
	data, ours, err := c.GetData(ctx, root+"/bin")
	if err != nil || !bytes.Equal(data, payload) {
		t.Fatalf("we read %d bytes: %v", len(data), err)
	}
	_, theirs, _ := g.Get(root + "/bin")
	sameStat(t, "binary node", ours, theirs)
	if data, st, err := c.GetData(ctx, root+"/empty"); err != nil || len(data) != 0 || st.DataLength != 0 {
		t.Fatalf("empty node: %q %+v %v", data, st, err)
	}
	if err := c.AddAuth(ctx, "digest", []byte("carol:pw")); err != nil {
		t.Fatal(err)
	}
	acl, _, err := c.GetACL(ctx, seq)
	if err != nil || len(acl) != 1 || acl[0] != DigestACL(PermAll, "carol", "pw")[0] {
		t.Fatalf("ACL written by go-zookeeper: %v %v", acl, err)
	}
	kids, st, err := c.GetChildren(ctx, root)
	_, theirs, _ = g.Get(root)
	sameStat(t, "parent", st, theirs)
	if err != nil || len(kids) != 3 || !slices.Contains(kids, seq[len(root)+1:]) {
		t.Fatalf("children: %v %v", kids, err)
	}
}

func TestNoGoroutineOutlivesClose(t *testing.T) {
	srv := sharedServer(t)
	before := countGoroutines()
	for range 5 {
		c, err := DialContext(ctxT(t), "tcp", srv.Addr)
		if err != nil {
			t.Fatal(err)
		}
		ch, err := c.AddWatch(ctxT(t), "/", AddWatchPersistentRecursive)
		if err != nil {
			t.Fatal(err)
		}
		_, _, _, _ = c.GetDataW(ctxT(t), "/")
		c.Close()
		for range ch { // closed after Close
		}
	}
	waitGoroutines(t, before)
}
