// Command fitalign fits the aligner's model (checker/align/model.json):
// which incompatible pairs of figures from different sources are one fact
// misstated, and how far to trust a fact made of them.
//
// It runs in two steps, so that the committed model is data a script
// writes from committed data:
//
//	go run ./cmd/fitalign -data   # read the labelled events, write the pairs (make fitalign-data)
//	go run ./cmd/fitalign         # fit the pairs, write the model (make fitalign)
//
// With -data it reads the labelled events — the fixtures, the independent
// dev clusters (../shared/devsets/clusters) and the real-news dev set
// (keys in fixtures/realnews, texts in .realnews) — makes every candidate
// pair of each event with its features, labels it by the event's key (a
// pair is right when it opposes the two values of a keyed disagreement),
// and writes the pairs, numbers only, to checker/align/testdata/pairs.csv.gz.
// It then cross-validates by event: each event is checked by a model
// fitted without it, its findings scored against its key, and the fact
// features of those findings with whether each was right are written to
// checker/align/testdata/heldout.csv. It prints the cross-validated scores
// per dev set.
//
// Without -data it fits the pair model to pairs.csv.gz — gradient-boosted
// trees on the log loss (-rounds, -depth), or a logistic regression with
// -rounds 0 — and the finding model, a logistic regression, to
// heldout.csv, so that a finding's confidence is the share of such
// findings that were right on events the pair model had not seen. A test
// holds the committed model to what this step writes.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/renameio/v2"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/align"
	"github.com/crosscheck/crosscheck/checker/eval"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/read"
)

// link is the least raw chance at which a pair joins a fact.
const link = 0.03

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "fitalign:", err)
		os.Exit(1)
	}
}

type options struct {
	data, cv, partial         bool
	fixtures, clusters        string
	realnewsKeys, realnewsDir string
	pairs, heldout, model     string
	l2, factL2                float64
	minConfidence             float64
	boosting                  boosting
	stdout, stderr            io.Writer
}

