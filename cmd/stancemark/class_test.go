//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// classAssignmentID is the id of the assignment writeClass writes.
const classAssignmentID = "wk3iran"

// writeAssignment writes an assignment on the bundled article (with a key
// when key has runs) to dir/assignment.json and returns it and its path.
func writeAssignment(t *testing.T, dir string, key ...tagRun) (*annotations.Assignment, string) {
	t.Helper()
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(doc)
	w.SetTarget(articles.BundledTarget)
	for _, r := range key {
		if _, err := w.Tag(r.first, r.last, r.label); err != nil {
			t.Fatal(err)
		}
	}
	a := annotations.AssignmentFromWorkspace(w, "Week 3: Iran", "Tag each sentence's stance.", annotations.AssignmentOptions{Mode: annotations.ModePractice})
	a.ID = classAssignmentID
	var buf bytes.Buffer
	if err := annotations.WriteAssignment(&buf, a); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "assignment.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return a, path
}

// writeSubmission writes student's submission of the bundled article for
// assignment (made minutes after 10:00) to dir/name and returns its path.
func writeSubmission(t *testing.T, dir, name, assignment, student string, minutes int, runs ...tagRun) string {
	t.Helper()
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(doc)
	w.SetTarget(articles.BundledTarget)
	for _, r := range runs {
		h, err := w.Tag(r.first, r.last, r.label)
		if err != nil {
			t.Fatal(err)
		}
		w.SetNote(h.ID, "because")
	}
	e := w.Export(time.Date(2026, 3, 2, 10, minutes, 0, 0, time.UTC))
	e.Assignment = assignment
	e.Annotator.Name = student
	return writeFile(t, dir, name, e)
}

func writeFile(t *testing.T, dir, name string, e *annotations.Export) string {
	t.Helper()
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, e); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var classKey = []tagRun{{0, 1, "supports"}, {3, 3, "neutral"}, {5, 6, "opposes"}, {9, 9, "supports"}}

