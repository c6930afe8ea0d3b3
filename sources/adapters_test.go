package sources

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/crosscheck/crosscheck/checker"
)

// mapsBack checks that every letter and digit of every paragraph maps to
// the same byte in the original file: evidence positions are honest.
func mapsBack(t *testing.T, a *checker.Article) {
	t.Helper()
	for _, p := range a.Paragraphs {
		for i := 0; i < len(p.Text); i++ {
			c := p.Text[i]
			if c >= 0x80 || !unicode.IsLetter(rune(c)) && !unicode.IsDigit(rune(c)) {
				continue
			}
			off := p.RawOffset(i)
			if off < 0 || off >= len(a.Raw) || a.Raw[off] != c {
				t.Fatalf("%s: byte %d of %q maps to offset %d, which holds %q", a.Path, i, p.Text, off, a.Raw[off:min(off+10, len(a.Raw))])
			}
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, contentType, data string
		want                    Format
		reason                  string
	}{
		{"a.txt", "", "Meta paid $14.3bn.", Text, "plain text by extension"},
		{"a.md", "", "# Meta\n\nMeta paid $14.3bn.", Markdown, "Markdown by extension"},
		{"a.txt", "", "<!DOCTYPE html><html><body><p>x</p></body></html>", HTML, "content wins over a wrong extension"},
		{"page", "text/html; charset=utf-8", "<p>Meta paid</p>", HTML, "a fetched page by its content type"},
		{"feed", "", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>", Feed, "RSS by its root"},
		{"x.xml", "", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", Feed, "Atom by its root"},
		{"x.json", "", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", Feed, "a JSON Feed is a feed, not JSONL"},
		{"x.json", "", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n", JSONL, "objects a line"},
		{"dump", "application/x-ndjson", "", JSONL, "by content type when the body says nothing"},
		{"\ufeffa.txt", "", "\ufeff<html><body>x</body></html>", HTML, "a byte-order mark before the markup"},
	}
	for _, tt := range tests {
		if got := Sniff(tt.name, tt.contentType, []byte(tt.data)); got != tt.want {
			t.Errorf("Sniff(%q, %q, %.30q) = %q, want %q (%s)", tt.name, tt.contentType, tt.data, got, tt.want, tt.reason)
		}
	}
}

func TestParseHTMLNewsPage(t *testing.T) {
	data, err := os.ReadFile("../fixtures/meta-scale-html/biggest-external-ai-bet.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseHTML("page.html", data, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Meta’s Biggest External AI Bet Yet" || a.Outlet != "The Signal Ledger" || a.Byline != "Priya Raman" || a.Published.Format("2006-01-02T15:04") != "2025-06-11T08:30" {
		t.Errorf("metadata: title %q, outlet %q, byline %q, published %v", a.Title, a.Outlet, a.Byline, a.Published)
	}
	mapsBack(t, a)
	var text strings.Builder
	for _, p := range a.Paragraphs {
		text.WriteString(p.Text + "\n")
	}
	for _, furniture := range []string{"cookies", "Subscribe for $1", "Related stories", "$40 billion", "51% stake", "$5 billion", "All rights reserved", "$99 billion", "Share on", "morning briefing", "Advertisement"} {
		if strings.Contains(text.String(), furniture) {
			t.Errorf("page text holds %q: navigation, banners, rails, comments, scripts and footers are not the article", furniture)
		}
	}
	for _, want := range []string{"Meta’s Biggest External AI Bet Yet", "Meta is finalizing a $14–15 billion investment", "The $15B price also reflects the urgency: Scale’s 2025 revenue"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("page text lacks %q (entities decoded, headline kept)", want)
		}
	}
	// "$15B" sits at line 55, column 14 of the page.
	for _, p := range a.Paragraphs {
		if i := strings.Index(p.Text, "$15B"); i >= 0 {
			if line, col := a.Position(p.RawOffset(i)); line != 55 || col != 14 {
				t.Errorf("$15B at %d:%d, want 55:14 in the HTML file", line, col)
			}
		}
	}
}

func TestParseHTMLCharsetAndErrors(t *testing.T) {
	latin1 := []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 deal</title></head><body><article><p>The caf\xe9 chain paid \xa315m for its rival, the companies said on Monday, in a deal that creates the country's largest chain of coffee shops with more than 400 outlets.</p></article></body></html>")
	a, err := ParseHTML("latin1.html", latin1, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if !holds(a.Paragraphs, "café chain paid £15m") {
		t.Errorf("paragraphs %+v: Latin-1 declared in a meta tag must be converted to UTF-8", a.Paragraphs)
	}
	a, err = ParseHTML("hdr.html", []byte(strings.ReplaceAll(string(latin1), "<meta charset=\"iso-8859-1\">", "")), nil, "text/html; charset=ISO-8859-1")
	if err != nil || !holds(a.Paragraphs, "£15m") {
		t.Errorf("charset from the Content-Type header: %v", err)
	}
	for _, tt := range []struct {
		name, data string
		want       error
		reason     string
	}{
		{"nav only", "<html><body><nav><a href=/>Home</a></nav><footer>© 2025</footer></body></html>", ErrNoArticle, "a page with no article text"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrBinary, "an image saved as .html"},
		{"empty", "", ErrNoArticle, "an empty file"},
		{"bad utf-8", "<html><head><meta charset=\"utf-8\"></head><body><p>caf\xe9 \xff\xfe paid $5m for the rival chain, the company said, creating the largest coffee chain in the country.</p></body></html>", ErrInvalidUTF8, "declared UTF-8 but is not"},
	} {
		_, err := ParseHTML(tt.name, []byte(tt.data), nil, "")
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v (%s)", tt.name, err, tt.want, tt.reason)
		}
	}
	// Truncated HTML still yields what it has.
	trunc := "<html><body><article><p>Harbor Systems agreed to pay $2.4 billion for Tidewater Labs, the companies said on Monday, ending a bidding war that lasted six months.</p><p>The deal is exp"
	a, err = ParseHTML("trunc.html", []byte(trunc), nil, "")
	if err != nil || !holds(a.Paragraphs, "$2.4 billion") {
		t.Errorf("truncated page: %v", err)
	}
}

func TestParseFeeds(t *testing.T) {
	tests := []struct {
		file          string
		items, bad    int
		outlet, title string
		published     string
		reason        string
	}{
		{"rss2.xml", 3, 1, "Tech Wire Syndicate", "Meta Pursues Dual AI Strategy", "2025-06-13", "RSS 2.0: content:encoded, a description-only item, an item with neither"},
		{"atom.xml", 2, 0, "Frontier Tech Daily", "In a bold move signaling its deep commitment to artificial intelligence, Meta has announced a $14.3 billion investment in AI infrastructure startup Scale AI, a deal that positions the tech giant firmly in the global race to build superintelligent systems — AI that could eventually surpass human capabilities.", "2025-06-12", "Atom with HTML content"},
		{"rss1.xml", 1, 0, "Market Wire Review", "Meta Pursues Dual AI Strategy", "2025-06-13", "RSS 1.0 (RDF) with a description"},
		{"feed.json", 1, 0, "The Business Courier", "Meta Bets $15bn On Scale AI", "2025-06-10", "JSON Feed"},
	}
	for _, tt := range tests {
		data, err := os.ReadFile("testdata/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		items, err := ParseFeed(tt.file, data)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		n, bad := 0, 0
		for _, it := range items {
			if it.Article == nil {
				bad++
				continue
			}
			n++
			mapsBack(t, it.Article)
		}
		if n != tt.items || bad != tt.bad {
			t.Errorf("%s: %d articles, %d without text; want %d and %d (%s)", tt.file, n, bad, tt.items, tt.bad, tt.reason)
		}
		a := items[0].Article
		if a.Outlet != tt.outlet || a.Title != tt.title || a.Published.Format("2006-01-02") != tt.published || a.URL == "" {
			t.Errorf("%s: item 1: outlet %q, title %q, published %v, url %q (%s)", tt.file, a.Outlet, a.Title, a.Published, a.URL, tt.reason)
		}
	}
	if _, err := ParseFeed("notafeed.xml", []byte("<?xml version=\"1.0\"?><catalog/>")); !errors.Is(err, ErrNotFeed) {
		t.Errorf("an XML file that is no feed: %v, want ErrNotFeed", err)
	}
}

func TestParseJSONL(t *testing.T) {
	data, err := os.ReadFile("testdata/dump.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	arts, bad, err := ParseJSONL("dump.jsonl", bytes.NewReader(data), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, ",") != "biggest-external-ai-bet,bold-move-superintelligence,dual-ai-strategy,high-stakes-pivot,meta-bets-15bn" {
		t.Errorf("articles %v: the good lines, text and html, in order", ids)
	}
	var where []string
	for _, b := range bad {
		var e *Error
		if !errors.As(b, &e) {
			t.Fatalf("bad line %v is not an *Error", b)
		}
		where = append(where, e.Path)
	}
	if strings.Join(where, ",") != "dump.jsonl:5,dump.jsonl:7,dump.jsonl:8,dump.jsonl:9,dump.jsonl:10" {
		t.Errorf("bad lines %v: each named by its line number; the blank line 4 is not one", where)
	}
	if arts[1].Outlet != "Frontier Tech Daily" || arts[1].Published.UTC().Format("15:04") != "13:05" || arts[3].URL == "" {
		t.Errorf("metadata: %+v", arts[1])
	}
	// One huge line is reported and the next is still read.
	huge := `{"id":"a","text":"` + strings.Repeat("x", 5000) + `"}` + "\n" + `{"id":"b","text":"Meta paid $14.3 billion for a 49% stake in Scale AI."}` + "\n"
	arts, bad, err = ParseJSONL("huge.jsonl", strings.NewReader(huge), 1000)
	if err != nil || len(arts) != 1 || arts[0].ID != "b" || len(bad) != 1 || !errors.Is(bad[0], ErrTooLarge) || !strings.Contains(bad[0].Error(), "huge.jsonl:1") {
		t.Errorf("huge line: arts %d, bad %v, err %v; want line 1 reported as too large and line 2 read", len(arts), bad, err)
	}
}

func TestMarkdownStripped(t *testing.T) {
	src := "---\ntitle: Harbor\n---\n# Harbor buys *Tidewater*\n\nHarbor Systems agreed to pay **$2.4 billion** for [Tidewater Labs](https://example.com/t), the\ncompanies said. ![chart](c.png)\n\n- Tidewater employs `340` people\n- It was founded in 2011\n\n| Year | Revenue |\n|---|---|\n| 2025 | $310m |\n\n```\ncode: $9 billion\n```\n\n<div>HTML block $7bn</div>\n"
	a, err := ParseMarkdown("d.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range a.Paragraphs {
		got = append(got, p.Text)
	}
	want := []string{
		"Harbor buys Tidewater",
		"Harbor Systems agreed to pay $2.4 billion for Tidewater Labs, the companies said.",
		"Tidewater employs 340 people",
		"It was founded in 2011",
		"Year; Revenue",
		"2025; $310m",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%s\nwant:\n%s\n(links keep their text; emphasis, images, code blocks and HTML go; a hard-wrapped line joins its paragraph)", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	mapsBack(t, a)
	for _, p := range a.Paragraphs {
		if i := strings.Index(p.Text, "$2.4 billion"); i >= 0 {
			if off := p.RawOffset(i); !strings.HasPrefix(src[off:], "$2.4 billion**") {
				t.Errorf("$2.4 billion maps to %q", src[off:off+12])
			}
		}
	}
}

func TestDedupeAndSyndication(t *testing.T) {
	base := "Harbor Systems agreed to pay $2.4 billion for Tidewater Labs on Monday.\nThe deal ends a six-month bidding war for the maker of industrial sensors.\nTidewater, founded in 2011, employs 340 people at its plant near the harbour.\nAnalysts said the price was high but the sensors fit Harbor's plans well.\nShares in Harbor rose 3% in early trading after the announcement was made."
	mk := func(path, url, text string) *checker.Article {
		a, err := Parse(path, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		a.URL = url
		return a
	}
	arts := []*checker.Article{
		mk("a.txt", "https://www.ledger.example/harbor?utm_source=x", base),
		mk("b.txt", "", strings.ToUpper(base[:1])+strings.ReplaceAll(base[1:], "  ", " ")+"\n"),
		mk("c.txt", "http://ledger.example/harbor/", "Different words entirely, but the same page as a, with $5m."),
		mk("d.txt", "", strings.Replace(base, "Analysts said the price was high but the sensors fit Harbor's plans well.", "A spokesman declined to comment on the price paid.", 1)),
		mk("e.txt", "", "Another story: a quake of magnitude 6.8 struck the basin, killing 212."),
	}
	kept, dups := dedupe(arts)
	if len(kept) != 3 || len(dups) != 2 || dups[0].Reason != "same text" || dups[0].Of != "a.txt" || dups[1].Reason != "same URL" {
		t.Errorf("kept %d, duplicates %+v; want b (same text) and c (same URL, tracking and www and scheme ignored) merged into a", len(kept), dups)
	}
	AssignIDs(kept)
	syn := Syndicated(kept)
	if len(syn) != 1 || syn[0].A != "a" || syn[0].B != "d" || syn[0].Similarity < SyndicationThreshold {
		t.Errorf("syndicated = %+v, want a and d (one paragraph changed), not e", syn)
	}
}

// FuzzParseHTML reads arbitrary bytes as a page: no panic, and every
// letter and digit of the text maps back to the same byte of the page.
func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		pageHTML,
		"<p>Harbor paid &pound;2.4bn &amp; more for Tidewater Labs, the companies said on Monday in a statement to the exchange.</p>",
		"<html><body><article><p>a\r\nb &#36;5m &notanentity; &#x24;7bn\r</p>",
		"<script>var x='<p>$9bn</p>'</script><p>text",
		"<table><tr><td>2025</td><td>$310m</td></tr></table>",
		"<p>caf\xe9</p>", "", "<", "&", "<!--", "<p>\x00</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTML("f.html", data, nil, "")
		if err != nil {
			return
		}
		mapsBack(t, a)
	})
}

// FuzzParseJSONL reads arbitrary bytes as a dump: no panic, every line
// either an article or a bad line, never both, never neither (blank
// lines aside).
func FuzzParseJSONL(f *testing.F) {
	data, err := os.ReadFile("testdata/dump.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{string(data), `{"id":"a","text":"Meta paid $5m."}`, `{"html":"<p>x</p>"}`, "{}\n\n{", `{"text":"x","text":"y"}`, "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, bad, err := ParseJSONL("f.jsonl", bytes.NewReader(data), 4096)
		if err != nil {
			t.Fatalf("ParseJSONL on bytes in memory: %v", err)
		}
		lines := 0
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(strings.TrimRight(l, "\r")) != "" {
				lines++
			}
		}
		if len(arts)+len(bad) != lines {
			t.Fatalf("%d articles + %d bad lines, want %d lines accounted for", len(arts), len(bad), lines)
		}
	})
}

// BenchmarkParseHTML reads a seed article's news page: readability, the
// text stream and the map back to the page.
func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("../fixtures/meta-scale-html/high-stakes-pivot.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseHTML("p.html", data, nil, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseJSONL reads the test dump, good lines and bad.
func BenchmarkParseJSONL(b *testing.B) {
	data, err := os.ReadFile("testdata/dump.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ParseJSONL("d.jsonl", bytes.NewReader(data), 1<<20)
	}
}
