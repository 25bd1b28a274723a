//go:build unix

package zktest

import "syscall"

// terminate asks the JVM's process group to shut down (ZooKeeper's shutdown
// hook runs on SIGTERM).
func (p *process) terminate() error {
	return ignoreGone(syscall.Kill(-p.pid(), syscall.SIGTERM))
}

// kill kills the JVM's process group at once.
func (p *process) kill() error {
	return ignoreGone(syscall.Kill(-p.pid(), syscall.SIGKILL))
}

// ignoreGone treats "no such process" as success: the group already exited.
func ignoreGone(err error) error {
	if err == syscall.ESRCH {
		return nil
	}
	return err
}
