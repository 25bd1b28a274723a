//go:build unix && !linux

package zktest

import "syscall"

// sysProcAttr puts the JVM in its own process group. Only Linux has
// Pdeathsig; elsewhere a crashed test binary can leave a server running.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
