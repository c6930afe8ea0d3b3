package sources

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", "Title\nMeta paid $14.3 billion.\n")
	tests := []struct {
		name    string
		input   func() string
		opt     Options
		want    error
		message string
		reason  string
	}{
		{"missing", func() string { return filepath.Join(dir, "nope.txt") }, Options{}, ErrNotFound, "nope.txt: no such file", "a path that does not exist"},
		{"empty", func() string { return write(t, dir, "empty.txt", "  \n\n") }, Options{}, ErrEmpty, "empty.txt: empty file", "a file with only white space"},
		{"binary", func() string { return write(t, dir, "bin.txt", "PK\x03\x04\x00\x00rest") }, Options{}, ErrBinary, "bin.txt: binary file", "a NUL byte means binary"},
		{"utf8", func() string { return write(t, dir, "latin1.txt", "Caf\xe9 paid \xa315m\n") }, Options{}, ErrInvalidUTF8, "latin1.txt: not valid UTF-8 (bad byte at offset 3)", "Latin-1 bytes are not UTF-8"},
		{"too large", func() string { return write(t, dir, "big.txt", strings.Repeat("word ", 100)) }, Options{MaxSize: 100}, ErrTooLarge, "big.txt: file too large: 500 bytes, over the 100-byte limit", "a file over --max-size"},
		{"empty dir", func() string {
			d := filepath.Join(dir, "nodocs")
			os.Mkdir(d, 0o755)
			write(t, d, "data.json", "{}")
			return d
		}, Options{}, ErrNoText, "nodocs: directory has no files crosscheck reads", "a directory with nothing crosscheck reads (a .json is data unless named)"},
		{"unsupported", func() string { return write(t, dir, "page.pdf", "%PDF-1.4") }, Options{}, ErrUnsupported, "page.pdf: unsupported format \".pdf\": crosscheck reads text, Markdown, HTML, feeds and JSONL", "a format we do not read yet"},
		{"front matter", func() string { return write(t, dir, "fm.md", "---\ntitle: x\nauthor: y\n---\nText $5m.\n") }, Options{}, ErrFrontMatter, "fm.md: bad front matter", "an unknown front-matter key is an error, not silently ignored"},
		{"unclosed", func() string { return write(t, dir, "open.md", "---\ntitle: x\nText.\n") }, Options{}, ErrFrontMatter, "opening --- has no closing ---", "front matter that never closes"},
		{"bad date", func() string { return write(t, dir, "date.md", "---\npublished: yesterday\n---\nText.\n") }, Options{}, ErrFrontMatter, "published \"yesterday\": not a date", "a publication date we cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input()
			_, err := Load([]string{good, in}, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Load(%s) error = %v, want %v (%s)", tt.name, err, tt.want, tt.reason)
			}
			var e *Error
			if !errors.As(err, &e) || e.Path != in {
				t.Errorf("error %v does not name the input %s", err, in)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q does not say %q (%s)", err, tt.message, tt.reason)
			}
			// With KeepGoing the bad input is reported, the good one kept.
			res, err := Load([]string{good, in}, Options{MaxSize: tt.opt.MaxSize, KeepGoing: true})
			if err != nil {
				t.Fatalf("KeepGoing: %v", err)
			}
			if len(res.Articles) != 1 || len(res.Skipped) != 1 || !errors.Is(res.Skipped[0].Err, tt.want) {
				t.Errorf("KeepGoing: %d articles, skipped %v; want 1 article and this input skipped", len(res.Articles), res.Skipped)
			}
		})
	}
}

