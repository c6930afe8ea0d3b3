package judge_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/judge"
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

// BenchmarkCheckSeed times the whole pipeline on the five seed articles:
// extraction, alignment, comparison and scoring.
func BenchmarkCheckSeed(b *testing.B) {
	arts := loadSeed(b)
	c, err := judge.New()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		n += len(a.Raw)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if r := c.Check(arts); len(r.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkLintSeed times lint with each seed article in turn as the
// draft and the other four as its references.
func BenchmarkLintSeed(b *testing.B) {
	arts := loadSeed(b)
	c, err := judge.New()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		n += len(a.Raw)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		found := 0
		for i := range arts {
			refs := append(append([]*checker.Article(nil), arts[:i]...), arts[i+1:]...)
			r, err := c.Lint(arts[i:i+1], refs)
			if err != nil {
				b.Fatal(err)
			}
			found += len(r.Findings)
		}
		if found == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkCheckOneLongLine checks an article that is one 1 MB line of
// the same claim against a seed article: every claim lands in one slot
// and names the same parties, the case that made aligning quadratic.
func BenchmarkCheckOneLongLine(b *testing.B) {
	arts := loadSeed(b)
	line := strings.Repeat("Meta paid $14.3 billion for a 49% stake in Scale AI. ", 1<<20/54)
	a, err := sources.Parse("long.txt", []byte(line))
	if err != nil {
		b.Fatal(err)
	}
	a.ID = "long"
	set := []*checker.Article{arts[0], a}
	c, err := judge.New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		c.Check(set)
	}
}

// benchEvent is a generated event reported by n outlets, padded to size
// bytes by repeating each outlet's article as extra paragraphs.
func benchEvent(b *testing.B, n int) ([]*checker.Article, int) {
	b.Helper()
	ev := newsgen.New(7).Event("bench", n)
	var arts []*checker.Article
	size := 0
	for _, d := range ev.Docs {
		a, err := sources.Parse(d.Source+".txt", []byte(d.Text))
		if err != nil {
			b.Fatal(err)
		}
		a.ID = d.Source
		arts = append(arts, a)
		size += len(d.Text)
	}
	return arts, size
}

// BenchmarkCheckEvent is extraction plus alignment of one event as its
// outlets grow: the aligner scores pairs only within a family of kind and
// unit and a plausible ratio, so the cost per outlet grows with the
// figures of a family, not with every figure of the event.
func BenchmarkCheckEvent(b *testing.B) {
	c, err := judge.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{4, 14} {
		b.Run(fmt.Sprintf("outlets=%d", n), func(b *testing.B) {
			arts, size := benchEvent(b, n)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				c.Check(arts)
			}
		})
	}
}

// BenchmarkAlignNews is the aligner alone (figures, pairs, facts) on the
// generated news of BenchmarkExtractNews, one article set at a time of
// eight articles, per MB of text.
func BenchmarkAlignNews(b *testing.B) {
	g := newsgen.New(1)
	c, err := judge.New()
	if err != nil {
		b.Fatal(err)
	}
	type set struct {
		arts   []*checker.Article
		claims []checker.Claim
	}
	var sets []set
	size := 0
	for size < 1<<20 {
		var s set
		for range 8 {
			text, _ := g.Article(40)
			a, err := sources.Parse(fmt.Sprintf("news%d.txt", len(s.arts)), []byte(text))
			if err != nil {
				b.Fatal(err)
			}
			a.ID = fmt.Sprintf("n%d", len(s.arts))
			s.arts = append(s.arts, a)
			size += len(text)
		}
		s.claims = read.Extractor{Lex: c.Lexicon}.Extract(s.arts)
		sets = append(sets, s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sets {
			c.Facts(s.arts, s.claims)
		}
	}
}
