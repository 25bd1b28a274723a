package admin

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestDecodeServerStats(t *testing.T) {
	s, err := decodeServerStats("server_stats", fixture(t, "admin_server_stats.json"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Mode != ModeStandalone || s.AvgLatency != 0.9667 || s.MaxLatency != 6 || s.Received != 44 ||
		s.Sent != 46 || s.Connections != 2 || s.Zxid != 8 || s.NodeCount != 10 || s.Clients != nil ||
		s.Version != "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC" {
		t.Errorf("%+v", *s)
	}
	st, err := decodeServerStats("stats", fixture(t, "admin_stats.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Clients) != 2 || st.Clients[0].Addr != "127.0.0.1:58620" || st.Clients[0].Received != 7 ||
		st.Clients[1].InterestOps != 1 {
		t.Errorf("clients %+v", st.Clients)
	}
}

func TestDecodeConnections(t *testing.T) {
	cs, err := decodeConnections(fixture(t, "admin_connections.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("want 2 connections, got %d", len(cs))
	}
	c := cs[0]
	// The session id is beyond float64's exact range: it must come through
	// exactly, and match what cons prints in hex.
	if c.SessionID != sess0 || c.LastOperation != "PING" || c.SessionTimeout != 10*time.Second ||
		c.LastCxid != 20 || c.LastZxid != 8 || c.MaxLatency != 6 || c.Addr != "127.0.0.1:58612" ||
		!c.Established.Equal(time.UnixMilli(1795307639937)) {
		t.Errorf("%+v", c)
	}
}

func TestDecodeMonitor(t *testing.T) {
	m, err := decodeMonitor(fixture(t, "admin_monitor.json"))
	if err != nil {
		t.Fatal(err)
	}
	if m.State != ModeStandalone || m.ZnodeCount != 10 || m.WatchCount != 4 || m.EphemeralsCount != 3 ||
		m.AvgLatency != 0.9667 || m.MaxFileDescriptors != 20000 {
		t.Errorf("%+v", *m)
	}
	// Same key spelling as mntr, and decimals kept as written.
	if m.Values["zk_connection_drop_probability"] != "0.0" || m.Values["zk_server_state"] != "standalone" {
		t.Errorf("values: %q %q", m.Values["zk_connection_drop_probability"], m.Values["zk_server_state"])
	}
	if _, ok := m.Values["zk_command"]; ok {
		t.Error("envelope field leaked into values")
	}
	text, err := parseMntr(fixture(t, "mntr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for k := range text.Values {
		if _, ok := m.Values[k]; !ok && k != "zk_version" {
			t.Errorf("mntr key %s missing from the AdminServer's monitor", k)
		}
	}
}

func TestDecodeConfigurationAndEnvironment(t *testing.T) {
	c, err := decodeConfiguration(fixture(t, "admin_configuration.json"))
	if err != nil {
		t.Fatal(err)
	}
	if c.ClientPort != 22181 || c.DataDir != "/var/lib/zookeeper/version-2" || c.TickTime != 2*time.Second ||
		c.MaxClientCnxns != 60 || c.MaxSessionTimeout != 40*time.Second || c.Values["clientPortListenBacklog"] != "-1" {
		t.Errorf("%+v", *c)
	}
	env, err := decodeEnvironment(fixture(t, "admin_environment.json"))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := parseEnvi(fixture(t, "envi.txt"))
	if len(env) != len(text) || env["java.home"] != text["java.home"] {
		t.Errorf("json %d entries, envi %d", len(env), len(text))
	}
}

func TestDecodeWatchesAndDump(t *testing.T) {
	s, err := decodeWatchSummary(fixture(t, "admin_watch_summary.json"))
	if err != nil || *s != (WatchSummary{2, 2, 3}) {
		t.Errorf("summary %+v %v", s, err)
	}
	w, err := decodeWatches(fixture(t, "admin_watches.json"))
	if err != nil || !slices.Equal(w[sess1], []string{"/app/none", "/app/config"}) || len(w) != 2 {
		t.Errorf("watches %v %v", w, err)
	}
	p, err := decodeWatchesByPath(fixture(t, "admin_watches_by_path.json"))
	if err != nil || !slices.Equal(p["/app/config"], []int64{sess1, sess0}) {
		t.Errorf("by path %v %v", p, err)
	}
	d, err := decodeDump(fixture(t, "admin_dump.json"))
	if err != nil || d.SessionCount != 2 || !slices.Equal(d.Sessions, []int64{sess0, sess1}) ||
		!slices.Equal(d.Ephemerals[sess1], []string{"/app/other"}) {
		t.Errorf("dump %+v %v", d, err)
	}
	ro, err := decodeIsReadOnly(fixture(t, "admin_is_read_only.json"))
	if ro || err != nil {
		t.Errorf("is_read_only %v %v", ro, err)
	}
	dirs, err := decodeDirs(fixture(t, "admin_dirs.json"))
	if err != nil || dirs.DataDirSize != 67109337 {
		t.Errorf("dirs %+v %v", dirs, err)
	}
}

func TestCheckJSONError(t *testing.T) {
	for _, f := range []string{"admin_ruok.json", "admin_stat_reset.json", "admin_connection_stat_reset.json"} {
		if err := checkJSONError("x", fixture(t, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	err := checkJSONError("nosuch", fixture(t, "admin_error_unknown.json"))
	var ce *CommandError
	if !errors.As(err, &ce) || ce.Message != "Unknown command: nosuch" || !errors.Is(err, ErrAdminServer) {
		t.Errorf("unknown command: %v", err)
	}
	if err := checkJSONError("x", []byte("<html>")); !errors.Is(err, ErrParse) {
		t.Errorf("html: %v", err)
	}
}

func TestSnakeToCamel(t *testing.T) {
	for in, want := range map[string]string{
		"client_port": "clientPort", "max_client_cnxns": "maxClientCnxns", "server_id": "serverId",
		"tick_time": "tickTime", "x": "x", "a__b": "aB", "": "",
	} {
		if got := snakeToCamel(in); got != want {
			t.Errorf("%q: got %q want %q", in, got, want)
		}
	}
}
