package annotations

import (
	"strings"
	"unicode"
)

// Validate checks p as a whole and returns the first problem as an
// *ImportError naming the field by its JSON path:
//   - the title has at most MaxTargetRunes characters;
//   - the scheme is valid (Scheme.Validate);
//   - every codebook entry names a label of the scheme, at most once, and
//     the guidelines, definitions and examples are within
//     MaxGuidelinesRunes and MaxLabelGuideRunes;
//   - there is at least one document, claim and task;
//   - every document's text is canonical (CanonicalText), its id is
//     DocumentID(text) and unique, and its sentences are s1..sN in order,
//     each inside one paragraph, trimmed, not overlapping, with nothing but
//     whitespace between them (every word of the text is in a sentence);
//   - every claim has a text of at most MaxTargetRunes characters and the
//     id ClaimID(text), unique;
//   - every task names a document and a claim of p, has the id
//     TaskID(document, claim), unique (one task per document and claim),
//     and a reference that is "" or a label id of the scheme;
//   - annotators are unique, not blank, without control characters and at
//     most MaxLabelRunes characters; with annotators, 1 ≤ overlap ≤
//     len(annotators), without them overlap is 0;
//   - options.idleSeconds is at most MaxIdleSeconds;
//   - hash is ProjectHash(p) and id is ProjectID(hash) (ErrHashMismatch).
func (p *Project) Validate() error {
	if err := tooLong(p.Title, "a project title", MaxTargetRunes); err != nil {
		return fieldErr("title", err)
	}
	if err := p.Scheme.Validate(); err != nil {
		return prefixed("scheme", err)
	}
	if err := p.validateCodebook(); err != nil {
		return err
	}
	if err := p.validateDocuments(); err != nil {
		return err
	}
	if err := p.validateClaims(); err != nil {
		return err
	}
	if err := p.validateTasks(); err != nil {
		return err
	}
	if err := p.validateAnnotators(); err != nil {
		return err
	}
	if p.Options.IdleSeconds > MaxIdleSeconds {
		return fieldErrf("options.idleSeconds", ErrRange, "%d is more than %d (one hour)", p.Options.IdleSeconds, MaxIdleSeconds)
	}
	switch want := ProjectHash(p); {
	case p.Hash == "":
		return fieldErrf("hash", ErrMissingField, "missing")
	case p.Hash != want:
		return fieldErrf("hash", ErrHashMismatch, "%q does not match the project's labels, documents, claims and tasks (they hash to %q); was the file edited by hand?", p.Hash, want)
	}
	if want := ProjectID(p.Hash); p.ID != want {
		if p.ID == "" {
			return fieldErrf("id", ErrMissingField, "missing")
		}
		return fieldErrf("id", ErrHashMismatch, "%q does not match the hash (the id is %q)", p.ID, want)
	}
	return nil
}

func (p *Project) validateCodebook() error {
	if err := tooLong(p.Codebook.Guidelines, "the guidelines", MaxGuidelinesRunes); err != nil {
		return fieldErr("codebook.guidelines", err)
	}
	seen := make(map[string]int)
	for i, g := range p.Codebook.Labels {
		at := elemPath("codebook.labels", i)
		if _, ok := p.Scheme.Label(g.Label); !ok {
			if g.Label == "" {
				return fieldErrf(at+".label", ErrMissingField, "missing")
			}
			return fieldErrf(at+".label", ErrUnknownLabel, "unknown label %q (the scheme has %s)", g.Label, p.Scheme.labelIDs())
		}
		if j, ok := seen[g.Label]; ok {
			return fieldErrf(at+".label", ErrDuplicateID, "label %q has guidance twice (also %s)", g.Label, elemPath("codebook.labels", j))
		}
		seen[g.Label] = i
		if err := tooLong(g.Definition, "a definition", MaxLabelGuideRunes); err != nil {
			return fieldErr(at+".definition", err)
		}
		for j, ex := range g.Examples {
			if err := tooLong(ex, "an example", MaxLabelGuideRunes); err != nil {
				return fieldErr(elemPath(at+".examples", j), err)
			}
		}
	}
	return nil
}

