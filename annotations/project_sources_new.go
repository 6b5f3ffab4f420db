package annotations

import (
	"fmt"
	"strings"
)

// ProjectSettings is what a new project takes besides its input files:
// the flags of `stancemark project new`, the fields of the app's "New
// project" form.
type ProjectSettings struct {
	Title string // "" → the first article's title
	// Scheme is the labels; without labels, the "fnc1" preset when a
	// stances.csv was read, else "default".
	Scheme   Scheme
	Codebook Codebook
	// Claims are judged against every article that no input pairs with a
	// claim (ClaimLines reads them one per line).
	Claims     []string
	Annotators []string
	Overlap    int // with Annotators: how many get each task; 0 → all of them
	Options    ProjectOptions
	// Boundaries are sentence boundaries an author fixed (the app's New
	// project dialog), by document id: the article with that id gets
	// these sentences instead of the segmenter's (DocumentFromSentences
	// checks them). An id no article has is ignored.
	Boundaries map[string][]ExportSentence
}

// DefaultScheme is the scheme a project of ps gets when its settings give
// none: the "fnc1" preset for FNC-1's files, else "default".
func (ps *ProjectSources) DefaultScheme() Scheme {
	if ps.FNC1 {
		return Presets()[1]
	}
	return Presets()[0]
}

// Project builds the project of ps with the settings s (NewProject). It
// checks first that every pair names an article, that every article is
// paired with a claim (by a stances.csv or by s.Claims; else the error
// wraps ErrNoClaims), and that every reference stance is a label of the
// scheme. ps is not changed: it can be built again with other settings.
func (ps *ProjectSources) Project(s ProjectSettings) (*Project, error) {
	if len(s.Scheme.Labels) == 0 {
		s.Scheme = ps.DefaultScheme()
	}
	if s.Overlap < 0 || s.Overlap > len(s.Annotators) {
		return nil, becausef(ErrBadValue, "overlap %d: want 1 to %d (the number of annotators)", s.Overlap, len(s.Annotators))
	}
	if s.Overlap == 0 {
		s.Overlap = len(s.Annotators)
	}
	pairs, err := ps.tasks(s.Claims)
	if err != nil {
		return nil, err
	}
	if err := checkReferences(pairs, s.Scheme); err != nil {
		return nil, err
	}
	in := ProjectInput{
		Title: s.Title, Scheme: s.Scheme, Codebook: s.Codebook, Pairs: pairs,
		Annotators: s.Annotators, Overlap: s.Overlap, Options: s.Options,
		Articles: make([]ArticleInput, len(ps.articles)),
	}
	for i, a := range ps.articles {
		doc := a.doc
		if ss, ok := s.Boundaries[doc.ID]; ok {
			if doc, err = DocumentFromSentences(a.doc.Title, a.doc.Text, ss); err != nil {
				return nil, fmt.Errorf("%s: the sentences fixed for it: %w", a.source, err)
			}
		}
		in.Articles[i] = ArticleInput{Key: a.key, Document: doc, Source: a.source, Meta: a.meta}
	}
	if len(pairs) == 0 {
		in.Claims = s.Claims
	}
	return NewProject(in)
}

// Documents returns the articles' documents, segmented, in input order
// (an article whose text is an earlier one's is there again; the
// project keeps one document of each text). They are ps's own: change
// their boundaries with Document.JoinSentences and SplitSentence, which
// return new documents, and give those to ProjectSettings.Boundaries.
func (ps *ProjectSources) Documents() []*Document {
	out := make([]*Document, len(ps.articles))
	for i, a := range ps.articles {
		out[i] = a.doc
	}
	return out
}

// tasks checks the pairs against the articles and returns them with the
// pairs of the articles no input pairs: each against every claim.
func (ps *ProjectSources) tasks(claims []string) ([]PairInput, error) {
	paired := map[string]bool{}
	for _, p := range ps.pairs {
		if _, ok := ps.keys[p.Article]; !ok {
			return nil, fmt.Errorf("%s: Body ID %q is not among the articles (give its bodies.csv too)", p.Source, p.Article)
		}
		paired[p.Article] = true
	}
	if len(ps.pairs) == 0 {
		if len(claims) == 0 {
			return nil, because("the inputs have no claims", ErrNoClaims)
		}
		return nil, nil
	}
	pairs := append([]PairInput(nil), ps.pairs...)
	for _, a := range ps.articles {
		if paired[a.key] {
			continue
		}
		if len(claims) == 0 {
			return nil, becausef(ErrNoClaims, "%s: no input pairs this article with a claim", a.source)
		}
		for _, c := range claims {
			pairs = append(pairs, PairInput{Article: a.key, Claim: c, Source: a.source})
		}
	}
	return pairs, nil
}

// checkReferences checks that every reference stance is a label of s.
func checkReferences(pairs []PairInput, s Scheme) error {
	for _, p := range pairs {
		if p.Reference == "" {
			continue
		}
		if _, ok := s.Label(p.Reference); !ok {
			return becausef(ErrUnknownLabel, "%s: the stance %q is not a label of the scheme %q (it has %s)", p.Source, p.Reference, s.ID, s.labelIDs())
		}
	}
	return nil
}

// ClaimLines returns the claims of text, one per line: lines trimmed,
// blank lines skipped, a leading byte order mark dropped.
func ClaimLines(text string) []string {
	var claims []string
	for _, line := range strings.Split(strings.TrimPrefix(text, "\uFEFF"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			claims = append(claims, line)
		}
	}
	return claims
}

// AnnotatorList returns the annotators of a comma-separated list, trimmed,
// blanks skipped ("ana, bob,,cy" → ana, bob, cy).
func AnnotatorList(list string) []string {
	var out []string
	for _, a := range strings.Split(list, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}
