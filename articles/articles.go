// Package articles embeds the article Stancemark ships with, so the app, the
// server's prerender and the tests all read the same bytes.
package articles

import _ "embed"

// Bundled is the bundled article as plain text: the first line is the
// headline, blank lines separate paragraphs.
//
//go:embed us-iran-iraq.txt
var Bundled string

// BundledTarget is the claim the bundled article is annotated against: the
// headline's claim that the United States and Iran could cooperate in Iraq.
const BundledTarget = "The United States and Iran could cooperate in Iraq."
