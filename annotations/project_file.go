package annotations

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// MaxProjectBytes is the size of the largest project file ReadProject
// reads. An FNC-1-sized project (about 900 articles, 25,000 tasks) is about
// 10 MB, more than MaxImportBytes allows for one export.
const MaxProjectBytes = 64 << 20

// Limits on the text of a project, in Unicode code points (see also
// text_limits.go: a claim is a target claim, at most MaxTargetRunes).
const (
	// MaxGuidelinesRunes is the longest codebook guidelines text (about
	// forty printed pages).
	MaxGuidelinesRunes = 100_000
	// MaxLabelGuideRunes is the longest definition or example of a label
	// in the codebook.
	MaxLabelGuideRunes = MaxNoteRunes
	// MaxIdleSeconds is the largest ProjectOptions.IdleSeconds (one hour).
	MaxIdleSeconds = 3600
)

// projectFields are the top-level fields of a project, in the order they
// are written.
var projectFields = []string{"format", "id", "title", "hash", "scheme", "codebook", "documents", "claims", "tasks", "annotators", "overlap", "options"}

// The JSON form of a Project: fixed key order, empty optional fields left
// out.
type (
	projectWire struct {
		Format     string                `json:"format"`
		ID         string                `json:"id"`
		Title      string                `json:"title,omitempty"`
		Hash       string                `json:"hash"`
		Scheme     projectSchemeWire     `json:"scheme"`
		Codebook   *codebookWire         `json:"codebook,omitempty"`
		Documents  []projectDocumentWire `json:"documents"`
		Claims     []claimWire           `json:"claims"`
		Tasks      []taskWire            `json:"tasks"`
		Annotators []string              `json:"annotators,omitempty"`
		Overlap    int                   `json:"overlap,omitempty"`
		Options    *projectOptionsWire   `json:"options,omitempty"`
	}
	projectSchemeWire struct {
		ID     string  `json:"id"`
		Name   string  `json:"name"`
		Labels []Label `json:"labels"`
	}
	codebookWire struct {
		Guidelines string           `json:"guidelines,omitempty"`
		Labels     []labelGuideWire `json:"labels,omitempty"`
	}
	labelGuideWire struct {
		Label      string   `json:"label"`
		Definition string   `json:"definition,omitempty"`
		Examples   []string `json:"examples,omitempty"`
	}
	projectDocumentWire struct {
		ID        string            `json:"id"`
		Title     string            `json:"title,omitempty"`
		Text      string            `json:"text"`
		Sentences []ExportSentence  `json:"sentences"`
		Source    string            `json:"source,omitempty"`
		Meta      map[string]string `json:"meta,omitempty"`
	}
	claimWire struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	taskWire struct {
		ID        string `json:"id"`
		Document  string `json:"document"`
		Claim     string `json:"claim"`
		Reference string `json:"reference,omitempty"`
	}
	projectOptionsWire struct {
		OverallStance bool `json:"overallStance,omitempty"`
		ShowReference bool `json:"showReference,omitempty"`
		IdleSeconds   int  `json:"idleSeconds,omitempty"`
	}
)

// wire returns the JSON form of p.
func (p *Project) wire() projectWire {
	w := projectWire{
		Format: ProjectFormat, ID: p.ID, Title: p.Title, Hash: p.Hash,
		Scheme:     projectSchemeWire{ID: p.Scheme.ID, Name: p.Scheme.Name, Labels: p.Scheme.Labels},
		Documents:  make([]projectDocumentWire, len(p.Documents)),
		Claims:     make([]claimWire, len(p.Claims)),
		Tasks:      make([]taskWire, len(p.Tasks)),
		Annotators: p.Annotators, Overlap: p.Overlap,
	}
	if w.Scheme.Labels == nil {
		w.Scheme.Labels = []Label{}
	}
	if cb := p.Codebook; cb.Guidelines != "" || len(cb.Labels) > 0 {
		w.Codebook = &codebookWire{Guidelines: cb.Guidelines}
		for _, g := range cb.Labels {
			w.Codebook.Labels = append(w.Codebook.Labels, labelGuideWire(g))
		}
	}
	for i, d := range p.Documents {
		w.Documents[i] = projectDocumentWire{ID: d.ID, Title: d.Title, Text: d.Text, Sentences: d.Sentences, Source: d.Source, Meta: d.Meta}
		if d.Sentences == nil {
			w.Documents[i].Sentences = []ExportSentence{}
		}
	}
	for i, c := range p.Claims {
		w.Claims[i] = claimWire(c)
	}
	for i, t := range p.Tasks {
		w.Tasks[i] = taskWire(t)
	}
	if o := p.Options; o != (ProjectOptions{}) {
		w.Options = &projectOptionsWire{OverallStance: o.OverallStance, ShowReference: o.ShowReference, IdleSeconds: o.IdleSeconds}
	}
	return w
}

