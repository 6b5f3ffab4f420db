package annotations

import (
	"strings"
	"testing"
)

// TestLedeRule checks which first lines become the title, and that an
// opening paragraph that is no title stays in the body with a derived
// title.
func TestLedeRule(t *testing.T) {
	tests := []struct {
		name, src  string
		title      string
		firstSents string // the body's first sentence
	}{
		{"headline without punctuation", "Floods Close Schools Across the Region\n\nHeavy rain closed schools on Monday.",
			"Floods Close Schools Across the Region", "Heavy rain closed schools on Monday."},
		{"headline on the line above the body", "Floods close schools\nHeavy rain closed schools on Monday.",
			"Floods close schools", "Heavy rain closed schools on Monday."},
		{"question headline with a blank line", "Is This the End of Cheap Flights?\n\nAirlines raised fares again.",
			"Is This the End of Cheap Flights?", "Airlines raised fares again."},
		{"news body without a title line", "Heavy rain closed schools across the region on Monday, officials said. Roads were flooded.\n\nThe rain is expected to stop on Wednesday.",
			"Heavy rain closed schools across the region on Monday, officials said.", "Heavy rain closed schools across the region on Monday, officials said."},
		{"one-sentence lede followed by a blank line", "Schools closed on Monday.\n\nThe rain goes on.",
			"Schools closed on Monday.", "Schools closed on Monday."},
		{"question in a sentence, not a heading", "Why would anyone build a dam there?\n\nEngineers asked that for years.",
			"Why would anyone build a dam there?", "Why would anyone build a dam there?"},
		{"a paragraph broken across lines", "Heavy rain closed schools across the\nregion on Monday, officials said.",
			"Heavy rain closed schools across the", "Heavy rain closed schools across the"},
		{"a line ending in a comma", "In a move that surprised many,\n\nthe council voted no.",
			"In a move that surprised many,", "In a move that surprised many,"},
		{"a Chinese lede (。 ends a sentence)", "北京今天下雨。\n\n明天会晴。", "北京今天下雨。", "北京今天下雨。"},
		{"an Arabic lede ending in ؟", "هل ستستمر المحادثات؟\n\nلا أحد يعرف.", "هل ستستمر المحادثات؟", "هل ستستمر المحادثات؟"},
		{"a Hindi lede ending in ।", "बारिश से स्कूल बंद।\n\nसड़कें भर गईं।", "बारिश से स्कूल बंद।", "बारिश से स्कूल बंद।"},
		{"a long first line", strings.Repeat("word ", 30) + "\n\nNext.",
			strings.TrimSpace(strings.Repeat("word ", 16)) + "…", strings.TrimSpace(strings.Repeat("word ", 30))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParsePlainText(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title {
				t.Errorf("title %q, want %q", d.Title, tt.title)
			}
			if d.Sentences[0].Text != tt.firstSents {
				t.Errorf("first sentence %q, want %q", d.Sentences[0].Text, tt.firstSents)
			}
		})
	}
}

func TestDeriveTitle(t *testing.T) {
	long := "The regional council voted on Tuesday evening to close three of the city's oldest schools by next year."
	d, err := NewDocument("", long)
	if err != nil {
		t.Fatal(err)
	}
	got := DeriveTitle(d)
	if want := "The regional council voted on Tuesday evening to close three of the city's…"; got != want {
		t.Errorf("DeriveTitle = %q, want %q", got, want)
	}
	if n := len([]rune(got)); n > DerivedTitleRunes+1 {
		t.Errorf("%d characters", n)
	}
}
