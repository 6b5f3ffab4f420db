package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language detection is written here, small, rather than taken from a
// library: github.com/pemistahl/lingua-go is accurate but its models are
// hundreds of megabytes, far too big for app.wasm, and
// github.com/abadojack/whatlanggo has not been maintained since 2019. A
// Stancemark text is a news article of a few paragraphs, for which the
// script and a vote of the commonest words are enough, and "und" (which
// segments as English does) is a safe answer when they are not.

// detectSampleBytes is how much of a text DetectLanguage reads: the start
// of a long article says its language as well as the whole.
const detectSampleBytes = 64 << 10

// Thresholds of DetectLanguage, as shares of the letters of the text's
// script.
const (
	kanaShareJapanese     = 0.01  // kana among the Han and kana letters: Japanese (Chinese has none)
	persianShareFarsi     = 0.005 // پ چ ژ گ among the Arabic-script letters: Persian (Arabic has none)
	urduShareUrdu         = 0.005 // ٹ ڈ ڑ ں ے ھ among them: Urdu
	ukrainianShare        = 0.005 // і ї є ґ among the Cyrillic letters: Ukrainian (Russian has none)
	minLatinVotes         = 2.0   // the least weighted stop-word vote a Latin-script language needs
	latinVoteLeadOverNext = 1.3   // and how far it must lead the next language's
)

// script counts of DetectLanguage.
const (
	scriptLatin = iota
	scriptHan
	scriptKana
	scriptHangul
	scriptArabic
	scriptHebrew
	scriptCyrillic
	scriptGreek
	scriptDevanagari
	scriptThai
	scriptCount
)

// scriptLanguages is the language of each script but Latin, Han, Kana,
// Arabic and Cyrillic, which DetectLanguage decides further.
var scriptLanguages = [scriptCount]string{
	scriptHangul: "ko", scriptHebrew: "he", scriptGreek: "el", scriptDevanagari: "hi", scriptThai: "th",
}

// DetectLanguage returns a BCP 47 language tag guessed from text (its first
// 64 KB), or "und" when nothing is clear:
//
//   - the script most of its letters are in says the language: Han and
//     kana are Japanese ("ja") when at least 1% of them are kana, else
//     Chinese ("zh"); Hangul is "ko"; the Arabic script is Urdu ("ur") when
//     ٹ ڈ ڑ ں ے or ھ make 0.5% of its letters, Persian ("fa") when پ چ ژ گ
//     do, else Arabic ("ar"); Hebrew is "he"; Cyrillic is Ukrainian ("uk")
//     when і ї є ґ make 0.5% of its letters, else Russian ("ru"); Greek is
//     "el", Devanagari "hi", Thai "th";
//   - a Latin-script text is the language of PunktLanguages or English
//     whose commonest words it has most of (the lists of stopWords; a word
//     several languages share counts for each by a share), when that vote
//     is at least 2 and 1.3 times the next language's; else "und".
func DetectLanguage(text string) string {
	if len(text) > detectSampleBytes {
		n := detectSampleBytes
		for n > 0 && !utf8.RuneStart(text[n]) {
			n--
		}
		text = text[:n]
	}
	var counts [scriptCount]int
	var persian, urdu, ukrainian int
	for _, r := range text {
		if r < utf8.RuneSelf {
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				counts[scriptLatin]++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		switch {
		case unicode.Is(unicode.Latin, r):
			counts[scriptLatin]++
		case unicode.Is(unicode.Han, r):
			counts[scriptHan]++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts[scriptKana]++
		case unicode.Is(unicode.Hangul, r):
			counts[scriptHangul]++
		case unicode.Is(unicode.Arabic, r):
			counts[scriptArabic]++
			switch {
			case strings.ContainsRune("ٹڈڑںےھ", r):
				urdu++
			case strings.ContainsRune("پچژگ", r):
				persian++
			}
		case unicode.Is(unicode.Hebrew, r):
			counts[scriptHebrew]++
		case unicode.Is(unicode.Cyrillic, r):
			counts[scriptCyrillic]++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukrainian++
			}
		case unicode.Is(unicode.Greek, r):
			counts[scriptGreek]++
		case unicode.Is(unicode.Devanagari, r):
			counts[scriptDevanagari]++
		case unicode.Is(unicode.Thai, r):
			counts[scriptThai]++
		}
	}
	cjk := counts[scriptHan] + counts[scriptKana]
	letters := func(s int) int {
		if s == scriptHan || s == scriptKana {
			return cjk
		}
		return counts[s]
	}
	best := scriptLatin
	for s := range scriptCount {
		if letters(s) > letters(best) {
			best = s
		}
	}
	share := func(n, of int) float64 { return float64(n) / float64(max(of, 1)) }
	switch best {
	case scriptLatin:
		if counts[scriptLatin] == 0 {
			return LanguageUndetermined
		}
		return voteLatin(text)
	case scriptHan, scriptKana:
		if share(counts[scriptKana], cjk) >= kanaShareJapanese {
			return "ja"
		}
		return "zh"
	case scriptArabic:
		switch {
		case share(urdu, counts[scriptArabic]) >= urduShareUrdu:
			return "ur"
		case share(persian, counts[scriptArabic]) >= persianShareFarsi:
			return "fa"
		}
		return "ar"
	case scriptCyrillic:
		if share(ukrainian, counts[scriptCyrillic]) >= ukrainianShare {
			return "uk"
		}
		return "ru"
	}
	return scriptLanguages[best]
}

// voteLatin returns the language of stopWords whose stop words text
// has most of (see DetectLanguage), or "und".
func voteLatin(text string) string {
	words := stopWordLanguages()
	votes := make([]float64, len(stopWords))
	var w strings.Builder
	flush := func() {
		if langs := words[w.String()]; len(langs) > 0 {
			for _, l := range langs {
				votes[l] += 1 / float64(len(langs))
			}
		}
		w.Reset()
	}
	for _, r := range text {
		if unicode.IsLetter(r) {
			w.WriteRune(unicode.ToLower(r))
			continue
		}
		if w.Len() > 0 {
			flush()
		}
	}
	flush()
	first, second := 0, -1
	for i := 1; i < len(votes); i++ {
		switch {
		case votes[i] > votes[first]:
			first, second = i, first
		case second < 0 || votes[i] > votes[second]:
			second = i
		}
	}
	if votes[first] < minLatinVotes || second >= 0 && votes[first] < latinVoteLeadOverNext*votes[second] {
		return LanguageUndetermined
	}
	return stopWords[first].lang
}
