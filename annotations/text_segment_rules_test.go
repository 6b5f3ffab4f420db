package annotations

import (
	"strings"
	"testing"
)

// ruleCase is a paragraph and the sentences it must split into, with the
// rule that must decide a boundary of it ("" when no rule needs to fire).
// The paragraphs are written for these tests.
type ruleCase struct {
	name string
	rule string
	want []string // the paragraph is these joined by one space
	text string   // the paragraph, when it is not
}

// TestSegmentRules checks each rule of segmenter version 2 where it
// applies and where it must not, on whole paragraphs, and that Explain
// names the rule.
func TestSegmentRules(t *testing.T) {
	tests := []ruleCase{
		// An initialism that ends a sentence.
		{"initialism then The", "", []string{"Europe placed new tariffs on the U.S.", "The talks resumed in May."}, ""},
		{"initialism then a news subject", RuleInitialismEnd, []string{"The company moved its office to the E.U.", "Officials said the move was legal."}, ""},
		{"initialism then a question word", RuleInitialismEnd, []string{"Our family moved to the U.K.", "Why did they leave?"}, ""},
		{"initialism then a pronoun", "", []string{"The team flew home from the U.A.E.", "They landed at noon."}, ""},
		{"initialism before an institution", "", []string{"A spokesman for the U.S. Embassy in Rome declined to comment."}, ""},
		{"initialism before a lowercase noun", "", []string{"Three U.S. officials and Gen. Petraeus met the E.U. envoys."}, ""},
		{"title before a name", "", []string{"Gen. Petraeus and Lt. Gov. Rivera arrived.", "Sen. Cole spoke."}, ""},
		// Possessives.
		{"possessive of Jr.", RulePossessive, []string{"We listened to Martin Luther King Jr.'s last sermon.", "It moved us."}, ""},
		{"possessive of Co., curly", "", []string{"Acme & Co.’s shares fell sharply on Friday."}, ""},
		// a.m. and p.m.
		{"time opening the sentence", "", []string{"At 9 a.m. Mr. Obama spoke to the press.", "He left soon after."}, ""},
		{"time ending the sentence before a name", RuleTimeEnd, []string{"The shop closed at 7 p.m.", "Mrs. Diaz went home."}, ""},
		{"time ending the sentence, capitals", RuleTimeEnd, []string{"He left at 6 P.M.", "Then he spoke again by phone."}, ""},
		{"time before a day", "", []string{"The vote is at 10 a.m. Thursday in the old hall."}, ""},
		{"time before a zone", "", []string{"Polls open at 7 a.m. EST and close at 8 p.m. in most states."}, ""},
		// Ellipses.
		{"spaced ellipsis before lowercase", "", []string{"I wasn't sure . . . well, maybe I was."}, ""},
		{"spaced ellipsis before a capital", RuleEllipsisInside, []string{"The truth is . . . I never read the report."}, ""},
		{"ellipsis character before lowercase", "", []string{"The vote… was close, and nobody cheered."}, ""},
		{"three periods before lowercase", "", []string{"The count...was wrong, the clerk said."}, ""},
		{"four-dot ellipsis ends a sentence", "", []string{"He kept talking about the old days. . . .", "Nobody listened."}, ""},
		{"spaced four-dot ellipsis", "", []string{"She wanted to finish the speech . . . .", "Then the lights went out."}, ""},
		// Inline lists.
		{"numbers with a period and a parenthesis", RuleListItem, []string{"1.) pack the bags", "2.) lock the door", "3.) leave"}, ""},
		{"numbers with a parenthesis", RuleListItem, []string{"1) Call the mayor", "2) Call the police"}, ""},
		{"numbers with a period", RuleListItem, []string{"1. Raise taxes", "2. Cut spending", "3. Wait"}, ""},
		{"numbered items ending with periods", "", []string{"1. Raise taxes.", "2. Cut spending."}, ""},
		{"letters", RuleListItem, []string{"a. buy bread", "b. buy milk", "c. go home"}, ""},
		{"bullets with numbers", RuleListItem, []string{"• 9. the ninth point", "• 10. the tenth point"}, ""},
		{"attached bullets", RuleListItem, []string{"⁃3. one point", "⁃4. another point"}, ""},
		{"bare bullets", RuleListItem, []string{"Key facts: • the dam is old", "• the river is high"}, ""},
		{"list after a lead-in", RuleListItem, []string{"They named two goals: 1) lower prices", "2) more jobs"}, ""},
		{"numbers that are no list", "", []string{"Rule 2. applies to them.", "Rule 3. does not."}, ""},
		{"a score is no list", "", []string{"The bill passed 52 to 48.", "In the House it failed 1 to 2."}, ""},
		// Missing space after a sentence.
		{"missing space", RuleMissingSpace, []string{"It rained all night.", "Then it stopped."}, "It rained all night.Then it stopped."},
		{"missing spaces twice", RuleMissingSpace, []string{"Markets fell on Friday.", "Mr. Lee sold 2,000.", "That was all."}, "Markets fell on Friday.Mr. Lee sold 2,000.That was all."},
		{"decimal", "", []string{"Inflation rose 3.5 percent in March."}, ""},
		{"initialism and a hyphen", "", []string{"The U.S.-led coalition struck at dawn."}, ""},
		{"web address", "", []string{"Read it at https://news.example.org/World.Today/story before noon."}, ""},
		{"file name", "", []string{"The leak was in report.Final.docx on the server."}, ""},
		{"title abbreviation with no space", "", []string{"He spoke to Mr.Smith on the phone."}, ""},
		// Addresses ending a sentence.
		{"web address ending a sentence", RuleAddressEnd, []string{"The form is at: http://www.example.gov/forms/form_1.html.", "Go and fill it in today."}, ""},
		{"e-mail address ending a sentence", "", []string{"Write to desk@example.com.", "Someone will answer."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRuleCase(t, tt)
		})
	}
}

