package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// codebookTray sits beside the palette while a project is open: the
// project's written guidelines one key (g) away, and each label's
// definition and examples. Everything in it is plain text in paragraphs.
type codebookTray struct {
	app.Compo

	Labels     []annotations.Label
	Guidelines string
	Guides     []annotations.LabelGuide
}

func (c *codebookTray) Render() app.UI {
	paras := paragraphs(c.Guidelines)
	return app.Details().ID("codebook").Body(
		app.Summary().Text("Codebook (g)"),
		app.Range(paras).Slice(func(i int) app.UI { return app.P().Class("guideline").Text(paras[i]) }),
		app.Dl().Body(
			app.Range(c.Guides).Slice(func(i int) app.UI {
				g := c.Guides[i]
				return app.Div().DataSet("label-id", g.Label).Body(
					app.Dt().Text(labelNameOf(c.Labels, g.Label)),
					app.Dd().Text(g.Definition),
					app.Range(g.Examples).Slice(func(j int) app.UI { return app.Dd().Class("example").Text("Example: " + g.Examples[j]) }),
				)
			}),
		),
	)
}

// paragraphs splits plain text at blank lines.
func paragraphs(text string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n\n")
}

// labelNameOf is the name of the label with the id, or the id.
func labelNameOf(labels []annotations.Label, id string) string {
	for _, l := range labels {
		if l.ID == id {
			return l.Name
		}
	}
	return id
}

// labelDefinitions maps each label id to what the palette shows on hover
// and focus: the codebook's definition, else the label's own description.
func labelDefinitions(labels []annotations.Label, guides []annotations.LabelGuide) map[string]string {
	defs := map[string]string{}
	for _, l := range labels {
		if l.Description != "" {
			defs[l.ID] = l.Description
		}
	}
	for _, g := range guides {
		if g.Definition != "" {
			defs[g.Label] = g.Definition
		}
	}
	return defs
}
