//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"stancemark/annotations"
)

// claimAgreement is the agreement on one claim's tasks.
type claimAgreement struct {
	Claim  string                       `json:"claim"`
	Text   string                       `json:"text"`
	Report *annotations.AgreementReport `json:"report"`
}

// agreeSubmissions is "agree -project": agreement over the project's
// submissions, then per claim.
func agreeSubmissions(projectFile string, names []string, level annotations.Level, none, asJSON bool, stdin io.Reader, stdout, stderr io.Writer) error {
	p, err := readProjectFile(projectFile)
	if err != nil {
		return err
	}
	subs, failed := readSubmissions(p, names, func(name string) ([]byte, error) {
		data, err := readFileArg(name, stdin, annotations.MaxImportBytes)
		if err == nil && !isSubmission(data) {
			err = fmt.Errorf("%s: not a project submission (agree -project reads %s files)", name, annotations.SubmissionFormat)
		}
		return data, err
	}, stderr)
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read; no agreement computed", failed, len(names))
	}
	if len(subs) < 2 {
		return fmt.Errorf("%w: give the submissions of two annotators or more (got %d file)", annotations.ErrTooFewCoders, len(subs))
	}
	untagged := ""
	if none {
		untagged = "none"
	}
	r, err := annotations.ReliabilityFromSubmissions(p, subs, untagged, "")
	if err != nil {
		return err
	}
	rep, err := r.Report(level)
	if err != nil {
		return fmt.Errorf("computing agreement failed: %w", err)
	}
	claims, err := perClaim(p, r, level)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(stdout).Encode(struct {
			Project *annotations.AgreementReport `json:"project"`
			Claims  []claimAgreement             `json:"claims"`
		}{rep, claims})
	}
	fmt.Fprintf(stdout, "%q (%s), over the project:\n", p.Title, p.ID)
	if err := printAgreement(stdout, r, rep, nil); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nPer claim (%d of %d claims have work):\n", len(claims), len(p.Claims))
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "claim\tunits\tpairable\tpercent\talpha\tAC1\ttext")
	for _, c := range claims {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", c.Claim, c.Report.Units, c.Report.PairableValues,
			ratio(c.Report.PercentAgreement), ratio(c.Report.KrippendorffAlpha), ratio(c.Report.GwetAC1), clip(c.Text, 60))
	}
	return tw.Flush()
}

// perClaim splits the project's reliability data (units "TASK:SENTENCE")
// by the tasks' claims and reports on each claim that has units.
func perClaim(p *annotations.Project, r *annotations.Reliability, level annotations.Level) ([]claimAgreement, error) {
	claimOf := make(map[string]string, len(p.Tasks))
	for _, t := range p.Tasks {
		claimOf[t.ID] = t.Claim
	}
	rows := map[string]*annotations.Reliability{}
	for u, id := range r.Units {
		task, _, _ := strings.Cut(id, ":")
		c := claimOf[task]
		if rows[c] == nil {
			rows[c] = &annotations.Reliability{Coders: r.Coders}
		}
		rows[c].Units = append(rows[c].Units, id)
		rows[c].Values = append(rows[c].Values, r.Values[u])
	}
	var out []claimAgreement
	for _, c := range p.Claims {
		rc := rows[c.ID]
		if rc == nil {
			continue
		}
		rep, err := rc.Report(level)
		if err != nil {
			return nil, fmt.Errorf("computing agreement on claim %s failed: %w", c.ID, err)
		}
		out = append(out, claimAgreement{Claim: c.ID, Text: c.Text, Report: rep})
	}
	return out, nil
}
