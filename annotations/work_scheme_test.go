package annotations

import (
	"errors"
	"testing"
)

func TestPresets(t *testing.T) {
	want := []struct {
		id     string
		labels []string
	}{
		{"default", []string{"supports", "opposes", "neutral", "unrelated"}},
		{"fnc1", []string{"agree", "disagree", "discuss", "unrelated"}},
		{"semeval2016", []string{"favor", "against", "none"}},
		{"rumoureval", []string{"support", "deny", "query", "comment"}},
		{"fever", []string{"supports", "refutes", "nei"}},
	}
	okabeIto := map[string]bool{"#e69f00": true, "#56b4e9": true, "#009e73": true, "#f0e442": true,
		"#0072b2": true, "#d55e00": true, "#cc79a7": true, "#000000": true, "#999999": true}
	ps := Presets()
	if len(ps) != len(want) {
		t.Fatalf("%d presets, want %d", len(ps), len(want))
	}
	for i, s := range ps {
		t.Run(s.ID, func(t *testing.T) {
			if s.ID != want[i].id {
				t.Fatalf("preset %d is %q, want %q", i, s.ID, want[i].id)
			}
			if err := s.Validate(); err != nil {
				t.Fatal(err)
			}
			if s.Target != "" {
				t.Errorf("Target = %q, want empty", s.Target)
			}
			colors := map[string]bool{}
			for j, l := range s.Labels {
				if j >= len(want[i].labels) || l.ID != want[i].labels[j] {
					t.Errorf("label %d = %q, want %v", j, l.ID, want[i].labels)
				}
				if l.Key != string(rune('1'+j)) {
					t.Errorf("%s key = %q", l.ID, l.Key)
				}
				if !okabeIto[l.Color] || colors[l.Color] {
					t.Errorf("%s colour %s is not an unused Okabe-Ito colour", l.ID, l.Color)
				}
				colors[l.Color] = true
				if l.Description == "" || l.Name == "" {
					t.Errorf("%s has no name or description", l.ID)
				}
			}
		})
	}
	ps[0].Labels[0].Name = "changed"
	ps[0].Target = "changed"
	if again := Presets(); again[0].Labels[0].Name != "Supports" || again[0].Target != "" {
		t.Error("Presets returns shared memory")
	}
	if l, _ := Presets()[4].Label("nei"); l.Name != "Not enough info" {
		t.Errorf("FEVER nei is named %q", l.Name)
	}
}

func TestSchemeLabel(t *testing.T) {
	s := Presets()[0]
	if l, ok := s.Label("opposes"); !ok || l.Key != "2" {
		t.Errorf("Label(opposes) = %v, %v", l, ok)
	}
	if _, ok := s.Label("agree"); ok {
		t.Error("Label(agree) found")
	}
	if l, ok := s.LabelForKey("3"); !ok || l.ID != "neutral" {
		t.Errorf("LabelForKey(3) = %v, %v", l, ok)
	}
	if _, ok := s.LabelForKey("9"); ok {
		t.Error("LabelForKey(9) found")
	}
}

func TestSchemeValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(s *Scheme)
		msg    string
		target error
	}{
		{"valid", func(s *Scheme) {}, "", nil},
		{"uppercase colour", func(s *Scheme) { s.Labels[0].Color = "#00AAFF" }, "", nil},
		{"missing id", func(s *Scheme) { s.ID = "" }, "id: missing; a scheme needs an id", ErrMissingField},
		{"missing name", func(s *Scheme) { s.Name = " " }, "name: missing; a scheme needs a name", ErrMissingField},
		{"no labels", func(s *Scheme) { s.Labels = nil }, "labels: empty; a scheme needs at least one label", ErrMissingField},
		{"empty label id", func(s *Scheme) { s.Labels[1].ID = "" }, "labels[1].id: missing; every label needs an id", ErrMissingField},
		{"duplicate label id", func(s *Scheme) { s.Labels[2].ID = "supports" }, `labels[2].id: duplicate id "supports" (also labels[0])`, ErrDuplicateID},
		{"duplicate key", func(s *Scheme) { s.Labels[2].Key = "1" }, `labels[2].key: duplicate key "1" (also labels[0])`, ErrDuplicateID},
		{"key 0", func(s *Scheme) { s.Labels[0].Key = "0" }, `labels[0].key: "0" is not a key from 1 to 9`, ErrBadValue},
		{"key 10", func(s *Scheme) { s.Labels[0].Key = "10" }, `labels[0].key: "10" is not a key from 1 to 9`, ErrBadValue},
		{"colour name", func(s *Scheme) { s.Labels[3].Color = "red" }, `labels[3].color: "red" is not a colour like #0072b2`, ErrBadValue},
		{"short colour", func(s *Scheme) { s.Labels[3].Color = "#fff" }, `labels[3].color: "#fff" is not a colour like #0072b2`, ErrBadValue},
		{"empty label name", func(s *Scheme) { s.Labels[0].Name = "" }, "labels[0].name: missing; every label needs a name", ErrMissingField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Presets()[0]
			tt.edit(&s)
			err := s.Validate()
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			if err == nil || err.Error() != tt.msg {
				t.Fatalf("Validate() = %v, want %q", err, tt.msg)
			}
			if !errors.Is(err, tt.target) {
				t.Errorf("error does not wrap %v", tt.target)
			}
		})
	}
}
