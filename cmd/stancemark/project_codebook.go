//go:build !wasm

package main

import (
	"fmt"
	"os"
	"strings"

	"stancemark/annotations"
)

// readCodebook reads a codebook: plain text or Markdown guidelines, where a
// heading "## ID" naming a label of s (its id or name, in any case) starts
// that label's definition, and the section's lines that start with
// "Example:" or "- Example:" are its examples. A "##" heading that names no
// label ends the label's section; its text is guidelines again. A label
// with two sections is an error naming both lines.
func readCodebook(name string, s annotations.Scheme) (annotations.Codebook, error) {
	var cb annotations.Codebook
	data, err := os.ReadFile(name)
	if err != nil {
		return cb, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	text := strings.ReplaceAll(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n", "\n")
	var guide []string
	defs := map[string][]string{}
	examples := map[string][]string{}
	at := map[string]int{} // label id -> line of its heading
	label := ""            // the label whose section this is; "" for guidelines
	for n, line := range strings.Split(text, "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			if id := labelNamed(s, strings.TrimSpace(h)); id != "" {
				if first, dup := at[id]; dup {
					return cb, fmt.Errorf("%s:%d: a second section for the label %q (the first is at line %d)", name, n+1, id, first)
				}
				at[id], label = n+1, id
				continue
			}
			label = ""
		}
		if label == "" {
			guide = append(guide, line)
			continue
		}
		t := strings.TrimSpace(line)
		if ex, ok := cutExample(t); ok {
			if ex != "" {
				examples[label] = append(examples[label], ex)
			}
			continue
		}
		defs[label] = append(defs[label], line)
	}
	cb.Guidelines = strings.TrimSpace(strings.Join(guide, "\n"))
	for _, l := range s.Labels {
		if _, ok := at[l.ID]; !ok {
			continue
		}
		cb.Labels = append(cb.Labels, annotations.LabelGuide{
			Label: l.ID, Definition: strings.TrimSpace(strings.Join(defs[l.ID], "\n")), Examples: examples[l.ID],
		})
	}
	if cb.Guidelines == "" && len(cb.Labels) == 0 {
		return cb, fmt.Errorf("%s: the codebook is empty", name)
	}
	return cb, nil
}

// labelNamed returns the id of the label of s whose id or name is h (in
// any case), or "".
func labelNamed(s annotations.Scheme, h string) string {
	for _, l := range s.Labels {
		if strings.EqualFold(h, l.ID) || strings.EqualFold(h, l.Name) {
			return l.ID
		}
	}
	return ""
}

// cutExample returns the example of a line "Example: …" or "- Example: …".
func cutExample(line string) (string, bool) {
	line = strings.TrimPrefix(strings.TrimPrefix(line, "- "), "* ")
	if len(line) >= len("example:") && strings.EqualFold(line[:len("example:")], "example:") {
		return strings.TrimSpace(line[len("example:"):]), true
	}
	return "", false
}
