//go:build !wasm

package browsertest

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// GoBuild runs "go args..." in dir with env added to this process's
// environment; the error holds the command and its output.
func GoBuild(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s go %s: %v\n%s", strings.Join(env, " "), strings.Join(args, " "), err, out)
	}
	return nil
}

// BuildWasm builds the app into root/web/app.wasm (GOOS=js GOARCH=wasm),
// root being the module root.
func BuildWasm(root string) error {
	return GoBuild(root, []string{"GOOS=js", "GOARCH=wasm"},
		"build", "-trimpath", "-o", filepath.Join("web", "app.wasm"), "./cmd/stancemark")
}

// BuildBinary builds the stancemark command for this machine into out.
func BuildBinary(root, out string) error {
	return GoBuild(root, nil, "build", "-o", out, "./cmd/stancemark")
}

// SnapshotWeb copies the web directory src to dst without the precompressed
// wasm (app.wasm.br, app.wasm.gz), so what is served is app.wasm as it is
// now and never a stale compressed copy.
func SnapshotWeb(src, dst string) error {
	return CopyTree(src, dst, func(rel string) bool { return rel == "app.wasm.br" || rel == "app.wasm.gz" })
}

// CopyTree copies the directory src to dst, files as 0644, keeping
// modification times ("stancemark serve" serves app.wasm.br only when it is
// not older than app.wasm). Files whose slash-separated path below src
// satisfies skip (when skip is not nil) are left out.
func CopyTree(src, dst string, skip func(rel string) bool) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if skip != nil && skip(filepath.ToSlash(rel)) {
			return nil
		}
		return CopyFile(path, target, 0o644)
	})
}

// CopyFile copies src to dst with mode, keeping the modification time.
func CopyFile(src, dst string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, st.ModTime(), st.ModTime())
}
