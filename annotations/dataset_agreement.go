package annotations

// DatasetAgreement is the agreement a dataset card reports: over all the
// work (sentence × claim units, ReliabilityFromSubmissions or
// ReliabilityFromExports: a sentence nobody tagged is no unit) and per
// claim. A report is nil when it cannot be computed, with the reason in
// Why (one annotator only, say).
type DatasetAgreement struct {
	Overall    *DatasetReport
	OverallWhy string
	PerClaim   []ClaimAgreement // the claims anyone worked on, in the claims table's order
}

// ClaimAgreement is the agreement on one claim's units.
type ClaimAgreement struct {
	ClaimID string
	Claim   string
	Report  *DatasetReport // nil when it cannot be computed
	Why     string
}

// DatasetReport is what the card says of one set of units: the
// coefficients of AgreementReport that stay readable at FNC-1's scale
// (percent agreement, Krippendorff's alpha, Gwet's AC1; a nil one has its
// reason in the Why field) and, over all claims, the agreement per label
// and which to read (Reliability.SkewReading).
type DatasetReport struct {
	Units, PairableUnits, Coders int
	PercentAgreement             *float64
	PercentAgreementWhy          string
	KrippendorffAlpha            *float64
	KrippendorffAlphaWhy         string
	GwetAC1                      *float64
	GwetAC1Why                   string
	PerLabel                     []LabelAgreement // overall only
	Reading                      string           // overall only
}

// datasetReport computes r's DatasetReport (nominal), with the per-label
// table and the reading when full is set.
func datasetReport(r *Reliability, full bool) (*DatasetReport, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	rep := &DatasetReport{Coders: len(r.Coders)}
	for _, row := range r.Values {
		n := 0
		for _, v := range row {
			if v != "" {
				n++
			}
		}
		if n > 0 {
			rep.Units++
		}
		if n > 1 {
			rep.PairableUnits++
		}
	}
	set := func(dst **float64, why *string, x float64, err error) {
		if err != nil {
			*why = noteFor(err)
			return
		}
		*dst = &x
	}
	x, err := r.PercentAgreement()
	set(&rep.PercentAgreement, &rep.PercentAgreementWhy, x, err)
	x, err = r.KrippendorffAlpha(Nominal)
	set(&rep.KrippendorffAlpha, &rep.KrippendorffAlphaWhy, x, err)
	x, err = r.GwetAC1()
	set(&rep.GwetAC1, &rep.GwetAC1Why, x, err)
	if full {
		rep.Reading = r.SkewReading()
		if rep.PairableUnits > 0 {
			rep.PerLabel, _ = r.PerLabel()
		}
	}
	return rep, nil
}

// agreement computes the card's agreement (nominal).
func (t *datasetTargets) agreement() (DatasetAgreement, error) {
	var a DatasetAgreement
	report := func(claim string) (*DatasetReport, string) {
		r, err := t.rel(claim)
		if err == nil {
			var rep *DatasetReport
			if rep, err = datasetReport(r, claim == ""); err == nil {
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
	t.rel = nil // the reliability data is not needed any more
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
