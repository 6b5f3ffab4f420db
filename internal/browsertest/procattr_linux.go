//go:build linux

package browsertest

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes the child die with this process, even when go test
// kills the test binary on a timeout.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
