package annotations

import (
	"fmt"
	"io"
)

// Formats are the export formats WriteFormat knows, in menu order.
var Formats = []string{"json", "w3c", "csv", "jsonl", "semeval", "pairs"}

// formatInfo describes one export format.
var formatInfo = map[string]struct{ ext, mediaType, name string }{
	"json":    {".stancemark.json", "application/json", "Stancemark JSON (stancemark/v1)"},
	"w3c":     {".jsonld", `application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"`, "W3C Web Annotation (JSON-LD)"},
	"csv":     {".csv", "text/csv;charset=utf-8", "CSV, one row per sentence"},
	"jsonl":   {".jsonl", "application/jsonl", "JSON Lines, one highlight per line"},
	"semeval": {".tsv", "text/tab-separated-values;charset=utf-8", "SemEval-2016 stance TSV"},
	"pairs":   {".pairs.jsonl", "application/jsonl", "Claim-sentence pairs (JSON Lines)"},
}

// WriteFormat validates exports (Export.Validate; the error names the
// export and the field) and writes them to w in format, one of Formats:
//
//	json     stancemark/v1, as WriteExport; several exports are written one after another
//	w3c      one W3C AnnotationCollection (WriteW3C)
//	csv      one row per sentence per export (WriteCSV)
//	jsonl    one highlight per line (WriteJSONL)
//	semeval  SemEval-2016 Task 6 TSV, one row per highlight (WriteSemEval)
//	pairs    claim-sentence pairs, one per tagged sentence per export (WritePairs)
//
// Nothing is written when an export is invalid or the format unknown.
func WriteFormat(w io.Writer, format string, exports []*Export) error {
	if _, ok := formatInfo[format]; !ok {
		return fmt.Errorf("unknown export format %q (want json, w3c, csv, jsonl, semeval or pairs)", format)
	}
	for i, e := range exports {
		if err := e.Validate(); err != nil {
			return fmt.Errorf("export %d: %w", i+1, err)
		}
	}
	switch format {
	case "w3c":
		return WriteW3C(w, exports, W3COptions{})
	case "csv":
		return WriteCSV(w, exports)
	case "jsonl":
		return WriteJSONL(w, exports)
	case "semeval":
		return WriteSemEval(w, exports, DatasetOptions{})
	case "pairs":
		return WritePairs(w, exports, DatasetOptions{})
	}
	for _, e := range exports {
		if err := WriteExport(w, e); err != nil {
			return err
		}
	}
	return nil
}

// FormatExtension returns the file name extension for format, with its
// dot (".csv"; ".stancemark.json" for json, ".pairs.jsonl" for pairs), or ""
// for an unknown format.
func FormatExtension(format string) string { return formatInfo[format].ext }

// FormatMediaType returns the media type of format (for a download), or ""
// for an unknown format.
func FormatMediaType(format string) string { return formatInfo[format].mediaType }

// FormatName returns a short human name of format for a menu, or "".
func FormatName(format string) string { return formatInfo[format].name }
