//go:build !wasm

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// projectWithSubmissions writes an FNC-1-shaped project with ana, bob and
// cy (overlap 2) and a submission per annotator: every assigned task with
// work, the first half done, s1 tagged with the task's reference. It
// returns the project's path and the submissions' paths.
func projectWithSubmissions(t *testing.T, dir string) (string, *annotations.Project, []string) {
	t.Helper()
	bodies, stances := fnc1Files(t, dir, 3, 2, 6)
	path := filepath.Join(dir, "p.json")
	if _, errOut, code := stancemark(t, "", "project", "new", "-o", path, "-annotators", "ana,bob,cy", "-overlap", "2", bodies, stances); code != 0 {
		t.Fatalf("project new: exit %d: %s", code, errOut)
	}
	p := readProjectJSON(t, path)
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var subs []string
	for _, a := range p.Annotators {
		s := &annotations.ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: a, Submitted: at.Format(time.RFC3339)}
		tasks := p.TasksOf(a)
		for i, task := range tasks[:len(tasks)-1] { // the last one untouched
			label := task.Reference
			if a == "cy" {
				label = "discuss"
			}
			s.Tasks = append(s.Tasks, annotations.TaskWork{
				Task:         task.ID,
				Annotations:  []annotations.Annotation{{ID: "a1", SentenceIDs: []string{"s1"}, Label: label, Created: at, Modified: at}},
				Done:         i%2 == 0,
				ActiveMillis: 61000,
			})
		}
		var buf bytes.Buffer
		if err := annotations.WriteSubmission(&buf, s); err != nil {
			t.Fatal(err)
		}
		subs = append(subs, putFile(t, filepath.Join(dir, a+".json"), buf.String()))
	}
	return path, p, subs
}

func TestProjectStats(t *testing.T) {
	dir := t.TempDir()
	path, p, subs := projectWithSubmissions(t, dir)
	out, errOut, code := stancemark(t, "", append([]string{"project", "stats", path}, subs...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"annotator", "ana", "bob", "cy", "done by every annotator assigned", "in progress"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	out, errOut, code = stancemark(t, "", append([]string{"project", "stats", "-json", path}, subs...)...)
	if code != 0 {
		t.Fatalf("-json: exit %d: %s", code, errOut)
	}
	var st projectStatsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Project != p.ID || len(st.Annotators) != 3 || len(st.TaskProgress) != len(p.Tasks) {
		t.Fatalf("stats %+v", st)
	}
	for _, a := range st.Annotators {
		n := len(p.TasksOf(a.Annotator))
		worked := n - 1
		if a.Assigned != n || a.Untouched != 1 || a.Done != (worked+1)/2 || a.InProgress != worked/2 || a.ActiveMillis != int64(worked)*61000 {
			t.Errorf("%s: %+v (assigned %d)", a.Annotator, a, n)
		}
	}
	done := 0
	for _, ts := range st.TaskProgress {
		done += ts.Done
		if ts.Assigned != 2 {
			t.Errorf("task %s assigned to %d", ts.Task, ts.Assigned)
		}
	}
	if want := st.Annotators[0].Done + st.Annotators[1].Done + st.Annotators[2].Done; done != want {
		t.Errorf("tasks done %d times, annotators say %d", done, want)
	}

	// Another revision and another project are refused by name; nothing
	// else is printed.
	data, _ := os.ReadFile(subs[1])
	rev := putFile(t, filepath.Join(dir, "old.json"), strings.Replace(string(data), p.Hash, "sha256:"+strings.Repeat("ab", 32), 1))
	other := putFile(t, filepath.Join(dir, "other.json"), strings.Replace(string(data), `"project": "`+p.ID, `"project": "p0000000000000000`, 1))
	out, errOut, code = stancemark(t, "", "project", "stats", path, subs[0], rev, other)
	if code != 1 || out != "" || !strings.Contains(errOut, "old.json: projectHash: made on another version of project "+p.ID) ||
		!strings.Contains(errOut, "other.json: project: this file is for another project (p0000000000000000)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestConvertAndAgreeOnSubmissions(t *testing.T) {
	dir := t.TempDir()
	path, p, subs := projectWithSubmissions(t, dir)
	out, errOut, code := stancemark(t, "", append([]string{"convert", "-to", "csv", "-project", path}, subs...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("convert: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	out, errOut, code = stancemark(t, "", "convert", "-to", "json", "-project", path, subs[0])
	if code != 0 || strings.Count(out, `"format": "stancemark/v1"`) != len(p.TasksOf("ana"))-1 {
		t.Errorf("convert -to json: exit %d, %d exports: %s", code, strings.Count(out, `"format": "stancemark/v1"`), errOut)
	}
	// Without -project a submission is refused, saying what to do.
	_, errOut, code = stancemark(t, "", "convert", "-to", "csv", subs[0])
	if code != 1 || !strings.Contains(errOut, "give its project with -project PROJECT.json") {
		t.Errorf("convert without -project: exit %d, %q", code, errOut)
	}

	out, errOut, code = stancemark(t, "", append([]string{"agree", "-json", "-project", path}, subs...)...)
	if code != 0 {
		t.Fatalf("agree: exit %d: %s", code, errOut)
	}
	var rep struct {
		Project annotations.AgreementReport
		Claims  []claimAgreement
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Project.Coders != 3 || rep.Project.Units == 0 || len(rep.Claims) != len(p.Claims) {
		t.Errorf("report %+v", rep)
	}
	units := 0
	for _, c := range rep.Claims {
		units += c.Report.Units
	}
	if units != rep.Project.Units {
		t.Errorf("claims have %d units, the project %d", units, rep.Project.Units)
	}
	out, errOut, code = stancemark(t, "", append([]string{"agree", "-project", path}, subs...)...)
	if code != 0 || !strings.Contains(out, "Per claim") || !strings.Contains(out, "Krippendorff's alpha") || !strings.Contains(out, "Gwet's AC1") || !strings.Contains(out, "Which to read") || !strings.Contains(out, " AC1 ") {
		t.Errorf("agree table: exit %d:\n%s%s", code, out, errOut)
	}
}
