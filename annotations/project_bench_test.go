package annotations

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// fnc1Source is generated FNC-1-sized input as `project new` reads it: the
// bodies as plain text (title line, blank line, body) and the pairs.
type fnc1Source struct {
	bodies []string // "Body 12\n\n…"
	claims []string
	pairs  []PairInput
}

// fnc1Words make the generated sentences.
var fnc1Words = strings.Fields(`officials said the report was false and a spokesman declined to comment
on claims that militants seized the town while witnesses described explosions near the border
police confirmed an investigation into the video which appeared online after reports of a
hoax spread across social media as experts doubted the story and the company denied it`)

// newFNC1Source generates articles bodies of about 3 KB (five paragraphs of
// five sentences), claims headlines and pairs distinct pairs, from a fixed
// seed.
func newFNC1Source(articles, claims, pairs int) fnc1Source {
	r := rand.New(rand.NewPCG(1, 14))
	sentence := func(words int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = fnc1Words[r.IntN(len(fnc1Words))]
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var src fnc1Source
	for i := range articles {
		var b strings.Builder
		b.WriteString("Body " + strconv.Itoa(i) + "\n\n")
		for p := range 5 {
			if p > 0 {
				b.WriteString("\n\n")
			}
			for s := range 5 {
				if s > 0 {
					b.WriteString(" ")
				}
				b.WriteString(sentence(18 + r.IntN(8)))
				b.WriteString(". ")
			}
			b.WriteString("Article " + strconv.Itoa(i) + " paragraph " + strconv.Itoa(p) + " ends here.")
		}
		src.bodies = append(src.bodies, b.String())
	}
	for i := range claims {
		src.claims = append(src.claims, sentence(8+r.IntN(6))+" "+strconv.Itoa(i))
	}
	refs := []string{"unrelated", "unrelated", "unrelated", "discuss", "agree", "disagree"}
	seen := make(map[[2]int]bool)
	for len(src.pairs) < pairs {
		a, c := r.IntN(articles), r.IntN(claims)
		if seen[[2]int{a, c}] {
			continue
		}
		seen[[2]int{a, c}] = true
		src.pairs = append(src.pairs, PairInput{
			Article: strconv.Itoa(a), Claim: src.claims[c], Reference: refs[r.IntN(len(refs))],
			Source: "stances.csv:" + strconv.Itoa(len(src.pairs)+2),
		})
	}
	return src
}

// project is what `project new` does with the source: segment every body
// (ParsePlainText) and build the project.
func (src fnc1Source) project(tb testing.TB) *Project {
	in := ProjectInput{Scheme: Presets()[1], Pairs: src.pairs}
	for i, body := range src.bodies {
		d, err := ParsePlainText(body)
		if err != nil {
			tb.Fatal(err)
		}
		key := strconv.Itoa(i)
		in.Articles = append(in.Articles, ArticleInput{Key: key, Document: d, Source: "bodies.csv:" + strconv.Itoa(i+2), Meta: map[string]string{"Body ID": key}})
	}
	p, err := NewProject(in)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestFNC1SizedProject: a project of 900 articles of about 3 KB, 900
// claims and 25,000 tasks writes, reads within MaxProjectBytes and writes
// back the same bytes.
func TestFNC1SizedProject(t *testing.T) {
	if testing.Short() {
		t.Skip("segments 900 articles")
	}
	src := newFNC1Source(900, 900, 25_000)
	p := src.project(t)
	data := writeProject(t, p)
	t.Logf("%d documents, %d claims, %d tasks: %.1f MB", len(p.Documents), len(p.Claims), len(p.Tasks), float64(len(data))/(1<<20))
	if len(p.Tasks) != 25_000 || len(p.Documents) != 900 || len(p.Claims) != 900 {
		t.Fatalf("%d tasks, %d documents, %d claims", len(p.Tasks), len(p.Documents), len(p.Claims))
	}
	if len(data) > MaxProjectBytes/2 {
		t.Errorf("%d bytes: less than half of MaxProjectBytes is left for larger projects", len(data))
	}
	got, err := ReadProject(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if again := writeProject(t, got); !bytes.Equal(again, data) {
		t.Error("write(read(x)) differs")
	}
}

// BenchmarkNewProjectFNC1 is `project new` on FNC-1-sized input without the
// CSV reading: segment 900 bodies of about 3 KB, build the project of 900
// claims and 25,000 tasks, and write it.
func BenchmarkNewProjectFNC1(b *testing.B) {
	src := newFNC1Source(900, 900, 25_000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteProject(&buf, src.project(b)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/(1<<20), "MB/project")
}

// BenchmarkNewProjectFNC1Build is BenchmarkNewProjectFNC1 without the
// segmentation: NewProject and WriteProject of documents already read.
func BenchmarkNewProjectFNC1Build(b *testing.B) {
	src := newFNC1Source(900, 900, 25_000)
	in := ProjectInput{Scheme: Presets()[1], Pairs: src.pairs}
	for i, body := range src.bodies {
		d, err := ParsePlainText(body)
		if err != nil {
			b.Fatal(err)
		}
		in.Articles = append(in.Articles, ArticleInput{Key: strconv.Itoa(i), Document: d})
	}
	var buf bytes.Buffer
	for b.Loop() {
		p, err := NewProject(in)
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := WriteProject(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadProjectFNC1 reads (and validates) the FNC-1-sized project.
func BenchmarkReadProjectFNC1(b *testing.B) {
	data := writeProject(b, newFNC1Source(900, 900, 25_000).project(b))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadProject(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTasksOfFNC1: one annotator's share of 25,000 tasks among 10
// annotators, k = 3.
func BenchmarkTasksOfFNC1(b *testing.B) {
	p := newFNC1Source(900, 900, 25_000).project(b)
	p.Annotators = []string{"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"}
	p.Overlap = 3
	for b.Loop() {
		if n := len(p.TasksOf("a4")); n < 6000 || n > 9000 {
			b.Fatalf("%d tasks", n)
		}
	}
}
