package collect

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// bundledProject is a one-article, two-claim project with a hidden
// reference stance on its first task.
func bundledProject(t *testing.T) (*annotations.Project, []byte) {
	t.Helper()
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	scheme := annotations.Presets()[0]
	p, err := annotations.NewProject(annotations.ProjectInput{
		Scheme: scheme, Articles: []annotations.ArticleInput{{Document: doc}},
		Claims: []string{articles.BundledTarget, "Iran controls Iraq's government."},
	})
	if err != nil {
		t.Fatal(err)
	}
	p.Tasks[0].Reference = scheme.Labels[0].ID
	var b bytes.Buffer
	if err := annotations.WriteProject(&b, p); err != nil {
		t.Fatal(err)
	}
	return p, b.Bytes()
}

// A project collection serves the project without hidden references,
// takes stancemark-submission/v1 checked by Project.CheckSubmission (a
// submission for another revision is refused by name) and exports files
// that read back as submissions of the project.
func TestProjectCollection(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		p, pb := bundledProject(t)
		s, srv := newAPI(t, dsn, Options{})
		r := mustDo(t, "POST", srv.URL+"/api/collections?completion=DONE42&participant=PROLIFIC_PID", pb, nil)
		var made Created
		r.decode(t, &made)
		if r.status != 201 || made.Code == "" || made.URL != "/?collect="+made.Code {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		g := mustDo(t, "GET", srv.URL+"/api/collections/"+made.Code, nil, nil)
		var pub struct {
			Kind, ParticipantParam string
			Project                json.RawMessage
		}
		g.decode(t, &pub)
		got, err := annotations.ReadProject(bytes.NewReader(pub.Project))
		if err != nil || pub.Kind != "project" || got.Hash != p.Hash || got.Tasks[0].Reference != "" || strings.Contains(string(pub.Project), `"reference"`) {
			t.Fatalf("public project: %v, kind %q, reference %q", err, pub.Kind, got.Tasks[0].Reference)
		}
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		sub := &annotations.ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: "PID-5f3a", Submitted: now.Format(time.RFC3339),
			Tasks: []annotations.TaskWork{{Task: p.Tasks[1].ID, Done: true, ActiveMillis: 1200, Annotations: []annotations.Annotation{
				{ID: "a1", SentenceIDs: []string{"s2"}, Label: p.Scheme.Labels[1].ID, Created: now, Modified: now}}}}}
		var b bytes.Buffer
		annotations.WriteSubmission(&b, sub)
		r = mustDo(t, "POST", srv.URL+"/api/collections/"+made.Code+"/submissions", b.Bytes(), nil)
		var rc Receipt
		r.decode(t, &rc)
		if r.status != 201 || rc.CompletionCode != "DONE42" {
			t.Fatalf("submit: %d %s", r.status, r.body)
		}
		sub.ProjectHash = "sha256:" + strings.Repeat("0", 64)
		b.Reset()
		annotations.WriteSubmission(&b, sub)
		r = mustDo(t, "POST", srv.URL+"/api/collections/"+made.Code+"/submissions", b.Bytes(), nil)
		if r.status != 400 || !strings.Contains(r.errorText(), "another version of project") {
			t.Errorf("another revision: %d %s", r.status, r.body)
		}
		_, ab := bundledAssignment(t)
		a, _ := annotations.ReadAssignment(bytes.NewReader(ab))
		r = mustDo(t, "POST", srv.URL+"/api/collections/"+made.Code+"/submissions", studentBodies(t, a, 1)[0], nil)
		if r.status != 400 || !strings.Contains(r.errorText(), "stancemark-submission/v1") {
			t.Errorf("an assignment's export to a project: %d %s", r.status, r.body)
		}
		dir := t.TempDir()
		if _, err := s.Export(t.Context(), made.Code, made.Secret, dir); err != nil {
			t.Fatal(err)
		}
		files := readDir(t, dir)
		var subs int
		for name, data := range files {
			if strings.HasSuffix(name, ".submission.json") {
				x, err := annotations.ReadSubmission(bytes.NewReader(data))
				if err != nil || p.CheckSubmission(x) != nil || x.Annotator != "PID-5f3a" {
					t.Errorf("%s does not read back: %v", name, err)
				}
				subs++
			}
		}
		if subs != 1 {
			t.Errorf("exported %v", keys(files))
		}
	})
}
