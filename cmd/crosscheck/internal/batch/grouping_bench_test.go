package batch

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// BenchmarkGrouping measures the grouping alone (crosscheck batch
// --group-only) against the truth, pair by pair, reporting group-P,
// group-R and group-F1:
//
//   - generated=N: the first N articles, in order of publication, of a
//     generated corpus, as a small run of the day's feed would hold them,
//     for each N of $GROUP_SIZES (default 5,10,50,1000; make
//     bench-grouping adds 100000);
//   - one-story=2000: one generated event told by 2,000 outlets on one
//     day;
//   - meta-scale: the seed event's five articles alone;
//   - fixtures: the fixture events in one directory, each subdirectory
//     one event (fixtures/meta-scale-html is fixtures/meta-scale);
//   - realnews: the real-news dev set's texts mixed into one corpus, each
//     subdirectory of $REALNEWS_DIR (default .realnews, as make realnews
//     gathers it) one event; skipped when it is absent;
//   - clusters: the independent dev clusters (../shared/devsets/clusters,
//     or $CLUSTERS_DIR); skipped when absent.
func BenchmarkGrouping(b *testing.B) {
	sizes := []int{5, 10, 50, 1000}
	if env := os.Getenv("GROUP_SIZES"); env != "" {
		sizes = sizes[:0]
		for _, f := range strings.Split(env, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 2 {
				b.Fatalf("GROUP_SIZES %q: want article counts of at least 2", env)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("generated=%d", n), func(b *testing.B) {
			in, truth := firstArticles(b, n)
			scoreGrouping(b, []string{in}, func(key, id string) string { return truth[id] })
		})
	}
	root, err := filepath.Abs("../../../..")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("one-story=2000", func(b *testing.B) {
		in := oneStory(b, 2000)
		scoreGrouping(b, []string{in}, func(string, string) string { return "story" })
	})
	b.Run("meta-scale", func(b *testing.B) {
		scoreGrouping(b, []string{filepath.Join(root, "fixtures", "meta-scale")}, func(string, string) string { return "meta-scale" })
	})
	b.Run("fixtures", func(b *testing.B) {
		scoreGrouping(b, []string{filepath.Join(root, "fixtures")}, func(key, _ string) string {
			return strings.TrimSuffix(filepath.Base(filepath.Dir(key)), "-html")
		})
	})
	for _, c := range []struct{ name, env, dir string }{
		{"realnews", "REALNEWS_DIR", filepath.Join(root, ".realnews")},
		{"clusters", "CLUSTERS_DIR", filepath.Join(root, "..", "shared", "devsets", "clusters")},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir := c.dir
			if env := os.Getenv(c.env); env != "" {
				dir = env
			}
			if _, err := os.Stat(dir); err != nil {
				b.Skipf("%s: %v (set $%s)", c.name, err, c.env)
			}
			scoreGrouping(b, []string{dir}, func(key, _ string) string { return filepath.Base(filepath.Dir(key)) })
		})
	}
}

// scoreGrouping groups inputs and reports the pairwise scores against
// truthOf, which names a record's event from its key and ID.
func scoreGrouping(b *testing.B, inputs []string, truthOf func(key, id string) string) {
	var out string
	for b.Loop() {
		out = b.TempDir()
		if _, err := Run(Options{Inputs: inputs, Dir: out, GroupOnly: true}); err != nil {
			b.Fatal(err)
		}
	}
	a, err := ReadAssignment(filepath.Join(out, AssignFile))
	if err != nil {
		b.Fatal(err)
	}
	truth := map[string]string{}
	events := map[string]bool{}
	for _, r := range a.Records {
		if r.Skipped {
			continue
		}
		truth[r.ID] = truthOf(r.Key, r.ID)
		events[truth[r.ID]] = true
	}
	p, r, f1 := groupingOf(b, a, truth)
	b.ReportMetric(float64(len(truth)), "articles")
	b.ReportMetric(float64(len(events)), "events")
	b.ReportMetric(p, "group-P")
	b.ReportMetric(r, "group-R")
	b.ReportMetric(f1, "group-F1")
}

var errEnough = errors.New("enough articles")

// firstArticles writes the first n articles of a generated corpus, in
// order of publication, and returns its path and each article's event.
func firstArticles(b *testing.B, n int) (string, map[string]string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	truth := map[string]string{}
	// Events enough that the first n articles are a slice of a longer
	// stream, not the whole of it.
	err = newsgen.New(1).Corpus(newsgen.CorpusOptions{Events: n/5 + 100}, func(a newsgen.CorpusArticle) error {
		if len(truth) == n {
			return errEnough
		}
		truth[a.ID] = a.Event
		return enc.Encode(a)
	})
	if err != nil && !errors.Is(err, errEnough) {
		b.Fatal(err)
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		b.Fatal(err)
	}
	return path, truth
}

// oneStory writes one generated event told by n outlets on one day, as
// JSONL, and returns its path.
func oneStory(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "story.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	ev := newsgen.New(9).Event("story", n)
	for i, d := range ev.Docs {
		at := time.Date(2026, 3, 2, 9, 0, i, 0, time.UTC)
		if err := enc.Encode(map[string]string{"id": fmt.Sprint("story-", i), "outlet": d.Source, "published": at.Format(time.RFC3339), "text": d.Text}); err != nil {
			b.Fatal(err)
		}
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		b.Fatal(err)
	}
	return path
}
