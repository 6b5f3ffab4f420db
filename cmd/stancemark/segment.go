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

const segmentUsage = `Usage: stancemark segment [FILE|-]

Segment an article and print it as JSON. FILE is read as the app opens it:
plain text (first non-blank line: the title; blank lines separate
paragraphs), Markdown or HTML (by its extension, or sniffed), or the
document of a stancemark/v1 export or an assignment. The output:

	{"id", "title", "text", "paragraphs": [{"index", "start", "end"}],
	 "sentences": [{"id", "paragraph", "start", "end", "text"}]}

Offsets count Unicode code points into "text". With no FILE, the bundled
article is segmented; with "-", standard input.
`

// segmentJSON is the output of stancemark segment.
type segmentJSON struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Text       string          `json:"text"`
	Paragraphs []paragraphJSON `json:"paragraphs"`
	Sentences  []sentenceJSON  `json:"sentences"`
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
}

func runSegment(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("segment", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), segmentUsage) }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return usageError{"segment takes at most one file"}
	}
	if fs.NArg() == 0 {
		doc, err := annotations.ParsePlainText(articles.Bundled)
		if err != nil {
			return fmt.Errorf("segmenting the bundled article failed: %w", err)
		}
		return writeSegments(stdout, doc)
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
	return writeSegments(stdout, o.Document)
}

// writeSegments prints doc as segmentJSON.
func writeSegments(stdout io.Writer, doc *annotations.Document) error {
	out := segmentJSON{ID: doc.ID, Title: doc.Title, Text: doc.Text,
		Paragraphs: []paragraphJSON{}, Sentences: []sentenceJSON{}}
	for _, p := range doc.Paragraphs {
		out.Paragraphs = append(out.Paragraphs, paragraphJSON(p))
	}
	for _, s := range doc.Sentences {
		out.Sentences = append(out.Sentences, sentenceJSON(s))
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
