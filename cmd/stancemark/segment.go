//go:build !wasm

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"stancemark/annotations"
	"stancemark/articles"
)

const segmentUsage = `Usage: stancemark segment [-lang TAG] [-explain] [FILE|-]

Segment an article and print it as JSON. FILE is read as the app opens it:
plain text (the first non-blank line is the title when it looks like one,
else the title is derived from the first sentence; blank lines separate
paragraphs), Markdown or HTML (by its extension, or sniffed), or the
document of a stancemark/v1 export or an assignment (with the boundaries
recorded in it). The output:

	{"id", "title", "text", "boundaries", "language", "languageSource",
	 "paragraphs": [{"index", "start", "end"}],
	 "sentences": [{"id", "paragraph", "start", "end", "text"}]}

Offsets count Unicode code points into "text"; "boundaries" is the id of
the sentence boundaries (annotations.BoundariesID). With no FILE, the
bundled article is segmented; with "-", standard input. "language" is the
BCP 47 tag of the article's language and "languageSource" says where it
came from: "given" (-lang) or "detected" (annotations.DetectLanguage: by
the script, and for the Latin script by its commonest words; "und" when
nothing is clear). An article is split by that language's rules (a Punkt
model for cs da de el es et fi fr it nl no pl pt sl sv tr; cjk-terminal,
arabic-terminal or generic-terminal for the other scripts; English's for
English, "und" and other Latin-script languages). An export or an
assignment keeps the boundaries recorded in it.

  -lang TAG
    	the article's language, a BCP 47 tag such as "de", "de-CH" or "ja"
    	(default: detected)

  -explain
    	say why each boundary is where it is: every sentence gets "rule", the
    	rule that started it ("paragraph" for the first of a paragraph,
    	"punkt" for the tokenizer, or a rule of the segmenter such as
    	"initialism-end"), and "joins" lists [{"at", "rule", "context"}],
    	each boundary of the tokenizer a rule removed. "current" is false
    	when the document's boundaries (recorded in an export) are not those
    	of this version's segmenter; its sentences' rules are then "recorded".
`

// segmentJSON is the output of stancemark segment.
type segmentJSON struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Text       string          `json:"text"`
	Boundaries string          `json:"boundaries"`
	Language   string          `json:"language"`       // BCP 47
	LangSource string          `json:"languageSource"` // "given" or "detected"
	Paragraphs []paragraphJSON `json:"paragraphs"`
	Sentences  []sentenceJSON  `json:"sentences"`
	Current    *bool           `json:"current,omitempty"` // -explain
	Joins      []joinJSON      `json:"joins,omitempty"`   // -explain
}

// joinJSON is a boundary of the tokenizer that a rule removed (-explain).
type joinJSON struct {
	At      int    `json:"at"`
	Rule    string `json:"rule"`
	Context string `json:"context"` // the text around it, "…" marking the place
}

type paragraphJSON struct {
	Index int `json:"index"`
	Start int `json:"start"`
	End   int `json:"end"`
}

type sentenceJSON struct {
	ID        string `json:"id"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Rule      string `json:"rule,omitempty"` // -explain
}

func runSegment(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("segment", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), segmentUsage) }
	explain := fs.Bool("explain", false, "say which rule made each boundary")
	langFlag := fs.String("lang", "", "the article's language, a BCP 47 `tag` (default: detected)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return usageError{"segment takes at most one file"}
	}
	lang := segmentLanguage{source: "given"}
	if *langFlag != "" {
		tag, err := annotations.NormalizeLanguage(*langFlag)
		if err != nil {
			return usageError{"segment -lang: " + err.Error()}
		}
		lang.tag = tag
	}
	if fs.NArg() == 0 {
		lang.detect(articles.Bundled)
		doc, err := annotations.ParsePlainTextLang(articles.Bundled, lang.tag)
		if err != nil {
			return fmt.Errorf("segmenting the bundled article failed: %w", err)
		}
		return writeSegments(stdout, doc, lang, *explain)
	}
	name := fs.Arg(0)
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, annotations.MaxImportBytes+1))
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return fmt.Errorf("reading %s failed: %w", name, err)
	}
	if len(b) > annotations.MaxImportBytes {
		return fmt.Errorf("%s is larger than %d MB", name, annotations.MaxImportBytes>>20)
	}
	if name == "-" {
		name = "standard input"
	}
	o, err := annotations.Open(name, b)
	if err != nil {
		return fmt.Errorf("segmenting %s failed: %w", name, err)
	}
	if o.Document == nil {
		return fmt.Errorf("segmenting %s failed: it is a %s, which holds no single article (segment takes an article, an export or an assignment)", name, o.Kind)
	}
	doc := o.Document
	lang.detect(doc.Text)
	if o.Kind == annotations.OpenedDocument { // an export's boundaries stay as recorded
		if doc, err = doc.ResegmentLang(lang.tag); err != nil {
			return fmt.Errorf("segmenting %s failed: %w", name, err)
		}
	}
	return writeSegments(stdout, doc, lang, *explain)
}

// segmentLanguage is the language segment splits an article for.
type segmentLanguage struct {
	tag    string // BCP 47, normalized
	source string // "given" or "detected"
}

// detect sets the language detected in text when none was given.
func (l *segmentLanguage) detect(text string) {
	if l.tag == "" {
		l.tag, l.source = annotations.DetectLanguage(text), "detected"
	}
}

// writeSegments prints doc as segmentJSON, with the rules when explain is
// set.
func writeSegments(stdout io.Writer, doc *annotations.Document, lang segmentLanguage, explain bool) error {
	out := segmentJSON{ID: doc.ID, Title: doc.Title, Text: doc.Text, Boundaries: doc.BoundariesID(),
		Language: lang.tag, LangSource: lang.source, Paragraphs: []paragraphJSON{}, Sentences: []sentenceJSON{}}
	for _, p := range doc.Paragraphs {
		out.Paragraphs = append(out.Paragraphs, paragraphJSON(p))
	}
	for _, s := range doc.Sentences {
		out.Sentences = append(out.Sentences, sentenceJSON{ID: s.ID, Paragraph: s.Paragraph, Start: s.Start, End: s.End, Text: s.Text})
	}
	if explain {
		explainSegments(&out, doc)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// explainSegments adds the rules of -explain to out.
func explainSegments(out *segmentJSON, doc *annotations.Document) {
	current := doc.SameAsCurrent()
	out.Current = &current
	out.Joins = []joinJSON{}
	rules := map[int]string{}
	runes := []rune(doc.Text)
	for _, b := range doc.Explain() {
		if b.Split {
			rules[b.At] = b.Rule
			continue
		}
		out.Joins = append(out.Joins, joinJSON{At: b.At, Rule: b.Rule,
			Context: string(runes[max(0, b.At-30):b.At]) + "…" + string(runes[b.At:min(len(runes), b.At+30)])})
	}
	for i := range out.Sentences {
		s := &out.Sentences[i]
		switch {
		case !current:
			s.Rule = "recorded"
		case i == 0 || out.Sentences[i-1].Paragraph != s.Paragraph:
			s.Rule = "paragraph"
		default:
			s.Rule = rules[s.Start]
		}
	}
	if !current {
		out.Joins = nil
	}
}
