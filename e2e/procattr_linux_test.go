package e2e

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes the server die with the test binary, even when go test
// kills the binary on a timeout.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
