package zktest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	gozk "github.com/go-zookeeper/zk"
)

// fourLetter is FourLetter with the test's context, failing the test on error.
func fourLetter(t *testing.T, addr, word string) string {
	t.Helper()
	ans, err := FourLetter(t.Context(), addr, word)
	if err != nil {
		t.Fatalf("%s to %s: %v", word, addr, err)
	}
	return ans
}

func TestStandaloneServes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	s := Standalone(t)

	if got := fourLetter(t, s.Addr, "ruok"); got != "imok" {
		t.Errorf("ruok = %q, want imok", got)
	}
	if got := Mode(fourLetter(t, s.Addr, "srvr")); got != "standalone" {
		t.Errorf("srvr mode = %q, want standalone", got)
	}
	// The wide-open whitelist lets mntr through.
	if got := fourLetter(t, s.Addr, "mntr"); !strings.Contains(got, "zk_version") {
		t.Errorf("mntr = %q, want zk_version in it", got)
	}

	if s.AdminAddr == "" {
		t.Fatal("AdminAddr is empty with the AdminServer on")
	}
	resp, err := http.Get("http://" + s.AdminAddr + "/commands/ruok")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Command string  `json:"command"`
		Error   *string `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("AdminServer ruok is not JSON: %v", err)
	}
	if resp.StatusCode != http.StatusOK || body.Command != "ruok" || body.Error != nil {
		t.Errorf("AdminServer ruok = %d %+v, want 200 command ruok without error", resp.StatusCode, body)
	}
}

func TestDefaultWhitelist(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	s := Standalone(t, WithDefaultWhitelist(), WithoutAdminServer())
	if s.AdminAddr != "" {
		t.Errorf("AdminAddr = %q with the AdminServer off, want empty", s.AdminAddr)
	}
	if got := fourLetter(t, s.Addr, "mntr"); !strings.Contains(got, "not in the whitelist") {
		t.Errorf("mntr = %q, want a whitelist refusal", got)
	}
	if got := Mode(fourLetter(t, s.Addr, "srvr")); got != "standalone" {
		t.Errorf("srvr mode = %q, want standalone", got)
	}
}

// TestTTLNodes proves extended types are on: createTTL fails with
// UNIMPLEMENTED otherwise, and the node must really expire. (ZooKeeper hides
// the TTL from clients: a TTL node's Stat shows ephemeralOwner 0.)
// go-zookeeper serves as an independent client.
func TestTTLNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	// The container manager deletes expired TTL nodes; make it look often.
	s := Standalone(t, WithSystemProperty("znode.container.checkIntervalMs", "100"))
	conn, _, err := gozk.Connect([]string{s.Addr}, 5*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	path, err := conn.CreateTTL("/ttl", []byte("x"), gozk.FlagTTL, gozk.WorldACL(gozk.PermAll), 200*time.Millisecond)
	if err != nil {
		t.Fatalf("createTTL: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for {
		ok, _, err := conn.Exists(path)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return // expired: TTL nodes work
		}
		select {
		case <-ctx.Done():
			t.Fatalf("TTL node %s still exists after 30 s", path)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func TestRestartKeepsPortAndData(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	s := Standalone(t)
	conn, _, err := gozk.Connect([]string{s.Addr}, 5*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Create("/kept", []byte("v1"), 0, gozk.WorldACL(gozk.PermAll)); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	addr, oldPid := s.Addr, s.Pid()
	if err := s.Kill(); err != nil {
		t.Fatal(err)
	}
	if s.Running() {
		t.Fatal("Running after Kill")
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	if err := s.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if s.Addr != addr || s.Pid() == oldPid || !s.Running() {
		t.Fatalf("after Restart: addr %s (was %s), pid %d (was %d), running %v", s.Addr, addr, s.Pid(), oldPid, s.Running())
	}
	conn, _, err = gozk.Connect([]string{s.Addr}, 5*time.Second, gozk.WithLogInfo(false))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	data, _, err := conn.Get("/kept")
	if err != nil || string(data) != "v1" {
		t.Fatalf("get /kept after restart = %q, %v; want v1", data, err)
	}
	if !strings.Contains(s.Log(), "binding to port") {
		t.Errorf("the log does not show the server binding its port:\n%s", s.logTail(20))
	}
}
