package app

import "stancemark/annotations"

// parseDocumentFile turns an opened file into a document.
func parseDocumentFile(name string, data []byte) (*annotations.Document, error) {
	return annotations.ParsePlainText(string(data))
}
