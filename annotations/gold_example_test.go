package annotations_test

import (
	"fmt"
	"time"

	"stancemark/annotations"
)

func ExampleGoldVotes_Decide() {
	votes := annotations.GoldVotes{"agree": {"ana", "cy"}, "disagree": {"bob"}}
	fmt.Println(votes.Decide(annotations.PolicyMajority))
	fmt.Println(votes.Decide(annotations.PolicyUnanimous))
	// Output:
	// agree majority
	//  unresolved
}

func ExampleNewGold() {
	doc, _ := annotations.ParsePlainText("Talks\n\nOfficials met on Monday. Nobody agreed.")
	export := func(who string, labels ...string) *annotations.Export {
		w := annotations.NewWorkspace(doc)
		w.Annotator = who
		w.Now = func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }
		for i, l := range labels {
			if l != "" {
				w.Tag(i, i, l)
			}
		}
		return w.Export(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	}
	g, err := annotations.NewGold(annotations.GoldInput{Exports: []*annotations.Export{
		export("ana", "supports", "opposes"),
		export("bob", "supports", "neutral"),
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range g.Entries {
		fmt.Printf("%s %q %s: %s\n", e.Sentence, e.Label, e.Source, e.Votes)
	}
	fmt.Println(len(g.Pending()), "to decide")
	// Output:
	// s1 "supports" unanimous: supports 2 (ana, bob)
	// s2 "" unresolved: neutral 1 (bob), opposes 1 (ana)
	// 1 to decide
}
