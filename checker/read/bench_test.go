package read_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/sources"
)

func loadSeed(b *testing.B) []*checker.Article {
	b.Helper()
	res, err := sources.Load([]string{"../../fixtures/meta-scale"}, sources.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return res.Articles
}

// BenchmarkExtract measures claim extraction over the seed articles
// repeated into one long article (about 0.5 MB).
func BenchmarkExtract(b *testing.B) {
	arts := loadSeed(b)
	var sb strings.Builder
	for sb.Len() < 500_000 {
		for _, a := range arts {
			for _, p := range a.Paragraphs {
				sb.WriteString(p.Text)
				sb.WriteByte('\n')
			}
		}
	}
	a, err := sources.Parse("long.txt", []byte(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	lex, _ := read.DefaultLexicon()
	b.SetBytes(int64(len(a.Raw)))
	b.ReportAllocs()
	for b.Loop() {
		read.Extractor{Lex: lex}.Extract([]*checker.Article{a})
	}
}

// BenchmarkExtractNews measures claim extraction over 4 MB of generated
// news, article by article, as a batch reads a corpus: memory holds one
// article at a time.
func BenchmarkExtractNews(b *testing.B) {
	g := newsgen.New(1)
	var arts []*checker.Article
	size := 0
	for size < 4<<20 {
		text, _ := g.Article(40)
		a, err := sources.Parse("news.txt", []byte(text))
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		size += len(text)
	}
	lex, _ := read.DefaultLexicon()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			read.Extractor{Lex: lex}.Extract([]*checker.Article{a})
		}
	}
}