func run(args []string, stdout, stderr io.Writer) error {
	o := options{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("fitalign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.data, "data", false, "read the labelled events and write the pairs and held-out findings (needs the dev sets' texts)")
	fs.BoolVar(&o.partial, "partial", false, "with -data, use the real-news events whose texts are present and name the absent ones on stderr, rather than fail")
	fs.StringVar(&o.fixtures, "fixtures", "fixtures", "directory of fixture events")
	fs.StringVar(&o.clusters, "clusters", filepath.Join("..", "shared", "devsets", "clusters"), "directory of the independent dev clusters")
	fs.StringVar(&o.realnewsKeys, "realnews-keys", filepath.Join("fixtures", "realnews"), "directory of the real-news dev set's keys")
	fs.StringVar(&o.realnewsDir, "dir", ".realnews", "directory of the real-news dev set's texts (make realnews gathers them)")
	fs.StringVar(&o.pairs, "pairs", filepath.Join("checker", "align", "testdata", "pairs.csv.gz"), "the labelled pairs")
	fs.StringVar(&o.heldout, "heldout", filepath.Join("checker", "align", "testdata", "heldout.csv"), "the cross-validated findings")
	fs.StringVar(&o.model, "o", filepath.Join("checker", "align", "model.json"), `file to write the model to ("-" for stdout)`)
	fs.Float64Var(&o.l2, "l2", 0.001, "L2 penalty on the coefficients of the pair model's logistic regression (-rounds 0)")
	fs.Float64Var(&o.factL2, "fact-l2", 0.01, "L2 penalty on the coefficients of the finding model (chosen by the cross-validated scores)")
	fs.Float64Var(&o.minConfidence, "min-confidence", 0.5, "threshold of the cross-validated scores")
	fs.IntVar(&o.boosting.rounds, "rounds", 150, "boosting rounds of the pair model (0: a logistic regression instead)")
	fs.IntVar(&o.boosting.depth, "depth", 3, "depth of each boosted tree")
	fs.Float64Var(&o.boosting.minLeaf, "min-leaf", 5, "least hessian a leaf of a boosted tree may hold (about 4× to 20× as many pairs)")
	fs.BoolVar(&o.cv, "cv", false, "cross-validate the pair model alone on the committed pairs, by event, and print its log loss and AUPRC per dev set (compares -rounds, -depth, -min-leaf quickly)")
	fs.IntVar(&o.boosting.bags, "bags", 1, "boosted models averaged, each fitted to the events drawn again at random with replacement (1: one model on all events)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.partial && !o.data {
		return errors.New("-partial: only with -data")
	}
	if o.data && o.cv {
		return errors.New("-data and -cv: choose one (-cv reads the pairs -data writes)")
	}
	if o.boosting.minLeaf < 0 || math.IsNaN(o.boosting.minLeaf) {
		return fmt.Errorf("-min-leaf %g: want 0 or more", o.boosting.minLeaf)
	}
	if o.data {
		return gather(o)
	}
	if o.cv {
		return crossValidatePairs(o)
	}
	return fitModel(o)
}

// A labelled event: its name, the dev set it is from, and its pairs.
type event struct {
	set   string
	ev    eval.KeyedEvent
	pairs []row
}

// group names the events that are one event: a fixture and its copy as
// HTML pages share their key's event.
func (e event) group() string {
	if e.ev.Key.Event != "" {
		return e.set + "/" + e.ev.Key.Event
	}
	return e.set + "/" + e.ev.Name
}

// A heldFinding is a finding of the cross-validation, with its event's
// group.
type heldFinding struct {
	group string
	eval.Detection
}

// A row is one labelled pair.
type row struct {
	event string
	right bool
	x     []float64
}

func loadEvents(o options) ([]event, error) {
	var out []event
	fx, err := eval.LoadFixtureEvents(o.fixtures)
	if err != nil {
		return nil, err
	}
	for _, e := range fx {
		out = append(out, event{set: "fixtures", ev: e})
	}
	for _, set := range []struct{ name, keys, texts string }{
		{"clusters", o.clusters, o.clusters},
		{"realnews", o.realnewsKeys, o.realnewsDir},
	} {
		evs, absent, err := eval.LoadKeyedDir(set.keys, set.texts)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: not found; -data needs every dev set", set.keys)
		}
		if err != nil {
			return nil, err
		}
		if len(absent) > 0 && !o.partial {
			return nil, fmt.Errorf("%s: no texts for %s (run make realnews, or fit without them with -partial)", set.texts, strings.Join(absent, ", "))
		}
		if len(absent) > 0 {
			fmt.Fprintf(o.stderr, "fitalign: -partial: %s: %d events without texts left out: %s\n", set.texts, len(absent), strings.Join(absent, ", "))
		}
		for _, e := range evs {
			out = append(out, event{set: set.name, ev: e})
		}
	}
	return out, nil
}

// label makes an event's pairs and labels them by its key.
func label(c *judge.Checker, e *event) {
	claims := read.Extractor{Lex: c.Lexicon}.Extract(e.ev.Articles)
	figs := c.Figures(e.ev.Articles, claims)
	for _, p := range align.NewEvent(figs).Pairs(judge.Comparer(c.Tolerances)) {
		a, b := figs[p.A].Quantity, figs[p.B].Quantity
		right := e.ev.Key.Opposes(checker.ValueGroup{Text: a.Text, Value: checker.ValueOf(a)}, checker.ValueGroup{Text: b.Text, Value: checker.ValueOf(b)})
		e.pairs = append(e.pairs, row{event: e.set + "/" + e.ev.Name, right: right, x: p.X})
	}
}

func gather(o options) error {
	c, err := judge.New()
	if err != nil {
		return err
	}
	events, err := loadEvents(o)
	if err != nil {
		return err
	}
	var all []row
	for i := range events {
		label(c, &events[i])
		all = append(all, events[i].pairs...)
	}
	if err := writePairs(o.pairs, all); err != nil {
		return err
	}
	// Cross-validation by event: each event checked by a pair model that
	// never saw it, nor any event of its group (a fixture and its HTML
	// copy are one group).
	models := make([]*align.Model, len(events))
	errs := make([]error, len(events))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	for i := range events {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []row
			for j := range events {
				if events[j].group() != events[i].group() {
					train = append(train, events[j].pairs...)
				}
			}
			models[i], errs[i] = fit(train, nil, o.l2, o.factL2, o.boosting)
		}(i)
	}
	wg.Wait()
	// Then in event order, so the output does not depend on the schedule.
	per := make([]eval.SuiteResult, len(events))
	var held []heldFinding
	for i, e := range events {
		if errs[i] != nil {
			return fmt.Errorf("fold %s: %w", e.ev.Name, errs[i])
		}
		fc := *c
		fc.Model = models[i]
		per[i] = eval.Keyed(e.set, []eval.KeyedEvent{e.ev}, &fc)
		for _, d := range per[i].Detections {
			held = append(held, heldFinding{group: e.group(), Detection: d})
		}
	}
	if err := writeHeldout(o.heldout, held); err != nil {
		return err
	}
	// The finding model is cross-validated too: each event's findings are
	// scored by one fitted on the other groups' held-out findings, so no
	// number printed here comes from a model that saw the event.
	results := map[string]*eval.SuiteResult{}
	for i, e := range events {
		var train []heldFinding
		for _, h := range held {
			if h.group != e.group() {
				train = append(train, h)
			}
		}
		fb, fcoef, err := eval.FitLogistic(balanced(train), o.factL2)
		if err != nil {
			return fmt.Errorf("finding model without %s: %w", e.ev.Name, err)
		}
		cal := align.Model{FactBias: fb, FactCoef: fcoef}
		r := per[i]
		for k := range r.Detections {
			r.Detections[k].Confidence = math.Min(math.Round(100*cal.Confidence(r.Detections[k].X))/100, 0.99)
		}
		for k := range r.Traps {
			r.Traps[k].Confidence = math.Min(math.Round(100*cal.Confidence(r.Traps[k].X))/100, 0.99)
		}
		if results[e.set] == nil {
			results[e.set] = &eval.SuiteResult{Suite: e.set}
		}
		results[e.set].Merge(r)
	}
	fmt.Fprintf(o.stdout, "cross-validated by event group (each event scored by pair and finding models fitted without it), confidence ≥ %.2f:\n", o.minConfidence)
	fmt.Fprintln(o.stdout, "set       events  planted  found  recall  findings  right  precision  traps-broken  ECE    >0.9-wrong")
	for _, set := range []string{"fixtures", "clusters", "realnews"} {
		r := results[set]
		if r == nil {
			continue
		}
		m := r.Score("", o.minConfidence)
		_, ece := eval.Reliability(r.Detections)
		high, wrong := r.Above(0.9)
		fmt.Fprintf(o.stdout, "%-9s %6d  %7d  %5d  %6.2f  %8d  %5d  %9.2f  %12d  %.3f  %d/%d  AUPRC %.3f\n", set, r.Cases, m.Disagreements, m.Found, m.Recall,
			m.Findings, m.TruePositives, m.Precision, len(r.TrapsAt(o.minConfidence)), ece, wrong, high, m.AUPRC)
		by := r.MissedBy(o.minConfidence)
		var parts []string
		for _, k := range []string{eval.MissMisread, eval.MissUnpaired, eval.MissAlignment, eval.MissLowScore} {
			parts = append(parts, fmt.Sprintf("%s %d", k, by[k]))
		}
		fmt.Fprintf(o.stdout, "          missed by stage: %s\n", strings.Join(parts, ", "))
		bins, _ := eval.Reliability(r.Detections)
		var rel []string
		for _, b := range bins {
			if b.Count > 0 {
				rel = append(rel, fmt.Sprintf("%.1f-%.1f: %d at %.2f, %.0f%% right", b.Low, b.High, b.Count, b.MeanConfidence, 100*b.Precision))
			}
		}
		fmt.Fprintf(o.stdout, "          reliability: %s\n", strings.Join(rel, "; "))
	}
	fmt.Fprintf(o.stderr, "wrote %s (%d pairs) and %s (%d held-out findings); now run fitalign without -data\n", o.pairs, len(all), o.heldout, len(held))
	return nil
}

// fit fits the logistic model to rows, and the calibration map to the
// held-out findings when there are any.
func fit(rows []row, held []eval.Detection, l2, factL2 float64, bo boosting) (*align.Model, error) {
	ds := make([]eval.Detection, len(rows))
	for i, r := range rows {
		ds[i] = eval.Detection{X: r.x}
		if r.right {
			ds[i].Covers = "right"
		}
	}
	m := &align.Model{Features: slices.Clone(align.FeatureNames), Link: link, FactCoef: make([]float64, len(align.FactFeatureNames))}
	m.FactCoef[0] = 1 // until the finding model is fitted: the best pair's chance
	if bo.rounds > 0 {
		m.Base, m.Trees, m.Rate = bo.bagged(rows)
	} else {
		bias, coef, err := eval.FitLogistic(ds, l2)
		if err != nil {
			return nil, err
		}
		m.Bias = round(bias)
		for _, c := range coef {
			m.Coef = append(m.Coef, round(c))
		}
	}
	if len(held) > 0 {
		fb, fc, err := eval.FitLogistic(held, factL2)
		if err != nil {
			return nil, fmt.Errorf("finding model: %w", err)
		}
		m.FactBias, m.FactCoef = round(fb), nil
		for _, c := range fc {
			m.FactCoef = append(m.FactCoef, round(c))
		}
	}
	return m, m.Validate()
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func fitModel(o options) error {
	rows, err := readPairs(o.pairs)
	if err != nil {
		return err
	}
	held, err := readHeldout(o.heldout)
	if err != nil {
		return err
	}
	m, err := fit(rows, balanced(held), o.l2, o.factL2, o.boosting)
	if err != nil {
		return err
	}
	data, err := encodeModel(m)
	if err != nil {
		return err
	}
	if o.model == "-" {
		_, err = o.stdout.Write(data)
		return err
	}
	return renameio.WriteFile(o.model, data, 0o644)
}

func encodeModel(m *align.Model) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writePairs(path string, rows []row) error {
	var buf bytes.Buffer
	buf.WriteString("event,right," + strings.Join(align.FeatureNames, ",") + "\n")
	for _, r := range rows {
		buf.WriteString(r.event)
		if r.right {
			buf.WriteString(",1")
		} else {
			buf.WriteString(",0")
		}
		for _, x := range r.x {
			buf.WriteByte(',')
			buf.WriteString(strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64))
		}
		buf.WriteByte('\n')
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z) // no name, no time: the same bytes every run
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return renameio.WriteFile(path, z.Bytes(), 0o644)
}

func readPairs(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var rows []row
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if want := "event,right," + strings.Join(align.FeatureNames, ","); sc.Text() != want {
				return nil, fmt.Errorf("%s:1: header %q, want %q (rerun fitalign -data)", path, sc.Text(), want)
			}
			continue
		}
		parts := strings.Split(sc.Text(), ",")
		if len(parts) != 2+len(align.FeatureNames) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(parts), 2+len(align.FeatureNames))
		}
		r := row{event: parts[0], right: parts[1] == "1"}
		for _, p := range parts[2:] {
			x, err := strconv.ParseFloat(p, 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			r.x = append(r.x, x)
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

func writeHeldout(path string, ds []heldFinding) error {
	var buf bytes.Buffer
	buf.WriteString("group," + strings.Join(align.FactFeatureNames, ",") + ",right\n")
	for _, d := range ds {
		buf.WriteString(strings.ReplaceAll(d.group, ",", ";") + ",")
		for _, x := range d.X {
			buf.WriteString(strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64) + ",")
		}
		if d.Correct() {
			buf.WriteString("1\n")
		} else {
			buf.WriteString("0\n")
		}
	}
	return renameio.WriteFile(path, buf.Bytes(), 0o644)
}

// balancedSets are the dev sets that weigh the same in the finding
// model's fit: prose written independently of crosscheck, one set
// invented, one real. The fixtures, ours, weigh as their findings count.
var balancedSets = []string{"clusters", "realnews"}

// balanced returns the held-out findings to fit the finding model to,
// the findings of each of balancedSets repeated so that each set counts
// about as many as the largest: a confidence fitted mostly to one set's
// prose says what it means on that set alone, and each set has its own
// share of real findings at a given score.
func balanced(held []heldFinding) []eval.Detection {
	count := map[string]int{}
	for _, h := range held {
		count[setOf(h.group)]++
	}
	most := 0
	for _, s := range balancedSets {
		most = max(most, count[s])
	}
	var out []eval.Detection
	for _, h := range held {
		times := 1
		if s := setOf(h.group); slices.Contains(balancedSets, s) && count[s] > 0 {
			times = int(math.Round(float64(most) / float64(count[s])))
		}
		for range times {
			out = append(out, h.Detection)
		}
	}
	return out
}

// setOf returns the dev set of an event group ("clusters/…").
func setOf(group string) string {
	set, _, _ := strings.Cut(group, "/")
	return set
}

func readHeldout(path string) ([]heldFinding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ds []heldFinding
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if want := "group," + strings.Join(align.FactFeatureNames, ",") + ",right"; lines[0] != want {
		return nil, fmt.Errorf("%s:1: header %q, want %q (rerun fitalign -data)", path, lines[0], want)
	}
	for i, l := range lines[1:] {
		parts := strings.Split(l, ",")
		if len(parts) != len(align.FactFeatureNames)+2 {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, i+2, len(parts), len(align.FactFeatureNames)+2)
		}
		d := heldFinding{group: parts[0]}
		for _, p := range parts[1 : len(parts)-1] {
			x, err := strconv.ParseFloat(p, 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, i+2, err)
			}
			d.X = append(d.X, x)
		}
		if parts[len(parts)-1] == "1" {
			d.Covers = "right"
		}
		ds = append(ds, d)
	}
	return ds, nil
}
