package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedFitIsReproducible requires checker/group/fit.json to be
// what this program writes. CI has ../shared beside the repository, so
// there the test always runs; elsewhere it skips when the dev clusters
// are absent.
func TestCommittedFitIsReproducible(t *testing.T) {
	root := filepath.Join("..", "..")
	clusters := filepath.Join(root, "..", "shared", "devsets", "clusters")
	if _, err := os.Stat(clusters); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the dev clusters are not beside the repository in CI: %v", err)
		}
		t.Skipf("dev clusters absent (%v)", err)
	}
	got, err := Build(root, clusters)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "checker", "group", "fit.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("checker/group/fit.json is not what cmd/fitgroup writes; run make fitgroup and review the diff")
	}
}

// TestCorpora checks the corpora the fit is made on are what they say.
func TestCorpora(t *testing.T) {
	cases := []struct {
		reason    string
		c         func() (int, []int)
		n, events int
	}{
		{"the first ten articles of a generated feed are ten events begun minutes apart",
			func() (int, []int) { c := Generated(2, 10); return len(c.Articles), c.Truth }, 10, 10},
		{"one story is one event, whatever its outlets",
			func() (int, []int) { c := OneStory(4, 30); return len(c.Articles), c.Truth }, 30, 1},
		{"the fixture events less the HTML copy of the seed",
			func() (int, []int) {
				c, err := Directory("fixtures", filepath.Join("..", "..", "fixtures"))
				if err != nil {
					t.Fatal(err)
				}
				return len(c.Articles), c.Truth
			}, 25, 7},
	}
	for _, c := range cases {
		n, truth := c.c()
		events := map[int]bool{}
		for _, e := range truth {
			events[e] = true
		}
		if n != c.n || len(truth) != n || len(events) != c.events {
			t.Errorf("%s: %d articles (%d labels) in %d events, want %d in %d", c.reason, n, len(truth), len(events), c.n, c.events)
		}
	}
}
