package annotations_test

import (
	"fmt"
	"os"
	"strings"

	"stancemark/annotations"
)

func ExampleReliability_KrippendorffAlpha() {
	r, err := annotations.ReadReliabilityCSV(strings.NewReader(
		"unit,ann,bob,cy\n" +
			"s1,supports,supports,supports\n" +
			"s2,supports,neutral,supports\n" +
			"s3,opposes,opposes,\n" +
			"s4,,neutral,\n"))
	if err != nil {
		panic(err)
	}
	alpha, _ := r.KrippendorffAlpha(annotations.Nominal)
	pa, _ := r.PercentAgreement()
	fmt.Printf("alpha %.3f, percent agreement %.3f over %d pairable values\n", alpha, pa, r.PairableValues())
	units, _ := r.UnitAgreement()
	fmt.Printf("%s: majority %s, disagreement %.3f\n", units[1].Unit, units[1].Majority, units[1].Disagreement)
	// Output:
	// alpha 0.588, percent agreement 0.714 over 8 pairable values
	// s2: majority supports, disagreement 0.667
}

func ExampleWriteFormat() {
	doc, _ := annotations.NewDocument("Example", "One is first. Two is second.")
	w := annotations.NewWorkspace(doc)
	w.Annotator = "Ada"
	w.Tag(1, 1, "opposes")
	e := w.Export(exportTime)
	annotations.WriteFormat(os.Stdout, "csv", []*annotations.Export{e})
	fmt.Println(annotations.FormatExtension("csv"))
	// Output:
	// document_id,sentence_id,index,paragraph,start,end,text,label,note,annotator
	// sha256:dff4e1d6e64d5c695b5224ea8722054f0e1b97204a8c79c05d9775405589b309,s1,0,0,0,13,One is first.,,,Ada
	// sha256:dff4e1d6e64d5c695b5224ea8722054f0e1b97204a8c79c05d9775405589b309,s2,1,0,14,28,Two is second.,opposes,,Ada
	// .csv
}
