package annotations

import (
	"regexp"
	"strconv"
	"strings"
)

// ParseMarkdown builds a Document from Markdown (CommonMark and the common
// GitHub extensions) by removing the markup and keeping the text:
//
//   - Headings lose their # marks (or their === / --- underline) and are
//     paragraphs of their own; emphasis marks (*, _, **, __, ~, ~~) are
//     removed where they pair up, so "2 * 3" and snake_case stay as they are;
//     inline code loses its backticks; a link [text](url) or [text][ref]
//     becomes its text and an autolink <https://…> its address; images,
//     footnote marks [^1], link reference definitions, horizontal rules and
//     a leading YAML front matter block are dropped.
//   - List markers (-, +, *, 1., 1)) and task boxes ([ ], [x]) are removed
//     and each list item is a paragraph; blockquote > marks are removed;
//     each table row is a paragraph with its cells separated by a space.
//   - Code blocks (fenced or indented) are kept as literal text, one
//     paragraph per line.
//   - HTML written in the Markdown is removed as markup, as a browser would
//     not show it: tags and comments go, their text stays, and script,
//     style, textarea, template, noscript, iframe, svg, math and object go
//     with their content. Entities such as &amp; are decoded. The result
//     is text: a "<b>" in a code span or written \<b> stays text.
//   - Blank lines separate paragraphs; the lines of a paragraph are joined
//     by a space and white space is collapsed.
//
// The title is the front matter's "title:", else the first block when it
// is a heading, else the first level-1 heading; that heading is not repeated
// in the body. Otherwise, as in ParsePlainText, the first line is the
// title. ParseMarkdown returns ErrEmptyDocument when no sentence is left.
func ParseMarkdown(src string) (*Document, error) {
	title, paras := markdownText(src)
	return NewDocument(title, strings.Join(paras, "\n\n"))
}

// mdKind is the kind of a Markdown block.
type mdKind int

const (
	mdPara mdKind = iota
	mdHeading
	mdCode // one literal line
	mdItem // a list item
	mdRow  // a table row
)

// mdBlock is one block of a Markdown text, before inline processing.
type mdBlock struct {
	kind  mdKind
	level int // heading level
	lines []string
}

