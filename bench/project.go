package main

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
	"stancemark/internal/browsertest"
)

// The FNC-1-sized project of issue 14: 900 article bodies of about 3.3 KB
// (3 MB of text), 900 headlines and 25,000 (headline, body) pairs, in
// FNC-1's shape (each body judged against ~28 headlines, the pairs grouped
// by body), built with annotations.NewProject as "project new" builds it.
// The app opens it by ?src= in a fresh profile; the harness times the
// first task (its article and claim interactive) from navigation, then
// "]" to the next task until that task's article is painted.

//go:embed probe_project.js
var probeProjectJS string

const (
	fnc1Bodies    = 900
	fnc1Headlines = 900
	fnc1Pairs     = 25_000
	projectDoc    = "FNC-1-sized project"
)

// projectSpec is the generated project as the harness checks it.
type projectSpec struct {
	File  string   // under /web/
	Bytes int      // of the file
	Tasks int      // in the project
	Docs  []string // the document id of each of the first tasks, in order
	Sents []int    // their sentence counts
}

// writeFNC1Project generates the project into dir.
func writeFNC1Project(dir string) (*projectSpec, error) {
	r := rand.New(rand.NewPCG(14, 25))
	in := annotations.ProjectInput{Title: "FNC-1-sized bench project", Scheme: annotations.Presets()[1]}
	for i := range fnc1Bodies {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Body %d\n\n", i)
		for p := range 5 {
			if p > 0 {
				sb.WriteString("\n\n")
			}
			for s := range 5 {
				if s > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(genSentence(r))
			}
			fmt.Fprintf(&sb, " Body %d, paragraph %d, ends here.", i, p)
		}
		doc, err := annotations.ParsePlainText(sb.String())
		if err != nil {
			return nil, fmt.Errorf("segmenting body %d: %w", i, err)
		}
		key := strconv.Itoa(i)
		in.Articles = append(in.Articles, annotations.ArticleInput{Key: key, Document: doc, Source: "bodies.csv:" + strconv.Itoa(i+2), Meta: map[string]string{"Body ID": key}})
	}
	var claims []string
	for i := range fnc1Headlines {
		claims = append(claims, fmt.Sprintf("Headline %d: %s", i, genClaims[r.IntN(len(genClaims))]))
	}
	// Body 0 has one pair, so that "]" from the first task opens another
	// article; the other pairs go ~28 to a body, grouped by body as in
	// FNC-1's stances.csv.
	refs := []string{"unrelated", "unrelated", "unrelated", "discuss", "agree", "disagree"}
	addPair := func(body, claim int) {
		in.Pairs = append(in.Pairs, annotations.PairInput{Article: strconv.Itoa(body), Claim: claims[claim],
			Reference: refs[r.IntN(len(refs))], Source: "stances.csv:" + strconv.Itoa(len(in.Pairs)+2)})
	}
	addPair(0, 0)
	left := fnc1Pairs - 1
	for b := 1; b < fnc1Bodies; b++ {
		n := left / (fnc1Bodies - b)
		for _, c := range r.Perm(fnc1Headlines)[:n] {
			addPair(b, c)
		}
		left -= n
	}
	p, err := annotations.NewProject(in)
	if err != nil {
		return nil, fmt.Errorf("building the FNC-1-sized project: %w", err)
	}
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		return nil, err
	}
	name := "bench-fnc1.project.json"
	if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	spec := &projectSpec{File: "/web/" + name, Bytes: buf.Len(), Tasks: len(p.Tasks)}
	for _, t := range p.Tasks[:8] {
		_, pd, _, err := p.Task(t.ID)
		if err != nil {
			return nil, err
		}
		spec.Docs = append(spec.Docs, pd.ID)
		spec.Sents = append(spec.Sents, len(pd.Sentences))
	}
	return spec, nil
}

// moveTimes is one "]": ms from the keydown's timeStamp.
type moveTimes struct {
	To        int     `json:"to"`            // the task moved to, 1-based
	OtherDoc  bool    `json:"other_article"` // its article differs from the one before
	Error     string  `json:"error,omitempty"`
	Painted   float64 `json:"painted_ms"` // its article and position in the DOM
	Frame     float64 `json:"frame_ms"`   // the next animation frame
	FrameDone float64 `json:"frame_done_ms"`
}

