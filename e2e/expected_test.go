package e2e

// Expected data: the bundled article as the annotations package segments
// it, and sentence ids, label maps and quotes built from it.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"stancemark/annotations"
)

var (
	bundledOnce sync.Once
	bundledDoc  *annotations.Document
	bundledErr  error
)

// bundled returns the bundled article as the annotations package segments it:
// the DOM must show exactly this.
func bundled(t testing.TB) *annotations.Document {
	t.Helper()
	bundledOnce.Do(func() {
		var src []byte
		for _, p := range []string{"web/us-iran-iraq.txt", "articles/us-iran-iraq.txt"} {
			if b, err := os.ReadFile(filepath.Join(repoRoot, p)); err == nil {
				src = b
				break
			}
		}
		if src == nil {
			bundledErr = errors.New("bundled article not found in web/ or articles/")
			return
		}
		bundledDoc, bundledErr = annotations.ParsePlainText(string(src))
	})
	if bundledErr != nil {
		t.Fatalf("expected document: %v", bundledErr)
	}
	return bundledDoc
}

// sids returns "s<a>".."s<b>".
func sids(a, b int) []string {
	var out []string
	for i := a; i <= b; i++ {
		out = append(out, fmt.Sprintf("s%d", i))
	}
	return out
}

// labelMap builds sid → label for a run of sentences, merged into m.
func labelMap(m map[string]string, label string, a, b int) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	for _, s := range sids(a, b) {
		m[s] = label
	}
	return m
}

// quote returns the text of sentences a..b (1-based) joined as in Text.
func quote(doc *annotations.Document, a, b int) string {
	return doc.Text[runeOffset(doc.Text, doc.Sentences[a-1].Start):runeOffset(doc.Text, doc.Sentences[b-1].End)]
}

func runeOffset(s string, n int) int {
	i := 0
	for bi := range s {
		if i == n {
			return bi
		}
		i++
	}
	return len(s)
}

// numberedSentences is a pasted text: the title, then n sentences
// "Sentence number i is here.", ten to a paragraph.
func numberedSentences(title string, n int) string {
	var sb strings.Builder
	sb.WriteString(title + "\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "Sentence number %d is here.", i)
		if i%10 == 0 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}
