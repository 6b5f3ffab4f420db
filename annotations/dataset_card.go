package annotations

import (
	"bufio"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The dataset card (README.md): a YAML header in the Hugging Face
// convention (configs with data_files per table, dataset_info.features with
// the class_label names, the splits' sizes, a licence field to fill), then
// what the dataset holds in plain Markdown.

// DatasetTableInfo names one table of the dataset: its config name, its
// JSON Lines file and its row type.
type DatasetTableInfo struct {
	Name string       // "annotations"
	File string       // "annotations.jsonl"
	Row  reflect.Type // AnnotationRow
	What string       // one line for the card
}

// DatasetTables lists the tables, in the order of the card's configs (the
// first is the default).
var DatasetTables = []DatasetTableInfo{
	{"annotations", "annotations.jsonl", reflect.TypeFor[AnnotationRow](), "one row per label given: annotator × tagged sentence × claim"},
	{"gold", "gold.jsonl", reflect.TypeFor[GoldRow](), "one row per sentence × claim anyone tagged (and per task for the overall stance): the gold label, its source and the votes"},
	{"documents", "documents.jsonl", reflect.TypeFor[DocumentRow](), "the articles: canonical text and sentence boundaries"},
	{"claims", "claims.jsonl", reflect.TypeFor[ClaimRow](), "the claims the sentences are judged against"},
}

// Rows returns the number of rows of the table named name.
func (d *Dataset) Rows(name string) int {
	switch name {
	case "annotations":
		return len(d.Annotations)
	case "gold":
		return len(d.GoldRows)
	case "documents":
		return len(d.Documents)
	case "claims":
		return len(d.Claims)
	}
	return 0
}

// CardOptions change the card.
type CardOptions struct {
	// Parquet says the folder also has a Parquet copy of each table
	// (NAME.parquet), as the CLI writes it.
	Parquet bool
}

// classLabels returns the label ids the gold and annotation labels take,
// in the scheme's order ("none" last when counted as a vote).
func (d *Dataset) classLabels() []string {
	var ids []string
	for _, l := range d.Scheme.Labels {
		ids = append(ids, l.ID)
	}
	if d.GoldNone && !slices.Contains(ids, NoneLabel) {
		ids = append(ids, NoneLabel)
	}
	return ids
}

// WriteCard writes the dataset card.
func (d *Dataset) WriteCard(w io.Writer, opt CardOptions) error {
	bw := bufio.NewWriter(w)
	d.writeCardYAML(bw)
	d.writeCardBody(bw, opt)
	return bw.Flush()
}

// yamlString quotes s as a YAML double-quoted scalar (JSON's escapes are
// YAML's).
func yamlString(s string) string { return strconv.Quote(s) }

func (d *Dataset) writeCardYAML(w *bufio.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("---\n")
	p("pretty_name: %s\n", yamlString(d.Title))
	p("license: unknown # fill in the licence (an SPDX id such as cc-by-4.0)\n")
	p("task_categories:\n- text-classification\n")
	p("tags:\n- stance-detection\n- stancemark\n")
	p("size_categories:\n- %s\n", sizeCategory(len(d.Annotations)))
	p("configs:\n")
	for i, t := range DatasetTables {
		p("- config_name: %s\n  data_files:\n  - split: train\n    path: %s\n", t.Name, t.File)
		if i == 0 {
			p("  default: true\n")
		}
	}
	p("dataset_info:\n")
	labels := d.classLabels()
	for _, t := range DatasetTables {
		p("- config_name: %s\n  features:\n", t.Name)
		writeFeatures(w, t.Row, "  ", func(col string) []string {
			if col == "label" && (t.Name == "annotations" || t.Name == "gold") {
				return labels
			}
			return nil
		})
		p("  splits:\n  - name: train\n    num_examples: %d\n", d.Rows(t.Name))
	}
	p("---\n\n")
}

// writeFeatures writes the features of a row struct in the Hugging Face
// convention: "- name: x" with "dtype: string|int64|bool", "class_label"
// names, "sequence: string" or "list:" of a struct's features.
func writeFeatures(w *bufio.Writer, t reflect.Type, indent string, classes func(col string) []string) {
	for i := range t.NumField() {
		f := t.Field(i)
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		fmt.Fprintf(w, "%s- name: %s\n", indent, name)
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case classes != nil && classes(name) != nil:
			fmt.Fprintf(w, "%s  dtype:\n%s    class_label:\n%s      names:\n", indent, indent, indent)
			for k, l := range classes(name) {
				fmt.Fprintf(w, "%s        '%d': %s\n", indent, k, yamlString(l))
			}
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			fmt.Fprintf(w, "%s  list:\n", indent)
			writeFeatures(w, ft.Elem(), indent+"  ", nil)
		case ft.Kind() == reflect.Slice:
			fmt.Fprintf(w, "%s  sequence: %s\n", indent, hfDtype(ft.Elem()))
		default:
			fmt.Fprintf(w, "%s  dtype: %s\n", indent, hfDtype(ft))
		}
	}
}