func TestClassJSON(t *testing.T) {
	dir := t.TempDir()
	a, key := writeAssignment(t, dir, classKey...)
	files := []string{
		writeSubmission(t, dir, "ada.json", classAssignmentID, "Ada", 0, classKey...),
		writeSubmission(t, dir, "bob.json", classAssignmentID, "Bob", 0, tagRun{0, 0, "supports"}, tagRun{1, 1, "opposes"}, tagRun{12, 12, "neutral"}),
		writeSubmission(t, dir, "bob-late.json", classAssignmentID, "Bob", 9, tagRun{0, 1, "supports"}, tagRun{5, 5, "opposes"}),
	}
	for i, e := range annotations.GenerateSubmissions(a, 25, 7) {
		files = append(files, writeFile(t, dir, "gen"+string(rune('a'+i))+".json", e))
	}
	out, errOut, code := stancemark(t, "", append([]string{"class", "-json", "-key", key}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "Bob handed in more than one file: kept "+files[2]) {
		t.Errorf("stderr does not name the duplicate: %q", errOut)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	if keys := slices.Sorted(maps.Keys(m)); strings.Join(keys, ",") != "fleiss_kappa,krippendorff_alpha,sentences,students" {
		t.Errorf("keys %v", keys)
	}
	var got struct {
		Students  []map[string]any
		Sentences []struct {
			ID     string
			Counts map[string]int
			Key    *string
		}
		FleissKappa       *float64 `json:"fleiss_kappa"`
		KrippendorffAlpha *float64 `json:"krippendorff_alpha"`
	}
	json.Unmarshal([]byte(out), &got)
	if len(got.Students) != 27 || len(got.Sentences) != 23 || got.FleissKappa == nil || got.KrippendorffAlpha == nil {
		t.Fatalf("%d students, %d sentences, fleiss %v, alpha %v", len(got.Students), len(got.Sentences), got.FleissKappa, got.KrippendorffAlpha)
	}
	for _, s := range got.Students {
		if keys := slices.Sorted(maps.Keys(s)); strings.Join(keys, ",") != "accuracy,kappa,name,tagged" {
			t.Fatalf("student keys %v", keys)
		}
	}
	if s := got.Students[0]; s["name"] != "Ada" || s["tagged"] != 6.0 || s["accuracy"] != 1.0 || s["kappa"] != 1.0 {
		t.Errorf("Ada %v", s)
	}
	bob := slices.IndexFunc(got.Students, func(s map[string]any) bool { return s["name"] == "Bob" })
	if bob < 0 || got.Students[bob]["tagged"] != 3.0 || !approx(got.Students[bob]["accuracy"], 0.5) {
		t.Errorf("Bob (the late file) %v", got.Students)
	}
	if s := got.Sentences[0]; s.ID != "s1" || s.Key == nil || *s.Key != "supports" || len(s.Counts) != 4 {
		t.Errorf("s1 %+v", s)
	}
	if s := got.Sentences[2]; s.Key != nil {
		t.Errorf("s3 key %v, want null", *s.Key)
	}

	// The numbers are the annotations package's.
	var named []annotations.NamedFile
	for _, f := range files {
		data, _ := os.ReadFile(f)
		named = append(named, annotations.NamedFile{Name: f, Data: data})
	}
	want, _ := json.Marshal(annotations.LoadSubmissions(a, named).Summary())
	if strings.TrimSpace(out) != string(want) {
		t.Errorf("the CLI and LoadSubmissions differ:\n%s\n%s", out, want)
	}
}

func TestClassTable(t *testing.T) {
	dir := t.TempDir()
	_, key := writeAssignment(t, dir, classKey...)
	ada := writeSubmission(t, dir, "ada.json", classAssignmentID, "Ada", 0, classKey...)
	bob := writeSubmission(t, dir, "bob.json", classAssignmentID, "Bob", 0, tagRun{0, 0, "supports"}, tagRun{1, 1, "opposes"})
	out, errOut, code := stancemark(t, "", "class", "-key", key, ada, bob)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Week 3: Iran (wk3iran): 2 students, answer key on 6 of 23 sentences",
		"student  tagged  accuracy  kappa  notes  file",
		"Ada      6       1.000     1.000  4      " + ada,
		"Fleiss' kappa",
		"Krippendorff's alpha",
		"Sentences that split the class most",
		"s2    0.50  But a Pentagon spokesman",
		"Labels per sentence (* the key's label):",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table has no %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`(?m)^\s+s1\s+\*2\s+0\s+0\s+0\s+0\s+0\.00$`).MatchString(out) {
		t.Errorf("no s1 row with *2 supports:\n%s", out)
	}
}

func TestClassBadFiles(t *testing.T) {
	dir := t.TempDir()
	_, key := writeAssignment(t, dir) // no key
	ada := writeSubmission(t, dir, "ada.json", classAssignmentID, "Ada", 0, tagRun{0, 1, "supports"})
	bob := writeSubmission(t, dir, "bob.json", classAssignmentID, "Bob", 0, tagRun{0, 0, "supports"})
	other := writeSubmission(t, dir, "other.json", "week2", "Cy", 0, tagRun{0, 0, "supports"})
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte("{\"format\": \"stancemark/v1\", "), 0o644)
	missing := filepath.Join(dir, "missing.json")
	out, errOut, code := stancemark(t, "", "class", "-json", "-key", key, ada, broken, other, bob, missing)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		broken + ": line 1, column 29: invalid JSON",
		other + `: assignment: belongs to assignment "week2"`,
		missing + ": no such file or directory",
		"3 of 5 submission files could not be used",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr has no %q:\n%s", want, errOut)
		}
	}
	var got annotations.ClassSummary
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Students) != 2 {
		t.Fatalf("the other files are not counted: %v\n%s", err, out)
	}
	if got.Students[0].Accuracy != nil || got.Students[0].Kappa != nil || !strings.Contains(out, `"accuracy":null,"kappa":null`) {
		t.Errorf("no key, but %s", out)
	}
}

func TestClassUsage(t *testing.T) {
	dir := t.TempDir()
	_, key := writeAssignment(t, dir)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"help", []string{"class", "-h"}, 0, "Usage: stancemark class"},
		{"no key", []string{"class", "x.json"}, 2, "class needs -key ASSIGNMENT.json"},
		{"no submissions", []string{"class", "-key", key}, 2, "class needs SUBMISSION files"},
		{"bad flag", []string{"class", "-frobnicate"}, 2, "flag provided but not defined"},
		{"bad assignment", []string{"class", "-key", filepath.Join(dir, "nope.json"), "x.json"}, 1, "reading the assignment"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := stancemark(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, want %d; stderr %q, want %q", code, tc.code, errOut, tc.want)
			}
		})
	}
	// A submission given as the assignment is refused with a reason.
	sub := writeSubmission(t, dir, "ada.json", classAssignmentID, "Ada", 0)
	_, errOut, code := stancemark(t, "", "class", "-key", sub, sub)
	if code != 1 || !strings.Contains(errOut, `format: this is a "stancemark/v1" export (a student's work?), not an assignment`) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// TestClassGradesReadByPandas: "class -grades" writes the package's grades