var (
	mdATX       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdFence     = regexp.MustCompile("^( {0,3})(`{3,}|~{3,})(.*)$")
	mdSetext1   = regexp.MustCompile(`^ {0,3}=+[ \t]*$`)
	mdSetext2   = regexp.MustCompile(`^ {0,3}-+[ \t]*$`)
	mdBreak     = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdItemRE    = regexp.MustCompile(`^[ \t]*([-+*]|(\d{1,9})[.)])(?:[ \t]+(.*)|[ \t]*)$`)
	mdTask      = regexp.MustCompile(`^\[[ xX]\][ \t]+`)
	mdRefDef    = regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:[ \t]*(\S.*)?$`)
	mdTableSep  = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	mdHTMLBlock = regexp.MustCompile(`^ {0,3}<(script|style|textarea|template|noscript|iframe|svg|math|object|!--)`)
	mdQuote     = regexp.MustCompile(`^ {0,3}> ?`)
	// mdInlineLink is only used to recognise Markdown (SniffFileKind).
	mdInlineLink = regexp.MustCompile(`\[[^\]\n]+\]\([^)\s]+\)`)
)

// markdownText returns the title and the body paragraphs of a Markdown text.
func markdownText(src string) (string, []string) {
	src = strings.TrimPrefix(normalizeNewlines(strings.ToValidUTF8(src, "\uFFFD")), "\uFEFF")
	lines := strings.Split(src, "\n")
	fmTitle, lines := mdFrontMatter(lines)
	blocks, refs := mdBlocks(lines)
	inline := func(s string) string { return squeezeSpace(mdInline(s, refs)) }

	var title string
	switch {
	case fmTitle != "":
		title = inline(fmTitle)
	case len(blocks) > 0 && blocks[0].kind == mdHeading:
		title = inline(strings.Join(blocks[0].lines, "\n"))
		blocks = blocks[1:]
	default:
		for i, b := range blocks {
			if b.kind == mdHeading && b.level == 1 {
				title = inline(strings.Join(b.lines, "\n"))
				blocks = append(blocks[:i:i], blocks[i+1:]...)
				break
			}
		}
	}
	var paras []string
	for _, b := range blocks {
		var t string
		if b.kind == mdCode {
			t = trimSpace(b.lines[0])
		} else {
			t = inline(strings.Join(b.lines, "\n"))
		}
		if t != "" {
			paras = append(paras, t)
		}
	}
	if title == "" && len(blocks) > 0 && blocks[0].kind != mdCode {
		// The first line is the title, as in a plain-text file.
		first := blocks[0]
		for len(first.lines) > 0 && title == "" {
			title, first.lines = inline(first.lines[0]), first.lines[1:]
		}
		paras = paras[:0]
		for i, b := range blocks {
			if i == 0 {
				b = first
			}
			if len(b.lines) == 0 {
				continue
			}
			t := trimSpace(b.lines[0])
			if b.kind != mdCode {
				t = inline(strings.Join(b.lines, "\n"))
			}
			if t != "" {
				paras = append(paras, t)
			}
		}
	}
	return title, paras
}

// mdFrontMatter removes a leading YAML front matter block (between two "---"
// lines) and returns its title.
func mdFrontMatter(lines []string) (string, []string) {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return "", lines
	}
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			title := ""
			for _, f := range lines[1:i] {
				if k, v, ok := strings.Cut(f, ":"); ok && strings.TrimSpace(k) == "title" {
					title = strings.TrimSpace(v)
					if u, err := strconv.Unquote(title); err == nil {
						title = u
					} else if len(title) >= 2 && title[0] == '\'' && title[len(title)-1] == '\'' {
						title = strings.ReplaceAll(title[1:len(title)-1], "''", "'")
					}
					break
				}
			}
			return title, lines[i+1:]
		}
	}
	return "", lines
}

// mdBlocks splits lines into blocks and collects the link reference
// definitions (normalized label -> true).
func mdBlocks(lines []string) ([]mdBlock, map[string]bool) {
	var (
		blocks  []mdBlock
		cur     *mdBlock // the paragraph, item or heading being read
		refs    = map[string]bool{}
		fence   string // the open code fence, "" when none
		skipTo  string // the end of a skipped HTML block, "" when none
		inList  bool   // a list item came before, so indented lines continue it
		inTable bool
		// curQuoted tells whether cur started in a blockquote.
		curQuoted bool
	)
	end := func() {
		if cur != nil {
			blocks = append(blocks, *cur)
			cur = nil
		}
	}
	for _, line := range lines {
		if cur == nil {
			curQuoted = false
		}
		quoted := false
		for {
			m := mdQuote.FindString(line)
			if m == "" {
				break
			}
			line, quoted = line[len(m):], true
		}
		if quoted && !curQuoted && fence == "" && skipTo == "" {
			// A quote ends the paragraph before it; a line without ">"
			// after a quoted one continues it (a lazy line).
			end()
		}
		if fence != "" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			} else if trimSpace(line) != "" {
				blocks = append(blocks, mdBlock{kind: mdCode, lines: []string{line}})
			}
			continue
		}
		if skipTo != "" {
			if i := strings.Index(strings.ToLower(line), skipTo); i >= 0 {
				line = line[i+len(skipTo):]
				if skipTo != "-->" {
					if j := strings.IndexByte(line, '>'); j >= 0 {
						line = line[j+1:]
					}
				}
				skipTo = ""
				if trimSpace(line) == "" {
					continue
				}
			} else {
				continue
			}
		}
		if trimSpace(line) == "" {
			end()
			inTable = false
			continue
		}
		indent := mdIndent(line)
		switch {
		case inTable && strings.Contains(line, "|"):
			blocks = append(blocks, mdBlock{kind: mdRow, lines: []string{mdTableCells(line)}})
			continue
		case inTable:
			inTable = false
		}
		item := mdItemRE.FindStringSubmatch(line)
		if item != nil && inList && !mdBreak.MatchString(line) {
			end()
			cur, curQuoted = &mdBlock{kind: mdItem, lines: []string{mdTask.ReplaceAllString(item[3], "")}}, quoted
			continue
		}
		if indent >= 4 && cur == nil && !inList {
			blocks = append(blocks, mdBlock{kind: mdCode, lines: []string{line}})
			continue
		}
		if indent >= 4 && cur != nil {
			cur.lines = append(cur.lines, line)
			continue
		}
		if m := mdFence.FindStringSubmatch(line); m != nil && !(m[2][0] == '`' && strings.Contains(m[3], "`")) {
			end()
			fence = m[2]
			continue
		}
		if m := mdATX.FindStringSubmatch(line); m != nil {
			end()
			blocks = append(blocks, mdBlock{kind: mdHeading, level: len(m[1]), lines: []string{m[2]}})
			inList = false
			continue
		}
		if cur != nil && cur.kind == mdPara {
			if mdSetext1.MatchString(line) || mdSetext2.MatchString(line) {
				cur.kind, cur.level = mdHeading, 1
				if strings.Contains(line, "-") {
					cur.level = 2
				}
				end()
				continue
			}
			if len(cur.lines) == 1 && strings.Contains(cur.lines[0], "|") && mdTableSep.MatchString(line) && strings.Contains(line, "-") {
				cur.kind, cur.lines = mdRow, []string{mdTableCells(cur.lines[0])}
				end()
				inTable = true
				continue
			}
		}
		if mdBreak.MatchString(line) {
			end()
			inList = false
			continue
		}
		if m := mdHTMLBlock.FindStringSubmatch(line); m != nil {
			name := strings.ToLower(m[1])
			closer := "</" + name
			if name == "!--" {
				closer = "-->"
			}
			if !strings.Contains(strings.ToLower(line), closer) {
				end()
				skipTo = closer
				continue
			}
		}
		if m := item; m != nil && (cur == nil || (m[3] != "" && (m[2] == "" || m[2] == "1"))) {
			end()
			cur, curQuoted = &mdBlock{kind: mdItem, lines: []string{mdTask.ReplaceAllString(m[3], "")}}, quoted
			inList = true
			continue
		}
		if cur == nil {
			if m := mdRefDef.FindStringSubmatch(line); m != nil {
				label := m[1]
				if strings.HasPrefix(label, "^") { // a footnote: keep its text
					cur, curQuoted = &mdBlock{kind: mdPara, lines: []string{m[2]}}, quoted
					continue
				}
				if m[2] != "" {
					refs[mdLabel(label)] = true
					continue
				}
			}
		}
		if cur == nil {
			cur, curQuoted = &mdBlock{kind: mdPara}, quoted
			if indent == 0 {
				inList = false
			}
		}
		cur.lines = append(cur.lines, line)
	}
	end()
	return blocks, refs
}

// mdIndent returns the width of line's leading white space, a tab
// counting 4.
func mdIndent(line string) int {
	w := 0
	for _, c := range line {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		default:
			return w
		}
	}
	return w
}

// mdTableCells returns a table row with its cells separated by tabs (which
// inline processing turns into spaces): "| a | b |" gives "a\tb".
func mdTableCells(line string) string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	cells = append(cells, strings.TrimSpace(line[start:]))
	return strings.Join(cells, "\t")
}

// mdLabel is a link label as compared: case-folded, spaces collapsed.
func mdLabel(s string) string {
	return strings.ToLower(squeezeSpace(s))
}
