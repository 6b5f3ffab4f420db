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
// collectServer is "stancemark serve -collect" on a fresh SQLite database
// with one collection of a new assignment on the bundled article.
type collectServer struct {
	base, code, secret, apath string
	a                         *annotations.Assignment
}

// startCollectServer starts the server; extra flags go to "collect new".
func startCollectServer(t *testing.T, newFlags ...string) *collectServer {
	t.Helper()
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	scheme := annotations.Presets()[0]
	scheme.Target = bundledClaim
	a := annotations.NewAssignment("Crowd study", "Tag the sentences.", doc, scheme, nil, annotations.AssignmentOptions{})
	var ab bytes.Buffer
	annotations.WriteAssignment(&ab, a)
	c := startCollectServerOf(t, ab.Bytes(), newFlags...)
	c.a = a
	return c
}

// startCollectServerOf starts the server with a collection of the
// assignment or project file item.
func startCollectServerOf(t *testing.T, item []byte, newFlags ...string) *collectServer {
	t.Helper()
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "collect.db")
	apath := filepath.Join(dir, "study.json")
	os.WriteFile(apath, item, 0o644)
	args := append([]string{"collect", "new", "-db", dsn, "-json"}, newFlags...)
	out, err := exec.Command(stancemarkBin, append(args, apath)...).Output()
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
	return &collectServer{base: base, code: col.Code, secret: col.Secret, apath: apath}
}

