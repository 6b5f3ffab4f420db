package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

const svgNS = "http://www.w3.org/2000/svg"

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// untaggedColor is the grey of "no label" in the charts.
const untaggedColor = "#d0d3d8"

// distributionBar is a sentence's label distribution as a small stacked bar:
// one segment per label in scheme order, then the students who left it
// untagged. Its text alternative lists the counts.
func distributionBar(r *annotations.ClassReport, row annotations.SentenceRow) app.UI {
	total := row.Tagged + row.Untagged
	var parts []string
	var rects []app.UI
	x := 0.0
	add := func(name, color string, n int) {
		if n == 0 || total == 0 {
			return
		}
		w := 100 * float64(n) / float64(total)
		rects = append(rects, svg("rect").Attr("x", fmt.Sprintf("%.2f", x)).Attr("y", "0").
			Attr("width", fmt.Sprintf("%.2f", w)).Attr("height", "10").Attr("fill", color).
			Body(svg("title").Text(fmt.Sprintf("%s: %d", name, n))))
		x += w
		parts = append(parts, fmt.Sprintf("%s %d", name, n))
	}
	for _, l := range r.Assignment.Scheme.Labels {
		add(l.Name, l.Color, row.Counts[l.ID])
	}
	add("untagged", untaggedColor, row.Untagged)
	label := "no submissions"
	if len(parts) > 0 {
		label = strings.Join(parts, ", ")
	}
	return svg("svg").Class("dist").Attr("viewBox", "0 0 100 10").Attr("preserveAspectRatio", "none").
		Attr("width", "120").Attr("height", "12").Attr("role", "img").Aria("label", label).Body(rects...)
}

// labelChart is the per-label totals across the class as a bar chart.
func labelChart(r *annotations.ClassReport) app.UI {
	max := 1
	for _, t := range r.Labels {
		if t.Sentences > max {
			max = t.Sentences
		}
	}
	if r.Untagged > max {
		max = r.Untagged
	}
	const rowH, labelW, barW = 22, 130, 300
	var rows []app.UI
	var parts []string
	y := 0
	bar := func(name, color string, n int) {
		w := barW * n / max
		rows = append(rows,
			svg("text").Attr("x", "0").Attr("y", fmt.Sprint(y+15)).Attr("font-size", "13").Attr("fill", "currentColor").Text(name),
			svg("rect").Attr("x", fmt.Sprint(labelW)).Attr("y", fmt.Sprint(y+3)).Attr("width", fmt.Sprint(w)).
				Attr("height", "16").Attr("fill", color),
			svg("text").Attr("x", fmt.Sprint(labelW+w+6)).Attr("y", fmt.Sprint(y+15)).Attr("font-size", "13").Attr("fill", "currentColor").Text(fmt.Sprint(n)),
		)
		parts = append(parts, fmt.Sprintf("%s %d", name, n))
		y += rowH
	}
	for _, t := range r.Labels {
		bar(t.Label.Name, t.Label.Color, t.Sentences)
	}
	bar("untagged", untaggedColor, r.Untagged)
	return app.Section().Body(
		app.H2().Text("Labels across the class (sentences)"),
		svg("svg").ID("dash-label-chart").Attr("viewBox", fmt.Sprintf("0 0 %d %d", labelW+barW+50, y)).
			Attr("width", fmt.Sprint(labelW+barW+50)).Attr("height", fmt.Sprint(y)).
			Attr("role", "img").Aria("label", "Labels across the class: "+strings.Join(parts, ", ")).Body(rows...),
	)
}