func (p *Project) validateDocuments() error {
	if len(p.Documents) == 0 {
		return fieldErrf("documents", ErrMissingField, "empty; a project needs at least one document")
	}
	seen := make(map[string]int, len(p.Documents))
	for i := range p.Documents {
		d := &p.Documents[i]
		at := elemPath("documents", i)
		if err := validateProjectDocument(d, at); err != nil {
			return err
		}
		if j, ok := seen[d.ID]; ok {
			return fieldErrf(at+".id", ErrDuplicateID, "duplicate document %q (also %s); a project holds each text once", d.ID, elemPath("documents", j))
		}
		seen[d.ID] = i
	}
	return nil
}

// validateProjectDocument checks one document at path at.
func validateProjectDocument(d *ProjectDocument, at string) error {
	text, paras := CanonicalText(d.Text)
	switch {
	case d.ID == "":
		return fieldErrf(at+".id", ErrMissingField, "missing")
	case text != d.Text:
		return fieldErrf(at+".text", ErrBadValue, "is not in Stancemark's canonical form (the lines of a paragraph joined by one space, paragraphs by one blank line)")
	case d.ID != DocumentID(d.Text):
		return fieldErrf(at+".id", ErrHashMismatch, "%q does not match the document text (was the text changed by hand?)", d.ID)
	case len(d.Sentences) == 0:
		return fieldErrf(at+".sentences", ErrMissingField, "empty; a document needs at least one sentence")
	}
	runes := []rune(d.Text)
	// gap reports whether runes[from:to] holds something other than
	// whitespace.
	gap := func(from, to int) bool {
		return strings.TrimFunc(string(runes[from:to]), isSpace) != ""
	}
	prevEnd := 0
	for i, s := range d.Sentences {
		sat := func() string { return elemPath(at+".sentences", i) } // only for a message
		if want := sentenceID(i); s.ID != want {
			return fieldErrf(sat()+".id", ErrBadValue, "expected %q, found %q (sentences are numbered s1, s2, … in order)", want, s.ID)
		}
		if s.Paragraph >= len(paras) {
			return fieldErrf(sat()+".paragraph", ErrBadOffset, "%d is not a paragraph of the text (its paragraphs are 0 to %d)", s.Paragraph, len(paras)-1)
		}
		pa := paras[s.Paragraph]
		if s.Start < pa.Start || s.End > pa.End || s.Start >= s.End {
			return fieldErrf(sat(), ErrBadOffset, "start %d and end %d are not a range inside paragraph %d (characters %d to %d)", s.Start, s.End, s.Paragraph, pa.Start, pa.End)
		}
		if s.Start < prevEnd {
			return fieldErrf(sat()+".start", ErrBadOffset, "%d is before the end of %s (%d)", s.Start, sentenceID(i-1), prevEnd)
		}
		if isSpace(runes[s.Start]) || isSpace(runes[s.End-1]) {
			return fieldErrf(sat(), ErrBadOffset, "starts or ends with a space; a sentence's offsets exclude the whitespace around it")
		}
		if gap(max(prevEnd, pa.Start), s.Start) {
			return fieldErrf(sat()+".start", ErrBadOffset, "the text before %s, %q, is in no sentence; the sentences must cover every word of the text", s.ID, excerpt(runes, max(prevEnd, pa.Start), s.Start))
		}
		// The rest of the previous sentence's paragraph, when s starts a
		// new one.
		if i > 0 && s.Paragraph != d.Sentences[i-1].Paragraph {
			if pe := paras[d.Sentences[i-1].Paragraph].End; gap(prevEnd, pe) {
				return fieldErrf(elemPath(at+".sentences", i-1)+".end", ErrBadOffset, "the text after %s, %q, is in no sentence; the sentences must cover every word of the text", sentenceID(i-1), excerpt(runes, prevEnd, pe))
			}
		}
		prevEnd = s.End
	}
	last := d.Sentences[len(d.Sentences)-1]
	if gap(last.End, len(runes)) {
		return fieldErrf(elemPath(at+".sentences", len(d.Sentences)-1)+".end", ErrBadOffset, "the text after %s, %q, is in no sentence; the sentences must cover every word of the text", last.ID, excerpt(runes, last.End, len(runes)))
	}
	return nil
}

// excerpt returns runes[from:to] trimmed, cut to 40 characters.
func excerpt(runes []rune, from, to int) string {
	s := []rune(trimSpace(string(runes[from:to])))
	if len(s) > 40 {
		return string(s[:40]) + "…"
	}
	return string(s)
}

