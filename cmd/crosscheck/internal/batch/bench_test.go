package batch

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker/group"
	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// BenchmarkBatch runs the whole batch (group, check, write) on generated
// corpora of the sizes in $BATCH_SIZES (articles, comma-separated;
// default 10000), smallest first, and reports articles/s, MB/s, the
// process's peak RSS so far, and the pairwise grouping precision, recall
// and F1 against the generator's truth. With two sizes or more it logs
// the exponent k of time ∝ articles^k (least squares on the logs).
// $BATCH_ARTICLE_BYTES pads each article to about that many bytes (0, the
// default, leaves the generator's 600-byte reports; a real article is
// about 4,000). Corpora are cached in $BATCH_CORPUS_DIR (default: the
// system's temp directory). make bench-batch runs it at 10k, 100k and 1M
// articles of 4,000 bytes.
func BenchmarkBatch(b *testing.B) {
	sizes := []int{10000}
	if env := os.Getenv("BATCH_SIZES"); env != "" {
		sizes = sizes[:0]
		for _, f := range strings.Split(env, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 100 {
				b.Fatalf("BATCH_SIZES %q: want article counts of at least 100", env)
			}
			sizes = append(sizes, n)
		}
	}
	articleBytes := 0
	if env := os.Getenv("BATCH_ARTICLE_BYTES"); env != "" {
		n, err := strconv.Atoi(env)
		if err != nil || n < 0 {
			b.Fatalf("BATCH_ARTICLE_BYTES %q: want a size in bytes", env)
		}
		articleBytes = n
	}
	cache := os.Getenv("BATCH_CORPUS_DIR")
	if cache == "" {
		cache = filepath.Join(os.TempDir(), "crosscheck-bench")
	}
	var logN, logT []float64
	for _, n := range sizes {
		corpus, truthPath := benchCorpus(b, cache, n, articleBytes)
		st, err := os.Stat(corpus)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var elapsed time.Duration
			var records int
			var out string
			// The soft heap limit crosscheck batch sets by default (--memory-limit).
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(768 << 20))
			for b.Loop() {
				out = b.TempDir()
				start := time.Now()
				sum, err := Run(Options{Inputs: []string{corpus}, Dir: out, Jobs: runtime.NumCPU(), Formats: []string{"html"}})
				if err != nil {
					b.Fatal(err)
				}
				elapsed = time.Since(start)
				records = sum.Articles.Records
			}
			// Peak RSS before the scoring below loads the truth.
			var ru syscall.Rusage
			_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
			a, err := ReadAssignment(filepath.Join(out, AssignFile))
			if err != nil {
				b.Fatal(err)
			}
			p, r, f1 := groupingOf(b, a, readTruth(b, truthPath))
			b.ReportMetric(float64(records)/elapsed.Seconds(), "articles/s")
			b.ReportMetric(float64(st.Size())/1e6/elapsed.Seconds(), "MB/s")
			b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
			b.ReportMetric(p, "group-P")
			b.ReportMetric(r, "group-R")
			b.ReportMetric(f1, "group-F1")
			logN = append(logN, math.Log(float64(records)))
			logT = append(logT, math.Log(elapsed.Seconds()))
		})
	}
	if len(logN) >= 2 {
		var mx, my float64
		for i := range logN {
			mx += logN[i]
			my += logT[i]
		}
		mx /= float64(len(logN))
		my /= float64(len(logN))
		var sxy, sxx float64
		for i := range logN {
			sxy += (logN[i] - mx) * (logT[i] - my)
			sxx += (logN[i] - mx) * (logN[i] - mx)
		}
		b.Logf("scaling exponent: time ∝ articles^%.3f over %d sizes", sxy/sxx, len(logN))
	}
}

// benchCorpus writes (once) a corpus of about n articles padded to
// articleBytes (0: not padded) and its truth, and returns their paths.
func benchCorpus(b *testing.B, dir string, n, articleBytes int) (corpus, truthPath string) {
	b.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	corpus = filepath.Join(dir, fmt.Sprintf("corpus-%d.jsonl", n))
	if articleBytes > 0 {
		corpus = filepath.Join(dir, fmt.Sprintf("corpus-%d-%dB.jsonl", n, articleBytes))
	}
	truthPath = corpus + ".truth"
	if _, err := os.Stat(truthPath); err != nil {
		cf, err := os.Create(corpus)
		if err != nil {
			b.Fatal(err)
		}
		tf, err := os.Create(truthPath)
		if err != nil {
			b.Fatal(err)
		}
		cw, tw := bufio.NewWriterSize(cf, 1<<20), bufio.NewWriterSize(tf, 1<<20)
		enc := json.NewEncoder(cw)
		enc.SetEscapeHTML(false)
		written := 0
		// About 7.3 articles an event: one in ten a singleton, the rest 2–14.
		err = newsgen.New(1).Corpus(newsgen.CorpusOptions{Events: n * 10 / 73, ArticleBytes: articleBytes}, func(a newsgen.CorpusArticle) error {
			written++
			fmt.Fprintf(tw, "%s\t%s\n", a.ID, a.Event)
			return enc.Encode(a)
		})
		for _, err2 := range []error{err, cw.Flush(), tw.Flush(), cf.Close(), tf.Close()} {
			if err2 != nil {
				os.Remove(truthPath)
				b.Fatal(err2)
			}
		}
	}
	return corpus, truthPath
}

// readTruth reads each article's event from a truth file.
func readTruth(b *testing.B, path string) map[string]string {
	truth := map[string]string{}
	tf, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer tf.Close()
	sc := bufio.NewScanner(tf)
	for sc.Scan() {
		id, ev, _ := strings.Cut(sc.Text(), "\t")
		truth[id] = ev
	}
	return truth
}

// groupingOf scores an assignment against the truth (each record's
// event by its ID), pair by pair.
func groupingOf(b *testing.B, a *Assignment, truth map[string]string) (p, r, f1 float64) {
	b.Helper()
	num := map[string]int{}
	id := func(s string) int {
		if n, ok := num[s]; ok {
			return n
		}
		num[s] = len(num)
		return num[s]
	}
	var got, want []int
	for _, rec := range a.Records {
		if rec.Skipped {
			continue
		}
		t, ok := truth[rec.ID]
		if !ok {
			b.Fatalf("record %s (%s) is not in the truth", rec.Key, rec.ID)
		}
		got = append(got, id("g"+rec.Event))
		want = append(want, id("t"+t))
	}
	return group.Pairwise(got, want)
}
