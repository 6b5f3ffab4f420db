package annotations

import (
	"strings"
	"testing"
)

// langBenchText returns a text of MaxSentences (50,000) sentences, five a
// paragraph, each made by sentence(i).
func langBenchText(sentence func(sb *strings.Builder, i int)) string {
	var sb strings.Builder
	for i := range MaxSentences {
		sentence(&sb, i)
		if i%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkSegmentLanguages50000 splits 50,000 sentences of English (by
// NewDocument, and by NewDocumentLang with "en", which must cost the
// same), German (its Punkt model, parsed before the timing starts), Russian
// (RuleGenericTerminal) and Chinese (RuleCJKTerminal):
//
//	go test -run '^$' -bench SegmentLanguages50000 -count 5 ./annotations/
func BenchmarkSegmentLanguages50000(b *testing.B) {
	useRepoModels(b)
	english := langBenchText(func(sb *strings.Builder, i int) {
		sb.WriteString("Officials said sentence ")
		sb.WriteString(thousands(i))
		sb.WriteString(" is about Iran. ")
	})
	german := langBenchText(func(sb *strings.Builder, i int) {
		sb.WriteString("Beamte sagten am 3. Mai, dass Satz Nr. ")
		sb.WriteString(thousands(i))
		sb.WriteString(" z. B. vom Iran handle. ")
	})
	russian := langBenchText(func(sb *strings.Builder, i int) {
		sb.WriteString("Чиновники сказали, что предложение ")
		sb.WriteString(thousands(i))
		sb.WriteString(" касается Ирана. ")
	})
	chinese := langBenchText(func(sb *strings.Builder, i int) {
		sb.WriteString("官员说第")
		sb.WriteString(thousands(i))
		sb.WriteString("句话是关于伊朗的。")
	})
	if _, err := punktTokenizer("de"); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name, lang, body string
	}{
		{"en", "", english},
		{"en-lang", "en", english},
		{"de", "de", german},
		{"ru", "ru", russian},
		{"zh", "zh", chinese},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.body)))
			for b.Loop() {
				var d *Document
				var err error
				if c.lang == "" {
					d, err = NewDocument("Bench", c.body)
				} else {
					d, err = NewDocumentLang("Bench", c.body, c.lang)
				}
				if err != nil {
					b.Fatal(err)
				}
				if len(d.Sentences) != MaxSentences {
					b.Fatalf("%d sentences, want %d: %q", len(d.Sentences), MaxSentences, sentenceTexts(d)[:300])
				}
			}
		})
	}
}
