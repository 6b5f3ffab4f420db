//go:build !linux && !wasm

package browsertest

import "os/exec"

func dieWithParent(cmd *exec.Cmd) {}
