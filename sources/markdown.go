package sources

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmtext "github.com/yuin/goldmark/text"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/text"
)

// markdownParser parses CommonMark with GitHub's tables and
// strikethrough. It is stateless once built.
func markdownParser() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
}

// markdownParagraphs returns the text of a Markdown document body
// (raw[body:]) with its syntax stripped: links and inline code keep their
// text; images, bare URLs (<https://…>), emphasis marks, code blocks, HTML
// and comments go; list markers and heading marks go; table cells are
// separated by "; ". Every byte of every
// paragraph maps back to its offset in raw. A soft line break joins the
// lines of a paragraph (hard-wrapped prose) unless the line before it reads
// as a headline, which stands alone.
func markdownParagraphs(raw string, body int) []checker.Paragraph {
	src := []byte(raw[body:])
	doc := markdownParser().Parser().Parse(gmtext.NewReader(src))
	var out []builder
	var cur *builder
	flush := func() {
		if cur != nil && strings.TrimSpace(cur.b.String()) != "" {
			out = append(out, *cur)
		}
		cur = nil
	}
	start := func() {
		flush()
		cur = &builder{}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			if entering {
				start()
			} else {
				flush()
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.Image, *ast.RawHTML, *ast.ThematicBreak, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !entering || cur == nil {
				return ast.WalkContinue, nil
			}
			seg := n.Segment
			stop := seg.Stop
			for stop > seg.Start && (src[stop-1] == '\n' || src[stop-1] == '\r') {
				stop--
			}
			cur.addSlice(raw, body+seg.Start, body+stop)
			if n.SoftLineBreak() || n.HardLineBreak() {
				if headlineLike(cur.b.String()) {
					// The headline ends here; the rest is a new paragraph.
					start()
				} else {
					cur.addSep(" ", body+stop)
				}
			}
		case *ast.String:
			if entering && cur != nil {
				cur.addSep(string(n.Value), cur.last())
			}
		default:
			if n.Kind().String() == "TableCell" && !entering && cur != nil {
				cur.addSep("; ", cur.last())
			}
			if n.Kind().String() == "TableRow" || n.Kind().String() == "TableHeader" {
				if entering {
					start()
				} else {
					flush()
				}
			}
		}
		return ast.WalkContinue, nil
	})
	flush()
	texts := make([]string, len(out))
	for i, b := range out {
		texts[i] = b.b.String()
	}
	keep := articleLines(texts)
	var ps []checker.Paragraph
	for i, b := range out {
		if !keep[i] {
			continue
		}
		if p, ok := b.paragraph(); ok {
			ps = append(ps, p)
		}
	}
	return ps
}

// headlineLike reports whether a paragraph so far reads as a headline:
// short, no closing punctuation, and in title case ("Meta Bets $15bn On
// Scale AI"), unlike a hard-wrapped line of prose.
func headlineLike(s string) bool {
	return isHeadlineLike(s) && text.IsHeadline(text.Tokenize(s, nil))
}

// builder accumulates a paragraph's text and, for each byte, its offset
// in the original file.
type builder struct {
	b strings.Builder
	m []int
}

func (p *builder) last() int {
	if len(p.m) == 0 {
		return 0
	}
	return p.m[len(p.m)-1]
}

// addSlice appends raw[start:end], verbatim.
func (p *builder) addSlice(raw string, start, end int) {
	p.b.WriteString(raw[start:end])
	for i := start; i < end; i++ {
		p.m = append(p.m, i)
	}
}

// addSep appends text that is not in the file (a separator, a decoded
// character), every byte mapped to at.
func (p *builder) addSep(s string, at int) {
	p.b.WriteString(s)
	for range len(s) {
		p.m = append(p.m, at)
	}
}

// paragraph trims the text and returns it as a Paragraph.
func (p *builder) paragraph() (checker.Paragraph, bool) {
	s := p.b.String()
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	end := len(strings.TrimRight(s, " \t;"))
	if end <= lead {
		return checker.Paragraph{}, false
	}
	m := p.m[lead:end]
	return checker.Paragraph{Text: s[lead:end], Offset: m[0], Map: m}, true
}
