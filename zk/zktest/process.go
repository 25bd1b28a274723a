package zktest

import (
	"os/exec"
	"runtime"
)

// process is one run of a server's JVM.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once the JVM has exited and been reaped
	err  error         // cmd.Wait's result, valid after done
}

// launch starts cmd in its own process group. On Linux the child also gets
// SIGKILL when its parent dies (Pdeathsig), so a crashed test binary leaves
// no server behind.
//
// Pdeathsig fires when the OS *thread* that forked the child exits, not the
// process. The goroutine below therefore locks its thread, forks from it and
// keeps it locked until the child is reaped: nothing else runs on that thread,
// so it cannot exit early and kill a healthy server.
func launch(cmd *exec.Cmd) (*process, error) {
	cmd.SysProcAttr = sysProcAttr()
	p := &process{cmd: cmd, done: make(chan struct{})}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return p, nil
}

// exited reports whether the JVM is gone.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// pid is the JVM's process id (and its process group id).
func (p *process) pid() int { return p.cmd.Process.Pid }
