package annotations

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"slices"
	"strconv"
)

// ProjectHash returns "sha256:" + the lowercase hex SHA-256 of exactly what
// voids a submission when it changes: the label ids, the documents' texts
// and sentence boundaries, the claims' texts and the task list. Titles,
// the codebook, label names, keys, colours and descriptions, references,
// annotators, the overlap and the options are not in it, so they may change
// without voiding work already done.
//
// The bytes hashed are, in this order (N is a count, every number is
// written in decimal ASCII, and str(s) is the byte length of s, ":", the
// UTF-8 bytes of s and "\n"):
//
//	"stancemark-project/v1\n"
//	"labels " N "\n"     then str(id) for each label id, sorted by byte value
//	"documents " N "\n"  then for each document in order: str(text),
//	                     "sentences " N "\n" and, for each sentence,
//	                     paragraph " " start " " end "\n"
//	"claims " N "\n"     then str(text) for each claim in order
//	"tasks " N "\n"      then str(document) str(claim) for each task in order
//
// Document and claim ids are not hashed separately: they are derived from
// the texts (Validate checks that they are).
func ProjectHash(p *Project) string {
	h := &hashWriter{h: sha256.New()}
	h.raw(ProjectFormat + "\n")
	ids := make([]string, len(p.Scheme.Labels))
	for i, l := range p.Scheme.Labels {
		ids[i] = l.ID
	}
	slices.Sort(ids)
	h.count("labels", len(ids))
	for _, id := range ids {
		h.str(id)
	}
	h.count("documents", len(p.Documents))
	for i := range p.Documents {
		d := &p.Documents[i]
		h.str(d.Text)
		h.count("sentences", len(d.Sentences))
		for _, s := range d.Sentences {
			h.ints(s.Paragraph, s.Start, s.End)
		}
	}
	h.count("claims", len(p.Claims))
	for _, c := range p.Claims {
		h.str(c.Text)
	}
	h.count("tasks", len(p.Tasks))
	for _, t := range p.Tasks {
		h.str(t.Document)
		h.str(t.Claim)
	}
	return "sha256:" + hex.EncodeToString(h.h.Sum(nil))
}

// hashWriter writes the canonical layout of ProjectHash into a hash.
type hashWriter struct {
	h   hash.Hash
	buf []byte
}

func (w *hashWriter) raw(s string) { w.h.Write([]byte(s)) }

func (w *hashWriter) count(name string, n int) {
	w.buf = append(append(w.buf[:0], name...), ' ')
	w.buf = append(strconv.AppendInt(w.buf, int64(n), 10), '\n')
	w.h.Write(w.buf)
}

func (w *hashWriter) str(s string) {
	w.buf = append(strconv.AppendInt(w.buf[:0], int64(len(s)), 10), ':')
	w.h.Write(w.buf)
	w.h.Write([]byte(s))
	w.h.Write([]byte{'\n'})
}

func (w *hashWriter) ints(a, b, c int) {
	w.buf = strconv.AppendInt(w.buf[:0], int64(a), 10)
	w.buf = strconv.AppendInt(append(w.buf, ' '), int64(b), 10)
	w.buf = strconv.AppendInt(append(w.buf, ' '), int64(c), 10)
	w.h.Write(append(w.buf, '\n'))
}

// ProjectID returns the project id of a project hash: "p" and the first
// 16 hex digits of the hash ("" when hash is not "sha256:" and at least 16
// hex digits).
func ProjectID(hash string) string {
	const prefix = "sha256:"
	if len(hash) < len(prefix)+16 || hash[:len(prefix)] != prefix || !isHex(hash[len(prefix):len(prefix)+16]) {
		return ""
	}
	return "p" + hash[len(prefix):len(prefix)+16]
}

// ClaimID returns the id of the claim with the given text: "c" and the
// first 12 hex digits of the SHA-256 of text.
func ClaimID(text string) string { return "c" + shortHash(text) }

// TaskID returns the id of the task judging document docID against claim
// claimID: "t" and the first 12 hex digits of the SHA-256 of
// docID + "\n" + claimID.
func TaskID(docID, claimID string) string { return "t" + shortHash(docID+"\n"+claimID) }

// shortHash returns the first 12 lowercase hex digits of the SHA-256 of s.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// isHex reports whether s is lowercase hex digits only.
func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
