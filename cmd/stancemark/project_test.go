//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stancemark/annotations"
)

// fnc1Files writes a bodies.csv and a stances.csv in FNC-1's shape with
// the given numbers of bodies, headlines and stances, and returns their
// paths.
func fnc1Files(t testing.TB, dir string, bodies, headlines, stances int) (string, string) {
	t.Helper()
	var b, s strings.Builder
	b.WriteString("Body ID,articleBody\n")
	for i := range bodies {
		fmt.Fprintf(&b, "%d,\"Officials in city %d said on Monday that the report was true. \"\"We checked,\"\" one said.\n\nOthers, in town %d, doubted it. The story spread anyway.\"\n", i*3+1, i, i)
	}
	s.WriteString("Headline,Body ID,Stance\n")
	stance := []string{"agree", "disagree", "discuss", "unrelated"}
	for i := range stances {
		fmt.Fprintf(&s, "Report %d is true,%d,%s\n", (i%bodies+i/bodies)%headlines, (i%bodies)*3+1, stance[i%4])
	}
	bp, sp := filepath.Join(dir, "bodies.csv"), filepath.Join(dir, "stances.csv")
	for path, data := range map[string]string{bp: b.String(), sp: s.String()} {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return bp, sp
}

func putFile(t testing.TB, path, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readProjectJSON reads a project file the test made.
func readProjectJSON(t testing.TB, path string) *annotations.Project {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := annotations.ReadProject(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return p
}

func TestProjectNewInputs(t *testing.T) {
	dir := t.TempDir()
	bodies, stances := fnc1Files(t, dir, 3, 2, 5)
	folder := filepath.Join(dir, "articles")
	putFile(t, filepath.Join(folder, "a.txt"), "First article\n\nOne sentence here. Another one there.\n")
	putFile(t, filepath.Join(folder, "b.md"), "# Second article\n\nHello there. Goodbye now.\n")
	putFile(t, filepath.Join(folder, "notes.json"), "{}") // skipped
	csvFile := putFile(t, filepath.Join(dir, "articles.csv"), "id,title,text,source\nx1,CSV one,\"The mayor resigned. Nobody knows why.\",wire\nx2,CSV two,Rain fell. The river rose.,\n")
	jsonl := putFile(t, filepath.Join(dir, "articles.jsonl"), `{"id": 7, "title": "JSONL one", "text": "A cat sat. It purred.", "lang": "en"}`+"\n\n"+`{"id": "8", "text": "Dogs bark. Cats do not."}`+"\n")
	claims := putFile(t, filepath.Join(dir, "claims.txt"), "The report is true\n\nThe mayor is to blame\n")
	codebook := putFile(t, filepath.Join(dir, "codebook.md"), "Read it all.\n\n## agree\nThe text says the headline is true.\nExample: Officials confirmed it.\n\n## Background\nMore guidelines.\n")

	tests := []struct {
		name                  string
		args                  []string
		docs, claimsN, tasksN int
		check                 func(t *testing.T, p *annotations.Project)
	}{
		{"FNC-1 pair", []string{bodies, stances}, 3, 2, 5, func(t *testing.T, p *annotations.Project) {
			if p.Scheme.ID != "fnc1" || p.Tasks[0].Reference != "agree" || p.Documents[0].Meta["body_id"] != "1" {
				t.Errorf("scheme %s, reference %q, meta %v", p.Scheme.ID, p.Tasks[0].Reference, p.Documents[0].Meta)
			}
		}},
		{"folder", []string{"-claims", claims, folder}, 2, 2, 4, func(t *testing.T, p *annotations.Project) {
			if p.Documents[1].Title != "Second article" || p.Scheme.ID != "default" {
				t.Errorf("title %q, scheme %s", p.Documents[1].Title, p.Scheme.ID)
			}
		}},
		{"CSV", []string{"-claims", claims, "-labels", "semeval2016", csvFile}, 2, 2, 4, func(t *testing.T, p *annotations.Project) {
			if p.Documents[0].Title != "CSV one" || p.Documents[0].Meta["source"] != "wire" || p.Documents[0].Meta["id"] != "x1" || p.Scheme.ID != "semeval2016" {
				t.Errorf("document %+v, scheme %s", p.Documents[0], p.Scheme.ID)
			}
		}},
		{"JSONL", []string{"-claims", claims, jsonl}, 2, 2, 4, func(t *testing.T, p *annotations.Project) {
			if p.Documents[0].Meta["id"] != "7" || p.Documents[0].Meta["lang"] != "en" || p.Documents[1].Title != "8" {
				t.Errorf("documents %+v", p.Documents)
			}
		}},
		{"everything, with a codebook and annotators", []string{"-claims", claims, "-labels", "fnc1", "-codebook", codebook, "-annotators", "ana,bob,cy", "-overlap", "2", "-title", "All", bodies, stances, folder, csvFile, jsonl}, 9, 4, 5 + 6*2, func(t *testing.T, p *annotations.Project) {
			if p.Title != "All" || p.Overlap != 2 || len(p.Annotators) != 3 {
				t.Errorf("title %q, overlap %d, annotators %v", p.Title, p.Overlap, p.Annotators)
			}
			cb := p.Codebook
			if cb.Guidelines != "Read it all.\n\n## Background\nMore guidelines." || len(cb.Labels) != 1 || cb.Labels[0].Definition != "The text says the headline is true." || len(cb.Labels[0].Examples) != 1 {
				t.Errorf("codebook %+v", cb)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "p.json")
			args := append([]string{"project", "new", "-o", out}, tt.args...)
			_, errOut, code := stancemark(t, "", args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			p := readProjectJSON(t, out)
			if len(p.Documents) != tt.docs || len(p.Claims) != tt.claimsN || len(p.Tasks) != tt.tasksN {
				t.Errorf("%d documents, %d claims, %d tasks; want %d, %d, %d", len(p.Documents), len(p.Claims), len(p.Tasks), tt.docs, tt.claimsN, tt.tasksN)
			}
			tt.check(t, p)
			// Determinism: again, and to stdout, the same bytes.
			first, _ := os.ReadFile(out)
			if _, errOut, code := stancemark(t, "", args...); code != 0 {
				t.Fatalf("second run: exit %d: %s", code, errOut)
			}
			second, _ := os.ReadFile(out)
			args[3] = "-"
			stdout, _, _ := stancemark(t, "", args...)
			if !bytes.Equal(first, second) || stdout != string(first) {
				t.Error("two runs give different bytes")
			}
		})
	}
}

func TestProjectNewErrors(t *testing.T) {
	dir := t.TempDir()
	bodies, stances := fnc1Files(t, dir, 2, 2, 3)
	claims := putFile(t, filepath.Join(dir, "claims.txt"), "A claim\n")
	art := putFile(t, filepath.Join(dir, "art.txt"), "Title\n\nOne. Two.\n")
	badCSV := putFile(t, filepath.Join(dir, "bad.csv"), "id,title,text\n1,One,Fine text. Yes.\n2,Two,\"broken \"quote\" here\n")
	badJSONL := putFile(t, filepath.Join(dir, "bad.jsonl"), `{"text": "Fine. Yes."}`+"\n"+`{"text": "also fine."}`+"\n"+`{"text": "x" "y"}`+"\n")
	noText := putFile(t, filepath.Join(dir, "notext.csv"), "id,body\n1,Something.\n")
	emptyText := putFile(t, filepath.Join(dir, "empty.csv"), "id,text\n1,Fine. Yes.\n2,  \n")
	stray := putFile(t, filepath.Join(dir, "stray.csv"), "Headline,Body ID,Stance\nX,99,agree\n")
	out := filepath.Join(dir, "p.json")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"CSV syntax", []string{"-claims", claims, badCSV}, 1, "bad.csv:3:15: extraneous or missing \" in quoted-field"},
		{"JSONL syntax", []string{"-claims", claims, badJSONL}, 1, "bad.jsonl:3:14: invalid JSON"},
		{"no text column", []string{"-claims", claims, noText}, 1, `notext.csv:1: no column "text" (the header has id, body)`},
		{"empty text", []string{"-claims", claims, emptyText}, 1, "empty.csv:3:3: the text is empty"},
		{"stance not a label", []string{"-labels", "default", bodies, stances}, 1, `stances.csv:2: the stance "agree" is not a label of the scheme "default"`},
		{"unknown body", []string{bodies, stances, stray}, 1, `stray.csv:2: Body ID "99" is not among the articles`},
		{"no claims", []string{art}, 2, "the inputs have no claims"},
		{"unknown preset", []string{"-labels", "nope", "-claims", claims, art}, 2, "-labels nope: no such preset"},
		{"no -o", nil, 2, "project new needs -o PROJECT.json"},
		{"overlap without annotators", []string{"-overlap", "2", art}, 2, "-overlap needs -annotators"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"project", "new", "-o", out}
			if tt.args == nil {
				args = []string{"project", "new", claims}
			}
			_, errOut, code := stancemark(t, "", append(args, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a failed run wrote %s", out)
			}
		})
	}
}

// BenchmarkProjectNewFNC1 builds a project at FNC-1's size: 900 bodies,
// 900 headlines, 25,000 stances (go test -run '^$' -bench ProjectNewFNC1
// ./cmd/stancemark/).
func BenchmarkProjectNewFNC1(b *testing.B) {
	dir := b.TempDir()
	bodies, stances := fnc1Files(b, dir, 900, 900, 25000)
	out := filepath.Join(dir, "fnc1.json")
	for b.Loop() {
		if err := run(b.Context(), []string{"project", "new", "-o", out, bodies, stances}, nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var p struct{ Tasks []json.RawMessage }
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &p); err != nil || len(p.Tasks) != 25000 {
		b.Fatalf("%d tasks, %v", len(p.Tasks), err)
	}
	b.ReportMetric(float64(len(data))/(1<<20), "MB")
}
