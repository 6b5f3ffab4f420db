//go:build !wasm

package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestClassAgreesWithAgree runs class and agree on the same three
// submissions: one rule for the sentences nobody tagged (no unit) gives
// the class the Fleiss' kappa and AC1 of agree -none and the alpha of
// agree, over the same units, and both say how many.
func TestClassAgreesWithAgree(t *testing.T) {
	dir := t.TempDir()
	_, key := writeAssignment(t, dir, classKey...)
	files := []string{
		writeSubmission(t, dir, "ada.json", classAssignmentID, "Ada", 0, classKey...),
		writeSubmission(t, dir, "bob.json", classAssignmentID, "Bob", 0, tagRun{0, 0, "supports"}, tagRun{1, 1, "opposes"}, tagRun{12, 12, "neutral"}),
		writeSubmission(t, dir, "cy.json", classAssignmentID, "Cy", 0, tagRun{0, 1, "supports"}, tagRun{5, 5, "opposes"}, tagRun{3, 3, "supports"}),
	}
	class := func() (fleiss, alpha float64) {
		out, errOut, code := stancemark(t, "", append([]string{"class", "-json", "-key", key}, files...)...)
		if code != 0 {
			t.Fatalf("class: exit %d: %s", code, errOut)
		}
		var got struct {
			Fleiss *float64 `json:"fleiss_kappa"`
			Alpha  *float64 `json:"krippendorff_alpha"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil || got.Fleiss == nil || got.Alpha == nil {
			t.Fatalf("class -json %s (%v)", out, err)
		}
		return *got.Fleiss, *got.Alpha
	}
	fleiss, alpha := class()
	plain := agreeJSON(t, "", files...)
	none := agreeJSON(t, "", append([]string{"-none"}, files...)...)
	if plain["fleiss_kappa"] != nil || plain["fleiss_kappa_why"] == nil {
		t.Errorf("agree: Fleiss %v (%v); want null with its reason, the units having different numbers of values", plain["fleiss_kappa"], plain["fleiss_kappa_why"])
	}
	if !approx(none["fleiss_kappa"], fleiss) || !approx(plain["krippendorff_alpha"], alpha) {
		t.Errorf("class: Fleiss %.6f, alpha %.6f; agree -none Fleiss %v, agree alpha %v", fleiss, alpha, none["fleiss_kappa"], plain["krippendorff_alpha"])
	}
	// s1, s2, s4, s6, s7, s10, s13: the sentences someone tagged.
	if plain["units"] != 7.0 || none["units"] != 7.0 {
		t.Errorf("units: agree %v, agree -none %v; want the 7 sentences someone tagged", plain["units"], none["units"])
	}
	out, errOut, code := stancemark(t, "", append([]string{"class", "-key", key}, files...)...)
	ac1, _ := none["gwet_ac1"].(float64)
	for _, want := range []string{
		"Class agreement, over the 7 sentences at least one student tagged (sentences nobody tagged are left out, as in stancemark agree):",
		"Gwet's AC1            " + ratio(&ac1), "Which to read: ",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("class table: exit %d, no %q in\n%s%s", code, want, out, errOut)
		}
	}
}
