//go:build !unix

package zktest

import (
	"errors"
	"os"
	"syscall"
)

// sysProcAttr has nothing to add where there are no process groups.
func sysProcAttr() *syscall.SysProcAttr { return nil }

// terminate cannot ask politely without Unix signals: it kills.
func (p *process) terminate() error { return p.kill() }

// kill kills the JVM at once.
func (p *process) kill() error {
	err := p.cmd.Process.Kill()
	if errors.Is(err, os.ErrProcessDone) {
		return nil
	}
	return err
}
