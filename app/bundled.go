package app

import (
	"sync"

	"stancemark/annotations"
	"stancemark/articles"
)

var bundled struct {
	once sync.Once
	doc  *annotations.Document
	err  error
}

// bundledDocument is the segmented bundled article, parsed once: documents
// are never modified, so every session shares it.
func bundledDocument() (*annotations.Document, error) {
	bundled.once.Do(func() {
		bundled.doc, bundled.err = annotations.ParsePlainText(articles.Bundled)
	})
	return bundled.doc, bundled.err
}