// CSV, handins scored from before feedback, and pandas (what a teacher's
// LMS export scripts use) reads it back with the hostile name kept as text.
func TestClassGradesReadByPandas(t *testing.T) {
	py := debianPython(t, "pandas")
	dir := t.TempDir()
	a, key := writeAssignment(t, dir, classKey...)
	read := func(path string) *annotations.Export {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		e, err := annotations.ReadExport(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	handin := func(name string, e *annotations.Export, attempt int, shown bool) string {
		var buf bytes.Buffer
		if err := annotations.WriteHandin(&buf, annotations.NewHandin(e, attempt, shown)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		os.WriteFile(path, buf.Bytes(), 0o644)
		return path
	}
	first := read(writeSubmission(t, dir, "x1.json", classAssignmentID, "=HYPERLINK(\"http://x\")", 0, classKey[:2]...))
	fixed := read(writeSubmission(t, dir, "x2.json", classAssignmentID, "=HYPERLINK(\"http://x\")", 5, classKey...))
	files := []string{handin("first.json", first, 1, false), handin("fixed.json", fixed, 2, true),
		writeSubmission(t, dir, "ada.json", classAssignmentID, "Ada", 0, classKey...)}
	out, errOut, code := stancemark(t, "", append([]string{"class", "-grades", "-key", key}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "after feedback: not scored") {
		t.Errorf("stderr does not name the file after feedback: %q", errOut)
	}
	var exp bytes.Buffer
	c := annotations.NewClass(a)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		c.Add(f, data)
	}
	annotations.WriteGradesCSV(&exp, c.Report())
	if out != exp.String() {
		t.Errorf("class -grades:\n%s\nwant:\n%s", out, exp.String())
	}
	csvPath := filepath.Join(dir, "grades.csv")
	os.WriteFile(csvPath, []byte(out), 0o644)
	got := runTool(t, "", py, "-c", `
import json, sys
import pandas as pd
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
print(json.dumps({"columns": list(df.columns), "rows": df.values.tolist()}))
`, csvPath)
	var table struct {
		Columns []string   `json:"columns"`
		Rows    [][]string `json:"rows"`
	}
	if err := json.Unmarshal(got, &table); err != nil {
		t.Fatalf("pandas: %v\n%s", err, got)
	}
	if strings.Join(table.Columns, ",") != "student,assignment,score,out_of,percent,mode,attempt,after_feedback,flags" || len(table.Rows) != 2 {
		t.Fatalf("pandas reads %v, %d rows", table.Columns, len(table.Rows))
	}
	hostile := table.Rows[0]
	if table.Rows[0][0] == "Ada" {
		hostile = table.Rows[1]
	}
	if annotations.RestoreCell(hostile[0]) != "=HYPERLINK(\"http://x\")" || strings.HasPrefix(hostile[0], "=") {
		t.Errorf("the hostile name reads %q: not neutralised, or not restorable", hostile[0])
	}
	if hostile[2] != "3" || hostile[3] != "6" || hostile[5] != "practice" || hostile[6] != "1" || hostile[7] != "1" {
		t.Errorf("the student who fixed after feedback: %v; want the first try (3 of 6), practice, attempt 1, 1 file after feedback", hostile)
	}
}

// TestClassKeyFromTeacherFile: -key takes the teacher file (the class file
// the dashboard downloads), whose assignment has the key.
func TestClassKeyFromTeacherFile(t *testing.T) {
	dir := t.TempDir()
	a, _ := writeAssignment(t, dir, classKey...)
	a.Options.Mode = annotations.ModeGraded
	var buf bytes.Buffer
	if err := annotations.WriteClass(&buf, annotations.NewClass(a), false); err != nil {
		t.Fatal(err)
	}
	tf := filepath.Join(dir, "week3.class.json")
	os.WriteFile(tf, buf.Bytes(), 0o644)
	ada := writeSubmission(t, dir, "ada.json", classAssignmentID, "Ada", 0, classKey...)
	out, errOut, code := stancemark(t, "", "class", "-grades", "-key", tf, ada)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "\nAda,Week 3: Iran,6,6,100.0,graded,,0,\n") {
		t.Errorf("grades from the teacher file:\n%s", out)
	}
}
