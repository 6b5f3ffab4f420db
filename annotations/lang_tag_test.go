package annotations

import (
	"strings"
	"testing"
)

func TestNormalizeLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"de", "de"},
		{"DE", "de"},
		{"de-CH", "de-CH"},
		{"de_ch", "de-CH"},
		{" pt-br ", "pt-BR"},
		{"zh-hant-tw", "zh-Hant-TW"},
		{"sr-Latn", "sr-Latn"},
		{"es-419", "es-419"},
		{"iw", "he"},
		{"und", "und"},
		{"", "und"},
		{"gsw", "gsw"},
		{"de-DE-1996", "de-DE-1996"},
		{"sl-rozaj", "sl-rozaj"},
		{"en-US-u-ca-gregory", "en-US-u-ca-gregory"},
	}
	for _, tt := range tests {
		got, err := NormalizeLanguage(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizeLanguage(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalizeLanguageRefuses(t *testing.T) {
	tests := []struct{ in, says string }{
		{"german", `language "german" is not a BCP 47 tag: it must start with a language code of two or three letters`},
		{"xx", `"xx" is not an ISO 639-1 language code`},
		{"d", "must start with a language code"},
		{"12", "must start with a language code"},
		{"de-", `"" is not a script, region or variant subtag`},
		{"de-CHE-x", `"CHE" is not a script, region or variant subtag`},
		{"en-US-u", "ends with an empty extension"},
		{"en.UTF-8", "must start with a language code"},
		{"fr--CA", `"" is not a script`},
	}
	for _, tt := range tests {
		got, err := NormalizeLanguage(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), `"`+tt.in+`"`) {
			t.Errorf("NormalizeLanguage(%q) = %q, %v; want an error naming it and saying %q", tt.in, got, err, tt.says)
		}
	}
}
