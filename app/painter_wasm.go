package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// domPainter paints cells straight into the sentence elements from inside
// the event handler, so a tag is in the DOM before the event returns.
type domPainter struct {
	cache   paintCache
	listbox app.Value
	// the sentence elements, a static NodeList fetched in one call; an
	// element is taken from it only when it is painted (at 50,000 sentences
	// one interop call per element at attach took most of a second)
	elements app.Value
	count    int

	list  app.Value       // ol#highlights as last painted
	items []highlightItem // its entries
}

func newPainter() painter { return &domPainter{} }

func (p *domPainter) attach() {
	doc := app.Window().Get("document")
	listbox := doc.Call("getElementById", "sentences")
	if !listbox.Truthy() {
		p.listbox, p.elements, p.count = nil, nil, 0
		p.cache.reset()
		return
	}
	if p.listbox != nil && listbox.Equal(p.listbox) && p.count > 0 {
		return // the same elements: they show exactly what was painted last
	}
	p.listbox = listbox
	p.elements = listbox.Call("querySelectorAll", "[data-sid]")
	p.count = p.elements.Length()
	// Fresh elements as articleHTML writes them: untagged, unselected. Only
	// the sentences that differ from that are painted, so mounting a long
	// document costs interop calls for its highlights, not for every sentence.
	p.cache.last = make([]cell, p.count)
}

func (p *domPainter) paint(cells []cell) {
	if p.listbox == nil || p.count != len(cells) || !p.listbox.Get("isConnected").Bool() {
		p.listbox = nil
		p.attach()
		if p.count != len(cells) {
			return // the article is not mounted yet; attach runs again once it is
		}
	}
	p.cache.update(cells, func(i int, old *cell, c cell) {
		el := p.elements.Index(i)
		if old == nil || old.Label != c.Label {
			setOrRemove(el, "data-label", c.Label)
			// screen readers announce the label with every tagged sentence
			setOrRemove(el, "aria-describedby", labelDescID(c.Label))
		}
		if old == nil || old.Name != c.Name {
			setOrRemove(el, "data-label-name", c.Name)
		}
		if old == nil || old.Color != c.Color {
			if c.Color == "" {
				el.Get("style").Call("removeProperty", "--label-color")
			} else {
				el.Get("style").Call("setProperty", "--label-color", c.Color)
			}
		}
		if old == nil || old.Verdict != c.Verdict {
			setOrRemove(el, "data-verdict", c.Verdict)
		}
		if old == nil || old.Selected != c.Selected {
			el.Call("setAttribute", "aria-selected", strconv.FormatBool(c.Selected))
		}
		if old == nil || old.Focus != c.Focus {
			if c.Focus {
				el.Call("setAttribute", "data-focus", "true")
				p.listbox.Call("setAttribute", "aria-activedescendant", el.Get("id").String())
				el.Call("scrollIntoView", map[string]any{"block": "nearest"})
			} else {
				el.Call("removeAttribute", "data-focus")
			}
		}
	})
}

func setOrRemove(el app.Value, name, value string) {
	if value == "" {
		el.Call("removeAttribute", name)
		return
	}
	el.Call("setAttribute", name, value)
}

// paintList writes the side list's entries: the whole list into a new
// ol#highlights in one innerHTML, otherwise only the entries between the
// unchanged head and tail (listDiff): removed one by one, the new ones
// inserted in one insertAdjacentHTML. All markup comes from sideListHTML.
func (p *domPainter) paintList(items []highlightItem) {
	ol := app.Window().GetElementByID("highlights")
	if !ol.Truthy() {
		p.list, p.items = nil, nil // not mounted: sideList.OnMount paints it
		return
	}
	if p.list == nil || !ol.Equal(p.list) {
		p.list = ol
		ol.Set("innerHTML", sideListHTML(items))
		p.items = append(p.items[:0], items...)
		return
	}
	from, oldEnd, newEnd := listDiff(p.items, items)
	if from == oldEnd && from == newEnd {
		return
	}
	children := ol.Get("children")
	if oldEnd-from > len(items)/2+8 {
		// most of it changed (another label set, an import): write it anew
		ol.Set("innerHTML", sideListHTML(items))
	} else {
		for i := from; i < oldEnd; i++ {
			children.Index(from).Call("remove")
		}
		if markup := sideListHTML(items[from:newEnd]); markup != "" {
			if from < children.Length() {
				children.Index(from).Call("insertAdjacentHTML", "beforebegin", markup)
			} else {
				ol.Call("insertAdjacentHTML", "beforeend", markup)
			}
		}
	}
	p.items = append(p.items[:0], items...)
}
