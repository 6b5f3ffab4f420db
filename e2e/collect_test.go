package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpnet "github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
	"stancemark/articles"
	"stancemark/internal/browsertest"
)

// The network drops while a participant presses Submit in an assignment
// opened from a collection (stancemark serve -collect): the submission is
// queued and the participant told so; when the network is back it is
// delivered, the receipt names the time, a short hash and the completion
// code, the server has it exactly once, and a reload sends nothing again.
func TestCollectSubmitNetworkDrop(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "collect.db")
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	scheme := annotations.Presets()[0]
	scheme.Target = bundledClaim
	a := annotations.NewAssignment("Crowd study", "Tag the sentences.", doc, scheme, nil, annotations.AssignmentOptions{})
	var ab bytes.Buffer
	annotations.WriteAssignment(&ab, a)
	apath := filepath.Join(dir, "study.assignment.json")
	os.WriteFile(apath, ab.Bytes(), 0o644)
	out, err := exec.Command(stancemarkBin, "collect", "new", "-db", dsn, "-json", "-completion", "C0DE42", "-participant", "PROLIFIC_PID", apath).Output()
	if err != nil {
		t.Fatalf("collect new: %v", err)
	}
	var col struct{ Code, Secret string }
	if err := json.Unmarshal(out, &col); err != nil {
		t.Fatal(err)
	}
	addr, err := browsertest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	srv := exec.Command(stancemarkBin, "serve", "-collect", dsn, "-addr", addr, "-web", servedWeb)
	var srvOut browsertest.LockedBuffer
	srv.Stdout, srv.Stderr = &srvOut, &srvOut
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	t.Cleanup(func() { srv.Process.Kill(); <-exited })
	base := "http://" + addr
	if err := browsertest.WaitHTTP(base+"/", exited, 20*time.Second); err != nil {
		t.Fatalf("serve -collect: %v\n%s", err, srvOut.String())
	}
	stored := func() []struct{ Annotator, ID string } {
		req, _ := http.NewRequest("GET", base+"/api/collections/"+col.Code+"/submissions", nil)
		req.Header.Set("Authorization", "Bearer "+col.Secret)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		var l struct {
			Submissions []struct{ Annotator, ID string }
		}
		if err := json.Unmarshal(b, &l); err != nil {
			t.Fatalf("listing: %d %s", res.StatusCode, b)
		}
		return l.Submissions
	}

	p := newProfile(t)
	p.Do("open the study link", chromedp.Navigate(base+"/?collect="+col.Code+"&PROLIFIC_PID=pid-77"))
	p.WaitReady()
	p.WaitJS("the collection's assignment is open", `(document.querySelector('#assignment-title')||{}).textContent === 'Assignment: Crowd study'`)
	if got := p.Text("#student-name"); got != "Student: pid-77" {
		t.Errorf("the participant id from the URL: %q", got)
	}
	p.ClickSentence("s1")
	p.Key("1")
	p.waitLabel("tagged", "s1", "supports")

	p.allowConsole("ERR_INTERNET_DISCONNECTED", "Failed to fetch", "Failed to load resource")
	// The network goes off for the page and for the app's service worker
	// (which makes the page's requests on its behalf): CDP network
	// emulation on both targets.
	targets := []context.Context{p.Ctx}
	p.Eventually("the service worker's target", func() error {
		infos, err := chromedp.Targets(p.Ctx)
		if err != nil {
			return err
		}
		for _, ti := range infos {
			if ti.Type == "service_worker" && strings.HasPrefix(ti.URL, base) {
				swCtx, cancel := chromedp.NewContext(p.Ctx, chromedp.WithTargetID(ti.TargetID))
				t.Cleanup(cancel)
				targets = append(targets, swCtx)
				return nil
			}
		}
		return fmt.Errorf("no service worker of %s among %d targets", base, len(infos))
	})
	network := func(offline bool) {
		for _, ctx := range targets {
			err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				if _, err := chromedp.Call(ctx, cdpnet.Enable, cdpnet.EnableParams{}); err != nil {
					return err
				}
				if _, err := chromedp.Call(ctx, cdpnet.EmulateNetworkConditionsByRule, cdpnet.EmulateNetworkConditionsByRuleParams{
					MatchedNetworkConditions: []*cdpnet.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}},
				}); err != nil {
					return err
				}
				_, err := chromedp.Call(ctx, cdpnet.OverrideNetworkState, cdpnet.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
				return err
			}))
			if err != nil {
				t.Fatalf("network offline=%v: %v", offline, err)
			}
		}
	}
	network(true)
	p.Click("button#submit")
	p.WaitJS("told the submission is queued", `(document.querySelector('#message-text')||{}).textContent.includes('queued in this browser')`)
	if n := len(stored()); n != 0 {
		t.Fatalf("%d submissions stored while offline", n)
	}
	if n := Eval[int](p, `JSON.parse(localStorage.getItem('stancemark/v1/collect/queue')||'[]').length`); n != 1 {
		t.Errorf("%d submissions in the queue, want 1", n)
	}

	network(false)
	p.WaitJS("the queued submission is delivered", `(document.querySelector('#message-text')||{}).textContent.includes('Your queued submission was delivered at')`)
	msg := p.Text("#message-text")
	subs := stored()
	if len(subs) != 1 || subs[0].Annotator != "pid-77" {
		t.Fatalf("stored %+v, want one submission by pid-77", subs)
	}
	if !strings.Contains(msg, "completion code: C0DE42") || !strings.Contains(msg, "receipt ") {
		t.Errorf("the receipt %q names no short hash or completion code", msg)
	}
	p.Reload()
	p.Settle()
	time.Sleep(500 * time.Millisecond)
	if n := len(stored()); n != 1 {
		t.Errorf("%d submissions after a reload, want 1 (acknowledged once)", n)
	}
	if n := Eval[int](p, `JSON.parse(localStorage.getItem('stancemark/v1/collect/queue')||'[]').length`); n != 0 {
		t.Errorf("%d submissions still queued", n)
	}
}
