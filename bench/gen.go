package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"stancemark/annotations"
)

// Generated articles: news-like sentences, 3 to 7 (about 5) per paragraph,
// deterministic for a given size. They avoid abbreviations, so Stancemark's
// Punkt segmenter and the reference page's Intl.Segmenter agree on every
// boundary (the harness checks both counts).

var (
	genSubjects = []string{
		"Officials in Baghdad", "The foreign ministry", "A senior diplomat", "Analysts in the region",
		"The defense secretary", "Lawmakers in Washington", "Several militia leaders", "The prime minister",
		"Local residents", "An adviser to the president", "The United Nations envoy", "Military commanders",
		"Two former ambassadors", "The opposition bloc", "Security forces", "A spokesman for the coalition",
	}
	genVerbs = []string{
		"said on Tuesday that", "warned that", "argued in an interview that", "told reporters that",
		"suggested that", "insisted that", "acknowledged that", "denied reports that",
		"wrote in a statement that", "predicted that", "cautioned that", "confirmed that",
	}
	genClaims = []string{
		"the talks could resume within weeks",
		"cooperation on border security was still possible",
		"the two governments share an interest in a stable Iraq",
		"nobody expects a formal agreement this year",
		"the ceasefire had largely held since the spring",
		"fresh sanctions would make any deal harder",
		"the militias answer to no single authority",
		"the oil revenue dispute remained unresolved",
		"quiet contacts had taken place in Geneva",
		"public opinion on both sides is deeply skeptical",
		"the proposal would be studied carefully",
		"more than 40 percent of the budget goes to security",
		"the northern provinces saw little change",
		"the elections could shift the balance of power",
	}
	genTails = []string{
		"", "", "", ", according to people familiar with the matter",
		", though details were scarce", " after months of tension", ", citing security concerns",
		" despite strong objections from allies", ", a view shared by many in the capital",
	}
	genQuotes = []string{
		"\"We are not there yet,\" one official said.",
		"\"This is a moment for patience,\" the envoy added.",
		"\"Nobody wants another war,\" a resident of Basra said.",
		"Is a lasting partnership realistic?",
		"What would each side gain from it?",
		"The meeting ended without a joint statement.",
		"Neither side commented on the report.",
		"Markets barely reacted to the news.",
	}
)

// genSentence is one sentence; r is the generator's source.
func genSentence(r *rand.Rand) string {
	if r.IntN(6) == 0 {
		return genQuotes[r.IntN(len(genQuotes))]
	}
	return fmt.Sprintf("%s %s %s%s.",
		genSubjects[r.IntN(len(genSubjects))], genVerbs[r.IntN(len(genVerbs))],
		genClaims[r.IntN(len(genClaims))], genTails[r.IntN(len(genTails))])
}

// generateArticle returns a plain-text article (title line, blank line,
// paragraphs separated by blank lines) of exactly n sentences, and checks
// that Stancemark segments it into exactly n sentences.
func generateArticle(n int) (string, *annotations.Document, error) {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	var sb strings.Builder
	fmt.Fprintf(&sb, "Generated article: %d sentences on cooperation in Iraq\n\n", n)
	left := n
	for left > 0 {
		k := min(3+r.IntN(5), left)
		for i := range k {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(genSentence(r))
		}
		left -= k
		if left > 0 {
			sb.WriteString("\n\n")
		}
	}
	sb.WriteByte('\n')
	text := sb.String()
	doc, err := annotations.ParsePlainText(text)
	if err != nil {
		return "", nil, fmt.Errorf("segmenting the generated %d-sentence article: %w", n, err)
	}
	if len(doc.Sentences) != n {
		return "", nil, fmt.Errorf("the generated article has %d sentences for Stancemark, want %d", len(doc.Sentences), n)
	}
	return text, doc, nil
}
