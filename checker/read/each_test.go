package read

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// longArticles are articles long enough to be read in runs: generated
// news of many short paragraphs, one long paragraph of its sentences run
// together, and a short article between them.
func longArticles() []*checker.Article {
	g := newsgen.New(3)
	news := g.Text(200 << 10)
	var para strings.Builder
	for para.Len() < 3*runBytes+100 {
		para.WriteString(g.Sentence().Text)
		para.WriteByte(' ')
	}
	return []*checker.Article{
		checker.ArticleOfLines("news", news),
		checker.ArticleOfLines("short", "Sales rose 4% to $12 million.\nIt hired 30 people."),
		checker.ArticleOfLines("para", "Opening line of 3 words.\n"+para.String()+"\nClosing line with 7 figures."),
	}
}

// collect lists what each calls emit with.
func collect(t *testing.T, each func(func(*checker.Extracted) error) error) []checker.Extracted {
	t.Helper()
	var out []checker.Extracted
	if err := each(func(e *checker.Extracted) error {
		out = append(out, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEachQuantityRuns holds the quantities read in runs on several
// goroutines to those read in one pass on one.
func TestEachQuantityRuns(t *testing.T) {
	arts := longArticles()
	if n := textBytes(arts, 2*runBytes); n <= 2*runBytes {
		t.Fatalf("the articles hold %d bytes: too few to be read in runs", n)
	}
	want := collect(t, func(emit func(*checker.Extracted) error) error { return eachQuantity(arts, emit) })
	if len(want) < 1000 {
		t.Fatalf("%d quantities: want the articles to hold more", len(want))
	}
	for _, workers := range []int{1, 2, 5} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			got := collect(t, func(emit func(*checker.Extracted) error) error {
				return eachQuantityParallel(arts, workers, emit)
			})
			if len(got) != len(want) {
				t.Fatalf("%d quantities, want %d", len(got), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("quantity %d:\n got %+v\nwant %+v", i, got[i], want[i])
				}
			}
		})
	}
	if got := collect(t, func(emit func(*checker.Extracted) error) error { return EachQuantity(arts, emit) }); len(got) != len(want) {
		t.Errorf("EachQuantity: %d quantities, want %d", len(got), len(want))
	}
}

// TestEachQuantityStops holds EachQuantity to stopping at emit's first
// error, on one goroutine and on several, wherever it comes.
func TestEachQuantityStops(t *testing.T) {
	arts := longArticles()
	errStop := errors.New("stop")
	for _, at := range []int{1, 7, 500, 3000} {
		for _, workers := range []int{1, 2, 5} {
			calls := 0
			err := eachQuantityParallel(arts, workers, func(*checker.Extracted) error {
				if calls++; calls == at {
					return errStop
				}
				return nil
			})
			if !errors.Is(err, errStop) || calls != at {
				t.Errorf("stopping at %d on %d workers: %v after %d calls, want %v after %d", at, workers, err, calls, errStop, at)
			}
		}
	}
}
