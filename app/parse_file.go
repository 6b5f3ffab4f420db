package app

import "stancemark/annotations"

// parseDocumentFile turns an opened file into a document: plain text,
// Markdown or HTML (reduced to text, never inserted as markup).
func parseDocumentFile(name string, data []byte) (*annotations.Document, error) {
	return annotations.ParseFile(name, data)
}
