package app

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// The dataset of a research project, as the CLI's "stancemark dataset"
// writes it but in one zip (the JSON Lines tables, the FNC-1 and SemEval
// files, the card and the manifest; Parquet stays in the CLI, never in
// app.wasm): from the project, the annotators' submissions opened in this
// tab, and the annotator's own work.

// keepSubmission remembers a submission opened in this tab for the
// project's dataset (the latest of an annotator wins).
func (s *session) keepSubmission(sub *annotations.ProjectSubmission) {
	if s.datasetSubs == nil {
		s.datasetSubs = map[string]map[string]*annotations.ProjectSubmission{}
	}
	if s.datasetSubs[sub.Project] == nil {
		s.datasetSubs[sub.Project] = map[string]*annotations.ProjectSubmission{}
	}
	s.datasetSubs[sub.Project][sub.Annotator] = sub
}

// labelledAny reports whether a submission gives any label, overall stance
// or done flag: time spent looking at tasks alone is no dataset.
func labelledAny(sub *annotations.ProjectSubmission) bool {
	for _, w := range sub.Tasks {
		if len(w.Annotations) > 0 || w.Overall != "" || w.Done {
			return true
		}
	}
	return false
}

// datasetSubmissions are the submissions the dataset is made of: those
// opened in this tab for the open project, with the annotator's own work
// (as Download submission makes it) in place of theirs; by annotator.
func (s *session) datasetSubmissions() []*annotations.ProjectSubmission {
	pm := s.project
	by := map[string]*annotations.ProjectSubmission{}
	for name, sub := range s.datasetSubs[pm.p.ID] {
		if pm.p.CheckSubmission(sub) == nil { // a submission of another version of the project is left out
			by[name] = sub
		}
	}
	if own, err := s.submission(); err == nil && labelledAny(own) {
		by[own.Annotator] = own
	}
	out := make([]*annotations.ProjectSubmission, 0, len(by))
	for _, name := range slices.Sorted(maps.Keys(by)) {
		out = append(out, by[name])
	}
	return out
}

// downloadDataset downloads the project's dataset as <slug>-dataset.zip.
func (s *session) downloadDataset() {
	if s.project == nil {
		return
	}
	subs := s.datasetSubmissions()
	if len(subs) == 0 {
		s.fail("There is no work to make a dataset of yet: tag a task, or open the annotators' submissions (Documents → Open a file…).")
		return
	}
	d, err := annotations.NewDataset(annotations.DatasetInput{Project: s.project.p, Submissions: subs})
	base := slug(s.project.p.Title) + "-dataset"
	var buf bytes.Buffer
	if err == nil {
		err = annotations.WriteDatasetZip(&buf, d, base)
	}
	if err != nil {
		s.fail("Making the dataset failed: %v.", err)
		return
	}
	names := make([]string, len(subs))
	for i, sub := range subs {
		names[i] = sub.Annotator
	}
	download(base+".zip", "application/zip", buf.Bytes())
	s.setInfo("The dataset of %s (%s: %s given, %s) was saved as %s.zip.", s.project.p.Title, strings.Join(names, ", "),
		plural(len(d.Annotations), "label"), plural(len(d.GoldRows), "gold label"), base)
	s.refresh()
}

// onDataset is the panel's Download dataset button.
func (p *projectPanel) onDataset(ctx app.Context, e app.Event) { p.s.downloadDataset() }
