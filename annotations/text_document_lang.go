package annotations

// NewDocumentLang is NewDocument for a text in the language lang, a BCP 47
// tag (see NormalizeLanguage; "" is "und"). English, "und" and the
// Latin-script languages with no model of their own are split exactly as
// NewDocument splits them (segmenter version 2), and the Document is the
// one NewDocument returns. The other languages are split by their own
// rules (a Punkt model of PunktLanguages, RuleCJKTerminal,
// RuleArabicTerminal or RuleGenericTerminal: see the package doc); the
// Document's Language is then the normalized tag and its Segmenter 0, so
// that its sentences are recorded wherever it is kept. It returns the
// errors of NewDocument and NormalizeLanguage, and one wrapping ErrNoModel
// when the language's Punkt model cannot be had (see SetModelSource).
func NewDocumentLang(title, body, lang string) (*Document, error) {
	tag, err := NormalizeLanguage(lang)
	if err != nil {
		return nil, err
	}
	split, err := splitterFor(tag)
	if err != nil {
		return nil, err
	}
	if split == nil {
		return NewDocument(title, body)
	}
	return newDocumentSplit(title, body, tag, split)
}

// newDocumentSplit is NewDocumentLang for the language tag split by split.
func newDocumentSplit(title, body, tag string, split paragraphSplitter) (*Document, error) {
	text, paras, parts := canonicalize(body)
	d := &Document{ID: DocumentID(text), Title: title, Text: text, Paragraphs: paras, Language: tag, split: split}
	segmentDocumentBy(d, parts, split)
	if len(d.Sentences) == 0 {
		return nil, ErrEmptyDocument
	}
	if err := checkSentenceCount(len(d.Sentences)); err != nil {
		return nil, err
	}
	return d, nil
}

// ParsePlainTextLang is ParsePlainText for a text in the language lang
// (see NewDocumentLang): the title rule is the same, and a derived title is
// the first sentence as the language's rules split it.
func ParsePlainTextLang(src, lang string) (*Document, error) {
	return parsePlainText(src, func(title, body string) (*Document, error) {
		return NewDocumentLang(title, body, lang)
	})
}

// ResegmentLang returns d's text split for the language lang (see
// NewDocumentLang), with d's title; a title derived from d's first
// sentence (DeriveTitle) is derived again from the new first sentence.
// When lang splits as English does and so was d (d.Language is ""), it
// returns d itself, whatever made it (ParseMarkdown, ParseHTML, ...).
func (d *Document) ResegmentLang(lang string) (*Document, error) {
	tag, err := NormalizeLanguage(lang)
	if err != nil {
		return nil, err
	}
	split, err := splitterFor(tag)
	if err != nil {
		return nil, err
	}
	if split == nil && d.Language == "" {
		return d, nil
	}
	nd, err := NewDocumentLang(d.Title, d.Text, tag)
	if err != nil {
		return nil, err
	}
	if d.Title == DeriveTitle(d) {
		nd.Title = DeriveTitle(nd)
	}
	return nd, nil
}
