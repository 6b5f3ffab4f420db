package annotations

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Reliability is reliability data in Krippendorff's sense: units (rows)
// rated by coders (columns). Values[u][c] is the value coder c gave unit u,
// as text; "" means the coder did not rate the unit (missing data). Every
// agreement measure of this package is a method of Reliability: a pure
// function of the matrix, with no I/O.
type Reliability struct {
	Units  []string   // unit ids, one per row (sentence ids for exports)
	Coders []string   // coder names, one per column
	Values [][]string // Values[u][c]: len(Units) rows of len(Coders) values; "" is missing
}

// Level is the level of measurement of the values, which decides how far
// apart two different values are for Krippendorff's alpha.
type Level int

// The levels of measurement. Ordinal, Interval and Ratio need numeric
// values (ErrNotNumeric otherwise); Ratio also needs them to be 0 or more.
const (
	Nominal  Level = iota // categories: two values agree or not (stance labels)
	Ordinal               // ranks: the distance counts the values between them
	Interval              // numbers: the squared difference
	Ratio                 // numbers from an absolute zero: the squared difference relative to the sum
)

var levelNames = []string{"nominal", "ordinal", "interval", "ratio"}

// String returns "nominal", "ordinal", "interval" or "ratio".
func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return "Level(" + strconv.Itoa(int(l)) + ")"
	}
	return levelNames[l]
}

// ParseLevel returns the Level named s ("nominal", "ordinal", "interval",
// "ratio").
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if s == n {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want nominal, ordinal, interval or ratio)", s)
}

// check checks the shape of r and that it has at least two coders.
func (r *Reliability) check() error {
	if len(r.Values) != len(r.Units) {
		return fmt.Errorf("%w: %d units but %d rows of values", ErrMatrixShape, len(r.Units), len(r.Values))
	}
	for u, row := range r.Values {
		if len(row) != len(r.Coders) {
			return fmt.Errorf("%w: unit %q has %d values for %d coders", ErrMatrixShape, r.Units[u], len(row), len(r.Coders))
		}
	}
	if len(r.Coders) < 2 {
		return fmt.Errorf("%w (the data has %d)", ErrTooFewCoders, len(r.Coders))
	}
	return nil
}

// coded is reliability data with its values replaced by indexes into a
// list of distinct values: what every measure computes on.
type coded struct {
	values []string  // distinct values; sorted by number for numeric levels
	nums   []float64 // their numbers (numeric levels only)
	cells  [][]int   // cells[u][c]: index into values, or -1 for missing
	counts [][]int   // counts[u][v]: how many coders gave unit u value v
	m      []int     // m[u]: how many values unit u has
}

// code checks r and codes its values for level: at the nominal level
// values are compared as text (after trimming spaces); at the others as
// numbers, so "1" and "1.0" are the same value.
func (r *Reliability) code(level Level) (*coded, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	if level < Nominal || level > Ratio {
		return nil, fmt.Errorf("unknown level %d", int(level))
	}
	k := &coded{cells: make([][]int, len(r.Units)), m: make([]int, len(r.Units))}
	index := map[string]int{}
	for u, row := range r.Values {
		k.cells[u] = make([]int, len(row))
		for c, v := range row {
			v = strings.TrimSpace(v)
			if v == "" {
				k.cells[u][c] = -1
				continue
			}
			key := v
			if level != Nominal {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
					return nil, fmt.Errorf("unit %q, coder %q: %q is %w; the %s level needs numbers", r.Units[u], r.Coders[c], v, ErrNotNumeric, level)
				}
				if level == Ratio && f < 0 {
					return nil, fmt.Errorf("unit %q, coder %q: %q: %w", r.Units[u], r.Coders[c], v, ErrNegativeValue)
				}
				key = strconv.FormatFloat(f, 'g', -1, 64)
				if _, ok := index[key]; !ok {
					k.nums = append(k.nums, f)
				}
			}
			i, ok := index[key]
			if !ok {
				i = len(k.values)
				index[key] = i
				k.values = append(k.values, key)
			}
			k.cells[u][c] = i
			k.m[u]++
		}
	}
	if level != Nominal {
		k.sortNumeric()
	}
	k.counts = make([][]int, len(r.Units))
	for u, row := range k.cells {
		k.counts[u] = make([]int, len(k.values))
		for _, v := range row {
			if v >= 0 {
				k.counts[u][v]++
			}
		}
	}
	return k, nil
}

// sortNumeric reorders k.values by number and renumbers the cells.
func (k *coded) sortNumeric() {
	order := make([]int, len(k.values)) // new position -> old index
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(k.nums[a], k.nums[b]) })
	renum := make([]int, len(order))
	values, nums := make([]string, len(order)), make([]float64, len(order))
	for pos, old := range order {
		renum[old] = pos
		values[pos], nums[pos] = k.values[old], k.nums[old]
	}
	k.values, k.nums = values, nums
	for _, row := range k.cells {
		for c, v := range row {
			if v >= 0 {
				row[c] = renum[v]
			}
		}
	}
}

// PairableValues returns the number of values in units that have at least
// two (Krippendorff's n): the values that take part in a comparison.
func (r *Reliability) PairableValues() int {
	n := 0
	for _, row := range r.Values {
		m := 0
		for _, v := range row {
			if strings.TrimSpace(v) != "" {
				m++
			}
		}
		if m >= 2 {
			n += m
		}
	}
	return n
}

// ReadReliabilityCSV reads a reliability matrix in CSV (RFC 4180, UTF-8,
// with or without a byte order mark): a header "unit,<coder>,<coder>,...",
// then one row per unit: its id, then one value per coder; an empty cell is
// missing. Spaces around values are ignored. Errors name the line.
func ReadReliabilityCSV(r io.Reader) (*Reliability, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 0 // every row as long as the header
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("the matrix is empty (expected a header unit,<coder>,<coder>,...)")
	}
	if err != nil {
		return nil, csvErr(err)
	}
	header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	rel := &Reliability{Coders: header[1:]}
	for i, c := range rel.Coders {
		rel.Coders[i] = strings.TrimSpace(c)
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(err)
		}
		rel.Units = append(rel.Units, strings.TrimSpace(rec[0]))
		rel.Values = append(rel.Values, rec[1:])
	}
	return rel, nil
}

// csvErr rewords a csv error, keeping its line.
func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
		return fmt.Errorf("line %d: %w: the row does not have one value per coder of the header", pe.Line, ErrMatrixShape)
	}
	return err
}
