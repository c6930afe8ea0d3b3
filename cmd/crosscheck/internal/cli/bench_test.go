package cli

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// writeEvent writes a generated event reported by n outlets into a
// temporary directory, one text file per outlet, and returns the
// directory and the bytes written.
func writeEvent(b *testing.B, n int) (dir string, size int) {
	b.Helper()
	dir = b.TempDir()
	ev := newsgen.New(7).Event("bench", n)
	for i, d := range ev.Docs {
		name := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		if err := os.WriteFile(name, []byte(d.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		size += len(d.Text)
	}
	return dir, size
}

// runBench runs the command line as a user does, output discarded, and
// fails the benchmark on an exit code other than want.
func runBench(b *testing.B, want int, args ...string) {
	b.Helper()
	streams := &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}
	if code := Main(args, streams); code != want {
		b.Fatalf("crosscheck %s: exit %d, want %d", strings.Join(args, " "), code, want)
	}
}

// BenchmarkCheckCommand times `crosscheck check --format json` end to
// end (loading, near-copy detection, reading, judging, rendering) on one
// generated event as its outlets grow.
func BenchmarkCheckCommand(b *testing.B) {
	for _, n := range []int{5, 50, 100, 500, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			dir, size := writeEvent(b, n)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				runBench(b, ExitOK, "check", "--format", "json", "--fail-level", "none", dir)
			}
		})
	}
}

// BenchmarkCheckScaling times `crosscheck check` on 100 and on 1,000
// articles of one generated event, in turn within each iteration so the
// two share the machine's state, and reports the exponent k of time ∝ n^k
// between them (1 is linear, 2 quadratic) with each size's seconds.
func BenchmarkCheckScaling(b *testing.B) {
	const small, large = 100, 1000
	dirSmall, _ := writeEvent(b, small)
	dirLarge, _ := writeEvent(b, large)
	var tSmall, tLarge time.Duration
	runs := 0
	for b.Loop() {
		start := time.Now()
		runBench(b, ExitOK, "check", "--format", "json", "--fail-level", "none", dirSmall)
		mid := time.Now()
		runBench(b, ExitOK, "check", "--format", "json", "--fail-level", "none", dirLarge)
		tSmall, tLarge = tSmall+mid.Sub(start), tLarge+time.Since(mid)
		runs++
	}
	b.ReportMetric(math.Log(float64(tLarge)/float64(tSmall))/math.Log(float64(large)/small), "exponent")
	b.ReportMetric(tSmall.Seconds()/float64(runs), "s/check@100")
	b.ReportMetric(tLarge.Seconds()/float64(runs), "s/check@1000")
}

// BenchmarkExtractQuantitiesCommand times `crosscheck extract
// --quantities --format jsonl` end to end on a 5 MB generated news text,
// with the full evidence and with none.
func BenchmarkExtractQuantitiesCommand(b *testing.B) {
	file := filepath.Join(b.TempDir(), "news.txt")
	text := newsgen.New(1).Text(5 << 20)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, evidence := range []string{"sentence", "none"} {
		b.Run("evidence="+evidence, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				runBench(b, ExitOK, "extract", "--quantities", "--format", "jsonl", "--evidence", evidence, "--max-size", "64MiB", file)
			}
		})
	}
}