func TestParseFrontMatterAndPositions(t *testing.T) {
	src := "---\ntitle: Harbor deal\noutlet: The Ledger\npublished: 2026-11-20\nweight: 2\n---\nHarbor Systems agreed a €2.4bn deal.\n\nShare this article\n"
	a, err := Parse("ledger.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbor deal" || a.Outlet != "The Ledger" || a.Published.Format("2006-01-02") != "2026-11-20" || a.Weight != 2 {
		t.Errorf("front matter = %q %q %v %v", a.Title, a.Outlet, a.Published, a.Weight)
	}
	if len(a.Paragraphs) != 1 {
		t.Fatalf("paragraphs = %+v, want the one article line (front matter and share prompt dropped)", a.Paragraphs)
	}
	p := a.Paragraphs[0]
	off := p.Offset + strings.Index(p.Text, "€2.4bn")
	if line, col := a.Position(off); line != 7 || col != 25 {
		t.Errorf("position of €2.4bn = %d:%d, want 7:25 (1-based line, byte column)", line, col)
	}
	if src[off:off+len("€2.4bn")] != "€2.4bn" {
		t.Errorf("offset %d does not point at the figure in the original file", off)
	}
}

func TestFurniture(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		kept   []string
		reason string
	}{
		{"teasers", "Deal agreed\nMeta paid $15bn for a stake.\nOpenAI Faces Pressure\nOpenAI is entering a more demanding phase of the consumer AI race after Sam Altman issued a call... Read more\nBoE Loosens Rules\nThe Bank of England has taken a significant step towards easing post-crisis regulation... Read more\n",
			[]string{"Deal agreed", "Meta paid $15bn for a stake."}, "teaser headlines and their '… Read more' blurbs go"},
		{"closing block", "Title\nThe $14.3 billion deal with Scale AI secured Meta a 49% stake in the data-labeling startup and brought its CEO to Meta to lead a new lab, in a long paragraph that is the article.\nGet your own daily briefing\nScout delivers personalized news tailored to your role.\nDownload on the App Store\nShared from Scout - Be the smartest in the room.",
			[]string{"Title", "The $14.3 billion deal with Scale AI secured Meta a 49% stake in the data-labeling startup and brought its CEO to Meta to lead a new lab, in a long paragraph that is the article."}, "a promotional block that closes the page goes, short lines and all"},
		{"comment prompt", "Title\nShe paid £3m.\nBe the first to post comment!", []string{"Title", "She paid £3m."}, "comment prompts go"},
		{"bullets", "Title\n-\nDeep integration of capabilities\n-\nMore text", []string{"Title", "Deep integration of capabilities", "More text"}, "lone bullet marks are not text"},
		{"article mentions reading", "Title\nInvestors read more into the figures than the company intended, analysts said.\n", []string{"Title", "Investors read more into the figures than the company intended, analysts said."}, "'read more' inside a sentence is prose, not a teaser"},
	}
	for _, tt := range tests {
		a, err := Parse(tt.name+".txt", []byte(tt.text))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, p := range a.Paragraphs {
			got = append(got, p.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.kept, "|") {
			t.Errorf("%s: kept %q, want %q (%s)", tt.name, got, tt.kept, tt.reason)
		}
	}
}

func TestLoadDirectoryAndIDs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "B\nText $1m.\n")
	write(t, dir, "a.md", "A\nText $2m.\n")
	write(t, dir, "expected.json", "{}")
	sub := filepath.Join(dir, "more")
	os.Mkdir(sub, 0o755)
	write(t, sub, "a.txt", "A again\nText $3m.\n")
	res, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, ","); got != "a,b,a-2" {
		t.Errorf("IDs = %s, want a,b,a-2 (name order, JSON skipped, repeats suffixed)", got)
	}
}

func TestStdin(t *testing.T) {
	res, err := Load([]string{"-"}, Options{Stdin: strings.NewReader("From stdin\nIt cost $5m.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || res.Articles[0].ID != "stdin" || res.Articles[0].Title != "From stdin" {
		t.Errorf("stdin article = %+v", res.Articles)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\nbody", "---\n", "Title\nRead more\n", "\xef\xbb\xbfBOM title\nx", "\xef\xbb\xbf---\ntitle: x\n---\nbody", "---\ntitle: [a]\nweight: .nan\n---\nx", "---\nauthor: y\n---\nx", "---\n\tfoo\n---\nx", "---\n- a\n---\nx", "---\na: &x 1\nb: *x\n---\nx", "a\r\nb\r\n", "---\r\ntitle: y\r\n---\r\nz"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.txt", data)
		if err != nil {
			return
		}
		for _, p := range a.Paragraphs {
			if p.Offset < 0 || p.Offset+len(p.Text) > len(a.Raw) || a.Raw[p.Offset:p.Offset+len(p.Text)] != p.Text {
				t.Fatalf("paragraph %q does not point into the original at %d", p.Text, p.Offset)
			}
		}
	})
}