// stored lists the collection code's submissions as its owner.
func (c *collectServer) stored(t *testing.T, code, secret string) []struct{ Annotator, ID string } {
	t.Helper()
	req, _ := http.NewRequest("GET", c.base+"/api/collections/"+code+"/submissions", nil)
	req.Header.Set("Authorization", "Bearer "+secret)
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

func TestCollectSubmitNetworkDrop(t *testing.T) {
	c := startCollectServer(t, "-completion", "C0DE42", "-participant", "PROLIFIC_PID")
	base, col := c.base, struct{ Code string }{c.code}
	stored := func() []struct{ Annotator, ID string } { return c.stored(t, c.code, c.secret) }

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

// The teacher opens the dashboard's assignment for submissions on the
// server: the panel gives the link and the owner secret once, and
// submissions that arrive appear in the class without a reload.
func TestCollectDashboardLive(t *testing.T) {
	c := startCollectServer(t)
	p := newProfile(t)
	p.Do("open the app", chromedp.Navigate(c.base+"/"))
	p.WaitReady()
	p.Click("button#dashboard-button")
	p.WaitJS("the dashboard is shown", `document.querySelector('main#dashboard')`)
	p.Do("open the assignment", chromedp.SetUploadFiles(chromedp.CSS("input#dash-assignment-file"), []string{c.apath}))
	p.WaitJS("the collection panel offers to collect", `document.querySelector('button#collect-create')`)
	p.Click("button#collect-create")
	p.WaitJS("the secret is shown once", `document.querySelector('#collect-secret-value')`)
	link := p.Text("#collect-link")
	secret := p.Text("#collect-secret-value")
	code, ok := strings.CutPrefix(link, c.base+"/?collect=")
	if !ok || len(code) != 8 || len(secret) < 26 {
		t.Fatalf("link %q, secret %q", link, secret)
	}
	if n := len(c.stored(t, code, secret)); n != 0 {
		t.Fatalf("a new collection has %d submissions", n)
	}
	post := func(e *annotations.Export) {
		var b bytes.Buffer
		annotations.WriteExport(&b, e)
		res, err := http.Post(c.base+"/api/collections/"+code+"/submissions", "application/json", &b)
		if err != nil || res.StatusCode != 201 {
			t.Fatalf("POST: %v %v", err, res.Status)
		}
		res.Body.Close()
	}
	subs := annotations.GenerateSubmissions(c.a, 3, 7)
	post(subs[0])
	post(subs[1])
	p.WaitJS("two students appear live", `(document.querySelector('#dash-progress')||{}).textContent.includes('2 students loaded')`)
	post(subs[2])
	p.WaitJS("a third appears without a reload", `(document.querySelector('#dash-progress')||{}).textContent.includes('3 students loaded')`)
	if got := p.Text("#collect-live"); !strings.Contains(got, "3 submissions in collection "+code) {
		t.Errorf("live status %q", got)
	}
	p.audit("the dashboard with a live collection", axeSource(t))

	// Deleting it (confirmed) removes it and everything in it on the server.
	p.Click("button#collect-delete")
	p.WaitJS("asked to confirm", `document.querySelector('button#collect-delete-confirm')`)
	if n := len(c.stored(t, code, secret)); n != 3 {
		t.Fatalf("asking to confirm deleted something: %d left", n)
	}
	p.Click("button#collect-delete-confirm")
	p.WaitJS("told it is deleted", `(document.querySelector('#message-text')||{}).textContent.includes('every submission in it were deleted')`)
	res, err := http.Get(c.base + "/api/collections/" + code)
	if err != nil || res.StatusCode != 404 {
		t.Errorf("GET after delete: %v %v", err, res.Status)
	}
	res.Body.Close()
}

// A crowd participant opens a project collection's link with their id:
// the button says Submit, and it delivers their work on the project as a
// stancemark-submission/v1 under their participant id.
func TestCollectProjectSubmit(t *testing.T) {
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	p, err := annotations.NewProject(annotations.ProjectInput{Title: "Stance study", Scheme: annotations.Presets()[0],
		Articles: []annotations.ArticleInput{{Document: doc}}, Claims: []string{bundledClaim, "Iran controls Iraq."}})
	if err != nil {
		t.Fatal(err)
	}
	var pb bytes.Buffer
	annotations.WriteProject(&pb, p)
	c := startCollectServerOf(t, pb.Bytes(), "-participant", "PROLIFIC_PID", "-completion", "P-DONE")
	pg := newProfile(t)
	pg.Do("open the study link", chromedp.Navigate(c.base+"/?collect="+c.code+"&PROLIFIC_PID=pid-9"))
	pg.WaitReady()
	pg.WaitJS("the project's submit button", `(document.querySelector('#submission-download')||{}).textContent === 'Submit'`)
	pg.ClickSentence("s1")
	pg.Key("1")
	pg.waitLabel("tagged", "s1", "supports")
	pg.Click("button#submission-download")
	pg.WaitJS("delivered", `(document.querySelector('#message-text')||{}).textContent.includes('Delivered at')`)
	if msg := pg.Text("#message-text"); !strings.Contains(msg, "completion code: P-DONE") {
		t.Errorf("message %q", msg)
	}
	subs := c.stored(t, c.code, c.secret)
	if len(subs) != 1 || subs[0].Annotator != "pid-9" {
		t.Fatalf("stored %+v, want one submission by pid-9", subs)
	}
}

// On a phone (390 × 844, touch) the collection panel with its link and
// secret fits the width.
func TestCollectDashboardPhone(t *testing.T) {
	c := startCollectServer(t)
	p := newProfile(t)
	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Do("open the app", chromedp.Navigate(c.base+"/"))
	p.WaitReady()
	p.Click("button#dashboard-button")
	p.WaitJS("the dashboard is shown", `document.querySelector('main#dashboard')`)
	p.Do("open the assignment", chromedp.SetUploadFiles(chromedp.CSS("input#dash-assignment-file"), []string{c.apath}))
	p.WaitJS("the collection panel", `document.querySelector('button#collect-create')`)
	p.Click("button#collect-create")
	p.WaitJS("the secret is shown once", `document.querySelector('#collect-secret-value')`)
	// (The students' table beside it is wider than a phone: not this panel's.)
	if w := Eval[int](p, `(() => { const e = document.querySelector('#collect-panel'); return e.scrollWidth - e.clientWidth; })()`); w > 0 {
		t.Errorf("the collection panel overflows by %d px at 390 px wide", w)
	}
	for _, css := range []string{"#collect-link", "#collect-secret-value", "#collect-delete"} {
		r := Eval[[]float64](p, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.left, r.right]; })()`, css))
		if r[0] < -1 || r[1] > 391 {
			t.Errorf("%s spans %v px at 390 px wide", css, r)
		}
	}
}

// The researcher opens the project's adjudication on a server with
// -collect and opens it for submissions there: annotators' submissions
// posted to the collection join the adjudication without a reload — the
// annotators, their labels side by side, the counts — and a third one
// joins later; the status line says connected and how many. Reading
// another collection of it with a wrong secret names the 403.
func TestCollectProjectAdjudicateLive(t *testing.T) {
	_, paths := adjFiles(t)
	project, err := os.ReadFile(paths["project"])
	if err != nil {
		t.Fatal(err)
	}
	c := startCollectServerOf(t, project)
	p := newProfile(t)
	p.Do("open the app", chromedp.Navigate(c.base+"/"))
	p.WaitReady()
	p.openAdjudicate(paths["project"])
	p.WaitJS("the project collection's panel offers to collect", `document.querySelector('#collect-panel[data-kind=project] button#collect-create')`)
	p.Click("button#collect-create")
	p.WaitJS("the secret is shown once", `document.querySelector('#collect-secret-value')`)
	link, secret := p.Text("#collect-link"), p.Text("#collect-secret-value")
	code, ok := strings.CutPrefix(link, c.base+"/?collect=")
	if !ok || len(code) != 8 || len(secret) < 26 {
		t.Fatalf("link %q, secret %q", link, secret)
	}
	p.WaitJS("connected", `(document.querySelector('#collect-live')||{}).textContent.includes('Connected to collection `+code+`: 0 submissions')`)
	post := func(who string) {
		body, err := os.ReadFile(paths[who])
		if err != nil {
			t.Fatal(err)
		}
		res, err := http.Post(c.base+"/api/collections/"+code+"/submissions", "application/json", bytes.NewReader(body))
		if err != nil || res.StatusCode != 201 {
			t.Fatalf("POST %s: %v %v", who, err, res.Status)
		}
		res.Body.Close()
	}
	post("ana")
	post("bob")
	p.waitAnnotators(2)
	p.WaitJS("the status line counts two", `document.querySelector('#collect-live').textContent.includes(': 2 submissions, the latest received at')`)
	if got := p.Text("#adj-annotators-title"); got != "Annotators (2)" {
		t.Errorf("annotators heading %q", got)
	}
	p.waitUnit("s2: ana and bob disagree", "s2", map[string]string{"data-source": "unresolved", "data-tie": "true"})
	for who, want := range map[string]string{"ana": "Agree", "bob": "Disagree"} {
		if got := p.Text(adjUnit("s2") + fmt.Sprintf(` tr[data-annotator=%q] .adj-cast-label`, who)); got != want {
			t.Errorf("%s's label on s2 shows %q, want %q", who, got, want)
		}
	}
	post("cy")
	p.waitAnnotators(3)
	p.waitUnit("s2: cy makes a majority", "s2", map[string]string{"data-source": "majority", "data-label": "disagree"})
	if got := p.Text(adjUnit("s2") + ` tr[data-annotator="cy"] .adj-cast-label`); got != "Disagree" {
		t.Errorf("cy's label on s2 shows %q", got)
	}
	p.WaitJS("the status line counts three", `document.querySelector('#collect-live').textContent.includes(': 3 submissions')`)
	if got := p.Text("#adj-counts"); !strings.Contains(got, "majority") {
		t.Errorf("counts %q", got)
	}
	if n := Eval[int](p, `document.querySelectorAll('#adj-annotators li').length`); n != 3 {
		t.Errorf("%d annotators after the polls went on, want 3 (each submission once)", n)
	}
	p.audit("the Adjudicate view with a live collection", axeSource(t))

	// Another collection of the same project, read with a wrong secret.
	p.allowConsole("403 (Forbidden)")
	p.Click("button#collect-forget")
	p.WaitJS("the connect form", `document.querySelector('button#collect-connect')`)
	p.TypeInto("#collect-code", c.code)
	p.TypeInto("#collect-secret", "not-the-secret")
	p.Click("button#collect-connect")
	p.WaitJS("the wrong secret is named", `(document.querySelector('#collect-error')||{}).textContent.includes('the secret does not match this collection (HTTP 403)')`)
	if n := Eval[int](p, `document.querySelectorAll('#adj-annotators li').length`); n != 3 {
		t.Errorf("%d annotators after a failed connect, want the 3 read before", n)
	}
}