// hfDtype is the Hugging Face dtype of a Go type.
func hfDtype(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return "int64"
	case reflect.Bool:
		return "bool"
	}
	return "string"
}

// sizeCategory is Hugging Face's size_categories value for n rows.
func sizeCategory(n int) string {
	switch {
	case n < 1_000:
		return "n<1K"
	case n < 10_000:
		return "1K<n<10K"
	case n < 100_000:
		return "10K<n<100K"
	case n < 1_000_000:
		return "100K<n<1M"
	case n < 10_000_000:
		return "1M<n<10M"
	}
	return "10M<n<100M"
}

// mdText escapes s for Markdown running text: no HTML, no emphasis or
// links, no table cell breaks; line breaks become spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\\', '`', '*', '_', '[', ']', '|', '#', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdParagraphs writes plain text paragraphs (separated by blank lines) as
// escaped Markdown paragraphs.
func mdParagraphs(w *bufio.Writer, text string) {
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			fmt.Fprintf(w, "%s\n\n", mdText(para))
		}
	}
}

func coefficient(x *float64, why string) string {
	if x == nil {
		return "– (" + mdText(why) + ")"
	}
	return strconv.FormatFloat(*x, 'f', 4, 64)
}

func (d *Dataset) writeCardBody(w *bufio.Writer, opt CardOptions) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("# %s\n\n", mdText(d.Title))
	if pr := d.Project; pr != nil {
		p("Stance annotations of the research project %s (`%s`, hash `%s`), made with Stancemark and written by `stancemark dataset` as %s.\n\n", mdText(pr.Title), pr.ID, pr.Hash, DatasetFormat)
	} else {
		p("Stance annotations of one document (`%s`) by %d annotators, made with Stancemark and written by `stancemark dataset` as %s.\n\n", d.Documents[0].Document, len(d.Annotators), DatasetFormat)
	}
	p("## Files\n\n| file | rows | what |\n| --- | --- | --- |\n")
	for _, t := range DatasetTables {
		also := ""
		if opt.Parquet {
			also = " (and `" + t.Name + ".parquet`)"
		}
		p("| `%s`%s | %d | %s |\n", t.File, also, d.Rows(t.Name), t.What)
	}
	stances, semeval := 0, 0
	for _, g := range d.GoldRows {
		switch {
		case g.Label == nil:
		case g.Unit == "overall":
			stances++
		case g.Text != nil:
			semeval++
		}
	}
	p("| `bodies.csv` | %d | FNC-1's `Body ID,articleBody`: the documents |\n", len(d.Documents))
	p("| `stances.csv` | %d | FNC-1's `Headline,Body ID,Stance`: each task's gold overall stance (unresolved ones left out) |\n", stances)
	p("| `semeval.tsv` | %d | SemEval-2016 Task 6's `ID, Target, Tweet, Stance`: each sentence's gold label (unresolved ones left out) |\n", semeval)
	p("| `manifest.json` | | every file with its size and SHA-256 |\n\n")
	p("The JSON Schema of each table is `web/schema/stancemark-dataset-v1/<table>.schema.json` in Stancemark's repository. ")
	p("A column that can be null says so there; `null` means \"not given\" (no project, no overall stance, an unresolved gold label).\n\n")

	p("## Counts\n\n")
	tasks := 0
	for _, c := range d.Claims {
		tasks += c.Tasks
	}
	p("- %d documents, %d claims, %d tasks (document × claim)\n", len(d.Documents), len(d.Claims), tasks)
	p("- %d annotators, %d labels given (rows of `annotations.jsonl`)\n", len(d.Annotators), len(d.Annotations))
	counts := d.GoldCounts
	parts := make([]string, 0, len(GoldSources))
	for _, s := range GoldSources {
		parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
	}
	none := "an untagged sentence is no vote"
	if d.GoldNone {
		none = "an untagged sentence is a vote for `none`"
	}
	p("- %d gold labels under the %s policy (%s; %s)\n\n", len(d.GoldRows), d.GoldPolicy, strings.Join(parts, ", "), none)

	p("## Annotators\n\n| annotator | tasks with work | done | labels given | active time |\n| --- | --- | --- | --- | --- |\n")
	for _, a := range d.Annotators {
		p("| %s | %d | %d | %d | %s |\n", mdText(a.Name), a.Tasks, a.Done, a.Labels, time.Duration(a.ActiveMillis)*time.Millisecond)
	}
	p("\n")
	d.writeCardAgreement(w)
	d.writeCardCodebook(w)

	p("## How offsets count\n\n")
	p("`start` and `end` count **Unicode code points** (not bytes, not UTF-16 units) into the document's `text` in `documents.jsonl`; `start` is included, `end` excluded, as in the W3C TextPositionSelector. ")
	p("`text` in the annotation and gold rows is exactly that slice. Sentence ids are `s1`, `s2`, … in document order and `sentence_index` counts from 0. ")
	p("Times are RFC 3339 in UTC with milliseconds; `active_ms` is the annotator's active time on the task in milliseconds.\n\n")
	p("In `bodies.csv`, `stances.csv` and `semeval.tsv` a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so that no spreadsheet runs it as a formula; drop that quote to get the exact text back. The JSON Lines and Parquet files keep the text exactly.\n\n")

	p("## Loading\n\n```python\nimport pandas as pd\nannotations = pd.read_json(\"annotations.jsonl\", lines=True, convert_dates=False)\n```\n\n")
	p("```sql\nSELECT * FROM read_json('annotations.jsonl');  -- DuckDB\n```\n\n")
	p("```r\nannotations <- jsonlite::stream_in(file(\"annotations.jsonl\"))\n```\n\n")
	p("```python\nfrom datasets import load_dataset\ngold = load_dataset(\"path/to/this/folder\", \"gold\", split=\"train\")\n```\n\n")
	p("## Licence\n\nNot set: fill in `license:` in the header above with the licence of the articles and the annotations.\n")
}

