package annotations

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// projectMalformedDir holds project files ReadProject must refuse
// (NAME.json, its exact message in NAME.want; go test -update rewrites the
// .want files).
const projectMalformedDir = "testdata/malformed/project"

// malformedProjects returns the files of projectMalformedDir and those too
// big to commit, generated here from the golden project.
func malformedProjects(t *testing.T) []malformed {
	t.Helper()
	out := malformedIn(t, projectMalformedDir, 30)
	golden, err := os.ReadFile(projectGolden)
	if err != nil {
		t.Fatal(err)
	}
	guidelines := func(runes int) []byte {
		return bytes.Replace(golden, []byte(`"guidelines": "Read the whole article first.\n\nThen judge the headline."`),
			[]byte(`"guidelines": "`+strings.Repeat("é", runes)+`"`), 1)
	}
	out = append(out,
		malformed{"generated: guidelines of 100,001 characters", guidelines(MaxGuidelinesRunes + 1),
			"codebook.guidelines: too long: 100,001 characters; the guidelines can have at most 100,000"},
		malformed{"generated: guidelines of exactly MaxGuidelinesRunes", guidelines(MaxGuidelinesRunes), ""},
		malformed{"generated: a file over 64 MB", append(bytes.Clone(golden), bytes.Repeat([]byte(" "), MaxProjectBytes)...),
			"the file is larger than 64 MB; a project file can have at most 64 MB"},
	)
	return out
}

// TestMalformedProjects reads every malformed project and checks the exact
// message and that it is an *ImportError. Nothing may panic.
func TestMalformedProjects(t *testing.T) {
	for _, m := range malformedProjects(t) {
		t.Run(m.name, func(t *testing.T) {
			_, err := ReadProject(bytes.NewReader(m.data))
			checkMalformed(t, projectMalformedDir, m, err)
		})
	}
}

// TestMalformedProjectSentinels: the cases the issue names wrap the
// sentinel a caller tests for.
func TestMalformedProjectSentinels(t *testing.T) {
	for name, want := range map[string]error{
		"future-version":          ErrUnsupportedVersion,
		"unknown-reference-label": ErrUnknownLabel,
		"duplicate-task-id":       ErrDuplicateID,
		"task-missing-document":   ErrBadValue,
		"task-missing-claim":      ErrBadValue,
		"text-changed":            ErrHashMismatch,
		"hash-mismatch":           ErrHashMismatch,
		"sentence-gap":            ErrBadOffset,
		"not-json":                ErrSyntax,
		"export-instead":          ErrFormat,
	} {
		data, err := os.ReadFile(filepath.Join(projectMalformedDir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadProject(bytes.NewReader(data)); !errors.Is(err, want) {
			t.Errorf("%s: %v does not wrap %v", name, err, want)
		}
	}
}
