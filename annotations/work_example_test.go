package annotations_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"stancemark/annotations"
)

func ExampleParsePlainText() {
	doc, err := annotations.ParsePlainText("Talks in Vienna\r\n\r\nRear Adm. John Kirby spoke.\r\nIran said \"No.\" Then it\r\nwaited.\r\n\u00a0\r\nThe end.\r\n")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", doc.Title)
	fmt.Printf("%q\n", doc.Text)
	for _, s := range doc.Sentences {
		fmt.Printf("%s paragraph %d [%d:%d] %s\n", s.ID, s.Paragraph, s.Start, s.End, s.Text)
	}
	// Output:
	// "Talks in Vienna"
	// "Rear Adm. John Kirby spoke. Iran said \"No.\" Then it waited.\n\nThe end."
	// s1 paragraph 0 [0:27] Rear Adm. John Kirby spoke.
	// s2 paragraph 0 [28:43] Iran said "No."
	// s3 paragraph 0 [44:59] Then it waited.
	// s4 paragraph 1 [61:69] The end.
}

// newExampleWorkspace returns a workspace with a fixed clock and ids.
func newExampleWorkspace() *annotations.Workspace {
	doc, err := annotations.NewDocument("Example", "One is first. Two is second. Three is third. Four is fourth.")
	if err != nil {
		panic(err)
	}
	w := annotations.NewWorkspace(doc)
	w.Annotator = "Ada"
	w.Now = func() time.Time { return time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC) }
	n := 0
	w.NewID = func() string { n++; return fmt.Sprintf("a%d", n) }
	return w
}

func show(w *annotations.Workspace) {
	var parts []string
	for _, a := range w.Annotations() {
		parts = append(parts, fmt.Sprintf("%s %v %s %q", a.ID, a.SentenceIDs, a.Label, a.Note))
	}
	fmt.Println(strings.Join(parts, " | "))
}

func ExampleWorkspace_Tag() {
	w := newExampleWorkspace()
	a, _ := w.Tag(0, 3, "supports") // sentences s1..s4
	w.SetNote(a.ID, "all of it")
	show(w)

	w.Tag(1, 1, "opposes") // splits the highlight in two
	show(w)

	w.Tag(0, 1, "neutral") // covers a1's rest and a3: a3's (empty) note is not carried
	show(w)

	w.Undo()
	show(w)
	// Output:
	// a1 [s1 s2 s3 s4] supports "all of it"
	// a1 [s1] supports "all of it" | a3 [s2] opposes "" | a2 [s3 s4] supports "all of it"
	// a4 [s1 s2] neutral "all of it" | a2 [s3 s4] supports "all of it"
	// a1 [s1] supports "all of it" | a3 [s2] opposes "" | a2 [s3 s4] supports "all of it"
}

func ExampleWriteExport() {
	w := newExampleWorkspace()
	w.Tag(2, 2, "opposes")
	e := w.Export(time.Date(2024, 5, 1, 12, 30, 0, 0, time.FixedZone("CEST", 2*3600)))
	e.Scheme.Labels = e.Scheme.Labels[:2] // shorten the output
	if err := annotations.WriteExport(os.Stdout, e); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "format": "stancemark/v1",
	//   "exported": "2024-05-01T10:30:00.000Z",
	//   "annotator": {
	//     "name": "Ada"
	//   },
	//   "document": {
	//     "id": "sha256:a342c6cbdb259a5f431382f61ba235764ebba2d430ecda78b6c1a60c4046915d",
	//     "title": "Example",
	//     "text": "One is first. Two is second. Three is third. Four is fourth.",
	//     "sentences": [
	//       {
	//         "id": "s1",
	//         "paragraph": 0,
	//         "start": 0,
	//         "end": 13
	//       },
	//       {
	//         "id": "s2",
	//         "paragraph": 0,
	//         "start": 14,
	//         "end": 28
	//       },
	//       {
	//         "id": "s3",
	//         "paragraph": 0,
	//         "start": 29,
	//         "end": 44
	//       },
	//       {
	//         "id": "s4",
	//         "paragraph": 0,
	//         "start": 45,
	//         "end": 60
	//       }
	//     ]
	//   },
	//   "scheme": {
	//     "id": "default",
	//     "name": "Default",
	//     "target": "",
	//     "labels": [
	//       {
	//         "id": "supports",
	//         "name": "Supports",
	//         "key": "1",
	//         "color": "#009e73",
	//         "description": "The text supports the target claim."
	//       },
	//       {
	//         "id": "opposes",
	//         "name": "Opposes",
	//         "key": "2",
	//         "color": "#d55e00",
	//         "description": "The text argues against the target claim."
	//       }
	//     ]
	//   },
	//   "annotations": [
	//     {
	//       "id": "a1",
	//       "sentences": [
	//         "s3"
	//       ],
	//       "label": "opposes",
	//       "note": "",
	//       "created": "2024-05-01T10:00:00.000Z",
	//       "modified": "2024-05-01T10:00:00.000Z"
	//     }
	//   ]
	// }
}

func ExampleReadExport() {
	w := newExampleWorkspace()
	in := `{"format": "stancemark/v2"}`
	_, err := annotations.ReadExport(strings.NewReader(in))
	fmt.Println(err)
	fmt.Println(w.Doc.Sentences[0].Text)
	// Output:
	// format: "stancemark/v2" is not supported; this version of Stancemark reads stancemark/v1 (was the file made by a newer Stancemark?)
	// One is first.
}