// WriteProject writes p as "stancemark-project/v1" JSON: keys in a fixed
// order, indented by two spaces, with a trailing newline, leaving out empty
// optional fields (title, codebook and its parts, a document's title,
// source and meta, a task's reference, annotators, overlap 0 and options
// that are all unset). The same project always gives the same bytes. It
// does not validate p; see Project.Validate.
func WriteProject(w io.Writer, p *Project) error {
	return writeIndented(w, p.wire())
}

// ReadProject reads a project file from r: at most MaxProjectBytes, with or
// without a leading UTF-8 byte order mark, as strict JSON (unknown, missing
// and mistyped fields are refused), then validates it (see
// Project.Validate). Every error is an *ImportError naming the field by its
// JSON path, such as `tasks[12].claim: unknown claim "c0123456789ab"`.
func ReadProject(r io.Reader) (*Project, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxProjectBytes+1))
	if err != nil {
		return nil, &ImportError{Err: fmt.Errorf("reading the file failed: %w", err)}
	}
	if len(data) > MaxProjectBytes {
		return nil, &ImportError{Err: because(fmt.Sprintf("the file is larger than %d MB; a project file can have at most %d MB", MaxProjectBytes>>20, MaxProjectBytes>>20), ErrTooLarge)}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	p, ok := fastDecodeProject(data) // one pass; anything unusual is read again strictly
	if !ok {
		if err := checkSyntax(data); err != nil {
			return nil, err
		}
		if p, err = decodeProject(data); err != nil {
			return nil, err
		}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// checkProjectFormat checks the "format" of a project file.
func checkProjectFormat(got string) error {
	switch {
	case got == ProjectFormat:
		return nil
	case got == "":
		return fieldErr("format", because("missing; this is not a Stancemark project", ErrMissingField, ErrFormat))
	case strings.HasPrefix(got, "stancemark-project/v"):
		return fieldErr("format", because(fmt.Sprintf("%q is not supported; this version of Stancemark reads %s (was the file made by a newer Stancemark?)", got, ProjectFormat), ErrUnsupportedVersion))
	case got == FormatV1:
		return fieldErr("format", because(fmt.Sprintf("this is a %q export (one annotator's work on one document), not a project (%s)", got, ProjectFormat), ErrFormat))
	case got == SubmissionFormat:
		return fieldErr("format", because(fmt.Sprintf("this is a %q submission (an annotator's work on a project), not the project (%s)", got, ProjectFormat), ErrFormat))
	case strings.HasPrefix(got, "stancemark"):
		return fieldErr("format", because(fmt.Sprintf("this is a %q file, not a Stancemark project (%s)", got, ProjectFormat), ErrFormat))
	}
	return fieldErr("format", because(fmt.Sprintf("%q: this is not a Stancemark project", got), ErrFormat))
}

// MarshalJSON writes p as compact "stancemark-project/v1" JSON, with the
// keys and omissions of WriteProject.
func (p Project) MarshalJSON() ([]byte, error) { return marshalNoEscape(p.wire()) }

// UnmarshalJSON reads p strictly (unknown, missing and mistyped fields are
// *ImportError values naming the field). It does not Validate p;
// ReadProject does.
func (p *Project) UnmarshalJSON(data []byte) error {
	if err := checkSyntax(data); err != nil {
		return err
	}
	got, err := decodeProject(data)
	if err != nil {
		return err
	}
	*p = *got
	return nil
}