func checkRuleCase(t *testing.T, tt ruleCase) {
	t.Helper()
	body := strings.Join(tt.want, " ")
	if tt.text != "" {
		body = tt.text
	}
	d, err := NewDocument("", body)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sentences {
		got = append(got, s.Text)
		if string([]rune(d.Text)[s.Start:s.End]) != s.Text {
			t.Errorf("%s: offsets %d..%d do not give %q", s.ID, s.Start, s.End, s.Text)
		}
	}
	if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
		t.Errorf("got\n%q\nwant\n%q", got, tt.want)
	}
	if tt.rule == "" {
		return
	}
	fired := false
	for _, b := range d.Explain() {
		fired = fired || b.Rule == tt.rule
	}
	if !fired {
		t.Errorf("Explain() = %+v: %s did not fire", d.Explain(), tt.rule)
	}
}

// TestExplain checks what Explain reports for one paragraph: each
// boundary with its rule, and the boundary Punkt made that a rule removed.
func TestExplain(t *testing.T) {
	d, err := NewDocument("", "Climbers at Mt. Rainier left the E.U. Officials stayed. It rained.Then it stopped.\n\nNext.")
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(d.Text)
	var got []string
	for _, b := range d.Explain() {
		kind := "split"
		if !b.Split {
			kind = "join"
		}
		got = append(got, kind+" "+b.Rule+" before "+strings.Fields(string(runes[b.At:]))[0])
	}
	want := []string{
		"join title-abbreviation before Rainier",
		"split initialism-end before Officials",
		"split punkt before It",
		"split missing-space before Then",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Explain:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !d.SameAsCurrent() {
		t.Error("SameAsCurrent is false for a document just split")
	}
}

// TestSegmenterV1 checks that version 1, which rebuilds documents stored
// before version 2, still splits as it did, and differs where version 2
// does better.
func TestSegmenterV1(t *testing.T) {
	body := "The company moved to the E.U. Officials agreed. That is King Jr.'s speech."
	v1, err := NewDocumentSegmented("", body, SegmenterV1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range v1.Sentences {
		got = append(got, s.Text)
	}
	want := []string{"The company moved to the E.U. Officials agreed.", "That is King Jr.'s", "speech."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("version 1: %q, want %q", got, want)
	}
	v2, _ := NewDocument("", body)
	if v1.ID != v2.ID || v1.BoundariesID() == v2.BoundariesID() || len(v2.Sentences) != 3 {
		t.Errorf("v1 %s %s, v2 %s %s (%d sentences)", v1.ID, v1.BoundariesID(), v2.ID, v2.BoundariesID(), len(v2.Sentences))
	}
	if v1.SameAsCurrent() {
		t.Error("SameAsCurrent is true for version 1's boundaries")
	}
	if _, err := NewDocumentSegmented("", body, 3); err == nil {
		t.Error("segmenter version 3 accepted")
	}
	// The bundled article splits the same under both versions.
	b := bundledArticle(t)
	old, err := NewDocumentSegmented(b.Title, b.Text, SegmenterV1)
	if err != nil || old.BoundariesID() != b.BoundariesID() {
		t.Errorf("the bundled article splits differently under version 1 (%v)", err)
	}
}

// BenchmarkSegmentHostile is text full of what the rules look at (list
// markers, inner periods, initialisms): it must stay linear.
func BenchmarkSegmentHostile(b *testing.B) {
	body := strings.Repeat("1. 1. a. • U.S. The A.B.C.D.E.F.Then x.Y.z 1.) 2.) ", 20000)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := NewDocument("", body); err != nil {
			b.Fatal(err)
		}
	}
}
