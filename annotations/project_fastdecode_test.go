package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fastAgrees checks the fast path's contract on data: when it reads the
// file, the strict reader reads it too, to the same project.
func fastAgrees(t *testing.T, name string, data []byte) (fast bool) {
	t.Helper()
	fp, ok := fastDecodeProject(data)
	if !ok {
		return false
	}
	if err := checkSyntax(data); err != nil {
		t.Fatalf("%s: the fast path read a file the strict reader refuses: %v", name, err)
	}
	sp, err := decodeProject(data)
	if err != nil {
		t.Fatalf("%s: the fast path read a file the strict reader refuses: %v", name, err)
	}
	if !reflect.DeepEqual(fp, sp) {
		t.Fatalf("%s: the fast path read\n%+v\nthe strict reader\n%+v", name, fp, sp)
	}
	return true
}

func TestProjectFastDecodeAgrees(t *testing.T) {
	golden, err := os.ReadFile(projectGolden)
	if err != nil {
		t.Fatal(err)
	}
	// What Stancemark writes takes the fast path (or it would not help).
	if !fastAgrees(t, "golden", golden) {
		t.Fatal("the golden project does not take the fast path")
	}
	src := newFNC1Source(30, 20, 200)
	written := writeProject(t, src.project(t))
	if !fastAgrees(t, "generated", written) {
		t.Fatal("a generated project does not take the fast path")
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, golden); err != nil {
		t.Fatal(err)
	}
	if !fastAgrees(t, "compact", compact.Bytes()) {
		t.Error("the golden project without whitespace does not take the fast path")
	}
	// Texts with escapes, and variants the fast path leaves to the strict
	// reader (or reads identically).
	variants := map[string]string{
		"escaped title":       strings.Replace(string(golden), `"title": "`, `"title": "\"Q\" \u00e9 \\ `, 1),
		"null title":          strings.Replace(string(golden), `"title": "Iran and the U.S."`, `"title": null`, 1),
		"duplicate key":       strings.Replace(string(golden), `"title": "`, `"title": "x", "title": "`, 1),
		"unknown key":         strings.Replace(string(golden), `"title": "`, `"extra": 1, "title": "`, 1),
		"float paragraph":     strings.Replace(string(golden), `"paragraph": 0`, `"paragraph": 0.0`, 1),
		"negative start":      strings.Replace(string(golden), `"start": 0`, `"start": -0`, 1),
		"empty tasks":         regexpReplaceList(string(golden), "tasks"),
		"trailing text":       string(golden) + " x",
		"cut off":             string(golden[:len(golden)/2]),
		"wrong case key":      strings.Replace(string(golden), `"claims"`, `"Claims"`, 1),
		"empty meta":          strings.Replace(string(golden), `"meta": {`, `"meta": {}, "x": {`, 1),
		"control char":        strings.Replace(string(golden), `"title": "`, "\"title\": \"\x01", 1),
		"invalid utf8":        strings.Replace(string(golden), `"title": "`, "\"title\": \"\xff", 1),
		"bad escape":          strings.Replace(string(golden), `"title": "`, `"title": "\x`, 1),
		"literal in options":  strings.Replace(string(golden), `"overallStance": true`, `"overallStance": tru`, 1),
		"deep scheme":         strings.Replace(string(golden), `"name": "FNC-1"`, `"name": [[[[1]]]]`, 1),
		"number as reference": strings.Replace(string(golden), `"reference": "agree"`, `"reference": 1`, 1),
	}
	for name, v := range variants {
		fastAgrees(t, name, []byte(v))
	}
	if fastAgrees(t, "escaped title", []byte(variants["escaped title"])) == false {
		t.Error("a title with escapes left the fast path")
	}
	names, _ := filepath.Glob(filepath.Join(projectMalformedDir, "*.json"))
	if len(names) == 0 {
		t.Fatal("no malformed projects")
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		fastAgrees(t, filepath.Base(n), data)
	}
}

// regexpReplaceList empties the list name of a written project.
func regexpReplaceList(s, name string) string {
	i := strings.Index(s, `"`+name+`": [`)
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], "\n  ]")
	return s[:i] + `"` + name + `": [` + s[i+j+len("\n  ]"):]
}

// FuzzProjectFastDecode: whatever the fast path reads, the strict reader
// reads to the same project.
func FuzzProjectFastDecode(f *testing.F) {
	addProjectSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) { fastAgrees(t, "fuzzed", data) })
}

// A project file cut off is refused as a project, saying where it ends.
func TestOpenCutOffProject(t *testing.T) {
	golden, err := os.ReadFile(projectGolden)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open("study.project.json", golden[:len(golden)/2])
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != OpenedProject || !strings.Contains(err.Error(), "cut off") {
		t.Fatalf("Open of half a project: %v", err)
	}
}

// addProjectSeeds adds the golden project and the malformed ones to f.
func addProjectSeeds(f *testing.F) {
	if golden, err := os.ReadFile(projectGolden); err == nil {
		f.Add(golden)
	}
	names, _ := filepath.Glob(filepath.Join(projectMalformedDir, "*.json"))
	for _, n := range names {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
}
