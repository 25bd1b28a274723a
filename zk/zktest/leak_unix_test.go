//go:build unix

package zktest

import (
	"syscall"
	"testing"
)

// alive reports whether a process with this pid exists (signal 0 probes).
func alive(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}

func TestStopLeavesNoProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	s, err := Start(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pid := s.Pid()
	if pid == 0 || !alive(pid) {
		t.Fatalf("pid %d not alive while serving", pid)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if alive(pid) {
		t.Fatalf("pid %d still exists after Stop", pid)
	}
	if s.Running() {
		t.Error("Running after Stop")
	}
	// Stop is idempotent, and so is Kill after it.
	if err := s.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if err := s.Kill(); err != nil {
		t.Errorf("Kill after Stop: %v", err)
	}
}
