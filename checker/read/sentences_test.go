package read_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/checker/text"
	"github.com/crosscheck/crosscheck/sources"
)

// A readSentence is what a read.Sentence holds, copied out of its
// reader's buffers.
type readSentence struct {
	Article    string
	Text       string
	Tokens     []text.Token
	Quantities []quantity.Quantity
	Headline   bool
	Found      []read.Found
}

func copySentence(a *checker.Article, s *read.Sentence) readSentence {
	out := readSentence{Article: a.ID, Text: s.Text, Tokens: slices.Clone(s.Tokens), Quantities: slices.Clone(s.Quantities), Headline: s.Headline}
	for i := range s.Quantities {
		out.Found = append(out.Found, s.Found(i))
	}
	return out
}

// TestExtractSentencesAsScanner holds the sentences ExtractSentences hands
// on to those a Scanner reads, field for field, and its claims to
// Extract's: the fixtures, the dev clusters when ../shared has them,
// generated news, and a few articles written to differ where the two
// readings could (a headline past the first paragraph, capitals that are
// not ASCII, a URL, symbols).
func TestExtractSentencesAsScanner(t *testing.T) {
	lex, err := read.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var sets [][]*checker.Article
	dirs, _ := filepath.Glob("../../fixtures/*")
	more, _ := filepath.Glob("../../../shared/devsets/clusters/*")
	for _, dir := range append(dirs, more...) {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		res, err := sources.Load([]string{dir}, sources.Options{})
		if err != nil {
			continue // a directory of keys alone
		}
		sets = append(sets, res.Articles)
	}
	g := newsgen.New(7)
	var news []*checker.Article
	for i := range 40 {
		txt, _ := g.Article(30)
		a, err := sources.Parse("news.txt", []byte(txt))
		if err != nil {
			t.Fatal(err)
		}
		a.ID = string(rune('a' + i%26))
		news = append(news, a)
	}
	sets = append(sets, news, []*checker.Article{
		checker.ArticleOfLines("odd", "ÉTAT Buys Harbor Systems For $3 Billion\n"+
			"Second Paragraph Reads Like A Headline With 40 Capital Words\n"+
			"Ärzte said 1,200 staff, or 12%, would go; see https://example.com/?q=30%25 for 5 more.\n"+
			"€85m (£72m) — up 3.5% — a five-year deal, about a quarter of the town, 2 ½ hours."),
		checker.ArticleOfLines("empty", "\nNo figures here at all."),
	})
	n := 0
	for _, arts := range sets {
		var got, want []readSentence
		claims := read.Extractor{Lex: lex}.ExtractSentences(arts, func(a *checker.Article, s *read.Sentence) {
			got = append(got, copySentence(a, s))
		})
		var sc read.Scanner
		for _, a := range arts {
			sc.Sentences(a, func(s *read.Sentence) { want = append(want, copySentence(a, s)) })
		}
		n += len(got)
		if len(got) != len(want) {
			t.Fatalf("%s: %d sentences with quantities, a Scanner reads %d", arts[0].ID, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%s: sentence %d\ngot  %+v\nwant %+v", arts[0].ID, i, got[i], want[i])
			}
		}
		if plain := (read.Extractor{Lex: lex}).Extract(arts); !reflect.DeepEqual(claims, plain) {
			t.Fatalf("%s: ExtractSentences's claims differ from Extract's", arts[0].ID)
		}
	}
	t.Logf("%d article sets, %d sentences with quantities", len(sets), n)
	if len(sets) < 3 {
		t.Fatalf("%d article sets read, want the fixtures", len(sets))
	}
}
