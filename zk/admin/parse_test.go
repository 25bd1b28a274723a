package admin

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The fixtures are real answers of Debian's ZooKeeper 3.8.0: a standalone
// server with two kazoo sessions holding ephemerals and watches, and a
// three-node ensemble (leader_*, follower_*).

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const (
	sess0 = int64(0x10000023c7f0000)
	sess1 = int64(0x10000023c7f0001)
)

func TestParseSrvr(t *testing.T) {
	s, err := parseSrvr("srvr", fixture(t, "srvr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := ServerStats{
		Version:    "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
		Mode:       ModeStandalone,
		MinLatency: 0, AvgLatency: 0.9643, MaxLatency: 6,
		Received: 31, Sent: 30, Connections: 3, Outstanding: 0,
		Zxid: 8, NodeCount: 10,
	}
	if s.Version != want.Version || s.Mode != want.Mode || s.AvgLatency != want.AvgLatency ||
		s.MaxLatency != want.MaxLatency || s.Received != want.Received || s.Sent != want.Sent ||
		s.Connections != want.Connections || s.Zxid != want.Zxid || s.NodeCount != want.NodeCount {
		t.Errorf("got %+v\nwant %+v", *s, want)
	}
	if s.Clients != nil || s.Proposal != nil {
		t.Errorf("srvr has no clients or proposal sizes: %+v", s)
	}
}

func TestParseSrvrLeader(t *testing.T) {
	s, err := parseSrvr("srvr", fixture(t, "leader_srvr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Mode != ModeLeader || s.Zxid != 0x100000000 || s.Zxid.Epoch() != 1 || s.Zxid.Counter() != 0 {
		t.Errorf("mode %v zxid %v (epoch %d counter %d)", s.Mode, s.Zxid, s.Zxid.Epoch(), s.Zxid.Counter())
	}
	if s.Proposal == nil || *s.Proposal != (ProposalSizes{-1, -1, -1}) {
		t.Errorf("proposal sizes %+v", s.Proposal)
	}
	f, err := parseSrvr("srvr", fixture(t, "follower_srvr.txt"))
	if err != nil || f.Mode != ModeFollower {
		t.Errorf("follower: %v %v", f, err)
	}
}

func TestParseStat(t *testing.T) {
	s, err := parseSrvr("stat", fixture(t, "stat.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Clients) != 3 {
		t.Fatalf("want 3 clients, got %+v", s.Clients)
	}
	c := s.Clients[0]
	if c.Addr != "127.0.0.1:58612" || c.InterestOps != 1 || c.Received != 22 || c.Sent != 22 {
		t.Errorf("client 0: %+v", c)
	}
	if s.Received != 32 || s.NodeCount != 10 || s.Mode != ModeStandalone {
		t.Errorf("stats after clients block: %+v", s)
	}
}

func TestParseCons(t *testing.T) {
	cs, err := parseCons(fixture(t, "cons.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("want 3 connections, got %d", len(cs))
	}
	c := cs[0]
	if c.SessionID != sess0 || c.LastOperation != "PING" || c.SessionTimeout != 10*time.Second ||
		c.LastCxid != 0x14 || c.LastZxid != 8 || c.LastResponse != 163188 ||
		c.LastLatency != 1 || c.MinLatency != 0 || c.AvgLatency != 1 || c.MaxLatency != 6 {
		t.Errorf("connection 0: %+v", c)
	}
	if !c.Established.Equal(time.UnixMilli(1795307639937)) {
		t.Errorf("established %v", c.Established)
	}
	// The probing connection itself has no session yet.
	if cs[1].SessionID != 0 || !cs[1].Established.IsZero() || cs[1].InterestOps != 0 {
		t.Errorf("sessionless connection: %+v", cs[1])
	}
}

func TestParseConsLineIPv6AndHighSession(t *testing.T) {
	c, err := parseConsLine("cons", 1,
		" localhost/0:0:0:0:0:0:0:1:40000[1](queued=0,recved=1,sent=1,sid=0xff00000000000001,lzxid=0xffffffffffffffff)")
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "[0:0:0:0:0:0:0:1]:40000" || c.SessionID != -0xffffffffffffff || c.LastZxid != -1 {
		t.Errorf("%+v", c)
	}
}

func TestParseMntr(t *testing.T) {
	m, err := parseMntr(fixture(t, "mntr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if m.State != ModeStandalone || m.ZnodeCount != 10 || m.EphemeralsCount != 3 || m.WatchCount != 4 ||
		m.AvgLatency != 0.9643 || m.MaxLatency != 6 || m.PacketsReceived != 33 || m.PacketsSent != 32 ||
		m.AliveConnections != 3 || m.ApproximateDataSize != 111 || m.MaxFileDescriptors != 20000 ||
		m.OpenFileDescriptors != 45 || m.Uptime != 20176*time.Millisecond {
		t.Errorf("typed fields: %+v", *m)
	}
	if len(m.Values) < 400 || m.Values["zk_global_sessions"] != "2" {
		t.Errorf("values: %d entries, zk_global_sessions=%q", len(m.Values), m.Values["zk_global_sessions"])
	}
	l, err := parseMntr(fixture(t, "leader_mntr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if l.State != ModeLeader || l.Followers != 2 || l.SyncedFollowers != 2 || l.PendingSyncs != 0 {
		t.Errorf("leader: state %v followers %d synced %d", l.State, l.Followers, l.SyncedFollowers)
	}
	f, err := parseMntr(fixture(t, "follower_mntr.txt"))
	if err != nil || f.State != ModeFollower {
		t.Errorf("follower: %v", err)
	}
}

func TestParseConf(t *testing.T) {
	c, err := parseConf(fixture(t, "conf.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if c.ClientPort != 22181 || c.SecureClientPort != -1 || c.DataDir != "/var/lib/zookeeper/version-2" ||
		c.TickTime != 2*time.Second || c.MaxClientCnxns != 60 || c.MinSessionTimeout != 4*time.Second ||
		c.MaxSessionTimeout != 40*time.Second || c.ServerID != 0 || len(c.Servers) != 0 {
		t.Errorf("%+v", *c)
	}
	l, err := parseConf(fixture(t, "leader_conf.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"server.1=127.0.0.1:23281:23381:participant",
		"server.2=127.0.0.1:23282:23382:participant",
		"server.3=127.0.0.1:23283:23383:participant",
	}
	if l.ServerID != 3 || l.InitLimit != 10 || l.SyncLimit != 5 || !slices.Equal(l.Servers, want) ||
		l.Values["version"] != "0" {
		t.Errorf("leader conf: %+v", *l)
	}
}

func TestParseEnvi(t *testing.T) {
	env, err := parseEnvi(fixture(t, "envi.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if env["java.version"] != "17.0.15" || env["host.name"] != "localhost" || len(env) != 18 {
		t.Errorf("%d entries: %v", len(env), env)
	}
}

func TestParseWatches(t *testing.T) {
	s, err := parseWchs(fixture(t, "wchs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if *s != (WatchSummary{Connections: 2, Paths: 2, Total: 3}) {
		t.Errorf("wchs %+v", *s)
	}
	c, err := parseWchc(fixture(t, "wchc.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c) != 2 || !slices.Equal(c[sess0], []string{"/app/config"}) ||
		!slices.Equal(c[sess1], []string{"/app/none", "/app/config"}) {
		t.Errorf("wchc %v", c)
	}
	p, err := parseWchp(fixture(t, "wchp.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 2 || !slices.Equal(p["/app/config"], []int64{sess1, sess0}) ||
		!slices.Equal(p["/app/none"], []int64{sess1}) {
		t.Errorf("wchp %v", p)
	}
}

func TestParseDump(t *testing.T) {
	d, err := parseDump(fixture(t, "dump.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if d.SessionCount != 2 || !slices.Equal(d.Sessions, []int64{sess0, sess1}) {
		t.Errorf("sessions %d %x", d.SessionCount, d.Sessions)
	}
	if !slices.Equal(d.Ephemerals[sess0], []string{"/app/eph-0000000001", "/app/eph2"}) ||
		!slices.Equal(d.Ephemerals[sess1], []string{"/app/other"}) || len(d.Ephemerals) != 2 {
		t.Errorf("ephemerals %v", d.Ephemerals)
	}
	// A learner prints its global sessions with their timeouts instead.
	l, err := parseDump([]byte("SessionTracker dump:\nGlobal Sessions(1):\n0x200000abc\t30000ms\nephemeral nodes dump:\nSessions with Ephemerals (0):\n"))
	if err != nil || l.SessionCount != 1 || !slices.Equal(l.Sessions, []int64{0x200000abc}) {
		t.Errorf("learner dump: %+v %v", l, err)
	}
}

func TestParseSmallAnswers(t *testing.T) {
	if ok, err := parseRuok(fixture(t, "ruok.txt")); !ok || err != nil {
		t.Errorf("ruok %v %v", ok, err)
	}
	if ro, err := parseIsro(fixture(t, "isro.txt")); ro || err != nil {
		t.Errorf("isro %v %v", ro, err)
	}
	if ro, err := parseIsro([]byte("ro")); !ro || err != nil {
		t.Errorf("isro ro: %v %v", ro, err)
	}
	d, err := parseDirs(fixture(t, "dirs.txt"))
	if err != nil || *d != (Dirs{DataDirSize: 67109337, LogDirSize: 67109337}) {
		t.Errorf("dirs %+v %v", d, err)
	}
	if err := parseReset("crst", fixture(t, "crst.txt")); err != nil {
		t.Error(err)
	}
	if err := parseReset("srst", fixture(t, "srst.txt")); err != nil {
		t.Error(err)
	}
}

func TestParseErrorsAreTyped(t *testing.T) {
	cases := map[string]func() error{
		"srvr garbage":  func() error { _, err := parseSrvr("srvr", []byte("hello")); return err },
		"srvr no ver":   func() error { _, err := parseSrvr("srvr", []byte("Mode: leader\n")); return err },
		"srvr bad zxid": func() error { _, err := parseSrvr("srvr", []byte("Zookeeper version: x\nZxid: 0xzz\n")); return err },
		"mntr":          func() error { _, err := parseMntr([]byte("zk_version x\n")); return err },
		"mntr number":   func() error { _, err := parseMntr([]byte("zk_version\tx\nzk_znode_count\tmany\n")); return err },
		"cons":          func() error { _, err := parseCons([]byte(" /1.2.3.4:5(queued=0)\n")); return err },
		"wchs":          func() error { _, err := parseWchs([]byte("Total watches:3\n")); return err },
		"wchc":          func() error { _, err := parseWchc([]byte("\t/a\n")); return err },
		"dump":          func() error { _, err := parseDump([]byte("nothing\n")); return err },
		"isro":          func() error { _, err := parseIsro([]byte("maybe")); return err },
	}
	for name, f := range cases {
		err := f()
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, ErrParse) {
			t.Errorf("%s: want *ParseError, got %v", name, err)
		}
	}
}

func TestCheckAnswer(t *testing.T) {
	err := checkAnswer("mntr", fixture(t, "notwhitelisted.txt"))
	var nw *NotWhitelistedError
	if !errors.As(err, &nw) || nw.Command != "mntr" || !errors.Is(err, ErrNotWhitelisted) {
		t.Fatalf("want *NotWhitelistedError for mntr, got %v", err)
	}
	if want := "4lw.commands.whitelist=srvr, mntr"; nw.EnableLine() != want ||
		!strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err.Error(), want)
	}
	if err := checkAnswer("srvr", []byte("This ZooKeeper instance is not currently serving requests\n")); !errors.Is(err, ErrNotServing) {
		t.Errorf("not serving: %v", err)
	}
	if err := checkAnswer("xyzw", nil); !errors.Is(err, ErrParse) {
		t.Errorf("empty answer: %v", err)
	}
	if err := checkAnswer("wchc", nil); err != nil {
		t.Errorf("empty wchc is fine: %v", err)
	}
}

func TestModeAndZxid(t *testing.T) {
	for m := ModeUnknown; m <= ModeReadOnly; m++ {
		if m != ModeUnknown && ParseMode(m.String()) != m {
			t.Errorf("round trip of %v", m)
		}
	}
	if ParseMode("looking") != ModeUnknown || Mode(42).String() != "Mode(42)" {
		t.Error("unknown modes")
	}
	z := Zxid(0x500000007)
	if z.Epoch() != 5 || z.Counter() != 7 || z.String() != "0x500000007" {
		t.Errorf("zxid %v %d %d", z, z.Epoch(), z.Counter())
	}
	if FourLetterWords.String() != "four-letter words" || AdminServer.String() != "AdminServer" {
		t.Error("source names")
	}
}