// BenchmarkParseLarge reads an 8 MB page of short lines, the worst case
// for furniture detection, which must stay linear.
func BenchmarkParseLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Title\nMeta paid $14.3 billion for a stake in a long opening paragraph of the article.\n")
	for sb.Len() < 8<<20 {
		sb.WriteString("Share this\nA short line of text.\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("big.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHTMLCommentsAreNotText(t *testing.T) {
	src := "Harbor paid <!-- was: $2.9bn --> $2.4bn for Tidewater.\n<!-- crosscheck-disable-next-line\n  attribute=\"deal value\" -->\nTidewater employs 340 people.\n"
	a, err := Parse("draft.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, p := range a.Paragraphs {
		text = append(text, p.Text)
		if strings.Contains(p.Text, "2.9bn") || strings.Contains(p.Text, "crosscheck") {
			t.Errorf("paragraph %q holds a comment: a figure in a comment is not a claim", p.Text)
		}
		if i := strings.Index(p.Text, "$2.4bn"); i >= 0 && src[p.Offset+i:p.Offset+i+6] != "$2.4bn" {
			t.Errorf("blanking the comment moved offsets")
		}
	}
	if len(a.Paragraphs) != 2 {
		t.Errorf("paragraphs = %q, want the two lines of text (a comment spanning lines leaves none)", text)
	}
}

func TestMoreFields(t *testing.T) {
	tests := []struct {
		s      string
		n      int
		reason string
	}{
		{"", 0, "no words are not more than none"},
		{"one", 0, "one word is more than none"},
		{"a b c", 3, "three words are not more than three"},
		{"a b c d", 3, "four are"},
		{"  a\tb\u00a0c\u2003d  ", 3, "tabs, no-break and em spaces separate words as strings.Fields has them"},
		{strings.Repeat("word ", 26), 25, "a long line"},
		{strings.Repeat("word ", 25), 25, "a line of exactly the limit"},
	}
	for _, tt := range tests {
		want := len(strings.Fields(tt.s)) > tt.n
		if got := moreFields(tt.s, tt.n); got != want {
			t.Errorf("moreFields(%q, %d) = %v, want %v (%s)", tt.s, tt.n, got, want, tt.reason)
		}
	}
}

// oldIsFurniture is isFurniture as it was, lower-casing the whole line
// before its tests.
func oldIsFurniture(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 300 {
		return false
	}
	lt := strings.ToLower(t)
	if tail := strings.TrimRight(lt, " »›>"); (strings.HasSuffix(tail, "more") || strings.HasSuffix(tail, "reading")) && teaserTail.MatchString(t) {
		return true
	}
	first, _, _ := strings.Cut(lt, " ")
	first = strings.TrimRight(first, ".!:,")
	if first != "" && first[0] >= '0' && first[0] <= '9' {
		first = "#"
	} else if strings.HasPrefix(first, "©") {
		first = "©"
	}
	for _, re := range furniture[first] {
		if re.MatchString(t) {
			return true
		}
	}
	return strings.Contains(lt, "newsletter") && newsletterLine.MatchString(t)
}

func TestIsFurnitureAsLowerCased(t *testing.T) {
	lines := []string{
		"Read more", "READ MORE »", "… Continue READING", "Sign up for our NEWSLETTER today", "Get our free NewsLetter",
		"SHARE THIS ARTICLE", "Advertisement", "© 2025 Daily Clarion. All rights reserved.", "12 Comments",
		"PHOTO: Reuters", "Follow us on X", "READİNG", "... READİNG", "newſletter", "Subscribe", "İnfo: more",
		"The newsletter said revenue rose 12% to $3.4bn, the highest in the company's history, and more.",
		"Kelvin \u212a more", "ÉTÉ read more", "Most Read", "sign up", "", "SİGN up today", "Vİdeo: the fire", "Advertisement:", "ADVERTISEMENT", "Ünterstützen Sie uns", "Subscribe.", "123 comments", "©2025 Clarion",
	}
	for _, p := range []string{"../fixtures/*/*.txt", "../fixtures/*/*.md", "testdata/*"} {
		files, _ := filepath.Glob(p)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			lines = append(lines, strings.Split(string(data), "\n")...)
		}
	}
	furn := 0
	for _, l := range lines {
		got, want := isFurniture(l), oldIsFurniture(l)
		if got != want {
			t.Errorf("isFurniture(%q) = %v, lower-casing the line first gives %v", l, got, want)
		}
		if got {
			furn++
		}
	}
	if furn < 10 {
		t.Errorf("only %d of %d lines are furniture: the lines do not test the patterns", furn, len(lines))
	}
}

func TestFurnitureKeysFitLowered(t *testing.T) {
	// isFurniture lower-cases a line's first word on the stack when it
	// fits: a key longer than that would never be looked up.
	for k := range furniture {
		if len(k) > len(lowered{}) {
			t.Errorf("furniture key %q is longer than the %d bytes isFurniture lower-cases", k, len(lowered{}))
		}
	}
}

func TestContainsASCIIFold(t *testing.T) {
	tests := []struct {
		s      string
		want   bool
		reason string
	}{
		{"Get our NEWSLETTER", true, "upper case"},
		{"nnnN newsLetter", true, "after false starts in both cases"},
		{"Newsletter", true, "the whole line"},
		{"the weekly newslette", false, "cut short at the end"},
		{"", false, "nothing"},
		{"newsletter", true, "exactly"},
		{"ñewsletter", false, "a letter ToLower would not make n"},
		{"Nn", false, "shorter than the word"},
	}
	for _, tt := range tests {
		if got := containsASCIIFold(tt.s, "newsletter"); got != tt.want {
			t.Errorf("containsASCIIFold(%q) = %v, want %v (%s)", tt.s, got, tt.want, tt.reason)
		}
		if want := strings.Contains(strings.ToLower(tt.s), "newsletter"); want != tt.want {
			t.Errorf("%q: the case expects %v but lower-casing gives %v", tt.s, tt.want, want)
		}
	}
}
