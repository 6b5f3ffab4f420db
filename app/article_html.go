package app

import (
	"html"
	"strconv"
	"strings"

	"stancemark/annotations"
)

// longDocument is the number of sentences from which paragraphs and
// side-list entries far off screen skip layout (content-visibility in
// app.css): a long text lays out and tags in time independent of its
// length, and a short one never shifts as it scrolls.
const longDocument = 1000

// articleHTML is the markup of a document's sentences: one listbox, a
// paragraph per paragraph, an option per sentence, each unselected and
// untagged (the painter's blank cell). It is the ONLY markup the
// app gives to app.Raw (one innerHTML instead of thousands of interop calls
// when a document is mounted), so every piece of document data in it, text
// and attribute values alike, goes through html.EscapeString here; the XSS
// tests cover it.
func articleHTML(d *annotations.Document) string {
	var b strings.Builder
	b.Grow(len(d.Text) + len(d.Sentences)*80 + len(d.Paragraphs)*60)
	b.WriteString(`<div id="sentences" role="listbox" aria-multiselectable="true" aria-labelledby="doc-title" tabindex="0"`)
	if len(d.Sentences) >= longDocument {
		b.WriteString(` data-long="true"`) // off-screen paragraphs skip layout (app.css)
	}
	b.WriteString(`>`)
	para := -1
	for _, s := range d.Sentences {
		if s.Paragraph != para {
			if para >= 0 {
				b.WriteString(`</p>`)
			}
			para = s.Paragraph
			b.WriteString(`<p class="para" role="presentation" data-paragraph="`)
			b.WriteString(strconv.Itoa(para))
			b.WriteString(`">`)
		} else {
			b.WriteByte(' ')
		}
		id := html.EscapeString(s.ID)
		b.WriteString(`<span id="sent-`)
		b.WriteString(id)
		b.WriteString(`" class="sentence" role="option" aria-selected="false" data-sid="`)
		b.WriteString(id)
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(s.Text))
		b.WriteString(`</span>`)
	}
	if para >= 0 {
		b.WriteString(`</p>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}
