package sources

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/crosscheck/crosscheck/checker"
)

// ErrNoArticle is a page in which readability finds no article text.
var ErrNoArticle = errors.New("no article text found in the page")

// ParseHTML reads a news page: readability (codeberg.org/readeck/
// go-readability) finds the article and drops navigation, ads,
// related-story rails, cookie banners and comments; its title, byline,
// site name and publication time (meta tags, JSON-LD) become the
// article's. Every byte of text maps back to the page, so evidence is
// located at the text node's line and column in the HTML file.
//
// contentType is the HTTP Content-Type when the page was fetched ("" for a
// file); a page that is not UTF-8 is converted by its declared charset
// (header or meta), and its positions are then in the converted text.
func ParseHTML(path string, data []byte, pageURL *url.URL, contentType string) (*checker.Article, error) {
	raw, err := toUTF8(data, contentType)
	if err != nil {
		return nil, err
	}
	// Parsed here, from the UTF-8 text, so that readability does not
	// decode it a second time by the charset the page declares.
	doc, err := html.Parse(strings.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	page, err := readability.FromDocument(doc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	if page.Node == nil {
		return nil, ErrNoArticle
	}
	a := &checker.Article{Path: path, Raw: raw, LineStarts: checker.LineStarts(raw)}
	a.Title = strings.TrimSpace(page.Title())
	a.Byline = strings.TrimSpace(page.Byline())
	a.Outlet = strings.TrimSpace(page.SiteName())
	if t, err := page.PublishedTime(); err == nil {
		a.Published = t
	}
	if pageURL != nil {
		a.URL = pageURL.String()
		if a.Outlet == "" {
			a.Outlet = strings.TrimPrefix(pageURL.Hostname(), "www.")
		}
	}
	stream := textStream(raw)
	w := &htmlWalker{raw: raw, stream: stream}
	w.walk(page.Node)
	w.flush()
	texts := make([]string, len(w.out))
	for i, b := range w.out {
		texts[i] = b.b.String()
	}
	keep := articleLines(texts)
	for i, b := range w.out {
		if !keep[i] {
			continue
		}
		if p, ok := b.paragraph(); ok {
			a.Paragraphs = append(a.Paragraphs, p)
		}
	}
	// Readability takes the headline out of the text; a headline states
	// facts too ("Meta Bets $15bn On Scale AI"), so it goes back, located
	// where the page shows it.
	if a.Title != "" && !holds(a.Paragraphs, a.Title) {
		stream.at = 0
		m := stream.find(a.Title)
		if !mapsTo(m, a.Title, raw) {
			// Not shown in the body: point at the <title> element.
			m = nil
			if i := strings.Index(raw, html.EscapeString(a.Title)); i >= 0 {
				m = make([]int, len(a.Title))
				for k := range m {
					m[k] = i + min(k, len(html.EscapeString(a.Title))-1)
				}
			}
		}
		// A headline whose letters cannot be found where it says they
		// are (a title the parser rewrote, "\r" as "\n") is left out
		// rather than pointing at the wrong bytes.
		if mapsTo(m, a.Title, raw) {
			p := checker.Paragraph{Text: a.Title, Offset: m[0], Map: append([]int(nil), m...)}
			i := sort.Search(len(a.Paragraphs), func(i int) bool { return a.Paragraphs[i].RawOffset(0) > m[0] })
			a.Paragraphs = slices.Insert(a.Paragraphs, i, p)
		}
	}
	if words := countWords(a.Paragraphs); words < minArticleWords {
		return nil, fmt.Errorf("%w (%d of the %d words an article needs)", ErrNoArticle, words, minArticleWords)
	}
	if a.Title == "" {
		a.Title = titleFrom(a.Paragraphs[0].Text)
	}
	return a, nil
}

// minArticleWords is the least text a page must have to be an article: a
// page of navigation and a footer has less.
const minArticleWords = 15

func countWords(ps []checker.Paragraph) int {
	n := 0
	for _, p := range ps {
		n += len(strings.Fields(p.Text))
	}
	return n
}

// holds reports whether a paragraph holds s.
func holds(ps []checker.Paragraph, s string) bool {
	for _, p := range ps {
		if strings.Contains(p.Text, s) {
			return true
		}
	}
	return false
}

// toUTF8 returns data as UTF-8: as it is when valid, else converted from
// the charset the Content-Type or a meta tag declares.
func toUTF8(data []byte, contentType string) (string, error) {
	if n := bytes.IndexByte(data[:min(len(data), 8192)], 0); n >= 0 {
		return "", fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, n)
	}
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if utf8.Valid(data) && (name == "utf-8" || !certain) {
		return string(data), nil
	}
	if name == "utf-8" {
		return "", fmt.Errorf("%w (declared UTF-8)", ErrInvalidUTF8)
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return "", fmt.Errorf("%w: converting from %s: %v", ErrInvalidUTF8, name, err)
	}
	return string(out), nil
}

// stream is the page's visible text, decoded, with each byte's offset in
// the page.
type stream struct {
	text string
	m    []int
	at   int // where the last match ended: text is met in order
}

// textStream tokenizes the page and concatenates the decoded text of every
// text node outside script, style, template, noscript and title: the text
// a reader sees.
func textStream(raw string) *stream {
	var b strings.Builder
	var m []int
	z := html.NewTokenizer(strings.NewReader(raw))
	off := 0
	skip := atom.Atom(0)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := string(z.Raw()) // copied: Text unescapes in place
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); a {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Title:
				skip = a
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) == skip {
				skip = 0
			}
		case html.TextToken:
			if skip == 0 {
				decodeText(&b, &m, tok, off, string(z.Text()))
			}
		}
		off += len(tok)
	}
	return &stream{text: b.String(), m: m}
}

