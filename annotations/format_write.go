package annotations

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
//	json     stancemark/v1, as WriteExport; several exports are JSON Lines,
//	         one compact stancemark/v1 object per line
//	w3c      one W3C AnnotationCollection (WriteW3C)
//	csv      one row per sentence per export (WriteCSV)
//	jsonl    one highlight per line (WriteJSONL)
//	semeval  SemEval-2016 Task 6 TSV, one row per highlight (WriteSemEval)
//	pairs    claim-sentence pairs, one per tagged sentence per export (WritePairs)
//
// A json export larger than MaxExportBytes is refused (ErrTooLarge), since
// ReadExport would refuse it. Nothing is written when an export is invalid
// or the format unknown.
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
	var buf bytes.Buffer
	for i, e := range exports {
		buf.Reset()
		var err error
		if len(exports) == 1 {
			err = WriteExport(&buf, e)
		} else {
			err = writeLines(&buf, []*Export{e})
		}
		if err != nil {
			return err
		}
		if err := checkExportSize(buf.Len()); err != nil {
			return fmt.Errorf("export %d: %w", i+1, err)
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// checkExportSize returns an error wrapping ErrTooLarge for an export of n
// bytes that ReadExport would refuse.
func checkExportSize(n int) error {
	if n <= MaxExportBytes {
		return nil
	}
	return because(fmt.Sprintf("the export would be %.1f MB, more than the %d MB a Stancemark export may have", float64(n)/(1<<20), MaxExportBytes>>20), ErrTooLarge)
}

// AnnotatorName returns the name of e's annotator as every export format
// writes it: e.Annotator.Name, or for an export without one
// "anonymous-" and the first 8 hex digits of the SHA-256 of the document id
// followed by the export's annotation ids, each after a "\n" (in the order
// of the file). The app makes highlight ids at random, so two anonymous
// files of one document get different names, and the same file always
// gets the same name; only two anonymous files without any highlight share
// one (where names must differ, as in agreement, the second becomes
// "anonymous-… (2)").
func AnnotatorName(e *Export) string {
	if e.Annotator.Name != "" {
		return e.Annotator.Name
	}
	h := sha256.New()
	io.WriteString(h, e.Document.ID)
	for _, a := range e.Annotations {
		io.WriteString(h, "\n")
		io.WriteString(h, a.ID)
	}
	return "anonymous-" + hex.EncodeToString(h.Sum(nil))[:8]
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
