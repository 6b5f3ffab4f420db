package annotations

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestProjectHashCovers: what may change without voiding submissions keeps
// the hash; what voids them changes it.
func TestProjectHashCovers(t *testing.T) {
	base := ProjectHash(sampleProject(t))
	for _, tt := range []struct {
		name  string
		edit  func(p *Project)
		voids bool
	}{
		{"the title", func(p *Project) { p.Title = "Another title" }, false},
		{"the guidelines", func(p *Project) { p.Codebook.Guidelines = "New rules." }, false},
		{"a definition", func(p *Project) { p.Codebook.Labels[0].Definition += " Really." }, false},
		{"an example", func(p *Project) { p.Codebook.Labels[0].Examples = nil }, false},
		{"a label name", func(p *Project) { p.Scheme.Labels[0].Name = "Agrees" }, false},
		{"a label colour", func(p *Project) { p.Scheme.Labels[0].Color = "#000000" }, false},
		{"a label description", func(p *Project) { p.Scheme.Labels[1].Description = "No." }, false},
		{"a label key", func(p *Project) { p.Scheme.Labels[0].Key, p.Scheme.Labels[1].Key = "2", "1" }, false},
		{"the label order", func(p *Project) { slices.Reverse(p.Scheme.Labels) }, false},
		{"the scheme name", func(p *Project) { p.Scheme.Name = "Mine" }, false},
		{"a document title", func(p *Project) { p.Documents[0].Title = "Retitled" }, false},
		{"a document source", func(p *Project) { p.Documents[0].Source = "elsewhere" }, false},
		{"a document meta", func(p *Project) { p.Documents[0].Meta = nil }, false},
		{"a reference", func(p *Project) { p.Tasks[0].Reference = "disagree" }, false},
		{"the annotators", func(p *Project) { p.Annotators = append(p.Annotators, "dee") }, false},
		{"the overlap", func(p *Project) { p.Overlap = 1 }, false},
		{"the options", func(p *Project) { p.Options = ProjectOptions{ShowReference: true} }, false},

		{"a sentence boundary", func(p *Project) { p.Documents[0].Sentences[0].End-- }, true},
		{"a sentence's paragraph", func(p *Project) { p.Documents[0].Sentences[2].Paragraph = 0 }, true},
		{"a document text", func(p *Project) { p.Documents[1].Text += "!" }, true},
		{"the document order", func(p *Project) { slices.Reverse(p.Documents) }, true},
		{"a claim", func(p *Project) { p.Claims[0].Text = "Spider burrows under a man's skin" }, true},
		{"a label id", func(p *Project) { p.Scheme.Labels[2].ID = "discusses" }, true},
		{"a label more", func(p *Project) {
			p.Scheme.Labels = append(p.Scheme.Labels, Label{ID: "other", Name: "Other", Key: "5", Color: "#000000"})
		}, true},
		{"a task less", func(p *Project) { p.Tasks = p.Tasks[1:] }, true},
		{"the task order", func(p *Project) { p.Tasks[0], p.Tasks[1] = p.Tasks[1], p.Tasks[0] }, true},
		{"a task's claim", func(p *Project) { p.Tasks[3].Claim = p.Claims[0].ID }, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := sampleProject(t)
			tt.edit(p)
			if got := ProjectHash(p); (got != base) != tt.voids {
				t.Errorf("changing %s: hash changed = %v, want %v", tt.name, got != base, tt.voids)
			}
		})
	}
}

// TestProjectHashLayout recomputes the hash of the sample project from the
// layout documented on ProjectHash (and in README), so the two cannot drift.
func TestProjectHashLayout(t *testing.T) {
	p := sampleProject(t)
	var b strings.Builder
	str := func(s string) { fmt.Fprintf(&b, "%d:%s\n", len(s), s) }
	b.WriteString("stancemark-project/v1\n")
	var ids []string
	for _, l := range p.Scheme.Labels {
		ids = append(ids, l.ID)
	}
	slices.Sort(ids)
	fmt.Fprintf(&b, "labels %d\n", len(ids))
	for _, id := range ids {
		str(id)
	}
	fmt.Fprintf(&b, "documents %d\n", len(p.Documents))
	for _, d := range p.Documents {
		str(d.Text)
		fmt.Fprintf(&b, "sentences %d\n", len(d.Sentences))
		for _, s := range d.Sentences {
			fmt.Fprintf(&b, "%d %d %d\n", s.Paragraph, s.Start, s.End)
		}
	}
	fmt.Fprintf(&b, "claims %d\n", len(p.Claims))
	for _, c := range p.Claims {
		str(c.Text)
	}
	fmt.Fprintf(&b, "tasks %d\n", len(p.Tasks))
	for _, task := range p.Tasks {
		str(task.Document)
		str(task.Claim)
	}
	sum := sha256.Sum256([]byte(b.String()))
	if want := "sha256:" + hex.EncodeToString(sum[:]); p.Hash != want || ProjectHash(p) != want {
		t.Errorf("hash %s, want %s from the layout:\n%s", p.Hash, want, b.String())
	}
	if want := "p" + p.Hash[7:23]; p.ID != want {
		t.Errorf("id %s, want %s", p.ID, want)
	}
}

func TestProjectIDs(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{ClaimID("Spider burrows under man's skin"), "c" + hexSum("Spider burrows under man's skin")[:12]},
		{TaskID("sha256:ab", "c1"), "t" + hexSum("sha256:ab\nc1")[:12]},
		{ProjectID("sha256:0123456789abcdef0123"), "p0123456789abcdef"},
		{ProjectID("sha256:0123"), ""},
		{ProjectID("md5:0123456789abcdef0123"), ""},
		{ProjectID("sha256:0123456789ABCDEF0123"), ""},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func hexSum(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
