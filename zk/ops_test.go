package zk

import (
	"bytes"

	"errors"
	"github.com/zkui/zkui/zk/zktest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var errorsIs = errors.Is

func TestCRUDAgainstRealServer(t *testing.T) {
	c := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	p := root + "/node"

	got, err := c.Create(ctx, p, []byte("v1"), ModePersistent, WorldACL(PermAll))
	if err != nil || got != p {
		t.Fatalf("create: %q %v", got, err)
	}
	_, err = c.Create(ctx, p, nil, ModePersistent, WorldACL(PermAll))
	mustIs(t, err, ErrNodeExists)
	if err.Error() != "create "+p+": node already exists" {
		t.Fatalf("message %q", err)
	}

	data, st, err := c.GetData(ctx, p)
	if err != nil || string(data) != "v1" || st.Version != 0 || st.DataLength != 2 {
		t.Fatalf("get: %q %+v %v", data, st, err)
	}
	st2, err := c.SetData(ctx, p, []byte("v2"), st.Version)
	if err != nil || st2.Version != 1 || st2.Mzxid <= st.Mzxid {
		t.Fatalf("set: %+v %v", st2, err)
	}
	_, err = c.SetData(ctx, p, []byte("v3"), st.Version)
	mustIs(t, err, ErrBadVersion)

	ok, est, err := c.Exists(ctx, p)
	if err != nil || !ok || est.Version != 1 {
		t.Fatalf("exists: %v %+v %v", ok, est, err)
	}
	ok, _, err = c.Exists(ctx, p+"/nope")
	if err != nil || ok {
		t.Fatalf("exists of a missing node: %v %v", ok, err)
	}
	_, _, err = c.GetData(ctx, p+"/nope")
	mustIs(t, err, ErrNoNode)

	for _, name := range []string{"b", "a", "c"} {
		if _, err := c.Create(ctx, p+"/"+name, nil, ModePersistent, WorldACL(PermAll)); err != nil {
			t.Fatal(err)
		}
	}
	kids, pst, err := c.GetChildren(ctx, p)
	slices.Sort(kids)
	if err != nil || !slices.Equal(kids, []string{"a", "b", "c"}) || pst.NumChildren != 3 || pst.Cversion != 3 {
		t.Fatalf("children: %v %+v %v", kids, pst, err)
	}
	mustIs(t, c.Delete(ctx, p, -1), ErrNotEmpty)
	mustIs(t, c.Delete(ctx, p+"/a", 5), ErrBadVersion)
	if err := c.Delete(ctx, p+"/a", 0); err != nil {
		t.Fatal(err)
	}
	mustIs(t, c.Delete(ctx, p+"/a", -1), ErrNoNode)
	if path, err := c.Sync(ctx, p); err != nil || path != p {
		t.Fatalf("sync: %q %v", path, err)
	}
}

func TestCreateModes(t *testing.T) {
	c := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)

	p, st, err := c.Create2(ctx, root+"/eph", []byte("x"), ModeEphemeral, WorldACL(PermAll))
	if err != nil || st.Kind() != KindEphemeral || st.Owner() != c.SessionID() || st.Czxid == 0 {
		t.Fatalf("ephemeral: %q %+v %v", p, st, err)
	}
	_, err = c.Create(ctx, root+"/eph/child", nil, ModePersistent, WorldACL(PermAll))
	mustIs(t, err, ErrNoChildrenForEphemerals)

	seq := regexp.MustCompile(`^` + root + `/q/job-\d{10}$`)
	c.Create(ctx, root+"/q", nil, ModePersistent, WorldACL(PermAll))
	var names []string
	for range 3 {
		name, err := c.Create(ctx, root+"/q/job-", nil, ModePersistentSequential, WorldACL(PermAll))
		if err != nil || !seq.MatchString(name) {
			t.Fatalf("sequential: %q %v", name, err)
		}
		names = append(names, name)
	}
	if !slices.IsSorted(names) || names[0] == names[1] {
		t.Fatalf("sequential names not increasing: %v", names)
	}
	es, err := c.Create(ctx, root+"/q/", nil, ModeEphemeralSequential, WorldACL(PermAll))
	if err != nil || !regexp.MustCompile(`/q/\d{10}$`).MatchString(es) {
		t.Fatalf("ephemeral sequential with trailing slash: %q %v", es, err)
	}

	// Servers hide the container and TTL markers from clients (the Stat
	// they send has ephemeralOwner 0); TestContainerAndTTLAreReaped checks
	// that these nodes really are containers and TTL nodes.
	if _, _, err := c.Create2(ctx, root+"/box", nil, ModeContainer, WorldACL(PermAll)); err != nil {
		t.Fatalf("container: %v", err)
	}
	if _, _, err := c.CreateTTL(ctx, root+"/ttl", nil, ModePersistentTTL, WorldACL(PermAll), 90*time.Second); err != nil {
		t.Fatalf("ttl: %v", err)
	}
	name, _, err := c.CreateTTL(ctx, root+"/ttlseq-", nil, ModePersistentSequentialTTL, WorldACL(PermAll), time.Hour)
	if err != nil || !strings.HasPrefix(name, root+"/ttlseq-") {
		t.Fatalf("ttl sequential: %q %v", name, err)
	}
}

func TestTTLRefusedWithoutExtendedTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	srv := zktestStandaloneNoTTL(t)
	c := dialAddr(t, srv.Addr)
	_, _, err := c.CreateTTL(ctxT(t), "/ttl", nil, ModePersistentTTL, WorldACL(PermAll), time.Minute)
	if err == nil {
		t.Fatal("TTL node created on a server without extended types")
	}
	var zerr *Error
	if !errors.As(err, &zerr) || zerr.Op != "create" {
		t.Fatalf("untyped error %v", err)
	}
	t.Logf("server refused TTL with: %v", err)
}

// TestContainerAndTTLAreReaped proves the kinds by the server's behaviour: an
// emptied container and an expired TTL node are deleted by its reaper.
func TestContainerAndTTLAreReaped(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	srv := zktest.Standalone(t, zktest.WithSystemProperty("znode.container.checkIntervalMs", "100"))
	c := dialAddr(t, srv.Addr)
	ctx := ctxT(t)
	if _, err := c.Create(ctx, "/box", nil, ModeContainer, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ctx, "/box/child", nil, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.CreateTTL(ctx, "/ttl", nil, ModePersistentTTL, WorldACL(PermAll), 200*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ctx, "/plain", nil, ModePersistent, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	if err := c.Delete(ctx, "/box/child", -1); err != nil {
		t.Fatal(err)
	}
	gone := func(p string) bool {
		for range 100 {
			if ok, _, err := c.Exists(ctx, p); err == nil && !ok {
				return true
			}
			time.Sleep(100 * time.Millisecond)
		}
		return false
	}
	if !gone("/box") {
		t.Error("emptied container was not reaped")
	}
	if !gone("/ttl") {
		t.Error("expired TTL node was not reaped")
	}
	if ok, _, _ := c.Exists(ctx, "/plain"); !ok {
		t.Error("a persistent node was reaped")
	}
}

func TestDigestACL(t *testing.T) {
	c := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	p := root + "/secret"
	acl := DigestACL(PermAll, "alice", "s3cret")
	if _, err := c.Create(ctx, p, []byte("hidden"), ModePersistent, acl); err != nil {
		t.Fatal(err)
	}
	_, _, err := c.GetData(ctx, p)
	mustIs(t, err, ErrNoAuth)

	other := dialShared(t)
	if err := other.AddAuth(ctx, "digest", []byte("alice:wrong")); err != nil {
		t.Fatal(err)
	}
	_, _, err = other.GetData(ctx, p)
	mustIs(t, err, ErrNoAuth)
	if strings.Contains(err.Error(), "wrong") {
		t.Fatalf("credential leaked into error: %v", err)
	}
	if err := c.AddAuth(ctx, "digest", []byte("alice:s3cret")); err != nil {
		t.Fatal(err)
	}
	data, _, err := c.GetData(ctx, p)
	if err != nil || string(data) != "hidden" {
		t.Fatalf("after AddAuth: %q %v", data, err)
	}
	got, st, err := c.GetACL(ctx, p)
	if err != nil || len(got) != 1 || got[0] != acl[0] {
		t.Fatalf("getACL: %v %v", got, err)
	}
	newACL := append(WorldACL(PermRead), acl...)
	st2, err := c.SetACL(ctx, p, newACL, st.Aversion)
	if err != nil || st2.Aversion != st.Aversion+1 {
		t.Fatalf("setACL: %+v %v", st2, err)
	}
	_, err = c.SetACL(ctx, p, newACL, st.Aversion)
	mustIs(t, err, ErrBadVersion)
	if data, _, err := other.GetData(ctx, p); err != nil || string(data) != "hidden" {
		t.Fatalf("world-readable after setACL: %q %v", data, err)
	}
	who, err := c.WhoAmI(ctx)
	if err != nil || !slices.ContainsFunc(who, func(ci ClientInfo) bool { return ci.AuthScheme == "digest" && ci.User == "alice" }) {
		t.Fatalf("whoAmI: %+v %v", who, err)
	}
}

func TestSessionOps(t *testing.T) {
	c := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, c)
	for _, n := range []string{"/a", "/a/x", "/a/y", "/b"} {
		if _, err := c.Create(ctx, root+n, nil, ModePersistent, WorldACL(PermAll)); err != nil {
			t.Fatal(err)
		}
	}
	eph := []string{root + "/a/e1", root + "/b/e2"}
	for _, p := range eph {
		if _, err := c.Create(ctx, p, nil, ModeEphemeral, WorldACL(PermAll)); err != nil {
			t.Fatal(err)
		}
	}
	n, err := c.GetAllChildrenNumber(ctx, root)
	if err != nil || n != 6 {
		t.Fatalf("getAllChildrenNumber: %d %v", n, err)
	}
	got, err := c.GetEphemerals(ctx, root+"/")
	slices.Sort(got)
	if err != nil || !slices.Equal(got, eph) {
		t.Fatalf("getEphemerals: %v %v", got, err)
	}
	got, err = c.GetEphemerals(ctx, root+"/a")
	if err != nil || !slices.Equal(got, eph[:1]) {
		t.Fatalf("getEphemerals(prefix): %v %v", got, err)
	}
	cfg, _, err := c.Config(ctx)
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	t.Logf("/zookeeper/config: %q", cfg)
	_, _, err = c.IncrementalReconfig(ctx, nil, []string{"3"}, -1)
	if err == nil {
		t.Fatal("reconfig succeeded on a server without reconfigEnabled")
	}
	var zerr *Error
	if !errors.As(err, &zerr) {
		t.Fatalf("untyped reconfig error %v", err)
	}
}

func TestCloseRemovesEphemeralsAtOnce(t *testing.T) {
	c := dialShared(t)
	watcher := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, watcher)
	if _, err := c.Create(ctx, root+"/e", nil, ModeEphemeral, WorldACL(PermAll)); err != nil {
		t.Fatal(err)
	}
	c.Close()
	// closeSession was acknowledged before Close returned: the node is gone
	// now, not a session timeout later.
	if ok, _, err := watcher.Exists(ctx, root+"/e"); err != nil || ok {
		t.Fatalf("ephemeral still there after Close: %v %v", ok, err)
	}
}