// moves presses "]" n times, each once the previous task is painted and a
// person's pause has passed.
func (b *bench) moves(ctx context.Context, spec *projectSpec, n int) ([]moveTimes, error) {
	var out []moveTimes
	for i := 1; i <= n && i < len(spec.Docs); i++ {
		m := moveTimes{To: i + 1, OtherDoc: spec.Docs[i] != spec.Docs[i-1]}
		time.Sleep(b.gap * 2)
		before, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(
			`(window.__bench.expectMove = {position: "Task %d of %d", docID: %q, count: %d}, window.__bench.moves.length)`,
			i+1, spec.Tasks, spec.Docs[i], spec.Sents[i])))
		if err != nil {
			return out, err
		}
		if err := chromedp.Do(ctx, browsertest.PressKeys("]")); err != nil {
			return out, fmt.Errorf("pressing ]: %w", err)
		}
		done := fmt.Sprintf(`window.__bench.moves.length > %d && window.__bench.moves[%d].after !== null`, before, before)
		if err := waitFor(ctx, done, 10*time.Second); err != nil {
			m.Error = fmt.Sprintf("] did not show task %d", i+1)
			out = append(out, m)
			return out, nil
		}
		rec, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ TS, Painted, Frame, After float64 }](fmt.Sprintf(
			`(() => { const m = window.__bench.moves[%d]; return {TS: m.ts, Painted: m.painted, Frame: m.frame, After: m.after}; })()`, before)))
		if err != nil {
			return out, err
		}
		m.Painted, m.Frame, m.FrameDone = rec.Painted-rec.TS, rec.Frame-rec.TS, rec.After-rec.TS
		out = append(out, m)
	}
	return out, nil
}

// projectMoves is how many "]" each project run presses: the first opens
// another article, the others the same article with another claim.
const projectMoves = 5

// summarizeProject adds the project's rows: the targets of issue 14.
func summarizeProject(rep *report, app []runResult, pr *projectSpec,
	add func(doc, metric, unit string, app, ref *stat) *row,
	atMost func(rw *row, limit float64, label string),
	perRun func(rs []runResult, f func(runResult) (float64, bool)) *stat) {
	for _, r := range app {
		for _, m := range r.Moves {
			if m.Error != "" {
				rep.Errors = append(rep.Errors, fmt.Sprintf("run %d %s move to task %d: %s", r.Run, r.Page, m.To, m.Error))
			}
		}
	}
	name := fmt.Sprintf("%s (%.1f MB, %d tasks)", projectDoc, float64(pr.Bytes)/(1<<20), pr.Tasks)
	rw := add(name, "first task interactive, ?src= in a fresh profile", "ms", perRun(app, func(r runResult) (float64, bool) { return r.ReadyMS, true }), nil)
	atMost(rw, 3000, "≤ 3000 ms")
	perMove := func(other bool, f func(moveTimes) float64) *stat {
		var xs []float64
		for _, r := range app {
			for _, m := range r.Moves {
				if m.Error == "" && m.OtherDoc == other {
					xs = append(xs, f(m))
				}
			}
		}
		return newStat(xs)
	}
	painted := func(m moveTimes) float64 { return m.Painted }
	frame := func(m moveTimes) float64 { return m.Frame }
	for _, k := range []struct {
		other bool
		what  string
	}{{true, "another article"}, {false, "same article, another claim"}} {
		rw = add(name, "] → next task painted ("+k.what+")", "ms", perMove(k.other, painted), nil)
		rw.Note = "its article and position in the DOM"
		rw = add(name, "] → next task, next frame ("+k.what+")", "ms", perMove(k.other, frame), nil)
		atMost(rw, 100, "≤ 100 ms")
	}
	rw = add(name, "wasm memory after load", "MiB", perRun(app, func(r runResult) (float64, bool) {
		return float64(r.WasmMemory) / (1 << 20), r.WasmMemory > 0
	}), nil)
	atMost(rw, 128, "≤ 128 MiB")
	add(name, "JS heap used after load", "MiB", perRun(app, func(r runResult) (float64, bool) {
		return float64(r.JSHeapUsed) / (1 << 20), r.JSHeapUsed > 0
	}), nil)
}
