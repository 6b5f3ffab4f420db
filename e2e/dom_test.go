package e2e

// DOM readers: what the page shows, read in one round trip each.

import (
	"fmt"
)

// SentState is the painted state of one sentence element.
type SentState struct {
	SID       string `json:"sid"`
	ID        string `json:"id"`
	Role      string `json:"role"`
	Text      string `json:"text"`
	Para      string `json:"para"`
	Selected  string `json:"selected"`  // aria-selected
	Label     string `json:"label"`     // data-label ("" when absent)
	HasLabel  bool   `json:"hasLabel"`  // data-label present
	LabelName string `json:"labelName"` // data-label-name
	Before    string `json:"before"`    // computed ::before content
	Focus     string `json:"focus"`     // data-focus
	BG        string `json:"bg"`        // computed background-color
	Color     string `json:"color"`     // computed --label-color
}

const statesJS = `Array.from(document.querySelectorAll('#sentences span.sentence')).map(el => {
	const cs = getComputedStyle(el);
	const p = el.closest('p.para');
	return {
		sid: el.dataset.sid || "",
		id: el.id,
		role: el.getAttribute('role') || "",
		text: el.textContent,
		para: p ? (p.dataset.paragraph || "") : "",
		selected: el.getAttribute('aria-selected') || "",
		label: el.getAttribute('data-label') || "",
		hasLabel: el.hasAttribute('data-label'),
		labelName: el.getAttribute('data-label-name') || "",
		before: getComputedStyle(el, '::before').content,
		focus: el.getAttribute('data-focus') || "",
		bg: cs.backgroundColor,
		color: cs.getPropertyValue('--label-color').trim(),
	};
})`

// States reads the painted state of every sentence in one round trip.
func (p *Page) States() []SentState {
	p.t.Helper()
	return Eval[[]SentState](p, statesJS)
}

// Highlight is one li of the side list.
type Highlight struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Quote string `json:"quote"`
	Note  string `json:"note"`
}

// Highlights reads the side list.
func (p *Page) Highlights() []Highlight {
	p.t.Helper()
	return Eval[[]Highlight](p, `Array.from(document.querySelectorAll('ol#highlights > li.highlight')).map(li => {
		const q = s => { const e = li.querySelector(s); return e ? e.textContent.trim() : "<missing " + s + ">"; };
		return {id: li.dataset.annotationId || "", label: q('.hl-label'), quote: q('.hl-quote'), note: q('.hl-note')};
	})`)
}

// Storage returns every localStorage entry.
func (p *Page) Storage() map[string]string {
	p.t.Helper()
	return Eval[map[string]string](p, `(() => { const o = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); o[k] = localStorage.getItem(k); } return o; })()`)
}

// Text returns the trimmed textContent of the first match ("" if none).
func (p *Page) Text(css string) string {
	p.t.Helper()
	return Eval[string](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.textContent.trim() : ""; })()`, css))
}

// Attr returns an attribute of the first match and whether it exists.
func (p *Page) Attr(css, name string) (string, bool) {
	p.t.Helper()
	type res struct {
		V  string `json:"v"`
		OK bool   `json:"ok"`
	}
	r := Eval[res](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e && e.hasAttribute(%q) ? {v: e.getAttribute(%q), ok: true} : {v: "", ok: false}; })()`, css, name, name))
	return r.V, r.OK
}

// Value returns the .value of a form field.
func (p *Page) Value(css string) string {
	p.t.Helper()
	return Eval[string](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? String(e.value) : "<missing>"; })()`, css))
}

// ActiveElement describes document.activeElement ("tag#id").
func (p *Page) ActiveElement() string {
	p.t.Helper()
	return Eval[string](p, `(() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") : ""; })()`)
}
