package collect

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The process tests run the real binary: "stancemark serve -collect DSN",
// built once per test binary from ../cmd/stancemark, with a stand-in
// app.wasm (the API does not need the app).

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

func stancemarkBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "stancemark-bin-")
		if binErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "stancemark"), "stancemark/cmd/stancemark").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v: %s", err, out)
			return
		}
		web := filepath.Join(binDir, "web")
		os.Mkdir(web, 0o755)
		binErr = os.WriteFile(filepath.Join(web, "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644)
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "stancemark")
}

// serveProcess is a running "stancemark serve -collect".
type serveProcess struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:PORT
	done chan struct{}
}

var servedAt = regexp.MustCompile(`served at (http://[0-9.:]+)/`)

// startServe starts serve on dsn at a free port (addr "" picks one) and
// waits until it listens.
func startServe(t *testing.T, dsn, addr string, extra ...string) *serveProcess {
	t.Helper()
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	args := append([]string{"serve", "-collect", dsn, "-addr", addr, "-web", filepath.Join(binDir, "web")}, extra...)
	cmd := exec.Command(stancemarkBinary(t), args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serveProcess{cmd: cmd, done: make(chan struct{})}
	found := make(chan string, 1)
	var logMu sync.Mutex
	var log strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			logMu.Lock()
			log.WriteString(sc.Text() + "\n")
			logMu.Unlock()
			if m := servedAt.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		cmd.Wait()
		close(p.done)
	}()
	select {
	case p.base = <-found:
	case <-p.done:
		logMu.Lock()
		defer logMu.Unlock()
		t.Fatalf("stancemark %s exited: %s", strings.Join(args, " "), log.String())
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("stancemark serve did not start in 60 s")
	}
	t.Cleanup(func() { p.kill() })
	return p
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *serveProcess) kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}
