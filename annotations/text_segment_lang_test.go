package annotations

import (
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"

	"stancemark/articles"
)

// splitMarked returns a paragraph written with "|" between its sentences
// as its text and its sentences.
func splitMarked(marked string) (string, []string) {
	var want []string
	for _, s := range strings.Split(marked, "|") {
		want = append(want, strings.TrimSpace(s))
	}
	return strings.ReplaceAll(marked, "|", ""), want
}

// checkSplit segments each marked paragraph for lang and compares.
func checkSplit(t *testing.T, lang string, tests []struct{ name, marked string }) {
	t.Helper()
	for _, tt := range tests {
		t.Run(lang+"/"+tt.name, func(t *testing.T) {
			text, want := splitMarked(tt.marked)
			d, err := NewDocumentLang("T", text, lang)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Split(sentenceTexts(d), "|"); !reflect.DeepEqual(got, want) {
				t.Errorf("sentences\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestSegmentWithPunktModels: the languages with a Punkt model, on
// paragraphs written for these tests ("|" between sentences).
func TestSegmentWithPunktModels(t *testing.T) {
	useRepoModels(t)
	checkSplit(t, "de", []struct{ name, marked string }{
		{"ordinal date", "Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.| Die Feier fand in Berlin statt."},
		{"abbreviations", "Die Feier fand z. B. in Berlin statt.| Die Regierung, d. h. das Kabinett, stimmte zu!| Dr. Müller sagte, es sei ein großer Tag."},
		{"quotation and attribution", "„Warum?“ fragte er.| Niemand antwortete."},
		{"number abbreviation", "Nr. 5 der Liste wurde gestrichen.| Das geschah ohne Debatte."},
		{"two one-letter abbreviations after a number", "Satz Nr. 12 z. B. handelt vom Iran.| Satz Nr. 13 nicht."},
	})
	checkSplit(t, "de-CH", []struct{ name, marked string }{
		{"regional tag", "Der Bundesrat hat am Mittwoch entschieden.| Die Kantone sind nicht einverstanden."},
	})
	checkSplit(t, "fr", []struct{ name, marked string }{
		{"title abbreviation", "Le président a parlé hier soir.| M. Dupont n'était pas d'accord."},
		{"spaced quotation", "« Pourquoi ? » a-t-il demandé.| Personne n'a répondu."},
		{"unit after a number", "La séance a été levée à 20 h.| Le vote aura lieu le 3 mars."},
	})
	checkSplit(t, "es", []struct{ name, marked string }{
		{"inverted marks", "El presidente habló ayer.| ¿Qué dijo?| Nadie lo sabe.| El Sr. García no estaba de acuerdo."},
	})
	checkSplit(t, "it", []struct{ name, marked string }{
		{"apostrophes", "Il governo ha detto martedì che non cambierà i suoi piani.| L'opposizione non è convinta."},
	})
	checkSplit(t, "pt", []struct{ name, marked string }{
		{"exclamation", "O governo não vai mudar os planos!| A oposição pede uma votação."},
	})
	checkSplit(t, "nl", []struct{ name, marked string }{
		{"plain", "De regering heeft dinsdag gezegd dat zij haar plannen niet zal veranderen.| De oppositie is niet overtuigd."},
	})
	checkSplit(t, "pl", []struct{ name, marked string }{
		{"plain", "Rząd oświadczył we wtorek, że nie zmieni swoich planów.| Opozycja domaga się głosowania."},
	})
	checkSplit(t, "el", []struct{ name, marked string }{
		{"question mark", "Η κυβέρνηση ανακοίνωσε νέα μέτρα.| Τι θα γίνει τώρα;| Κανείς δεν ξέρει."},
		{"Mr.", "Ο κ. Παπαδόπουλος διαφώνησε.| Η συνεδρίαση έληξε."},
	})
	checkSplit(t, "sv", []struct{ name, marked string }{
		{"plain", "Regeringen sade på tisdagen att den inte ändrar sina planer.| Oppositionen är inte övertygad."},
	})
}

// TestSegmentEnglishAsBefore: English, "und", no tag and a Latin-script
// language with no model are split exactly as ParsePlainText splits them:
// the same Document, the bundled article's 23 sentences in 20 paragraphs.
func TestSegmentEnglishAsBefore(t *testing.T) {
	want, err := ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Sentences) != 23 || len(want.Paragraphs) != 20 {
		t.Fatalf("the bundled article has %d sentences in %d paragraphs, want 23 in 20", len(want.Sentences), len(want.Paragraphs))
	}
	for _, lang := range []string{"en", "EN-us", "und", "", "ro", "hu", "sr-Latn"} {
		got, err := ParsePlainTextLang(articles.Bundled, lang)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParsePlainTextLang(bundled, %q) differs from ParsePlainText", lang)
		}
	}
}

// TestSegmentLanguageDocument: a document split by a language's own rules
// records its language, and no segmenter version (its sentences are kept
// as they are); Explain names the language's rules and SameAsCurrent holds.
func TestSegmentLanguageDocument(t *testing.T) {
	useRepoModels(t)
	d, err := ParsePlainTextLang("Правительство объявило новые меры. Что будет дальше? Никто не знает.", "ru")
	if err != nil {
		t.Fatal(err)
	}
	if d.Language != "ru" || d.Segmenter != 0 || d.Title != "Правительство объявило новые меры." || len(d.Sentences) != 3 {
		t.Fatalf("Language %q, Segmenter %d, title %q, %d sentences", d.Language, d.Segmenter, d.Title, len(d.Sentences))
	}
	if got := d.Explain(); len(got) != 2 || got[0].Rule != RuleGenericTerminal || got[0].At != 35 {
		t.Errorf("Explain = %+v", got)
	}
	if !d.SameAsCurrent() {
		t.Error("SameAsCurrent is false")
	}
	re, err := d.Resegment()
	if err != nil || re.BoundariesID() != d.BoundariesID() {
		t.Errorf("Resegment: %v, boundaries %s, want %s", err, re.BoundariesID(), d.BoundariesID())
	}
	de, err := NewDocumentLang("T", "Die Feier fand z. B. in Berlin statt. Alle kamen.", "de")
	if err != nil {
		t.Fatal(err)
	}
	ex := de.Explain()
	if len(ex) != 2 || ex[0].Split || ex[0].Rule != RuleOneLetterAbbreviation || !ex[1].Split || ex[1].Rule != RulePunkt {
		t.Errorf("Explain = %+v", ex)
	}
}

// TestSegmentLanguageErrors: a bad tag is refused by name, and a language
// with a model but no source says so.
func TestSegmentLanguageErrors(t *testing.T) {
	if _, err := NewDocumentLang("T", "Text.", "klingon"); err == nil || !strings.Contains(err.Error(), `"klingon"`) {
		t.Errorf("bad tag: %v", err)
	}
	if _, err := loadPunkt(nil, "de"); !errors.Is(err, ErrNoModel) || !strings.Contains(err.Error(), "SetModelSource") {
		t.Errorf("no source: %v", err)
	}
	none := func(string) ([]byte, error) { return nil, ErrNoModel }
	if _, err := loadPunkt(none, "fi"); !errors.Is(err, ErrNoModel) || !strings.Contains(err.Error(), `"fi"`) {
		t.Errorf("no model: %v", err)
	}
	broken := func(string) ([]byte, error) { return []byte{0x1f, 0x8b, 0, 1}, nil }
	if _, err := loadPunkt(broken, "de"); err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("broken gzip: %v", err)
	}
	if _, err := loadPunkt(func(string) ([]byte, error) { return []byte("[1]"), nil }, "de"); err == nil || !strings.Contains(err.Error(), "Punkt") {
		t.Errorf("not training data: %v", err)
	}
}

// TestModelsParsedOnFirstUse: every language of PunktLanguages has its
// model in web/models, and a model is read once, on its first use.
func TestModelsParsedOnFirstUse(t *testing.T) {
	useRepoModels(t)
	for _, l := range PunktLanguages {
		if _, err := punktTokenizer(l); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
	reads := 0
	SetModelSource(func(lang string) ([]byte, error) {
		reads++
		return []byte(`{"AbbrevTypes":{"bzw":1}}`), nil
	})
	defer func() { repoModelsOnce = sync.Once{}; useRepoModels(t) }()
	if reads != 0 {
		t.Fatal("SetModelSource read a model")
	}
	for range 3 {
		if _, err := NewDocumentLang("T", "Eins. Zwei.", "de"); err != nil {
			t.Fatal(err)
		}
	}
	if reads != 1 {
		t.Errorf("the model was read %d times, want 1", reads)
	}
}
