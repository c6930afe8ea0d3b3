package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/sources"
)

// TestWritesAReadableCorpus checks that the corpus is JSONL that the
// sources adapter reads without a bad line, that the records do not give
// the event away, and that the truth file names every article's event.
func TestWritesAReadableCorpus(t *testing.T) {
	dir := t.TempDir()
	corpus, truth := filepath.Join(dir, "c.jsonl"), filepath.Join(dir, "t.jsonl")
	var stderr bytes.Buffer
	if err := run([]string{"-events", "30", "-o", corpus, "-truth", truth}, nil, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	f, err := os.Open(corpus)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, bad, err := sources.ParseJSONL(corpus, f, 1<<20)
	if err != nil || len(bad) > 0 {
		t.Fatalf("reading the corpus: %v %v", err, bad)
	}
	for _, a := range arts {
		if a.Event != "" {
			t.Fatalf("%s: the record names its event %q; only the truth file may", a.ID, a.Event)
		}
	}
	tf, err := os.ReadFile(truth)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(tf))
	n := 0
	for sc.Scan() {
		var r truthRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.Event == "" {
			t.Fatalf("truth line %d: %q: %v", n+1, sc.Text(), err)
		}
		if r.ID != arts[n].ID {
			t.Fatalf("truth line %d is %s, corpus line is %s", n+1, r.ID, arts[n].ID)
		}
		n++
	}
	if n != len(arts) {
		t.Errorf("%d truth lines for %d articles", n, len(arts))
	}
	if !strings.Contains(stderr.String(), "about 30 events") {
		t.Errorf("stderr %q does not say what was written", stderr.String())
	}
}

func TestArticleBytes(t *testing.T) {
	sizes := map[int]int{}
	for _, n := range []int{0, 4000} {
		var out bytes.Buffer
		if err := run([]string{"-events", "20", "-article-bytes", fmt.Sprint(n)}, &out, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		arts, bad, err := sources.ParseJSONL("c.jsonl", &out, 1<<20)
		if err != nil || len(bad) > 0 || len(arts) == 0 {
			t.Fatalf("-article-bytes %d: %d articles, %v %v", n, len(arts), err, bad)
		}
		total := 0
		for _, a := range arts {
			total += len(a.Raw)
		}
		sizes[n] = total / len(arts)
	}
	if sizes[0] > 1500 || sizes[4000] < 3500 || sizes[4000] > 4500 {
		t.Errorf("mean article bytes %d unpadded and %d padded to 4000", sizes[0], sizes[4000])
	}
}

// TestRejectsBadFlags: a count below its floor is an error, not a
// corpus of nothing.
func TestRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-events", "0"}, {"-articles", "1"}, {"-article-bytes", "-1"}, {"stray"}} {
		if err := run(args, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
