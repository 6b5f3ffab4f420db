package annotations

import (
	"fmt"
	"strings"
)

// The language tags of segmentation and detection are BCP 47 (RFC 5646)
// tags checked by hand, not by golang.org/x/text/language: that package
// (in go.mod, indirect, for the native binary) adds about 340 KB to a wasm
// binary, and annotations/ is linked into app.wasm. NormalizeLanguage
// checks the tag's form and knows the two-letter ISO 639-1 codes; it does
// not know the registry's three-letter codes, variants or extensions by
// name, only their form.

// LanguageUndetermined is the BCP 47 tag of a text whose language is not
// known: DetectLanguage returns it when nothing is clear, and it segments
// as English does.
const LanguageUndetermined = "und"

// iso639_1 is every two-letter ISO 639-1 language code (including the
// deprecated "iw", "in", "ji", which NormalizeLanguage replaces).
const iso639_1 = `aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
ia id ie ig ii ik in io is it iu iw ja ji jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg
li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa
pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti
tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`

// NormalizeLanguage returns tag as a well-formed BCP 47 tag in its
// canonical case ("DE" → "de", "de_ch" → "de-CH", "zh-hant-tw" →
// "zh-Hant-TW", "iw" → "he"), or an error naming tag when it is not one: a
// language subtag of two letters that ISO 639-1 lists or of three letters
// ("und" included), then an optional script (four letters), region (two
// letters or three digits), variants (five to eight letters or digits, or
// four starting with a digit) and extensions ("u-co-phonebk"). An empty
// tag is "und".
func NormalizeLanguage(tag string) (string, error) {
	t := strings.TrimSpace(tag)
	if t == "" {
		return LanguageUndetermined, nil
	}
	subtags := strings.Split(strings.ReplaceAll(t, "_", "-"), "-")
	lang := strings.ToLower(subtags[0])
	switch {
	case !isAlnumSubtag(lang, 2, 3) || !isAlphaSubtag(lang):
		return "", fmt.Errorf("language %q is not a BCP 47 tag: it must start with a language code of two or three letters, such as \"de\" or \"de-CH\"", tag)
	case len(lang) == 2 && !hasWord(iso639_1, lang):
		return "", fmt.Errorf("language %q is not a BCP 47 tag: %q is not an ISO 639-1 language code", tag, lang)
	}
	switch lang { // the codes BCP 47 replaced
	case "iw":
		lang = "he"
	case "in":
		lang = "id"
	case "ji":
		lang = "yi"
	}
	out := []string{lang}
	const (
		wantScript = iota
		wantRegion
		wantVariant
		inExtension
	)
	state := wantScript
	for _, s := range subtags[1:] {
		low := strings.ToLower(s)
		switch {
		case state == inExtension || len(s) == 1 && isAlnumSubtag(low, 1, 1) && len(out) > 0:
			if !isAlnumSubtag(low, 1, 8) {
				return "", fmt.Errorf("language %q is not a BCP 47 tag: %q is not a valid extension subtag", tag, s)
			}
			state = inExtension
			out = append(out, low)
		case state <= wantScript && len(s) == 4 && isAlphaSubtag(low):
			out = append(out, strings.ToUpper(low[:1])+low[1:])
			state = wantRegion
		case state <= wantRegion && (len(s) == 2 && isAlphaSubtag(low) || len(s) == 3 && isDigitSubtag(low)):
			out = append(out, strings.ToUpper(low))
			state = wantVariant
		case isAlnumSubtag(low, 5, 8) || len(low) == 4 && low[0] >= '0' && low[0] <= '9' && isAlnumSubtag(low, 4, 4):
			out = append(out, low)
			state = wantVariant
		default:
			return "", fmt.Errorf("language %q is not a BCP 47 tag: %q is not a script, region or variant subtag", tag, s)
		}
	}
	if state == inExtension && len(out[len(out)-1]) == 1 {
		return "", fmt.Errorf("language %q is not a BCP 47 tag: it ends with an empty extension", tag)
	}
	return strings.Join(out, "-"), nil
}

// hasWord reports whether w is one of the whitespace-separated words of
// list. (The lists of language codes are strings, not maps built when the
// program starts, so that a program that never reads them, app.wasm, does
// not link them.)
func hasWord(list, w string) bool {
	for _, x := range strings.Fields(list) {
		if x == w {
			return true
		}
	}
	return false
}

// baseLanguage returns the language subtag of a normalized tag: "de-CH" →
// "de".
func baseLanguage(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	return base
}

// scriptOf returns the script subtag of a normalized tag ("Cyrl" of
// "sr-Cyrl-RS"), or "". The script comes right after the language.
func scriptOf(tag string) string {
	if s := strings.Split(tag, "-"); len(s) > 1 && len(s[1]) == 4 && isAlphaSubtag(strings.ToLower(s[1])) {
		return s[1]
	}
	return ""
}

func isAlphaSubtag(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

func isDigitSubtag(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isAlnumSubtag reports whether s (lowercase) is min to max ASCII letters
// and digits.
func isAlnumSubtag(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < 'a' || s[i] > 'z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}
