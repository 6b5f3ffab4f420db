package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// palette shows the labels of the active set with their keys; a click tags
// the selection.
type palette struct {
	app.Compo

	Labels     []annotations.Label
	SchemeName string
	Extend     bool              // touch: taps extend the selection instead of replacing it
	Defs       map[string]string // label id → its definition, shown on hover and focus (a project's codebook)
	s          *session
}

func (p *palette) Render() app.UI {
	return app.Section().ID("palette").Aria("label", "Stance labels").Body(
		app.H2().Text("Stance ("+p.SchemeName+")"),
		app.Div().Class("labels").Body(
			app.Range(p.Labels).Slice(func(i int) app.UI {
				l := p.Labels[i]
				btn := app.Button().Class("label-btn").DataSet("label-id", l.ID).
					Style("--label-color", l.Color).
					OnClick(p.onTag, app.EventScope(l.ID)).Body(
					app.Kbd().Text(l.Key),
					app.Span().Class("label-name").Text(l.Name),
				)
				def := p.Defs[l.ID]
				if def == "" {
					return btn.Title(l.Description)
				}
				// the definition is the button's description, and shows
				// beside it on hover and keyboard focus
				return app.Span().Class("label-wrap").Body(
					btn.Aria("describedby", labelDefID(l.ID)),
					app.Span().ID(labelDefID(l.ID)).Class("label-def").Role("tooltip").Text(def),
				)
			}),
			app.Button().ID("clear-label").Class("label-btn").OnClick(p.onClear).Body(
				app.Kbd().Text("0"),
				app.Span().Class("label-name").Text("Clear"),
			),
			app.Button().ID("extend-mode").Class("mode-btn").Aria("pressed", boolString(p.Extend)).
				Title("When on, a tap or click extends the selection (as Shift+click does)").
				OnClick(p.onExtend).Text("Extend selection"),
		),
		// the names tagged sentences point to with aria-describedby
		app.Div().Hidden(true).Body(
			app.Range(p.Labels).Slice(func(i int) app.UI {
				return app.Span().ID(labelDescID(p.Labels[i].ID)).Text(p.Labels[i].Name)
			}),
		),
	)
}

// labelDefID is the id of the element holding a label's definition.
func labelDefID(label string) string { return "label-def-" + label }

func (p *palette) onExtend(ctx app.Context, e app.Event) {
	p.s.toggleExtend()
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func (p *palette) onTag(ctx app.Context, e app.Event) {
	p.s.tag(ctx.JSSrc().Get("dataset").Get("labelId").String())
}

func (p *palette) onClear(ctx app.Context, e app.Event) { p.s.clear() }
