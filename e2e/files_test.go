package e2e

// Downloads and uploads.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// AllowDownloads makes downloads of this profile land in a temp dir and
// returns it.
func (p *Page) AllowDownloads() string {
	p.t.Helper()
	dir := p.t.TempDir()
	bc := chromedp.FromContext(p.Ctx).BrowserContextID
	if _, err := chromedp.CallBrowser(p.Ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: bc,
		DownloadPath:     dir,
	}); err != nil {
		p.t.Fatalf("set download behavior: %v", err)
	}
	return dir
}

// WaitFile waits for a complete download named name in dir and returns its
// bytes.
func (p *Page) WaitFile(dir, name string) []byte {
	p.t.Helper()
	var data []byte
	p.Eventually("download "+name, func() error {
		b, err := readDownload(dir, name)
		if err != nil {
			return err
		}
		if len(b) == 0 || !json.Valid(b) {
			return fmt.Errorf("%s is not complete JSON yet (%d bytes)", name, len(b))
		}
		data = b
		return nil
	})
	return data
}

// Upload sets the file of input#import.
func (p *Page) Upload(path string) {
	p.t.Helper()
	p.Do("upload "+filepath.Base(path), chromedp.SetUploadFiles(chromedp.CSS("input#import"), []string{path}))
}

// readDownload reads dir/name; when it is not there (yet), the error lists
// the files in dir.
func readDownload(dir, name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		ents, _ := os.ReadDir(dir)
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return nil, fmt.Errorf("%v (files in the download dir: %v)", err, names)
	}
	return b, nil
}
