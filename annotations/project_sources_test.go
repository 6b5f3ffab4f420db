package annotations

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSniffProjectFile(t *testing.T) {
	tests := []struct {
		name, data string
		kind       ProjectFileKind
		cols       []string
		err        string
	}{
		{"a.txt", "Title\n\nBody.", ProjectArticle, nil, ""},
		{"bodies.csv", "Body ID,articleBody\n1,Hello.\n", ProjectBodies, []string{"Body ID", "articleBody"}, ""},
		{"stances.csv", "\uFEFFHeadline, Body ID ,Stance\nH,1,agree\n", ProjectStances, []string{"Headline", "Body ID", "Stance"}, ""},
		{"arts.csv", "id,headline,body\n1,H,B\n", ProjectTable, []string{"id", "headline", "body"}, ""},
		{"arts.jsonl", `{"body": "x", "id": 1}` + "\n\n" + `{"id": 2, "lang": "en"}` + "\n", ProjectTable, []string{"body", "id", "lang"}, ""},
		{"bad.jsonl", `{"body": "x"}` + "\n" + `{"body" "y"}`, ProjectTable, nil, "bad.jsonl:2:9: invalid JSON"},
		{"empty.csv", "", ProjectTable, nil, "empty.csv: the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, cols, err := SniffProjectFile(ProjectFile{tt.name, []byte(tt.data)})
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || kind != tt.kind || !slices.Equal(cols, tt.cols) {
				t.Errorf("got %v %q %v; want %v %q", kind, cols, err, tt.kind, tt.cols)
			}
		})
	}
}

func TestProjectSources(t *testing.T) {
	files := []ProjectFile{
		{"bodies.csv", []byte("Body ID,articleBody\n1,\"The mayor resigned. Nobody knows why.\"\n2,Rain fell. The river rose.\n")},
		{"stances.csv", []byte("Headline,Body ID,Stance\nThe mayor quit,1,Agree\nThe river flooded,2,discuss\n")},
		{"extra.jsonl", []byte(`{"id": 9, "headline": "Cats", "body": "A cat sat. It purred."}` + "\n")},
	}
	ps, err := ReadProjectSources(files, ProjectColumns{Title: "headline", Text: "body"})
	if err != nil {
		t.Fatal(err)
	}
	if !ps.FNC1 || ps.Articles() != 3 || ps.Pairs() != 2 || ps.DefaultScheme().ID != "fnc1" {
		t.Fatalf("FNC1 %v, %d articles, %d pairs", ps.FNC1, ps.Articles(), ps.Pairs())
	}
	if _, err := ps.Project(ProjectSettings{}); !errors.Is(err, ErrNoClaims) || !strings.HasPrefix(err.Error(), "extra.jsonl:1: no input pairs") {
		t.Errorf("the JSONL article without claims: %v", err)
	}
	p, err := ps.Project(ProjectSettings{Claims: ClaimLines("\uFEFF Cats purr \n\n"), Annotators: AnnotatorList("ana, bob,,cy")})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Documents) != 3 || len(p.Tasks) != 3 || p.Tasks[0].Reference != "agree" || p.Documents[2].Title != "Cats" || p.Overlap != 3 || p.Scheme.ID != "fnc1" {
		t.Errorf("%d documents, %d tasks %+v, title %q, overlap %d, scheme %s", len(p.Documents), len(p.Tasks), p.Tasks, p.Documents[2].Title, p.Overlap, p.Scheme.ID)
	}
	if _, err := ps.Project(ProjectSettings{Scheme: Presets()[0], Claims: []string{"x"}}); !errors.Is(err, ErrUnknownLabel) || !strings.HasPrefix(err.Error(), `stances.csv:2: the stance "agree" is not a label of the scheme "default"`) {
		t.Errorf("a stance outside the scheme: %v", err)
	}
	if _, err := ps.Project(ProjectSettings{Claims: []string{"x"}, Annotators: []string{"a"}, Overlap: 2}); err == nil {
		t.Error("an overlap above the number of annotators is accepted")
	}
}

func TestReadProjectSourcesErrors(t *testing.T) {
	tests := []struct {
		name  string
		files []ProjectFile
		want  string
	}{
		{"CSV syntax", []ProjectFile{{"bad.csv", []byte("id,text\n1,\"broken \"quote\"\n")}}, `bad.csv:2:11: extraneous or missing " in quoted-field`},
		{"no text column", []ProjectFile{{"a.csv", []byte("id,body\n1,x\n")}}, `a.csv:1: no column "text" (the header has id, body)`},
		{"empty text", []ProjectFile{{"a.csv", []byte("id,text\n1,Fine.\n2, \n")}}, "a.csv:3:3: the text is empty"},
		{"stances alone", []ProjectFile{{"stances.csv", []byte("Headline,Body ID\nH,1\n")}}, "stances.csv:2: no article for its Body IDs"},
		{"same article twice", []ProjectFile{{"b.csv", []byte("Body ID,articleBody\n1,One.\n1,Two.\n")}}, `b.csv:3: the article "1" is also at b.csv:2`},
		{"not an article", []ProjectFile{{"x.txt", []byte("\x00\x01\x02")}}, "x.txt: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadProjectSources(tt.files, ProjectColumns{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
