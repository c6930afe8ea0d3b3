package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/checker/align"
)

// TestCommittedModelIsReproducible fits the committed pairs and held-out
// findings as `go run ./cmd/fitalign` does and requires the committed
// model to be what it writes: the model's numbers are data a script
// makes, never edited by hand.
func TestCommittedModelIsReproducible(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "model.json")
	var stdout, stderr bytes.Buffer
	root := filepath.Join("..", "..")
	args := []string{
		"-pairs", filepath.Join(root, "checker", "align", "testdata", "pairs.csv.gz"),
		"-heldout", filepath.Join(root, "checker", "align", "testdata", "heldout.csv"),
		"-o", out,
	}
	if err := run(args, &stdout, &stderr); err != nil {
		t.Fatalf("fitalign: %v\n%s", err, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "checker", "align", "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("checker/align/model.json is not what fitalign writes from the committed pairs; run make fitalign and review the diff (%d bytes written, %d committed)", len(got), len(want))
	}
}

// TestBoostLearns: on pairs whose label is a threshold of one feature and
// noise in the others, the boosted trees rank every positive above every
// negative, and the tree splits on that feature first.
func TestBoostLearns(t *testing.T) {
	var rows []row
	for i := 0; i < 400; i++ {
		x := []float64{float64(i%7) / 7, float64(i%100) / 100, float64(i%3) / 3}
		rows = append(rows, row{right: x[1] > 0.5, x: x})
	}
	base, trees := boosting{rounds: 30, depth: 2}.boost(rows)
	if len(trees) != 30 || trees[0].Nodes[0].Feature != 1 {
		t.Fatalf("%d trees, first split on feature %d; want 30, on feature 1", len(trees), trees[0].Nodes[0].Feature)
	}
	score := func(x []float64) float64 {
		z := base
		for i := range trees {
			z += rate * trees[i].Eval(x)
		}
		return z
	}
	lowPos, highNeg := 1e9, -1e9
	for _, r := range rows {
		if s := score(r.x); r.right {
			lowPos = min(lowPos, s)
		} else {
			highNeg = max(highNeg, s)
		}
	}
	if lowPos <= highNeg {
		t.Errorf("lowest positive scores %.3f, highest negative %.3f: not separated", lowPos, highNeg)
	}
}

// TestBagged: averaged models keep every tree at a rate divided by their
// number, the draws are the same on every run, and the average still
// separates the classes one feature decides.
func TestBagged(t *testing.T) {
	var rows []row
	for i := 0; i < 400; i++ {
		x := []float64{float64(i%7) / 7, float64(i%100) / 100}
		rows = append(rows, row{event: fmt.Sprintf("e%d", i%10), right: x[1] > 0.5, x: x})
	}
	bo := boosting{rounds: 20, depth: 2, bags: 3}
	base, trees, r := bo.bagged(rows)
	if len(trees) != 60 || math.Abs(r-rate/3) > 1e-12 {
		t.Fatalf("%d trees at rate %g; want 60 at %g", len(trees), r, rate/3)
	}
	base2, trees2, _ := bo.bagged(rows)
	if base2 != base || !reflect.DeepEqual(trees, trees2) {
		t.Error("two fits of the same rows differ: the draws are not seeded")
	}
	m := &align.Model{Base: base, Trees: trees, Rate: r}
	if lo, hi := m.Raw([]float64{0, 0.9}), m.Raw([]float64{0, 0.1}); lo <= hi {
		t.Errorf("chance of a positive %.3f, of a negative %.3f: the average does not separate them", lo, hi)
	}
	one, _, r1 := boosting{rounds: 20, depth: 2, bags: 1}.bagged(rows)
	if b0, _ := (boosting{rounds: 20, depth: 2}).boost(rows); one != b0 || r1 != rate {
		t.Error("one bag is not the plain boosted model")
	}
}
