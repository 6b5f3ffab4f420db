package annotations

import (
	"fmt"
	"strings"
)

// Label is one stance of a Scheme.
type Label struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Key         string `json:"key"`   // hotkey, "1".."9"
	Color       string `json:"color"` // "#rrggbb"
	Description string `json:"description,omitempty"`
}

// Scheme is a set of labels for the stance toward one target claim.
type Scheme struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Target string  `json:"target"` // the claim the stance is toward
	Labels []Label `json:"labels"`
}

// The Okabe-Ito colour-blind-safe palette.
const (
	colorOrange    = "#e69f00"
	colorSkyBlue   = "#56b4e9"
	colorGreen     = "#009e73"
	colorBlue      = "#0072b2"
	colorVermilion = "#d55e00"
	colorPurple    = "#cc79a7"
	colorGrey      = "#999999"
)

// Presets returns the built-in schemes, freshly allocated on each call, in
// this order: "default", "fnc1", "semeval2016", "rumoureval", "fever". Their
// targets are empty.
func Presets() []Scheme {
	l := func(id, name, key, color, desc string) Label {
		return Label{ID: id, Name: name, Key: key, Color: color, Description: desc}
	}
	return []Scheme{
		{ID: "default", Name: "Default", Labels: []Label{
			l("supports", "Supports", "1", colorGreen, "The text supports the target claim."),
			l("opposes", "Opposes", "2", colorVermilion, "The text argues against the target claim."),
			l("neutral", "Neutral", "3", colorBlue, "The text is about the claim but takes no side."),
			l("unrelated", "Unrelated", "4", colorGrey, "The text is not about the claim."),
		}},
		{ID: "fnc1", Name: "FNC-1", Labels: []Label{
			l("agree", "Agree", "1", colorGreen, "The text agrees with the headline."),
			l("disagree", "Disagree", "2", colorVermilion, "The text disagrees with the headline."),
			l("discuss", "Discuss", "3", colorBlue, "The text discusses the headline without taking a position."),
			l("unrelated", "Unrelated", "4", colorGrey, "The text is about something else."),
		}},
		{ID: "semeval2016", Name: "SemEval-2016", Labels: []Label{
			l("favor", "Favor", "1", colorGreen, "The author is in favour of the target."),
			l("against", "Against", "2", colorVermilion, "The author is against the target."),
			l("none", "None", "3", colorGrey, "Neither, or the stance cannot be told."),
		}},
		{ID: "rumoureval", Name: "RumourEval", Labels: []Label{
			l("support", "Support", "1", colorGreen, "Supports the veracity of the rumour."),
			l("deny", "Deny", "2", colorVermilion, "Denies the veracity of the rumour."),
			l("query", "Query", "3", colorOrange, "Asks for more evidence about the rumour."),
			l("comment", "Comment", "4", colorSkyBlue, "Comments without a clear contribution to its veracity."),
		}},
		{ID: "fever", Name: "FEVER", Labels: []Label{
			l("supports", "Supports", "1", colorGreen, "The evidence supports the claim."),
			l("refutes", "Refutes", "2", colorVermilion, "The evidence refutes the claim."),
			l("nei", "Not enough info", "3", colorPurple, "The evidence is not enough to decide."),
		}},
	}
}

// Label returns the label with the given id.
func (s Scheme) Label(id string) (Label, bool) {
	for _, l := range s.Labels {
		if l.ID == id {
			return l, true
		}
	}
	return Label{}, false
}

// LabelForKey returns the label bound to the hotkey key ("1".."9").
func (s Scheme) LabelForKey(key string) (Label, bool) {
	for _, l := range s.Labels {
		if l.Key == key {
			return l, true
		}
	}
	return Label{}, false
}

// Validate checks that s has an id, a name and at least one label, and that
// every label has a unique non-empty id, a non-empty name, a unique key
// "1".."9" and a colour "#rrggbb", and that no id, name, target or
// description is longer than MaxLabelRunes or MaxTargetRunes. The error is
// an *ImportError naming the field, such as `labels[2].key: duplicate key
// "1"`.
func (s Scheme) Validate() error {
	if strings.TrimSpace(s.ID) == "" {
		return fieldErrf("id", ErrMissingField, "missing; a scheme needs an id")
	}
	if strings.TrimSpace(s.Name) == "" {
		return fieldErrf("name", ErrMissingField, "missing; a scheme needs a name")
	}
	if len(s.Labels) == 0 {
		return fieldErrf("labels", ErrMissingField, "empty; a scheme needs at least one label")
	}
	ids := make(map[string]int)
	keys := make(map[string]int)
	for i, l := range s.Labels {
		at := fmt.Sprintf("labels[%d]", i)
		switch {
		case strings.TrimSpace(l.ID) == "":
			return fieldErrf(at+".id", ErrMissingField, "missing; every label needs an id")
		case strings.TrimSpace(l.Name) == "":
			return fieldErrf(at+".name", ErrMissingField, "missing; every label needs a name")
		case len(l.Key) != 1 || l.Key[0] < '1' || l.Key[0] > '9':
			return fieldErrf(at+".key", ErrBadValue, "%q is not a key from 1 to 9", l.Key)
		case !isColor(l.Color):
			return fieldErrf(at+".color", ErrBadValue, "%q is not a colour like #0072b2", l.Color)
		}
		if j, ok := ids[l.ID]; ok {
			return fieldErrf(at+".id", ErrDuplicateID, "duplicate id %q (also labels[%d])", l.ID, j)
		}
		if j, ok := keys[l.Key]; ok {
			return fieldErrf(at+".key", ErrDuplicateID, "duplicate key %q (also labels[%d])", l.Key, j)
		}
		ids[l.ID], keys[l.Key] = i, i
	}
	return checkSchemeLimits(s)
}

// labelIDs returns the label ids of s joined by ", ".
func (s Scheme) labelIDs() string {
	ids := make([]string, len(s.Labels))
	for i, l := range s.Labels {
		ids[i] = l.ID
	}
	return strings.Join(ids, ", ")
}

// clone returns a deep copy of s.
func (s Scheme) clone() Scheme {
	s.Labels = append([]Label(nil), s.Labels...)
	return s
}

// equal reports whether s and o are identical.
func (s Scheme) equal(o Scheme) bool {
	if s.ID != o.ID || s.Name != o.Name || s.Target != o.Target || len(s.Labels) != len(o.Labels) {
		return false
	}
	for i := range s.Labels {
		if s.Labels[i] != o.Labels[i] {
			return false
		}
	}
	return true
}

func isColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for _, r := range c[1:] {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F') {
			return false
		}
	}
	return true
}
