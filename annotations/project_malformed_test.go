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
	names, err := filepath.Glob(filepath.Join(projectMalformedDir, "*.json"))
	if err != nil || len(names) < 30 {
		t.Fatalf("%d files in %s (%v)", len(names), projectMalformedDir, err)
	}
	var out []malformed
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(n, ".json") + ".want")
		if err != nil && !*updateGolden {
			t.Fatalf("%s has no .want file (go test -update writes it): %v", n, err)
		}
		out = append(out, malformed{name: filepath.Base(n), data: data, want: strings.TrimSuffix(string(want), "\n")})
	}
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
			got := ""
			if err != nil {
				got = err.Error()
				var ie *ImportError
				if !errors.As(err, &ie) {
					t.Errorf("%v (%T) is not an *ImportError", err, err)
				}
			}
			if *updateGolden && !strings.HasPrefix(m.name, "generated") {
				os.WriteFile(filepath.Join(projectMalformedDir, strings.TrimSuffix(m.name, ".json")+".want"), []byte(got+"\n"), 0o644)
			} else if got != m.want {
				t.Errorf("message\n got %q\nwant %q", got, m.want)
			}
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
