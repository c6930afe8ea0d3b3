package quantity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParse measures the parser over the fixture articles, repeated
// to about 1 MB, parsed a sentence-sized line at a time as the checker
// does.
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*", "*.txt"))
	var lines []string
	n := 0
	for n < 1<<20 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			for _, l := range strings.Split(string(data), "\n") {
				lines = append(lines, l)
				n += len(l) + 1
			}
		}
	}
	if n == 0 {
		b.Fatal("no fixture text")
	}
	benchLines(b, lines, n)
}

// benchLines parses lines, n bytes in all, once per iteration, reusing
// one Parser as the checker does.
func benchLines(b *testing.B, lines []string, n int) {
	var p Parser
	var qs []Quantity
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			qs = p.Parse(l, qs[:0])
		}
	}
}
