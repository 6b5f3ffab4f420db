package annotations_test

import (
	"bytes"
	"fmt"

	"stancemark/annotations"
)

// NewProject builds a project from articles and claims; every id comes
// from the content, and WriteProject/ReadProject round-trip it.
func ExampleNewProject() {
	doc, _ := annotations.ParsePlainText("Spider bite\n\nA man says a spider burrowed under his skin. Doctors doubt it.")
	p, err := annotations.NewProject(annotations.ProjectInput{
		Scheme:   annotations.Presets()[1], // fnc1
		Articles: []annotations.ArticleInput{{Key: "1", Document: doc}},
		Pairs: []annotations.PairInput{
			{Article: "1", Claim: "Spider burrows under man's skin", Reference: "Discuss", Source: "stances.csv:2"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title, p.ID)
	fmt.Println(p.Claims[0].ID, p.Tasks[0].ID, p.Tasks[0].Reference)
	var buf bytes.Buffer
	annotations.WriteProject(&buf, p)
	back, err := annotations.ReadProject(&buf)
	fmt.Println(back.Hash == p.Hash, err)
	// Output:
	// Spider bite pf86470c51d76b6d7
	// cb047a640e482 t8dc0b416d7e6 discuss
	// true <nil>
}

// TasksOf and AnnotatorsOf apply the overlap rule: each task goes to the
// Overlap annotators with the highest sha256(project, task, annotator).
func ExampleProject_TasksOf() {
	doc, _ := annotations.ParsePlainText("Bodies\n\nOne sentence. Another one.")
	p, _ := annotations.NewProject(annotations.ProjectInput{
		Articles:   []annotations.ArticleInput{{Document: doc}},
		Claims:     []string{"Claim one.", "Claim two.", "Claim three."},
		Annotators: []string{"ana", "ben", "cy"},
		Overlap:    2,
	})
	for _, a := range p.Annotators {
		fmt.Println(a, len(p.TasksOf(a)))
	}
	fmt.Println(p.AnnotatorsOf(p.Tasks[0].ID), len(p.TasksOf("zoe")))
	// Output:
	// ana 2
	// ben 2
	// cy 2
	// [ben cy] 0
}
