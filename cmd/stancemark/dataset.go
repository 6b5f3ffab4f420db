//go:build !wasm

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"stancemark/annotations"
)

const datasetUsage = `Usage: stancemark dataset -o DIR [-gold GOLD.json] FILE...

Write a dataset folder that loads in one line in pandas, DuckDB, R and
Hugging Face datasets (stancemark-dataset/v1; the JSON Schemas are in
web/schema/stancemark-dataset-v1/):

	annotations.jsonl  one row per label given: annotator × tagged sentence × claim
	gold.jsonl         one row per sentence × claim anyone tagged (and per task
	                   for the overall stance): gold label, source, votes
	documents.jsonl    the articles, their text and sentence boundaries
	claims.jsonl       the claims
	*.parquet          a Parquet copy of each of these four tables
	bodies.csv         FNC-1's "Body ID,articleBody"
	stances.csv        FNC-1's "Headline,Body ID,Stance": the gold overall stances
	semeval.tsv        SemEval-2016's "ID, Target, Tweet, Stance": the gold sentence labels
	README.md          the dataset card (Hugging Face YAML header, counts,
	                   annotators, agreement, codebook, a licence to fill in)
	manifest.json      every other file with its size and SHA-256

FILE is a project (stancemark-project/v1) and its annotators' submissions
(stancemark-submission/v1), or several annotators' stancemark/v1 exports of
one document (one file per annotator; the claim is the scheme's target;
an export without a name is named anonymous-… as in convert). "-" reads
standard input, once.

Gold labels follow the majority policy of "stancemark gold"; with -gold
GOLD.json, the policy, -none choice and adjudicated entries of that gold
file. DIR is made if missing; each file is written through a temporary
file renamed over it. The same input gives the same bytes.

Flags:
`

// datasetMemoryLimit is the Go heap's soft limit while dataset runs
// (GOMEMLIMIT overrides it).
const datasetMemoryLimit = 768 << 20

func runDataset(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dataset", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the dataset into the folder `DIR`")
	goldFile := fs.String("gold", "", "decide the gold labels as the gold file `GOLD.json` does (its policy and adjudications)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), datasetUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *out == "" || *out == "-":
		fs.Usage()
		return usageError{"dataset needs -o DIR, the folder to write"}
	case fs.NArg() == 0:
		fs.Usage()
		return usageError{"dataset needs FILEs: a project and its submissions, or exports of one document"}
	}
	if countStdin(append(fs.Args(), *goldFile)) > 1 {
		fs.Usage()
		return usageError{stdinTwice}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// The tables of an FNC-1-sized project hold about 500 MB at their
		// peak; without a limit the collector lets the heap grow to twice
		// that before it runs. A soft limit keeps the process under 1 GiB
		// (it only makes the collector run sooner).
		debug.SetMemoryLimit(datasetMemoryLimit)
	}
	d, err := buildDataset(fs.Args(), *goldFile, stdin)
	if err != nil {
		return err
	}
	n, err := writeDatasetDir(*out, d)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "dataset: %d files in %s (%d labels given, %d gold labels, %d documents, %d claims)\n",
		n, *out, len(d.Annotations), len(d.GoldRows), len(d.Documents), len(d.Claims))
	return nil
}

// buildDataset reads the FILEs (and the gold file) and builds the tables.
// Every error names its file.
func buildDataset(names []string, goldFile string, stdin io.Reader) (*annotations.Dataset, error) {
	in, err := readGoldInputs(names, stdin, false)
	if err != nil {
		return nil, err
	}
	din := annotations.DatasetInput{Project: in.Project, Submissions: in.Submissions, Exports: in.Exports}
	if goldFile != "" {
		data, err := readFileArg(goldFile, stdin, annotations.MaxProjectBytes)
		if err != nil {
			return nil, err
		}
		if din.Gold, err = annotations.ReadGold(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("%s: %w", goldFile, err)
		}
	}
	d, err := annotations.NewDataset(din)
	if err != nil && din.Gold != nil {
		// Tell the inputs' errors from the gold file's.
		without := din
		without.Gold = nil
		if _, inputErr := annotations.NewDataset(without); inputErr == nil {
			err = fmt.Errorf("%s: %w", goldFile, err)
		}
	}
	return d, err
}

// writeDatasetDir writes every file of d into dir, the manifest last, and
// returns how many files it wrote.
func writeDatasetDir(dir string, d *annotations.Dataset) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("making %s failed: %w", dir, unwrapPath(err))
	}
	files := append(d.Files(annotations.CardOptions{Parquet: true}), parquetFiles(d)...)
	m := &annotations.Manifest{Format: annotations.DatasetFormat}
	for _, f := range files {
		var e annotations.ManifestEntry
		err := writeAtomicFunc(filepath.Join(dir, f.Name), func(w io.Writer) error {
			var err error
			e, err = annotations.WriteDatasetFile(w, f)
			return err
		})
		if err != nil {
			return 0, err
		}
		m.Files = append(m.Files, e)
	}
	err := writeAtomicFunc(filepath.Join(dir, annotations.ManifestFile), func(w io.Writer) error { return annotations.WriteManifest(w, m) })
	return len(files) + 1, err
}
