package annotations

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"time"
)

// The dataset's files and its manifest: the JSON Lines tables, the
// corpus-shaped files, the card, and manifest.json listing every file with
// its size and SHA-256. The CLI adds a Parquet copy of each table (never in
// app.wasm); the browser gets all the rest as one zip (WriteDatasetZip).

// DatasetFile is one file of the dataset folder.
type DatasetFile struct {
	Name  string
	Write func(io.Writer) error
}

// ManifestFile is the name of the manifest in the folder.
const ManifestFile = "manifest.json"

// Files returns the dataset's files in the manifest's order, without the
// manifest (and without Parquet, which the CLI adds): the four tables as
// JSON Lines, bodies.csv, stances.csv, semeval.tsv and README.md.
func (d *Dataset) Files(opt CardOptions) []DatasetFile {
	return []DatasetFile{
		{"annotations.jsonl", func(w io.Writer) error { return WriteDatasetRows(w, d.Annotations) }},
		{"gold.jsonl", func(w io.Writer) error { return WriteDatasetRows(w, d.GoldRows) }},
		{"documents.jsonl", func(w io.Writer) error { return WriteDatasetRows(w, d.Documents) }},
		{"claims.jsonl", func(w io.Writer) error { return WriteDatasetRows(w, d.Claims) }},
		{"bodies.csv", d.WriteFNC1Bodies},
		{"stances.csv", d.WriteFNC1Stances},
		{"semeval.tsv", d.WriteSemEvalGold},
		{"README.md", func(w io.Writer) error { return d.WriteCard(w, opt) }},
	}
}

// Manifest is manifest.json: the format and every other file of the
// folder with its size in bytes and the hex SHA-256 of its bytes.
type Manifest struct {
	Format string          `json:"format"` // DatasetFormat
	Files  []ManifestEntry `json:"files"`
}

// ManifestEntry is one file of a Manifest.
type ManifestEntry struct {
	Name   string `json:"name"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// WriteDatasetFile writes f to w and returns its manifest entry.
func WriteDatasetFile(w io.Writer, f DatasetFile) (ManifestEntry, error) {
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(w, h)}
	if err := f.Write(cw); err != nil {
		return ManifestEntry{}, err
	}
	return ManifestEntry{Name: f.Name, Bytes: cw.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// WriteManifest writes m as JSON indented by two spaces.
func WriteManifest(w io.Writer, m *Manifest) error { return writeIndented(w, m) }

var (
	manifestName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	manifestHash = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// ReadManifest reads manifest.json strictly: the format DatasetFormat and
// every file with a plain name (no folder), its size and its SHA-256 (64
// lowercase hex digits), each name once.
func ReadManifest(r io.Reader) (*Manifest, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	o, _, err := decodeFile(data, "dataset manifest", func(got string) error {
		return checkFormatNamed(got, DatasetFormat, "dataset manifest")
	}, "a dataset manifest", []string{"format", "files"})
	if err != nil {
		return nil, err
	}
	m := &Manifest{Format: DatasetFormat}
	files, err := o.list("files", true)
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for i, raw := range files {
		at := elemPath("files", i)
		fo, err := decodeObject(raw, at)
		if err != nil {
			return nil, err
		}
		if err := fo.only("a manifest entry", "name", "bytes", "sha256"); err != nil {
			return nil, err
		}
		var e ManifestEntry
		var n int
		if err := fo.str("name", true, &e.Name); err != nil {
			return nil, err
		}
		if err := fo.int("bytes", true, &n); err != nil {
			return nil, err
		}
		if err := fo.str("sha256", true, &e.SHA256); err != nil {
			return nil, err
		}
		e.Bytes = int64(n)
		switch {
		case !manifestName.MatchString(e.Name):
			return nil, fieldErrf(at+".name", ErrBadValue, "%q is not a plain file name", e.Name)
		case e.Bytes < 0:
			return nil, fieldErrf(at+".bytes", ErrRange, "%d is negative", e.Bytes)
		case !manifestHash.MatchString(e.SHA256):
			return nil, fieldErrf(at+".sha256", ErrBadValue, "%q is not 64 lowercase hex digits", e.SHA256)
		}
		if j, ok := seen[e.Name]; ok {
			return nil, fieldErrf(at+".name", ErrDuplicateID, "%q is listed twice (also %s)", e.Name, elemPath("files", j))
		}
		seen[e.Name] = i
		m.Files = append(m.Files, e)
	}
	return m, nil
}

// datasetZipTime is the modification time of every file in the zip, so
// that the same dataset gives the same bytes.
var datasetZipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteDatasetZip writes d's files (Files, without Parquet) and their
// manifest into one zip, deflated, each under dir/ (its name as a
// folder), with a fixed time: the same dataset gives the same bytes.
func WriteDatasetZip(w io.Writer, d *Dataset, dir string) error {
	zw := zip.NewWriter(w)
	m := &Manifest{Format: DatasetFormat}
	add := func(f DatasetFile) (ManifestEntry, error) {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: dir + "/" + f.Name, Method: zip.Deflate, Modified: datasetZipTime})
		if err != nil {
			return ManifestEntry{}, err
		}
		return WriteDatasetFile(fw, f)
	}
	for _, f := range d.Files(CardOptions{}) {
		e, err := add(f)
		if err != nil {
			return fmt.Errorf("writing %s failed: %w", f.Name, err)
		}
		m.Files = append(m.Files, e)
	}
	if _, err := add(DatasetFile{ManifestFile, func(w io.Writer) error { return WriteManifest(w, m) }}); err != nil {
		return err
	}
	return zw.Close()
}