// decodeText appends the decoded form of one raw text token (at offset
// base of the page) to b, each byte mapped to the raw byte it came from.
// want is the tokenizer's own decoding, which is what the text is; where
// ours differs (an entity form we do not know), the bytes of want are
// aligned with the raw text greedily instead.
func decodeText(b *strings.Builder, m *[]int, raw string, base int, want string) {
	var out strings.Builder
	var mm []int
	for i := 0; i < len(raw); {
		c := raw[i]
		switch c {
		case '&':
			if n, dec := entity(raw[i:]); n > 0 {
				out.WriteString(dec)
				for range len(dec) {
					mm = append(mm, base+i)
				}
				i += n
				continue
			}
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
				continue
			}
			out.WriteByte('\n')
			mm = append(mm, base+i)
			i++
			continue
		}
		out.WriteByte(c)
		mm = append(mm, base+i)
		i++
	}
	if out.String() != want {
		mm = align(want, raw, base)
		out.Reset()
		out.WriteString(want)
	}
	b.WriteString(out.String())
	*m = append(*m, mm...)
}

// entity decodes the character reference at the start of s ("&amp;",
// "&#36;", "&pound" without its semicolon), returning how many bytes it
// spans and what it stands for; n is 0 when s starts with no reference.
func entity(s string) (n int, dec string) {
	j := 1
	for j < len(s) && j < 40 && (s[j] == '#' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	cand := s[:j]
	d := html.UnescapeString(cand)
	if d == cand {
		return 0, ""
	}
	// UnescapeString keeps what follows a reference without a semicolon
	// ("&pound0" is "£0"): that tail is not part of the reference.
	k := 0
	for k < len(d) && k < len(cand)-1 && d[len(d)-1-k] == cand[len(cand)-1-k] {
		k++
	}
	return len(cand) - k, d[:len(d)-k]
}

// align maps each byte of want to a byte of raw: equal bytes in order,
// and a byte with no counterpart to where the raw text has got to.
func align(want, raw string, base int) []int {
	m := make([]int, len(want))
	j := 0
	for i := 0; i < len(want); i++ {
		if k := strings.IndexByte(raw[j:min(len(raw), j+40)], want[i]); k >= 0 {
			j += k
			m[i] = base + j
			j++
			continue
		}
		m[i] = base + min(j, max(len(raw)-1, 0))
	}
	return m
}

// find locates s in the stream, after the last match when it can, and
// returns the offsets of its bytes; nil when s is not there.
func (s *stream) find(t string) []int {
	i := strings.Index(s.text[s.at:], t)
	if i >= 0 {
		i += s.at
	} else if i = strings.Index(s.text, t); i < 0 {
		return nil
	}
	s.at = i + len(t)
	return s.m[i : i+len(t)]
}

// htmlWalker turns readability's article tree into paragraphs: a block
// element or <br> ends one, white space collapses, and text is mapped
// back to the page through the stream.
type htmlWalker struct {
	raw    string
	stream *stream
	out    []builder
	cur    *builder
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Figcaption: true, atom.Figure: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true, atom.Br: true, atom.Hr: true,
}

func (w *htmlWalker) flush() {
	if w.cur != nil && strings.TrimSpace(w.cur.b.String()) != "" {
		w.out = append(w.out, *w.cur)
	}
	w.cur = nil
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Img, atom.Svg, atom.Button, atom.Form:
			return
		}
	}
	block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
}

// indexLoose maps data to where it stands verbatim in raw, a line break
// of data standing for any of "\n", "\r" and "\r\n" (the HTML parser
// writes every one as "\n"), or returns nil.
func indexLoose(raw, data string) []int {
	for _, nl := range []string{"\n", "\r", "\r\n"} {
		i := strings.Index(raw, strings.ReplaceAll(data, "\n", nl))
		if i < 0 {
			continue
		}
		m := make([]int, len(data))
		for k := range m {
			m[k] = i
			if data[k] == '\n' {
				i += len(nl)
			} else {
				i++
			}
		}
		return m
	}
	return nil
}

// mapsTo reports whether m maps every letter and digit of text to the
// same byte of raw.
func mapsTo(m []int, text, raw string) bool {
	if m == nil || len(m) != len(text) {
		return false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < 0x80 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			if m[i] < 0 || m[i] >= len(raw) || raw[m[i]] != c {
				return false
			}
		}
	}
	return true
}

// text appends a text node's data, white space collapsed.
func (w *htmlWalker) text(data string) {
	if strings.TrimSpace(data) == "" {
		if w.cur != nil && w.cur.b.Len() > 0 {
			w.cur.addSep(" ", w.cur.last())
		}
		return
	}
	if w.cur == nil {
		w.cur = &builder{}
	}
	m := w.stream.find(data)
	if m == nil {
		// Text the stream leaves out (a <title> in the body, say) may
		// still stand verbatim in the page.
		m = indexLoose(w.raw, data)
		if m == nil {
			// Nowhere in the page as written: left out rather than
			// pointing at the wrong bytes.
			return
		}
	}
	prev := w.cur.last()
	space := w.cur.b.Len() == 0 || strings.HasSuffix(w.cur.b.String(), " ")
	for i := 0; i < len(data); i++ {
		at := prev
		if m != nil {
			at = m[i]
		}
		prev = at
		c := data[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' {
			if space {
				continue
			}
			c, space = ' ', true
		} else {
			space = false
		}
		w.cur.b.WriteByte(c)
		w.cur.m = append(w.cur.m, at)
	}
}
