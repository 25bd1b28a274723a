package zktest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashHelperEnv makes the test binary act as a test that starts a server and
// then dies by SIGKILL (see TestMain).
const crashHelperEnv = "ZKTEST_CRASH_HELPER_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(crashHelperEnv); dir != "" {
		crashHelper(dir)
	}
	os.Exit(m.Run())
}

// crashHelper starts a server, prints its pid and kills its own process
// without any cleanup, as a crashing test binary would.
func crashHelper(dir string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := Start(ctx, dir, WithoutAdminServer())
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("pid", s.Pid())
	syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {} // not reached
}

// TestCrashedTestLeavesNoServer checks Pdeathsig: when the process that
// started a server dies without cleanup, the kernel kills the JVM too.
func TestCrashedTestLeavesNoServer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashHelperEnv+"="+t.TempDir())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	cmd.Wait() // killed by its own SIGKILL
	pidText, ok := strings.CutPrefix(strings.TrimSpace(line), "pid ")
	pid, err := strconv.Atoi(pidText)
	if !ok || err != nil {
		t.Fatalf("helper said %q, want its server's pid", line)
	}
	eventually(t, fmt.Sprintf("server pid %d gone after its parent died", pid), func() bool {
		// The JVM was the helper's child; once orphaned, init reaps it.
		return !alive(pid)
	})
}
