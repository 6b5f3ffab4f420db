package annotations_test

import (
	"fmt"

	"stancemark/annotations"
)

func ExampleParseHTML() {
	doc, err := annotations.ParseHTML(`<html><head><title>Site | News</title><script>track()</script></head>
<body><nav>Home · World</nav>
<article><h1>Talks &amp; Tensions</h1><p>The U.S. said&nbsp;<b>yes</b>. Iran said no.</p>
<p>&lt;script&gt; is shown as text.</p></article>
<footer>© Site</footer></body></html>`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s\n%q\n", doc.Title, doc.Text)
	for _, s := range doc.Sentences {
		fmt.Println(s.ID, s.Start, s.End, s.Text)
	}
	// Output:
	// Talks & Tensions
	// "The U.S. said yes. Iran said no.\n\n<script> is shown as text."
	// s1 0 18 The U.S. said yes.
	// s2 19 32 Iran said no.
	// s3 34 60 <script> is shown as text.
}

func ExampleParseMarkdown() {
	doc, err := annotations.ParseMarkdown("# Talks & *Tensions*\n\n" +
		"The **U.S.** said [yes](https://example.com). Iran said no.\n\n" +
		"- A list item.\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s\n%q\n", doc.Title, doc.Text)
	// Output:
	// Talks & Tensions
	// "The U.S. said yes. Iran said no.\n\nA list item."
}

func ExampleParseFile() {
	if _, err := annotations.ParseFile("photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00")); err != nil {
		fmt.Println(err)
	}
	doc, _ := annotations.ParseFile("notes.md", []byte("\xEF\xBB\xBF# Title\n\nOne *sentence*."))
	fmt.Printf("%s: %s\n", doc.Title, doc.Text)
	// Output:
	// photo.png is not a text file (it looks like image/png)
	// Title: One sentence.
}
