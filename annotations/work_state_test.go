package annotations

import (
	"bytes"
	"strings"
	"testing"
)

func testState(t *testing.T) (*Workspace, []byte) {
	t.Helper()
	w := testWorkspace(t, 6)
	mustTag(t, w, 0, 1, "supports")
	mustNote(t, w, "a1", "note <b>")
	mustTag(t, w, 3, 3, "opposes")
	w.SetTarget("A claim.")
	w.SelectScheme("fnc1")
	mustTag(t, w, 2, 4, "discuss")
	data, err := w.MarshalState()
	if err != nil {
		t.Fatal(err)
	}
	return w, data
}

func TestStateRoundTrip(t *testing.T) {
	w, data := testState(t)
	prefix := `{"format":"stancemark-state/v1","document":"` + w.Doc.ID + `","active":"fnc1","annotator":"Ada","schemes":[{"scheme":{"id":"default","name":"Default","target":"A claim.",`
	if !bytes.HasPrefix(data, []byte(prefix)) {
		t.Errorf("state starts %s", data[:min(len(data), len(prefix)+20)])
	}
	if bytes.Contains(data, []byte("\n")) || !bytes.Contains(data, []byte(`"note":"note <b>"`)) {
		t.Error("state is not compact unescaped JSON")
	}
	r, err := RestoreWorkspace(w.Doc, data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := r.MarshalState()
	if !bytes.Equal(data, again) {
		t.Errorf("restore then marshal differs:\n%s\n%s", data, again)
	}
	if snapshot(t, r) != snapshot(t, w) || r.Scheme().ID != "fnc1" || r.Annotator != "Ada" {
		t.Error("restored workspace differs")
	}
	if r.LabelAt(3) != "discuss" || r.CanUndo() {
		t.Error("restored index or history")
	}
	if a, _ := r.At(2); a.Annotator != "Ada" {
		t.Errorf("restored annotator %q", a.Annotator)
	}
	r.SelectScheme("default")
	checkInvariants(t, r)
	if r.LabelAt(0) != "supports" {
		t.Error("restored default scheme")
	}
}

func TestRestoreWorkspaceErrors(t *testing.T) {
	w, data := testState(t)
	base := string(data)
	replace := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("state lacks %q", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	tests := []struct {
		name, in, field, msg string
		err                  error
	}{
		{"empty", "", "", "the file is empty", ErrEmptyFile},
		{"not JSON", "garbage", "", "line 1, column 1: invalid JSON: this file is not JSON; a Stancemark file starts with {", ErrSyntax},
		{"cut off", base[:len(base)-10], "", "line 1, column …", ErrSyntax},
		{"null", "null", "", "this is not a Stancemark saved state (it holds null, not an object)", ErrFormat},
		{"an export", replace(StateFormatV1, FormatV1), "format",
			`format: this is a "stancemark/v1" file, not a Stancemark saved state (stancemark-state/v1)`, ErrFormat},
		{"newer version", replace(StateFormatV1, "stancemark-state/v2"), "format",
			`format: "stancemark-state/v2" is not supported; this version of Stancemark reads stancemark-state/v1 (was the file made by a newer Stancemark?)`, ErrUnsupportedVersion},
		{"other document", replace(w.Doc.ID, DocumentID("other")), "document",
			"document: the saved work is for another document (" + DocumentID("other") + "), not \"Test\" (" + w.Doc.ID + ")", ErrOtherDocument},
		{"unknown label", replace(`"label":"discuss"`, `"label":"agreee"`), "schemes[1].annotations[0].label",
			`schemes[1].annotations[0].label: unknown label "agreee" (the scheme has agree, disagree, discuss, unrelated)`, ErrUnknownLabel},
		{"overlap", replace(`"sentences":["s4"]`, `"sentences":["s2"]`), "schemes[0].annotations[1].sentences[0]",
			`schemes[0].annotations[1].sentences[0]: sentence "s2" is also in schemes[0].annotations[0] ("a1"); a sentence can be in only one highlight`, ErrOverlap},
		{"unknown sentence", replace(`"sentences":["s4"]`, `"sentences":["s40"]`), "schemes[0].annotations[1].sentences[0]",
			`schemes[0].annotations[1].sentences[0]: unknown sentence "s40" (the document has s1 to s6)`, ErrUnknownSentence},
		{"bad time", replace(`"created":"2024-05-01T10:00:01.000Z"`, `"created":"2024-05-01 10:00"`), "schemes[0].annotations[0].created",
			`schemes[0].annotations[0].created: "2024-05-01 10:00" is not an RFC 3339 time`, ErrBadTime},
		{"invalid scheme", replace(`"color":"#009e73"`, `"color":"green"`), "schemes[0].scheme.labels[0].color",
			`schemes[0].scheme.labels[0].color: "green" is not a colour like #0072b2`, ErrBadValue},
		{"duplicate scheme", replace(`"id":"fnc1"`, `"id":"default"`), "schemes[1].scheme.id",
			`schemes[1].scheme.id: duplicate scheme id "default"`, ErrDuplicateID},
		{"unknown active scheme", replace(`"active":"fnc1"`, `"active":"nope"`), "active",
			`active: unknown scheme "nope"`, ErrUnknownScheme},
		{"no schemes", `{"format":"stancemark-state/v1","document":"` + w.Doc.ID + `","active":"default","schemes":[]}`, "schemes",
			"schemes: empty; the saved state has no scheme", ErrMissingField},
		{"unknown field", replace(`"active"`, `"undo":[],"active"`), "undo",
			"undo: unknown field (a saved state has format, document, active, annotator, schemes, removedSchemes)", ErrUnknownField},
		{"schemes not a list", replace(`"schemes":[`, `"schemes":{"x":[`) + "}", "schemes", "schemes: expected a list, found an object", ErrBadValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := RestoreWorkspace(w.Doc, []byte(tt.in))
			if r != nil {
				t.Error("a workspace returned with an error")
			}
			checkImportError(t, err, tt.field, tt.msg, tt.err)
		})
	}
	t.Run("no document", func(t *testing.T) {
		if _, err := RestoreWorkspace(nil, data); err == nil {
			t.Error("RestoreWorkspace(nil, ...) succeeded")
		}
	})
}
