package annotations

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// goldMalformedDir holds gold files ReadGold must refuse (NAME.json, its
// exact message in NAME.want; go test -update rewrites the .want files).
// They are the golden gold files (testdata/gold) with one thing wrong.
const goldMalformedDir = "testdata/malformed/gold"

// malformedGolds returns the files of goldMalformedDir, and a file too big
// to commit, generated here.
func malformedGolds(t *testing.T) []malformed {
	t.Helper()
	out := malformedIn(t, goldMalformedDir, 40)
	golden, err := os.ReadFile(goldGolden)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out,
		malformed{"generated: a file over 64 MB", append(bytes.Clone(golden), bytes.Repeat([]byte(" "), MaxProjectBytes)...),
			"the file is larger than 64 MB"},
		malformed{"generated: the golden file with a byte order mark", append([]byte("\uFEFF"), golden...), ""},
	)
	return out
}

// TestMalformedGolds reads every malformed gold file and checks the exact
// message and that it is an *ImportError. Nothing may panic.
func TestMalformedGolds(t *testing.T) {
	for _, m := range malformedGolds(t) {
		t.Run(m.name, func(t *testing.T) {
			_, err := ReadGold(bytes.NewReader(m.data))
			checkMalformed(t, goldMalformedDir, m, err)
		})
	}
}

// TestMalformedGoldSentinels: the refusals wrap the sentinel a caller
// tests for.
func TestMalformedGoldSentinels(t *testing.T) {
	for name, want := range map[string]error{
		"future-version":                ErrUnsupportedVersion,
		"export-instead":                ErrFormat,
		"not-json":                      ErrSyntax,
		"unknown-field":                 ErrUnknownField,
		"missing-claim":                 ErrMissingField,
		"id-not-hash":                   ErrHashMismatch,
		"votes-twice":                   ErrDuplicateAnnotator,
		"duplicate-entry":               ErrDuplicateID,
		"unknown-sentence":              ErrUnknownSentence,
		"task-without-project":          ErrUnknownTask,
		"entry-other-document":          ErrOtherDocument,
		"source-does-not-follow":        ErrBadValue,
		"adjudicated-without-reason":    ErrMissingField,
		"votes-same-annotator-repeated": ErrDuplicateAnnotator,
	} {
		data, err := os.ReadFile(filepath.Join(goldMalformedDir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadGold(bytes.NewReader(data)); !errors.Is(err, want) {
			t.Errorf("%s: %v does not wrap %v", name, err, want)
		}
	}
}