func TestChroot(t *testing.T) {
	plain := dialShared(t)
	ctx := ctxT(t)
	root := testRoot(t, plain)
	c := dialAddr(t, sharedServer(t).Addr+root)
	if c.Chroot() != root {
		t.Fatalf("chroot %q", c.Chroot())
	}
	events, err := c.AddWatch(ctx, "/", AddWatchPersistentRecursive)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Create(ctx, "/x", []byte("in chroot"), ModePersistent, WorldACL(PermAll))
	if err != nil || p != "/x" {
		t.Fatalf("create in chroot: %q %v", p, err)
	}
	if data, _, err := plain.GetData(ctx, root+"/x"); err != nil || string(data) != "in chroot" {
		t.Fatalf("seen from outside: %q %v", data, err)
	}
	ev := nextEvent(t, events)
	if ev.Path != "/x" || ev.Type != EventNodeCreated {
		t.Fatalf("event %+v", ev)
	}
	seq, err := c.Create(ctx, "/s-", nil, ModeEphemeralSequential, WorldACL(PermAll))
	if err != nil || !strings.HasPrefix(seq, "/s-") {
		t.Fatalf("sequential in chroot: %q %v", seq, err)
	}
	res, err := c.Multi(ctx, CreateOp("/m", nil, ModePersistent, WorldACL(PermAll)))
	if err != nil || res[0].Path != "/m" {
		t.Fatalf("multi in chroot: %+v %v", res, err)
	}
	kids, _, err := c.GetChildren(ctx, "/")
	if err != nil || len(kids) != 3 {
		t.Fatalf("children of the chroot root: %v %v", kids, err)
	}
	if eph, err := c.GetEphemerals(ctx, "/"); err != nil || !slices.Equal(eph, []string{seq}) {
		t.Fatalf("ephemerals in chroot: %v %v", eph, err)
	}
}

func TestBadInputRefusedBeforeSending(t *testing.T) {
	c := dialShared(t, WithMaxFrameSize(64<<10))
	ctx := ctxT(t)
	for _, p := range []string{"", "a", "/a/", "/a//b", "/a/./b", "/a/..", "/a\x00b"} {
		if _, _, err := c.GetData(ctx, p); !errors.Is(err, ErrInvalidPath) {
			t.Errorf("path %q: %v", p, err)
		}
	}
	_, err := c.Create(ctx, "/big", bytes.Repeat([]byte{1}, 64<<10), ModePersistent, WorldACL(PermAll))
	mustIs(t, err, ErrFrameTooLarge)
	_, _, err = c.CreateTTL(ctx, "/ttl", nil, ModePersistentTTL, WorldACL(PermAll), -time.Second)
	mustIs(t, err, ErrBadInput)
	_, err = c.Create(ctx, "/ttl", nil, ModePersistentTTL, WorldACL(PermAll))
	mustIs(t, err, ErrBadInput)
	_, err = c.Multi(ctx)
	mustIs(t, err, ErrBadInput)
	_, err = c.MultiRead(ctx)
	mustIs(t, err, ErrBadInput)
	_, err = c.Create(ctx, "/noacl", nil, ModePersistent, nil)
	mustIs(t, err, ErrBadInput)
	// Nothing was sent: the connection's xid counter did not move.
	c.mu.Lock()
	xid := c.xid
	c.mu.Unlock()
	if xid != 0 {
		t.Fatalf("%d requests were sent", xid)
	}
}
