package group

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
)

// FuzzGroup feeds arbitrary text to the name reader and the grouping:
// no panic, a label for every article, each label an article at or
// before it that is labelled with itself, and the same answer twice.
func FuzzGroup(f *testing.F) {
	f.Add("Velmora Capital buys Trask Robotics.\nTrask Robotics said on Monday.", "LENHOLT — The quake hit Harrow Basin.", int64(0))
	f.Add("Ñandú Park “Quoted” ’Tis O'Neil-Smith", "", int64(86400*3))
	f.Add("\xff\xfe A. B. C.", "a b c", int64(-5))
	f.Fuzz(func(t *testing.T, a, b string, gap int64) {
		day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
		var arts []*checker.Article
		for i, text := range append(strings.Split(a, "\n"), b, a) {
			arts = append(arts, &checker.Article{Title: text, Published: day.Add(time.Duration(gap*int64(i)) * time.Second), Paragraphs: []checker.Paragraph{{Text: text}}})
		}
		run := func() []int {
			g := New(Options{})
			for _, x := range arts {
				g.Add(x)
			}
			return g.Groups()
		}
		got := run()
		if len(got) != len(arts) {
			t.Fatalf("%d labels for %d articles", len(got), len(arts))
		}
		for i, l := range got {
			if l < 0 || l > i || got[l] != l {
				t.Fatalf("article %d labelled %d: %v", i, l, got)
			}
		}
		again := run()
		for i := range got {
			if got[i] != again[i] {
				t.Fatalf("two runs disagree: %v and %v", got, again)
			}
		}
	})
}
