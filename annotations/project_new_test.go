package annotations

import (
	"errors"
	"fmt"
	"testing"
)

// TestNewProjectFromPairs checks the sample input: duplicates collapsed,
// references mapped, tasks ordered by document then pair order.
func TestNewProjectFromPairs(t *testing.T) {
	p := sampleProject(t)
	if len(p.Documents) != 2 {
		t.Fatalf("%d documents, want 2 (article 3 is article 2's text)", len(p.Documents))
	}
	if p.Title != "Iran and the U.S." || p.Scheme.ID != "fnc1" || p.Scheme.Target != "" {
		t.Errorf("title %q, scheme %q target %q", p.Title, p.Scheme.ID, p.Scheme.Target)
	}
	if p.Documents[1].Title != "A spider in Bali" || p.Documents[1].Source != "bodies.csv:3" {
		t.Errorf("the duplicate text did not keep the first article: %+v", p.Documents[1])
	}
	spider, iran := ClaimID("Spider burrows under man's skin"), ClaimID("Iran and the U.S. will work together in Iraq")
	d1, d2 := p.Documents[0].ID, p.Documents[1].ID
	want := []Task{
		{TaskID(d1, iran), d1, iran, "agree"},
		{TaskID(d1, spider), d1, spider, "unrelated"},
		{TaskID(d2, spider), d2, spider, "discuss"}, // stances.csv:2 and :5 (article 3 is article 2)
		{TaskID(d2, iran), d2, iran, ""},
	}
	if fmt.Sprint(p.Tasks) != fmt.Sprint(want) {
		t.Errorf("tasks\n got %v\nwant %v", p.Tasks, want)
	}
	if fmt.Sprint(p.Annotators) != "[ana ben cy]" || p.Overlap != 2 {
		t.Errorf("annotators %q overlap %d", p.Annotators, p.Overlap)
	}
	if p.Codebook.Labels[0].Label != "agree" || p.Codebook.Labels[1].Label != "unrelated" {
		t.Errorf("codebook not in scheme order: %+v", p.Codebook.Labels)
	}
}

// TestNewProjectEveryPair: without pairs, every article × every claim,
// documents first, in input order; the default scheme and title.
func TestNewProjectEveryPair(t *testing.T) {
	a, b := testDoc(t, 2), testDoc(t, 3)
	p, err := NewProject(ProjectInput{
		Articles:   []ArticleInput{{Document: a}, {Document: b}},
		Claims:     []string{"First claim.", " Second claim. ", "First claim."},
		Annotators: []string{"ana", "ben"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.Scheme.ID != "default" || p.Title != "Test" || p.Overlap != 1 {
		t.Errorf("scheme %q title %q overlap %d", p.Scheme.ID, p.Title, p.Overlap)
	}
	c1, c2 := ClaimID("First claim."), ClaimID("Second claim.")
	want := fmt.Sprint([]Task{
		{TaskID(a.ID, c1), a.ID, c1, ""}, {TaskID(a.ID, c2), a.ID, c2, ""},
		{TaskID(b.ID, c1), b.ID, c1, ""}, {TaskID(b.ID, c2), b.ID, c2, ""},
	})
	if got := fmt.Sprint(p.Tasks); got != want {
		t.Errorf("tasks\n got %s\nwant %s", got, want)
	}
}

func TestNewProjectErrors(t *testing.T) {
	doc := testDoc(t, 2)
	fnc1 := Presets()[1]
	arts := []ArticleInput{{Key: "1", Document: doc, Source: "bodies.csv:2"}}
	for _, tt := range []struct {
		name string
		in   ProjectInput
		want string
		is   error
	}{
		{"no articles", ProjectInput{Claims: []string{"c"}},
			"no articles: a project needs at least one article", ErrMissingField},
		{"no claims", ProjectInput{Articles: arts},
			"no claims: a project needs at least one claim to judge the articles against", ErrMissingField},
		{"nil document", ProjectInput{Articles: []ArticleInput{{Key: "1"}}, Claims: []string{"c"}},
			"articles[0]: the article has no document", ErrMissingField},
		{"duplicate key", ProjectInput{Articles: append(arts, ArticleInput{Key: "1", Document: testDoc(t, 3), Source: "bodies.csv:3"}), Claims: []string{"c"}},
			`bodies.csv:3: duplicate article key "1" (also bodies.csv:2)`, ErrDuplicateID},
		{"unknown article", ProjectInput{Scheme: fnc1, Articles: arts, Pairs: []PairInput{{Article: "1234", Claim: "c", Source: "stances.csv:7"}}},
			`stances.csv:7: unknown article "1234" (no article has this key)`, ErrBadValue},
		{"pair without article", ProjectInput{Articles: arts, Pairs: []PairInput{{Claim: "c"}}},
			"pairs[0]: the pair names no article", ErrMissingField},
		{"empty claim", ProjectInput{Articles: arts, Pairs: []PairInput{{Article: "1", Claim: " ", Source: "stances.csv:2"}}},
			"stances.csv:2: the claim is empty", ErrMissingField},
		{"unknown reference", ProjectInput{Scheme: fnc1, Articles: arts, Pairs: []PairInput{{Article: "1", Claim: "c", Reference: "agreed", Source: "stances.csv:9"}}},
			`stances.csv:9: the reference "agreed" is not a label of the scheme (fnc1 has agree, disagree, discuss, unrelated)`, ErrUnknownLabel},
		{"conflicting references", ProjectInput{Scheme: fnc1, Articles: arts, Pairs: []PairInput{
			{Article: "1", Claim: "c", Reference: "agree", Source: "stances.csv:3"},
			{Article: "1", Claim: "c", Reference: "Discuss", Source: "stances.csv:12"}}},
			`stances.csv:12: article "1" is paired with the claim "c" twice, with different references ("discuss" here, "agree" at stances.csv:3)`, ErrDuplicateID},
		{"overlap too large", ProjectInput{Articles: arts, Claims: []string{"c"}, Annotators: []string{"ana"}, Overlap: 2},
			"overlap: 2 is not from 1 to 1 (the number of annotators)", ErrRange},
		{"duplicate annotator", ProjectInput{Articles: arts, Claims: []string{"c"}, Annotators: []string{"ana", " ana"}},
			`annotators[1]: duplicate annotator "ana" (also annotators[0])`, ErrDuplicateID},
		{"codebook label", ProjectInput{Articles: arts, Claims: []string{"c"}, Codebook: Codebook{Labels: []LabelGuide{{Label: "agree"}}}},
			`codebook.labels[0].label: unknown label "agree" (the scheme has supports, opposes, neutral, unrelated)`, ErrUnknownLabel},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewProject(tt.in)
			if err == nil || err.Error() != tt.want || !errors.Is(err, tt.is) {
				t.Errorf("err = %v\nwant %s (wrapping %v)", err, tt.want, tt.is)
			}
		})
	}
}
