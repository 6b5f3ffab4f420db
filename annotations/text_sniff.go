package annotations

import (
	"bytes"
	"strings"
)

// Content sniffing for opened files, without net/http: the binary formats
// people drop by mistake, named as browsers name them, and the tags that
// make browsers read an unnamed file as HTML. The tables follow the WHATWG
// MIME Sniffing standard (the same one net/http's DetectContentType
// implements), cut to what an article opener needs.

// binarySignature is a file format known by its first bytes. A '?' in
// magic (written as 0) matches any byte at that place when wild is set.
type binarySignature struct {
	magic     string
	wild      bool // a zero byte in magic matches any byte
	weak      bool // letters a text may start with: counts only with a control byte
	mediaType string
}

// binarySignatures are checked in order against the start of a file.
var binarySignatures = []binarySignature{
	{magic: "%PDF-", mediaType: "application/pdf"},
	{magic: "%!PS-Adobe-", mediaType: "application/postscript"},
	{magic: "\x00\x00\x01\x00", mediaType: "image/x-icon"},
	{magic: "\x00\x00\x02\x00", mediaType: "image/x-icon"},
	{magic: "BM", weak: true, mediaType: "image/bmp"},
	{magic: "GIF87a", mediaType: "image/gif"},
	{magic: "GIF89a", mediaType: "image/gif"},
	{magic: "RIFF\x00\x00\x00\x00WEBPVP", wild: true, mediaType: "image/webp"},
	{magic: "\x89PNG\x0D\x0A\x1A\x0A", mediaType: "image/png"},
	{magic: "\xFF\xD8\xFF", mediaType: "image/jpeg"},
	{magic: "FORM\x00\x00\x00\x00AIFF", wild: true, mediaType: "audio/aiff"},
	{magic: "ID3", weak: true, mediaType: "audio/mpeg"},
	{magic: "OggS\x00", mediaType: "application/ogg"},
	{magic: "MThd\x00\x00\x00\x06", mediaType: "audio/midi"},
	{magic: "RIFF\x00\x00\x00\x00AVI ", wild: true, mediaType: "video/avi"},
	{magic: "RIFF\x00\x00\x00\x00WAVE", wild: true, mediaType: "audio/wave"},
	{magic: "\x00\x00\x00\x00ftyp", wild: true, mediaType: "video/mp4"},
	{magic: "\x1A\x45\xDF\xA3", mediaType: "video/webm"},
	{magic: "\x00\x01\x00\x00", mediaType: "font/ttf"},
	{magic: "OTTO", weak: true, mediaType: "font/otf"},
	{magic: "ttcf", weak: true, mediaType: "font/collection"},
	{magic: "wOFF", weak: true, mediaType: "font/woff"},
	{magic: "wOF2", weak: true, mediaType: "font/woff2"},
	{magic: "\x1F\x8B\x08", mediaType: "application/x-gzip"},
	{magic: "PK\x03\x04", mediaType: "application/zip"},
	{magic: "Rar!\x1A\x07\x00", mediaType: "application/x-rar-compressed"},
	{magic: "Rar!\x1A\x07\x01\x00", mediaType: "application/x-rar-compressed"},
	{magic: "\x00\x61\x73\x6D", mediaType: "application/wasm"},
}

// binaryMediaType names the binary format data starts with, if it is one
// of binarySignatures. A weak signature ("BM", "ID3", "OTTO"…) counts only
// when the first 512 bytes also hold a control byte, so that an article
// beginning "BMW recalls…" is still text.
func binaryMediaType(data []byte) (string, bool) {
	for _, sig := range binarySignatures {
		if hasMagic(data, sig) && (!sig.weak || hasControlByte(data[:min(len(data), 512)])) {
			return sig.mediaType, true
		}
	}
	return "", false
}

// hasControlByte reports whether b holds a byte that text does not have.
func hasControlByte(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			return true
		}
	}
	return false
}

func hasMagic(data []byte, sig binarySignature) bool {
	if !sig.wild {
		return bytes.HasPrefix(data, []byte(sig.magic))
	}
	if len(data) < len(sig.magic) {
		return false
	}
	for i := 0; i < len(sig.magic); i++ {
		if sig.magic[i] != 0 && sig.magic[i] != data[i] {
			return false
		}
	}
	return true
}

// htmlSniffTags are the tags that make a browser read a file as HTML when
// one of them opens it (case-insensitive, followed by a space or '>').
var htmlSniffTags = []string{
	"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
	"<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--",
}

// looksLikeHTMLTag reports whether t, after leading white space, opens
// with one of htmlSniffTags.
func looksLikeHTMLTag(t string) bool {
	t = strings.TrimLeft(t, "\t\n\x0c\r ")
	for _, tag := range htmlSniffTags {
		if len(t) <= len(tag) || !strings.EqualFold(t[:len(tag)], tag) {
			continue
		}
		if c := t[len(tag)]; c == ' ' || c == '>' {
			return true
		}
	}
	return false
}
