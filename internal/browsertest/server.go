//go:build !wasm

package browsertest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"sync"
	"time"
)

// FreeAddr returns a loopback address ("127.0.0.1:PORT") whose port was free
// a moment ago.
func FreeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// WaitHTTP polls url until it answers 200 OK, the server exits (a value on
// exited; nil for a server nobody waits on), or timeout passes.
func WaitHTTP(url string, exited <-chan error, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	client := &http.Client{Timeout: time.Second}
	for {
		resp, err := client.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = errors.New(resp.Status)
		}
		select {
		case werr := <-exited:
			return fmt.Errorf("server exited: %v", werr)
		default:
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Server is a running "stancemark serve".
type Server struct {
	Addr string        // 127.0.0.1:PORT
	URL  string        // http://127.0.0.1:PORT (no trailing slash)
	Out  *LockedBuffer // what the server printed

	cmd    *exec.Cmd
	exited chan error
	once   sync.Once
}

// Serve starts "bin serve -addr ADDR -web webDir" on a free loopback port,
// in the working directory dir ("" for this process's), and waits until
// GET readyPath (for example "/") answers 200 OK. The server dies with this
// process where the OS allows it; Stop ends it.
func Serve(bin, webDir, dir, readyPath string) (*Server, error) {
	addr, err := FreeAddr()
	if err != nil {
		return nil, fmt.Errorf("free port: %w", err)
	}
	s := &Server{Addr: addr, URL: "http://" + addr, Out: &LockedBuffer{}, exited: make(chan error, 1)}
	s.cmd = exec.Command(bin, "serve", "-addr", addr, "-web", webDir)
	s.cmd.Dir = dir
	s.cmd.Stdout, s.cmd.Stderr = s.Out, s.Out
	dieWithParent(s.cmd)
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s serve: %w", bin, err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	if err := WaitHTTP(s.URL+readyPath, s.exited, 20*time.Second); err != nil {
		s.Stop()
		return nil, fmt.Errorf("the server did not answer: %v\nserver output:\n%s", err, s.Out.String())
	}
	return s, nil
}

// Stop kills the server (by its PID) and waits for it to exit. It may be
// called more than once.
func (s *Server) Stop() {
	s.once.Do(func() {
		_ = s.cmd.Process.Kill()
		<-s.exited
	})
}

// LockedBuffer is a bytes.Buffer safe for concurrent writers and readers
// (a process's output while it runs).
type LockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *LockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *LockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
