package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
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
	base, trees := boosting{rounds: 30, depth: 2, minLeaf: 5}.boost(rows)
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
	bo := boosting{rounds: 20, depth: 2, bags: 3, minLeaf: 5}
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
	one, _, r1 := boosting{rounds: 20, depth: 2, bags: 1, minLeaf: 5}.bagged(rows)
	if b0, _ := (boosting{rounds: 20, depth: 2, minLeaf: 5}).boost(rows); one != b0 || r1 != rate {
		t.Error("one bag is not the plain boosted model")
	}
}

// TestAveragePrecision: the mean of the precision at each real
// disagreement's rank.
func TestAveragePrecision(t *testing.T) {
	cases := []struct {
		reason string
		ps     []scored
		want   float64
	}{
		{"every real one first", []scored{{0.9, true}, {0.8, true}, {0.1, false}}, 1},
		{"one ranked under a false one", []scored{{0.9, true}, {0.8, false}, {0.7, true}}, (1 + 2.0/3) / 2},
		{"ranked by chance, not by input order", []scored{{0.1, true}, {0.9, false}}, 0.5},
		{"nothing real to find", []scored{{0.5, false}}, 0},
		{"a tie earns no credit: the false pair ranks first", []scored{{0.5, true}, {0.5, false}}, 0.5},
	}
	for _, c := range cases {
		if got := averagePrecision(c.ps); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: %.4f, want %.4f", c.reason, got, c.want)
		}
	}
}

// TestCrossValidatePairs: -cv scores each event by a model fitted
// without it. Where one feature decides the label in every event, the
// held-out pairs rank perfectly; where labels are noise, they do not.
func TestCrossValidatePairs(t *testing.T) {
	var rows []row
	n := len(align.FeatureNames)
	for e := 0; e < 6; e++ {
		for i := 0; i < 120; i++ {
			x := make([]float64, n)
			x[0] = float64((i*7+e)%100) / 100
			x[1] = float64((i*13+e*3)%17) / 17
			rows = append(rows, row{event: fmt.Sprintf("clusters/e%d", e), right: x[0] > 0.8, x: x})
			y := make([]float64, n)
			y[0] = float64((i*11+e)%100) / 100
			rows = append(rows, row{event: fmt.Sprintf("realnews/e%d", e), right: (i*31+e*17)%9 == 0, x: y})
		}
	}
	path := filepath.Join(t.TempDir(), "pairs.csv.gz")
	if err := writePairs(path, rows); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-cv", "-pairs", path, "-rounds", "20", "-depth", "2"}, &stdout, &stderr); err != nil {
		t.Fatalf("fitalign -cv: %v\n%s", err, stderr.String())
	}
	auprc := map[string]float64{}
	for _, line := range strings.Split(stdout.String(), "\n") {
		var set string
		var pairs, right int
		var loss, ap float64
		if k, _ := fmt.Sscanf(line, "%s %d %d %f %f", &set, &pairs, &right, &loss, &ap); k == 5 {
			auprc[set] = ap
		}
	}
	if auprc["clusters"] < 0.99 || auprc["realnews"] > 0.5 {
		t.Errorf("held-out AUPRC: clusters %.3f (want ≥ 0.99: one feature decides), realnews %.3f (want ≤ 0.5: labels are noise)\n%s", auprc["clusters"], auprc["realnews"], stdout.String())
	}
}

// TestFlagsRejected: settings that cannot mean anything are errors, not
// a run that quietly ignores one.
func TestFlagsRejected(t *testing.T) {
	for _, args := range [][]string{{"-data", "-cv"}, {"-cv", "-min-leaf", "-1"}, {"-partial"}} {
		var stdout, stderr bytes.Buffer
		if err := run(args, &stdout, &stderr); err == nil {
			t.Errorf("fitalign %v: no error", args)
		}
	}
}

// TestPartial: a real-news event without its texts stops -data, naming
// the event and -partial; with -partial it is left out and named on
// stderr, and the events that have texts are still loaded.
func TestPartial(t *testing.T) {
	keys, texts := t.TempDir(), t.TempDir()
	for _, name := range []string{"present", "absent"} {
		if err := os.MkdirAll(filepath.Join(keys, name), 0o755); err != nil {
			t.Fatal(err)
		}
		key := `{"event": "a test event", "disagreements": [], "traps": []}`
		if err := os.WriteFile(filepath.Join(keys, name, "key.json"), []byte(key), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(texts, "present"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(texts, "present", "a.txt"), []byte("The toll rose to 12."), 0o644); err != nil {
		t.Fatal(err)
	}
	clusters := filepath.Join(t.TempDir(), "cluster")
	if err := os.MkdirAll(clusters, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"key.json": `{"event": "a cluster", "disagreements": [], "traps": []}`, "a.txt": "The toll rose to 12."} {
		if err := os.WriteFile(filepath.Join(clusters, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := options{fixtures: t.TempDir(), clusters: filepath.Dir(clusters), realnewsKeys: keys, realnewsDir: texts}
	var stderr bytes.Buffer
	o.stderr = &stderr
	if _, err := loadEvents(o); err == nil || !strings.Contains(err.Error(), "absent") || !strings.Contains(err.Error(), "-partial") {
		t.Fatalf("without -partial: error %v, want one naming the absent event and -partial", err)
	}
	o.partial = true
	evs, err := loadEvents(o)
	if err != nil {
		t.Fatalf("with -partial: %v", err)
	}
	var names []string
	for _, e := range evs {
		if e.set == "realnews" {
			names = append(names, e.ev.Name)
		}
	}
	if !slices.Equal(names, []string{"present"}) || !strings.Contains(stderr.String(), "absent") {
		t.Errorf("with -partial: real-news events %v (want [present]); stderr %q (want the absent event named)", names, stderr.String())
	}
}

func TestBalanced(t *testing.T) {
	held := func(n int, group string, right bool) []heldFinding {
		var out []heldFinding
		for i := range n {
			h := heldFinding{group: fmt.Sprintf("%s/e%d", group, i%2)}
			h.X = []float64{float64(i)}
			if right {
				h.Covers = "right"
			}
			out = append(out, h)
		}
		return out
	}
	var all []heldFinding
	all = append(all, held(2, "clusters", true)...)
	all = append(all, held(6, "realnews", false)...)
	all = append(all, held(1, "fixtures", true)...)
	got := balanced(all)
	count := map[bool]int{}
	for _, d := range got {
		count[d.Correct()]++
	}
	// The two cluster findings count three times each, as many as the six
	// real-news ones; the fixture once.
	if len(got) != 13 || count[true] != 7 || count[false] != 6 {
		t.Errorf("balanced: %d findings, %d right, %d wrong; want 13: 6 cluster and 1 fixture right, 6 real-news wrong", len(got), count[true], count[false])
	}
	if n := len(balanced(held(4, "realnews", false))); n != 4 {
		t.Errorf("one set alone: %d findings, want its 4 once each", n)
	}
}
