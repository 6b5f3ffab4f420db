package collect

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"strings"
)

// codeAlphabet has no 0/o, 1/l/i: a code is read aloud and typed.
const codeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// codeLength is the length of a collection's code (about 40 bits: enough
// that codes are not guessed by accident; the code only allows submitting).
const codeLength = 8

// newCode returns a random collection code of codeLength characters.
func newCode() string { return randomString(codeAlphabet, codeLength) }

// newSecret returns a random owner secret: 26 base32 characters, 130 bits.
func newSecret() string { return strings.ToLower(rand.Text()) }

// newID returns a random submission id: "s" and 16 base32 characters (80 bits).
func newID() string { return "s" + strings.ToLower(rand.Text()[:16]) }

// randomString returns n characters drawn uniformly from alphabet.
func randomString(alphabet string, n int) string {
	b := make([]byte, n)
	buf := make([]byte, 1)
	for i := 0; i < n; {
		rand.Read(buf)
		// rejection sampling keeps the draw uniform
		if int(buf[0]) >= 256-256%len(alphabet) {
			continue
		}
		b[i] = alphabet[int(buf[0])%len(alphabet)]
		i++
	}
	return string(b)
}

// hashSecret is what is stored of a secret: "sha256:" and its hex digest.
// A plain hash suffices: the secret is 130 random bits, not a password.
func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// secretMatches compares secret against a stored hash in constant time.
func secretMatches(secret, stored string) bool {
	return subtle.ConstantTimeCompare([]byte(hashSecret(secret)), []byte(stored)) == 1
}

// contentHash is the receipt's hash of the stored bytes.
func contentHash(body []byte) string {
	sum := sha256.Sum256(body)
	return "sha256:" + hex.EncodeToString(sum[:])
}
