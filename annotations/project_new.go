package annotations

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// NewProject builds a project from in and validates it (Project.Validate).
// The result depends on in alone (no clock, no randomness), so the same
// input always writes the same bytes:
//   - the scheme is in.Scheme (its Target dropped), or the "default"
//     preset when in.Scheme has no labels;
//   - the title is in.Title, or the first article's title when it is blank;
//   - documents are the articles in input order, with their Document's id,
//     title, text and sentences, Source and Meta; an article whose text is
//     the same as an earlier one's is not added again, and its Key names
//     the earlier document;
//   - claims are in.Claims and then the pairs' claim texts, trimmed (and
//     invalid UTF-8 replaced by U+FFFD, as JSON would), in
//     first-seen order, each text once, with the id ClaimID(text);
//   - tasks: with Pairs, one per pair (a pair listed twice is one task,
//     and an error when the two give different references); without, every
//     document × every claim. Tasks are ordered by document (input order),
//     then, for one document, by claim order without Pairs and by the
//     pairs' order with them. Each has the id TaskID(document, claim);
//   - a reference is matched to the scheme's label ids ignoring case and
//     surrounding spaces (FNC-1's "Agree" is "agree");
//   - annotators are in.Annotators trimmed; with annotators, an Overlap of
//     0 means 1;
//   - the codebook's label entries are put in the scheme's label order;
//   - the hash and id are ProjectHash and ProjectID.
//
// Errors about the input name it by the article's or pair's Source (or
// "articles[3]", "pairs[7]" when it has none), such as
//
//	stances.csv:7: unknown article "1234" (no article has this key)
func NewProject(in ProjectInput) (*Project, error) {
	p := &Project{
		Title:   trimSpace(in.Title),
		Scheme:  in.Scheme.clone(),
		Overlap: in.Overlap,
		Options: in.Options,
	}
	if len(p.Scheme.Labels) == 0 {
		p.Scheme = Presets()[0]
	}
	p.Scheme.Target = ""
	p.Codebook = sortedCodebook(in.Codebook, p.Scheme)

	byKey, err := p.addArticles(in.Articles)
	if err != nil {
		return nil, err
	}
	if p.Title == "" {
		p.Title = trimSpace(p.Documents[0].Title)
	}
	claims := make(map[string]int) // text -> index into p.Claims
	addClaim := func(text, where string) (int, error) {
		text = trimSpace(strings.ToValidUTF8(text, "\uFFFD"))
		if text == "" {
			return 0, becausef(ErrMissingField, "%s: the claim is empty", where)
		}
		if i, ok := claims[text]; ok {
			return i, nil
		}
		claims[text] = len(p.Claims)
		p.Claims = append(p.Claims, Claim{ID: ClaimID(text), Text: text})
		return len(p.Claims) - 1, nil
	}
	for i, c := range in.Claims {
		if _, err := addClaim(c, elemPath("claims", i)); err != nil {
			return nil, err
		}
	}
	if len(in.Pairs) > 0 {
		if err := p.addPairs(in.Pairs, byKey, addClaim); err != nil {
			return nil, err
		}
	} else {
		if len(p.Claims) == 0 {
			return nil, becausef(ErrMissingField, "no claims: a project needs at least one claim to judge the articles against")
		}
		for _, d := range p.Documents {
			for _, c := range p.Claims {
				p.Tasks = append(p.Tasks, Task{ID: TaskID(d.ID, c.ID), Document: d.ID, Claim: c.ID})
			}
		}
	}
	for _, a := range in.Annotators {
		p.Annotators = append(p.Annotators, trimSpace(a))
	}
	if len(p.Annotators) > 0 && p.Overlap == 0 {
		p.Overlap = 1
	}
	p.Hash = ProjectHash(p)
	p.ID = ProjectID(p.Hash)
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// addArticles adds the documents of articles to p and returns the
// document index of each article key.
func (p *Project) addArticles(articles []ArticleInput) (map[string]int, error) {
	if len(articles) == 0 {
		return nil, becausef(ErrMissingField, "no articles: a project needs at least one article")
	}
	byKey := make(map[string]int)    // article key -> index into p.Documents
	keyAt := make(map[string]string) // article key -> where it was given
	byID := make(map[string]int)     // document id -> index into p.Documents
	for i, a := range articles {
		where := cmp.Or(a.Source, elemPath("articles", i))
		if a.Document == nil {
			return nil, becausef(ErrMissingField, "%s: the article has no document", where)
		}
		j, ok := byID[a.Document.ID]
		if !ok {
			j = len(p.Documents)
			byID[a.Document.ID] = j
			p.Documents = append(p.Documents, projectDocument(a))
		}
		if a.Key == "" {
			continue
		}
		if other, dup := keyAt[a.Key]; dup {
			return nil, becausef(ErrDuplicateID, "%s: duplicate article key %q (also %s)", where, a.Key, other)
		}
		byKey[a.Key], keyAt[a.Key] = j, where
	}
	return byKey, nil
}

// projectDocument returns the document of an article.
func projectDocument(a ArticleInput) ProjectDocument {
	d := a.Document
	ss := make([]ExportSentence, len(d.Sentences))
	for i, s := range d.Sentences {
		ss[i] = ExportSentence{ID: s.ID, Paragraph: s.Paragraph, Start: s.Start, End: s.End}
	}
	pd := ProjectDocument{ID: d.ID, Title: d.Title, Text: d.Text, Sentences: ss, Source: a.Source}
	if len(a.Meta) > 0 {
		pd.Meta = maps.Clone(a.Meta)
	}
	return pd
}

// addPairs adds one task per pair (ordered by document, then pair order).
func (p *Project) addPairs(pairs []PairInput, byKey map[string]int, addClaim func(text, where string) (int, error)) error {
	type pair struct{ doc, claim int }
	type task struct {
		doc   int
		t     Task
		where string
	}
	var tasks []task
	seen := make(map[pair]int) // -> index into tasks
	for i, pr := range pairs {
		where := cmp.Or(pr.Source, elemPath("pairs", i))
		d, ok := byKey[pr.Article]
		if !ok {
			if pr.Article == "" {
				return becausef(ErrMissingField, "%s: the pair names no article", where)
			}
			return becausef(ErrBadValue, "%s: unknown article %q (no article has this key)", where, pr.Article)
		}
		c, err := addClaim(pr.Claim, where)
		if err != nil {
			return err
		}
		ref, err := referenceLabel(p.Scheme, pr.Reference, where)
		if err != nil {
			return err
		}
		if j, ok := seen[pair{d, c}]; ok {
			if prev := tasks[j]; prev.t.Reference != ref {
				return becausef(ErrDuplicateID, "%s: article %q is paired with the claim %q twice, with different references (%q here, %q at %s)",
					where, pr.Article, p.Claims[c].Text, ref, prev.t.Reference, prev.where)
			}
			continue
		}
		seen[pair{d, c}] = len(tasks)
		docID, claimID := p.Documents[d].ID, p.Claims[c].ID
		tasks = append(tasks, task{d, Task{ID: TaskID(docID, claimID), Document: docID, Claim: claimID, Reference: ref}, where})
	}
	slices.SortStableFunc(tasks, func(a, b task) int { return cmp.Compare(a.doc, b.doc) })
	p.Tasks = make([]Task, len(tasks))
	for i, t := range tasks {
		p.Tasks[i] = t.t
	}
	return nil
}

// referenceLabel returns the label id of s that ref names, ignoring case
// and surrounding spaces ("" for no reference).
func referenceLabel(s Scheme, ref, where string) (string, error) {
	ref = trimSpace(ref)
	if ref == "" {
		return "", nil
	}
	for _, l := range s.Labels {
		if strings.EqualFold(l.ID, ref) {
			return l.ID, nil
		}
	}
	return "", becausef(ErrUnknownLabel, "%s: the reference %q is not a label of the scheme (%s has %s)", where, ref, s.ID, s.labelIDs())
}

// sortedCodebook returns a copy of cb with its label entries in the order
// of s's labels (entries for labels s lacks last, in their order).
func sortedCodebook(cb Codebook, s Scheme) Codebook {
	out := Codebook{Guidelines: cb.Guidelines}
	rank := func(id string) int {
		for i, l := range s.Labels {
			if l.ID == id {
				return i
			}
		}
		return len(s.Labels)
	}
	for _, g := range cb.Labels {
		g.Examples = slices.Clone(g.Examples)
		out.Labels = append(out.Labels, g)
	}
	slices.SortStableFunc(out.Labels, func(a, b LabelGuide) int { return cmp.Compare(rank(a.Label), rank(b.Label)) })
	return out
}

// ExportDocument returns d as it appears in an export (stancemark/v1).
func (d *ProjectDocument) ExportDocument() ExportDocument {
	return ExportDocument{ID: d.ID, Title: d.Title, Text: d.Text, Sentences: slices.Clone(d.Sentences)}
}

// Document returns d as a Document with d's own sentence boundaries (it
// does not split the text again, so every annotator sees the boundaries
// of the project whatever version of Stancemark they run). d must be
// valid (Project.Validate); the error names what is not.
func (d *ProjectDocument) Document() (*Document, error) {
	if err := validateProjectDocument(d, "document"); err != nil {
		return nil, err
	}
	_, paras := CanonicalText(d.Text)
	return documentOf(d, paras)
}
