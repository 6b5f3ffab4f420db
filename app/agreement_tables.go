package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// agreementTables shows the tables of an agreement report as stancemark
// agree prints them: each label's specific agreement, the confusion
// (coincidence) matrix, and Cohen's kappa for every pair of coders
// (collapsed: a class has hundreds of pairs). The class dashboard and the
// Adjudicate view use it; every cell is text.
type agreementTables struct {
	app.Compo

	ID     string // the id of the section; its tables' ids start with it
	Report *annotations.AgreementReport
	Labels []annotations.Label // to name the values
	Coders string              // "students" or "annotators"
}

func (t *agreementTables) Render() app.UI {
	r := t.Report
	if r == nil || r.Confusion == nil {
		return app.Section().ID(t.ID).Hidden(true)
	}
	name := func(v string) string {
		for _, l := range t.Labels {
			if l.ID == v {
				return l.Name
			}
		}
		return v
	}
	c := r.Confusion
	return app.Section().ID(t.ID).Body(
		app.Table().ID(t.ID+"-per-label").Class("agree-table").Body(
			app.Caption().Text("Agreement per label: of the pairs of labels given to one sentence that involve the label, the share where both are it"),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Label"), app.Th().Scope("col").Text("Labels given"), app.Th().Scope("col").Text("Agreement"))),
			app.TBody().Body(app.Range(r.PerLabel).Slice(func(i int) app.UI {
				l := r.PerLabel[i]
				return app.Tr().DataSet("label", l.Label).Body(app.Th().Scope("row").Text(name(l.Label)), app.Td().Text(l.Values), app.Td().Text(percent(l.Agreement)))
			})),
		),
		app.Table().ID(t.ID+"-confusion").Class("agree-table").Body(
			app.Caption().Text("Confusion matrix: how often two labels were given to one sentence (the diagonal is agreement)"),
			app.THead().Body(app.Tr().Body(
				app.Td(),
				app.Range(c.Values).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(name(c.Values[i])) }),
			)),
			app.TBody().Body(app.Range(c.Values).Slice(func(i int) app.UI {
				return app.Tr().DataSet("label", c.Values[i]).Body(
					app.Th().Scope("row").Text(name(c.Values[i])),
					app.Range(c.Counts[i]).Slice(func(j int) app.UI { return app.Td().Text(strconv.FormatFloat(c.Counts[i][j], 'g', 4, 64)) }),
				)
			})),
		),
		app.Details().ID(t.ID+"-pairs").Body(
			app.Summary().Text(fmt.Sprintf("Cohen's kappa per pair of %s (%d pairs)", t.Coders, len(r.PairwiseCohen))),
			app.Table().Class("agree-table").Body(
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Pair"), app.Th().Scope("col").Text("Sentences both tagged"), app.Th().Scope("col").Text("Kappa"))),
				app.TBody().Body(app.Range(r.PairwiseCohen).Slice(func(i int) app.UI {
					p := r.PairwiseCohen[i]
					kappa := p.Why
					if p.Kappa != nil {
						kappa = fmt.Sprintf("%.3f", *p.Kappa)
					}
					return app.Tr().Body(app.Th().Scope("row").Text(p.A+" – "+p.B), app.Td().Text(p.Units), app.Td().Text(kappa))
				})),
			),
		),
	)
}
