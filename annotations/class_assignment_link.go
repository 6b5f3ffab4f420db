package annotations

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// An assignment link is "<app URL>#a=DATA", where DATA is the assignment's
// compact JSON, compressed with raw DEFLATE (RFC 1951, best compression)
// and encoded as base64url without padding (RFC 4648 §5). Stancemark's
// compact JSON of the bundled 590-word article with a key makes a DATA of
// a few kilobytes; a 2,000-word article about 9 KB (see
// TestAssignmentLinkLongArticle).

// MaxLinkDataLength is the length of the longest DATA that
// DecodeAssignmentLink reads: far above any real assignment and within
// what browsers accept in a URL.
const MaxLinkDataLength = 16 << 20

// EncodeAssignmentLink returns the DATA of a's link: base64url without
// padding of the raw-DEFLATE-compressed compact JSON of a. It does not
// validate a.
func EncodeAssignmentLink(a *Assignment) (string, error) {
	data, err := a.MarshalJSON()
	if err != nil {
		return "", err
	}
	return deflateLink(data)
}

// deflateLink is the DATA of a link to data: base64url without padding of
// its raw-DEFLATE compression.
func deflateLink(data []byte) (string, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := zw.Write(data); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// AssignmentLink returns appURL + "#a=" + the DATA of a's link, after
// dropping any fragment of appURL.
func AssignmentLink(appURL string, a *Assignment) (string, error) {
	data, err := EncodeAssignmentLink(a)
	if err != nil {
		return "", err
	}
	if i := strings.IndexByte(appURL, '#'); i >= 0 {
		appURL = appURL[:i]
	}
	return appURL + "#a=" + data, nil
}

// DecodeAssignmentLink reads the assignment of a link's DATA (the part
// after "#a="; a leading "#a=" or "a=" is dropped, as are spaces and line
// breaks, which mail programs insert, and "=" padding). It reads at most
// MaxImportBytes of decompressed JSON, so a small link cannot expand into
// gigabytes, then validates the assignment as ReadAssignment does. Every
// error is an *ImportError; a damaged link wraps ErrBadLink, one that is
// too large ErrTooLarge.
func DecodeAssignmentLink(data string) (*Assignment, error) {
	js, err := inflateLink(data, "a", "assignment")
	if err != nil {
		return nil, err
	}
	return parseAssignment(js)
}

// inflateLink reads the JSON of a link's DATA (after "#<name>="; a leading
// "#<name>=" or "<name>=", spaces, line breaks and "=" padding are
// dropped); what names the content in messages ("assignment").
func inflateLink(data, name, what string) ([]byte, error) {
	data = strings.TrimPrefix(strings.TrimPrefix(data, "#"), name+"=")
	data = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, data)
	data = strings.TrimRight(data, "=")
	if data == "" {
		return nil, &ImportError{Err: because(fmt.Sprintf("the link has no %s data after #%s=", what, name), ErrBadLink, ErrEmptyFile)}
	}
	if len(data) > MaxLinkDataLength {
		return nil, &ImportError{Err: because(fmt.Sprintf("the link is longer than %d MB", MaxLinkDataLength>>20), ErrTooLarge)}
	}
	if i := strings.IndexFunc(data, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_')
	}); i >= 0 {
		return nil, &ImportError{Err: because(fmt.Sprintf("the link has a character that does not belong in it (%s at position %d); was it changed when copied?", strconv.Quote(string([]rune(data[i:])[0])), utf8.RuneCountInString(data[:i])+1), ErrBadLink)}
	}
	compressed, err := base64.RawURLEncoding.DecodeString(data)
	if err != nil { // only a length that no base64 has: the end is missing
		return nil, &ImportError{Err: because("the link is incomplete; it was probably cut off when copied", ErrBadLink)}
	}
	zr := flate.NewReader(bytes.NewReader(compressed))
	defer zr.Close()
	js, err := io.ReadAll(io.LimitReader(zr, MaxImportBytes+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, &ImportError{Err: because("the link is incomplete; it was probably cut off when copied", ErrBadLink)}
	case err != nil:
		return nil, &ImportError{Err: because("the link's data is damaged ("+err.Error()+"); was it changed when copied?", ErrBadLink)}
	case len(js) > MaxImportBytes:
		return nil, &ImportError{Err: because(fmt.Sprintf("the link's %s is larger than %d MB", what, MaxImportBytes>>20), ErrTooLarge)}
	}
	return js, nil
}
