package annotations_test

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"stancemark/annotations"
)

// exampleAssignment is a small assignment with a key: s1 supports, s2
// opposes.
func exampleAssignment() *annotations.Assignment {
	doc, err := annotations.NewDocument("Talks", "Kerry backs talks. A spokesman denied it. Talks began on Monday.")
	if err != nil {
		panic(err)
	}
	w := annotations.NewWorkspace(doc)
	w.SetTarget("The U.S. and Iran will cooperate.")
	w.Tag(0, 0, "supports")
	w.Tag(1, 1, "opposes")
	a := annotations.AssignmentFromWorkspace(w, "Week 3", "Tag every sentence.", annotations.AssignmentOptions{Mode: annotations.ModePractice})
	a.ID = "wk3"
	return a
}

func ExampleEncodeAssignmentLink() {
	a := exampleAssignment()
	data, err := annotations.EncodeAssignmentLink(a)
	if err != nil {
		panic(err)
	}
	got, err := annotations.DecodeAssignmentLink(data)
	if err != nil {
		panic(err)
	}
	fmt.Println(got.ID, got.Title, len(got.Key), got.Scheme.Target)
	_, err = annotations.DecodeAssignmentLink(data[:len(data)/2])
	fmt.Println(err)
	// Output:
	// wk3 Week 3 2 The U.S. and Iran will cooperate.
	// the link is incomplete; it was probably cut off when copied
}

func ExampleSubmissionFileName() {
	fmt.Println(annotations.SubmissionFileName("Week 3: Iran & the U.S.", "Zoë O'Neil"))
	// Output: week-3-iran-the-u-s-zoë-o-neil.stancemark.json
}

func ExampleAssignment_Compare() {
	a := exampleAssignment()
	w, _ := a.NewWorkspace()
	w.Tag(0, 0, "supports")
	w.Tag(2, 2, "neutral")
	f, err := a.Compare(a.Submission(w, "Ada", time.Now()))
	if err != nil {
		panic(err)
	}
	for _, s := range f.Sentences {
		fmt.Printf("%s %s (key %q)\n", s.SentenceID, s.Verdict, s.KeyLabel)
	}
	fmt.Printf("score %d/%d, accuracy %.2f, kappa %.2f\n", f.Score, f.KeyTagged, *f.Accuracy, *f.Kappa)
	// Output:
	// s1 agrees (key "supports")
	// s2 missed (key "opposes")
	// s3 extra (key "")
	// score 1/2, accuracy 0.50, kappa 0.33
}

func ExampleLoadSubmissions() {
	a := exampleAssignment()
	file := func(student string, labels ...string) annotations.NamedFile {
		w, _ := a.NewWorkspace()
		for i, l := range labels {
			if l != "" {
				w.Tag(i, i, l)
			}
		}
		var buf bytes.Buffer
		annotations.WriteExport(&buf, a.Submission(w, student, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)))
		return annotations.NamedFile{Name: annotations.SubmissionFileName(a.Title, student), Data: buf.Bytes()}
	}
	r := annotations.LoadSubmissions(a, []annotations.NamedFile{
		file("Ada", "supports", "opposes", ""),
		file("Bob", "supports", "supports", "neutral"),
		file("Cy", "supports", "", "neutral"),
		{Name: "notes.txt", Data: []byte("hello")},
	})
	for _, p := range r.Problems {
		fmt.Println(p)
	}
	for _, s := range r.Students {
		fmt.Printf("%s tagged %d, accuracy %.2f\n", s.Name, s.Tagged, *s.Accuracy)
	}
	for _, s := range r.ByDisagreement() {
		fmt.Printf("%s disagreement %.2f, key %s: %v, untagged %d\n", s.ID, s.Disagreement, s.Key, s.Counts, s.Untagged)
	}
	fmt.Printf("Fleiss' kappa %.3f: %s\n", *r.FleissKappa, r.FleissReading)
	annotations.WriteClassSummaryCSV(os.Stdout, r)
	// Output:
	// notes.txt: line 1, column 1: invalid JSON: this file is not JSON; a Stancemark file starts with {
	// Ada tagged 2, accuracy 1.00
	// Bob tagged 3, accuracy 0.50
	// Cy tagged 2, accuracy 0.50
	// s2 disagreement 0.67, key opposes: map[neutral:0 opposes:1 supports:1 unrelated:0], untagged 1
	// s3 disagreement 0.33, key : map[neutral:2 opposes:0 supports:0 unrelated:0], untagged 1
	// Fleiss' kappa 0.196: Slight agreement: little more than chance (Landis & Koch).
	// student,tagged,accuracy,kappa,notes
	// Ada,2,1.0000,1.0000,0
	// Bob,3,0.5000,0.0000,0
	// Cy,2,0.5000,0.3333,0
}
