package annotations

// DatasetAgreement is the agreement a dataset card reports: over all the
// work (sentence × claim units, ReliabilityFromSubmissions or
// ReliabilityFromExports: a sentence nobody tagged is no unit) and per
// claim. A report is nil when it cannot be computed, with the reason in
// Why (one annotator only, say).
type DatasetAgreement struct {
	Overall    *AgreementReport
	OverallWhy string
	PerClaim   []ClaimAgreement // the claims anyone worked on, in the claims table's order
}

// ClaimAgreement is the agreement on one claim's units.
type ClaimAgreement struct {
	ClaimID string
	Claim   string
	Report  *AgreementReport // nil when it cannot be computed
	Why     string
}

// agreement computes the card's agreement (nominal).
func (t *datasetTargets) agreement() (DatasetAgreement, error) {
	var a DatasetAgreement
	report := func(claim string) (*AgreementReport, string) {
		r, err := t.rel(claim)
		if err == nil {
			var rep *AgreementReport
			if rep, err = r.Report(Nominal); err == nil {
				return rep, ""
			}
		}
		return nil, err.Error()
	}
	a.Overall, a.OverallWhy = report("")
	worked := map[string]bool{}
	for _, dt := range t.tasks {
		if len(dt.work) > 0 {
			worked[dt.claimID] = true
		}
	}
	for _, c := range t.claims {
		if !worked[c.ClaimID] {
			continue
		}
		rep, why := report(c.ClaimID)
		a.PerClaim = append(a.PerClaim, ClaimAgreement{ClaimID: c.ClaimID, Claim: c.Claim, Report: rep, Why: why})
	}
	return a, nil
}

// splitUnits splits the units of r by group (a claim), each part with
// every coder.
func (r *Reliability) splitUnits(group func(unit string) string) map[string]*Reliability {
	out := map[string]*Reliability{}
	for u, id := range r.Units {
		g := group(id)
		part := out[g]
		if part == nil {
			part = &Reliability{Coders: r.Coders}
			out[g] = part
		}
		part.Units = append(part.Units, id)
		part.Values = append(part.Values, r.Values[u])
	}
	return out
}
