package app

import (
	"strings"
	"testing"

	"stancemark/annotations"
)

func TestExportFileName(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Could U.S., Iran Work Together In Iraq? Maybe, Officials Say", "could-u-s-iran-work-together-in-iraq-maybe-officials-say.stancemark.json"},
		{"  Élection 2024 : résultats  ", "élection-2024-résultats.stancemark.json"},
		{"<script>alert(1)</script>", "script-alert-1-script.stancemark.json"},
		{"???", "document.stancemark.json"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := exportFileName(tt.title); got != tt.want {
				t.Errorf("exportFileName(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

// TestSlugDownloadNames pins every download name the app makes from a
// document or assignment title (exportFileName, and the slug(title) + suffix
// names of orphan_list.go, session.go and class_state.go): lower-case letters
// and digits, other runs one "-", cut after the letter or digit that reaches
// 80 bytes of UTF-8, "document" when nothing is left.
func TestSlugDownloadNames(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Could U.S., Iran Work Together In Iraq? Maybe, Officials Say", "could-u-s-iran-work-together-in-iraq-maybe-officials-say"},
		{"  Élection 2024 : résultats  ", "élection-2024-résultats"},
		{"Zoë O'Neil", "zoë-o-neil"},
		{"", "document"},
		{"???", "document"},
		{"<script>alert(1)</script>", "script-alert-1-script"},
		{"../../etc/passwd", "etc-passwd"},
		{"Week 3: Iran & the U.S.", "week-3-iran-the-u-s"},
		{"İSTANBUL'DA ŞAŞIRTICI GÜN", "istanbul-da-şaşirtici-gün"},
		{"東京 2024年 オリンピック", "東京-2024年-オリンピック"},
		{"I ❤ Go — 100% 🙂", "i-go-100"},
		{"\tTabs\nand\r\nnewlines\u00a0nbsp", "tabs-and-newlines-nbsp"},
		{"ǅungla ΣΟΦΊΑ Straße", "ǆungla-σοφία-straße"},
		{"١٢٣ ٤٥", "١٢٣-٤٥"},
		{"\xff\xfe bad UTF-8 \xc3", "bad-utf-8"},
		{"--a-b--c--", "a-b-c"},
		{"ABC" + strings.Repeat("!", 100) + "def", "abc-def"},
		{strings.Repeat("long ", 30), "long-long-long-long-long-long-long-long-long-long-long-long-long-long-long-long-l"},
		{strings.Repeat("Word ", 20) + "end", "word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-w"},
		{strings.Repeat("a", 79) + " bcd", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b"},
		{strings.Repeat("a", 80) + "b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
		{strings.Repeat("a", 79) + "é" + "zz", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé"},
		{strings.Repeat("é", 50), "éééééééééééééééééééééééééééééééééééééééé"},
		{strings.Repeat("ü", 60), "üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü"},
		{strings.Repeat("x", 47) + " y z", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-y-z"},
		{strings.Repeat("x", 48) + "yz", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxyz"},
		{strings.Repeat("Ω", 46) + " ab", "ωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωωω"},
	}
	for _, tt := range tests {
		if got := slug(tt.title); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
	for _, tt := range []struct{ got, want string }{
		{exportFileName("Zoë O'Neil"), "zoë-o-neil.stancemark.json"},
		{slug("Zoë O'Neil") + ".orphans.json", "zoë-o-neil.orphans.json"},
		{slug("") + ".unreadable.json", "document.unreadable.json"},
		{slug("Élection 2024 : résultats") + annotations.FormatExtension("w3c"), "élection-2024-résultats.jsonld"},
		{slug("Élection 2024 : résultats") + annotations.FormatExtension("csv"), "élection-2024-résultats.csv"},
		{slug("???") + annotations.FormatExtension("semeval"), "document.tsv"},
		{slug("Week 3: Iran & the U.S.") + "-class.csv", "week-3-iran-the-u-s-class.csv"},
		{exportFileName(strings.Repeat("é", 50)), strings.Repeat("é", 40) + ".stancemark.json"},
	} {
		if tt.got != tt.want {
			t.Errorf("download name %q, want %q", tt.got, tt.want)
		}
	}
}

// exportFileName is the name of a stancemark/v1 export, as exportFile names it.
func exportFileName(title string) string { return annotations.ExportFileName(title, "json") }