func (p *Project) validateClaims() error {
	if len(p.Claims) == 0 {
		return fieldErrf("claims", ErrMissingField, "empty; a project needs at least one claim")
	}
	seen := make(map[string]int, len(p.Claims))
	for i, c := range p.Claims {
		at := elemPath("claims", i)
		if strings.TrimFunc(c.Text, isSpace) == "" {
			return fieldErrf(at+".text", ErrMissingField, "empty; a claim needs a text")
		}
		if err := tooLong(c.Text, "a claim", MaxTargetRunes); err != nil {
			return fieldErr(at+".text", err)
		}
		switch want := ClaimID(c.Text); {
		case c.ID == "":
			return fieldErrf(at+".id", ErrMissingField, "missing")
		case c.ID != want:
			return fieldErrf(at+".id", ErrHashMismatch, "%q does not match the claim text (its id is %q; was the text changed by hand?)", c.ID, want)
		}
		if j, ok := seen[c.ID]; ok {
			return fieldErrf(at+".id", ErrDuplicateID, "duplicate claim %q (also %s)", c.ID, elemPath("claims", j))
		}
		seen[c.ID] = i
	}
	return nil
}

func (p *Project) validateTasks() error {
	if len(p.Tasks) == 0 {
		return fieldErrf("tasks", ErrMissingField, "empty; a project needs at least one task")
	}
	docs := make(map[string]bool, len(p.Documents))
	for _, d := range p.Documents {
		docs[d.ID] = true
	}
	claims := make(map[string]bool, len(p.Claims))
	for _, c := range p.Claims {
		claims[c.ID] = true
	}
	seen := make(map[string]int, len(p.Tasks))
	for i, t := range p.Tasks {
		at := func() string { return elemPath("tasks", i) } // only for a message: 25,000 tasks
		switch {
		case t.ID == "":
			return fieldErrf(at()+".id", ErrMissingField, "missing")
		case t.Document == "":
			return fieldErrf(at()+".document", ErrMissingField, "missing")
		case !docs[t.Document]:
			return fieldErrf(at()+".document", ErrBadValue, "unknown document %q (the project has %d documents)", t.Document, len(p.Documents))
		case t.Claim == "":
			return fieldErrf(at()+".claim", ErrMissingField, "missing")
		case !claims[t.Claim]:
			return fieldErrf(at()+".claim", ErrBadValue, "unknown claim %q (the project has %d claims)", t.Claim, len(p.Claims))
		}
		if j, ok := seen[t.ID]; ok {
			return fieldErrf(at()+".id", ErrDuplicateID, "duplicate task %q (also %s); a document is judged against a claim once", t.ID, elemPath("tasks", j))
		}
		if want := TaskID(t.Document, t.Claim); t.ID != want {
			return fieldErrf(at()+".id", ErrHashMismatch, "%q does not match its document and claim (its id is %q)", t.ID, want)
		}
		seen[t.ID] = i
		if _, ok := p.Scheme.Label(t.Reference); t.Reference != "" && !ok {
			return fieldErrf(at()+".reference", ErrUnknownLabel, "unknown label %q (the scheme has %s)", t.Reference, p.Scheme.labelIDs())
		}
	}
	return nil
}

func (p *Project) validateAnnotators() error {
	seen := make(map[string]int, len(p.Annotators))
	for i, a := range p.Annotators {
		at := elemPath("annotators", i)
		switch {
		case strings.TrimFunc(a, isSpace) == "":
			return fieldErrf(at, ErrMissingField, "empty; an annotator needs an id")
		case strings.ContainsFunc(a, func(r rune) bool { return unicode.IsControl(r) || r == '\uFFFD' }):
			return fieldErrf(at, ErrBadValue, "%q has control characters", a)
		case trimSpace(a) != a:
			return fieldErrf(at, ErrBadValue, "%q starts or ends with a space", a)
		}
		if err := tooLong(a, "an annotator id", MaxLabelRunes); err != nil {
			return fieldErr(at, err)
		}
		if j, ok := seen[a]; ok {
			return fieldErrf(at, ErrDuplicateID, "duplicate annotator %q (also %s)", a, elemPath("annotators", j))
		}
		seen[a] = i
	}
	switch n := len(p.Annotators); {
	case n == 0 && p.Overlap != 0:
		return fieldErrf("overlap", ErrRange, "%d without annotators; the overlap is how many of the annotators get each task", p.Overlap)
	case n > 0 && (p.Overlap < 1 || p.Overlap > n):
		return fieldErrf("overlap", ErrRange, "%d is not from 1 to %d (the number of annotators)", p.Overlap, n)
	}
	return nil
}