func (d *Dataset) writeCardAgreement(w *bufio.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	a := d.Agreement
	p("## Agreement\n\nA unit is a sentence judged against a claim; a sentence nobody tagged is no unit, and an untagged sentence is no value (nominal level).\n\n")
	if r := a.Overall; r != nil {
		p("Over all claims: %d units (%d with two values or more), %d coders. Percent agreement %s, Krippendorff's alpha %s, Gwet's AC1 %s.\n\n",
			r.Units, r.PairableUnits, r.Coders, coefficient(r.PercentAgreement, r.PercentAgreementWhy),
			coefficient(r.KrippendorffAlpha, r.KrippendorffAlphaWhy), coefficient(r.GwetAC1, r.GwetAC1Why))
		if r.Reading != "" {
			p("%s\n\n", mdText(r.Reading))
		}
		if len(r.PerLabel) > 0 {
			p("Per label (specific agreement: of the pairs of values within a unit that involve the label, the share where both are it):\n\n| label | pairable values | agreement |\n| --- | --- | --- |\n")
			for _, l := range r.PerLabel {
				p("| %s | %d | %s |\n", mdText(l.Label), l.Values, coefficient(l.Agreement, "no pair"))
			}
			p("\n")
		}
	} else {
		p("Over all claims: not computed (%s).\n\n", mdText(a.OverallWhy))
	}
	if len(a.PerClaim) == 0 {
		return
	}
	p("Per claim:\n\n| claim | units | pairable units | percent agreement | Krippendorff's alpha | Gwet's AC1 |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, c := range a.PerClaim {
		if r := c.Report; r != nil {
			p("| %s | %d | %d | %s | %s | %s |\n", mdText(c.Claim), r.Units, r.PairableUnits, coefficient(r.PercentAgreement, r.PercentAgreementWhy),
				coefficient(r.KrippendorffAlpha, r.KrippendorffAlphaWhy), coefficient(r.GwetAC1, r.GwetAC1Why))
		} else {
			p("| %s | – | – | – (%s) | – | – |\n", mdText(c.Claim), mdText(c.Why))
		}
	}
	p("\n")
}

func (d *Dataset) writeCardCodebook(w *bufio.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("## Labels and codebook\n\nLabel set `%s` (%s):\n\n| label | name | description |\n| --- | --- | --- |\n", mdText(d.Scheme.ID), mdText(d.Scheme.Name))
	for _, l := range d.Scheme.Labels {
		p("| `%s` | %s | %s |\n", mdText(l.ID), mdText(l.Name), mdText(l.Description))
	}
	p("\n")
	if d.Project == nil {
		return
	}
	cb := d.Project.Codebook
	if strings.TrimSpace(cb.Guidelines) == "" && len(cb.Labels) == 0 {
		p("The project has no codebook.\n\n")
		return
	}
	p("### Guidelines\n\n")
	mdParagraphs(w, cb.Guidelines)
	for _, g := range cb.Labels {
		p("### %s\n\n", mdText(g.Label))
		mdParagraphs(w, g.Definition)
		for _, ex := range g.Examples {
			p("- Example: %s\n", mdText(ex))
		}
		if len(g.Examples) > 0 {
			p("\n")
		}
	}
}
