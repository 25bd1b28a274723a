package zktest

import "syscall"

// sysProcAttr puts the JVM in its own process group (signals for the test
// binary's group do not reach it, and we can signal the whole group) and asks
// the kernel to kill it when the test binary dies.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
