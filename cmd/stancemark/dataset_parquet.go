//go:build !wasm

package main

import (
	"io"

	"github.com/parquet-go/parquet-go"

	"stancemark/annotations"
)

// The Parquet copies of the dataset's tables, written with
// github.com/parquet-go/parquet-go (CLI only: this file is !wasm, so
// Parquet never enters app.wasm). The columns are the row structs' parquet
// tags, the same names as the JSON Lines keys; a column that may be null
// there is optional here; lists of structs (votes, sentences, meta) are
// Parquet LISTs.

// parquetCreatedBy is the file metadata's created_by, fixed so that reruns
// give the same bytes (parquet-go's default carries the build's hash).
var parquetCreatedBy = parquet.CreatedBy("stancemark", annotations.DatasetFormat, "parquet-go v0.32.1")

// parquetRowGroup is the number of rows of a row group: the writer holds
// one row group in memory before it writes it out.
const parquetRowGroup = 50_000

// parquetFile returns the Parquet copy of a table as a dataset file.
func parquetFile[T any](name string, rows []T) annotations.DatasetFile {
	return annotations.DatasetFile{Name: name, Write: func(w io.Writer) error {
		pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Snappy), parquetCreatedBy, parquet.MaxRowsPerRowGroup(parquetRowGroup))
		const batch = 10_000 // rows per Write, so the column buffers stay small
		for i := 0; i < len(rows); i += batch {
			if _, err := pw.Write(rows[i:min(i+batch, len(rows))]); err != nil {
				return err
			}
		}
		return pw.Close()
	}}
}

// parquetFiles returns the Parquet copy of each table of d, named as its
// JSON Lines file with .parquet.
func parquetFiles(d *annotations.Dataset) []annotations.DatasetFile {
	return []annotations.DatasetFile{
		parquetFile("annotations.parquet", d.Annotations),
		parquetFile("gold.parquet", d.GoldRows),
		parquetFile("documents.parquet", d.Documents),
		parquetFile("claims.parquet", d.Claims),
	}
}
