package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker/eval"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/sources"
)

// EvalOptions are the inputs of `crosscheck eval`.
type EvalOptions struct {
	IO     *IOStreams
	Suites []string
	// Benchmarks is the directory of third-party data (../shared/benchmarks).
	Benchmarks string
	// Failures is the file the failed cases are written to; "" for none.
	Failures string
	Format   string
	// RequireAccuracy fails the run when a quantity suite's value
	// accuracy is below it; 0 turns the check off.
	RequireAccuracy float64
	// MinConfidence is the threshold a finding must reach to count as a
	// detection in the detection suites.
	MinConfidence float64
	// RequireF1 fails the run when a detection suite's F1 at
	// MinConfidence is below it; 0 turns the check off.
	RequireF1 float64
	// Fixtures is the directory of fixture events.
	Fixtures string
	// Seed and Events choose the generated suite's corpus; Outlets is the
	// number of outlets reporting each event.
	Seed            uint64
	Events, Outlets int
	// Clusters is the directory of independent dev clusters, each with its
	// articles and a key.json.
	Clusters string
	// RealnewsKeys holds the real-news dev set's keys (committed);
	// RealnewsTestKeys the keys of the real events kept apart from
	// fitting; RealnewsDir the texts of both (gathered, never committed).
	RealnewsKeys, RealnewsTestKeys, RealnewsDir string
}

// evalSuites are the suites eval knows, in the order it runs them.
var evalSuites = []string{"quantities", "fixtures", "wikicontradict", "generated", "clusters", "realnews", "realnews-test"}

// NewCmdEval builds `crosscheck eval`, which measures crosscheck on
// labelled data.
func NewCmdEval(io *IOStreams, runF func(*EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "eval [flags] [SUITE...]",
		Short: "Measure crosscheck on labelled data",
		Long: `Measure crosscheck on labelled data. With no SUITE, run them all:

  quantities      the quantity parser on Microsoft Recognizers-Text's English
                  specs and Facebook Duckling's English money, numeral and
                  quantity corpora: per suite and category, the expected
                  values found with the right unit (value accuracy), the
                  spans that match the spec's, and false positives on the
                  negative cases. Every case goes through the path of
                  'crosscheck extract --quantities'.
  fixtures        every fixture event (--fixtures) against its expected.json:
                  a finding is right when it is an expected disagreement.
  wikicontradict  WikiContradict's 102 cases (wikicontradict/cases.jsonl):
                  each passage is a source; a "disagree" case must be flagged,
                  an "agree" case must not. Scored by explicit and implicit
                  case and by slot; "strict" counts a case found only when a
                  finding carries a value of each gold answer.
  generated       events written by the repo's generator with planted
                  disagreements (--seed, --events, --outlets): a finding is
                  right when it carries a planted pair of values.
  clusters        news clusters written independently of crosscheck
                  (--clusters, default $CROSSCHECK_DEVSETS/clusters, else
                  ../shared/devsets/clusters), each scored against its
                  key.json: a finding is right when it carries both values
                  of a keyed disagreement, and strict when its opposed pair
                  (its first two values) does; traps broken are counted.
  realnews        real multi-outlet coverage: the keys in --realnews-keys
                  (fixtures/realnews), the texts in --dir (.realnews, which
                  make realnews gathers), scored as clusters are.
  realnews-test   more real events, keyed the same way (--realnews-test-keys,
                  fixtures/realnews-test), that no model is fitted on: the
                  measure of coverage crosscheck has not seen.

For clusters and realnews each missed disagreement is given the deepest
stage that still held both values: "misread" (a value is not among the
figures read), "unpaired" (both are figures, but never a candidate pair:
another kind or unit, too far apart, or within tolerance), "alignment" (a
candidate pair, never in one finding), "confidence" (a finding carries
both, below --min-confidence).

For the detection suites eval prints the findings, true and false
positives, precision, recall and F1 at --min-confidence, the missed
disagreements by case id, the area under the precision-recall curve
(AUPRC, as average precision), and a reliability table: findings by
confidence decile, their mean confidence against the share that were
right, with the expected calibration error (ECE).

Third-party data is read from --benchmarks (default $CROSSCHECK_BENCHMARKS,
else ../shared/benchmarks); a suite whose data is absent is skipped with a
note on stderr. --require-accuracy and --require-f1 make eval exit 1 when a
suite falls below them, so CI can hold a floor; a suite whose data is
absent (for quantities, either spec) is then an error naming the missing
path (exit 2), never a pass. Failed quantity cases are written, one JSON
object a line, to --failures.`,
		Example: `  crosscheck eval
  crosscheck eval quantities --format json --require-accuracy 0.95
  crosscheck eval fixtures --require-f1 0.95
  crosscheck eval wikicontradict --min-confidence 0.7`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Suites = args
			if len(opts.Suites) == 0 {
				opts.Suites = evalSuites
			}
			for _, s := range opts.Suites {
				if !slices.Contains(evalSuites, s) {
					return usagef("unknown suite %q: want %s", s, strings.Join(evalSuites, ", "))
				}
			}
			if opts.Format != "table" && opts.Format != "json" {
				return usagef("--format %q: want table or json", opts.Format)
			}
			if opts.Events < 1 || opts.Outlets < 2 {
				return usagef("--events %d --outlets %d: want at least 1 event and 2 outlets", opts.Events, opts.Outlets)
			}
			if opts.Benchmarks == "" {
				opts.Benchmarks = benchmarksDir(io)
			}
			if opts.Clusters == "" {
				opts.Clusters = clustersDir(io)
			}
			if runF != nil {
				return runF(opts)
			}
			return runEval(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Benchmarks, "benchmarks", "", "directory of third-party benchmark data (default $CROSSCHECK_BENCHMARKS, else ../shared/benchmarks)")
	f.StringVar(&opts.Failures, "failures", "eval-failures.jsonl", `file to write the failed cases to, one JSON object a line ("" for none)`)
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table or json")
	f.Var(newFraction(&opts.RequireAccuracy, 0), "require-accuracy", "exit 1 when a quantity suite's value accuracy is below this fraction")
	f.Var(newFraction(&opts.MinConfidence, 0.5), "min-confidence", "confidence a finding must reach to count as a detection")
	f.Var(newFraction(&opts.RequireF1, 0), "require-f1", "exit 1 when a detection suite's F1 is below this fraction")
	f.StringVar(&opts.Fixtures, "fixtures", "fixtures", "directory of fixture events, each with an expected.json")
	f.Uint64Var(&opts.Seed, "seed", 2, "seed of the generated suite (the confidence model is fitted on seed 1)")
	f.IntVar(&opts.Events, "events", 300, "events in the generated suite")
	f.IntVar(&opts.Outlets, "outlets", 4, "outlets reporting each generated event")
	f.StringVar(&opts.Clusters, "clusters", "", "directory of independent dev clusters (default $CROSSCHECK_DEVSETS/clusters, else ../shared/devsets/clusters)")
	f.StringVar(&opts.RealnewsKeys, "realnews-keys", filepath.Join("fixtures", "realnews"), "directory of the real-news dev set's keys")
	f.StringVar(&opts.RealnewsTestKeys, "realnews-test-keys", filepath.Join("fixtures", "realnews-test"), "directory of the keys of the real events no model is fitted on")
	f.StringVar(&opts.RealnewsDir, "dir", ".realnews", "directory of the real-news dev set's texts (make realnews gathers them)")
	return cmd
}

func clustersDir(io *IOStreams) string {
	if d := getenv(io, "CROSSCHECK_DEVSETS"); d != "" {
		return filepath.Join(d, "clusters")
	}
	return filepath.Join("..", "shared", "devsets", "clusters")
}

func benchmarksDir(io *IOStreams) string {
	if d := getenv(io, "CROSSCHECK_BENCHMARKS"); d != "" {
		return d
	}
	return filepath.Join("..", "shared", "benchmarks")
}

// getenv reads the environment through io, which reads none when its
// Getenv is nil (as in tests).
func getenv(io *IOStreams, key string) string {
	if io.Getenv == nil {
		return ""
	}
	return io.Getenv(key)
}

// EvalReport is what eval prints with --format json.
type EvalReport struct {
	Quantities *QuantityEval   `json:"quantities,omitempty"`
	Detection  []DetectionEval `json:"detection,omitempty"`
	Skipped    []string        `json:"skipped,omitempty"`
}

// DetectionEval is a detection suite's outcome.
type DetectionEval struct {
	Suite     string         `json:"suite"`
	Cases     int            `json:"cases"`
	Negatives int            `json:"negatives"` // cases with no disagreement
	Overall   eval.Metrics   `json:"overall"`
	Groups    []eval.Metrics `json:"groups,omitempty"`
	Missed    []missed       `json:"missed"`
	// Reliability bins every finding, whatever its confidence.
	Reliability []reliabilityBin `json:"reliability"`
	ECE         float64          `json:"ece"`
	// Keyed suites: traps, the traps broken at the threshold, and the
	// missed disagreements by miss class.
	Traps       int            `json:"traps,omitempty"`
	TrapsBroken []missed       `json:"traps_broken,omitempty"`
	MissedBy    map[string]int `json:"missed_by,omitempty"`
	// HighFalse is the share of findings above 0.9 that are wrong.
	HighFalse float64  `json:"high_false"`
	Notes     []string `json:"notes,omitempty"`
}

type missed struct {
	Case string `json:"case"`
	What string `json:"what"`
	Why  string `json:"why,omitempty"`
}

type reliabilityBin struct {
	Low            float64 `json:"low"`
	High           float64 `json:"high"`
	Findings       int     `json:"findings"`
	MeanConfidence float64 `json:"mean_confidence"`
	Precision      float64 `json:"precision"`
}

// QuantityEval is the quantity suites' outcome.
type QuantityEval struct {
	Suites     []evalTally `json:"suites"`
	Categories []evalTally `json:"categories"`
	Failures   int         `json:"failures"`
}

type evalTally struct {
	Suite          string  `json:"suite"`
	Category       string  `json:"category"`
	Cases          int     `json:"cases"`
	Values         int     `json:"values"`
	Found          int     `json:"found"`
	ValueAccuracy  float64 `json:"value_accuracy"`
	Spans          int     `json:"spans"`
	SpanAccuracy   float64 `json:"span_accuracy"`
	Negatives      int     `json:"negatives"`
	FalsePositives int     `json:"false_positives"`
	Errors         int     `json:"errors"`
	Deviations     int     `json:"deviations"`
	RawAccuracy    float64 `json:"raw_value_accuracy"`
}

func tallyJSON(t eval.Tally) evalTally {
	return evalTally{t.Suite, t.Category, t.Cases, t.Values, t.Found, t.ValueAccuracy(), t.Spans, t.SpanAccuracy(), t.Negatives, t.FalsePositives, t.Errors, t.Deviations, t.RawAccuracy()}
}

func runEval(opts *EvalOptions) error {
	var rep EvalReport
	var failures []eval.Failure
	var short []string
	for _, s := range opts.Suites {
		switch s {
		case "quantities":
			cases, skipped, err := loadQuantityCases(opts.Benchmarks)
			if err != nil {
				return err
			}
			if len(skipped) > 0 && opts.RequireAccuracy > 0 {
				return noData(s, "--require-accuracy", skipped)
			}
			rep.Skipped = append(rep.Skipped, skipped...)
			if len(cases) == 0 {
				continue
			}
			dev, err := eval.ParseDeviations(quantity.SpecDeviations())
			if err != nil {
				return err
			}
			res := eval.Score(cases, quantityRecognizer(), dev)
			res = withTargets(res)
			q := &QuantityEval{Failures: len(res.Failures)}
			for _, t := range res.Suites {
				q.Suites = append(q.Suites, tallyJSON(t))
				if opts.RequireAccuracy > 0 && t.ValueAccuracy() < opts.RequireAccuracy {
					short = append(short, fmt.Sprintf("%s value accuracy %.3f is below %.3f", t.Suite, t.ValueAccuracy(), opts.RequireAccuracy))
				}
			}
			for _, t := range res.Categories {
				q.Categories = append(q.Categories, tallyJSON(t))
			}
			rep.Quantities = q
			failures = append(append(failures, res.Failures...), res.Deviant...)
		default:
			res, skip, err := runDetection(opts, s)
			if err != nil {
				return err
			}
			if skip != "" {
				if opts.RequireF1 > 0 {
					return noData(s, "--require-f1", []string{skip})
				}
				rep.Skipped = append(rep.Skipped, skip)
				continue
			}
			d := detectionJSON(res, opts.MinConfidence)
			rep.Detection = append(rep.Detection, d)
			if opts.RequireF1 > 0 && d.Overall.F1 < opts.RequireF1 {
				short = append(short, fmt.Sprintf("%s F1 %.3f at confidence %.2f is below %.3f", s, d.Overall.F1, opts.MinConfidence, opts.RequireF1))
			}
		}
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(opts.IO.ErrOut, "crosscheck: eval: skipped %s\n", s)
	}
	if opts.Failures != "" && rep.Quantities != nil {
		if err := writeFailures(opts.Failures, failures); err != nil {
			return err
		}
	}
	var err error
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = evalTable(opts, &rep, len(failures))
	}
	if err != nil {
		return err
	}
	for _, s := range short {
		fmt.Fprintf(opts.IO.ErrOut, "crosscheck: eval: %s\n", s)
	}
	if len(short) > 0 {
		return errFindings
	}
	return nil
}

// noData is the error of a quality gate with nothing to hold: the data of
// suite, whose floor flag gives, is missing.
func noData(suite, flag string, missing []string) error {
	return fmt.Errorf("eval %s %s: no data to hold to it: %s", suite, flag, strings.Join(missing, ", "))
}

// loadQuantityCases reads the quantity specs under dir; a missing file is
// a skip, a file that is there but unreadable an error.
func loadQuantityCases(dir string) (cases []eval.Case, skipped []string, err error) {
	specs := []struct {
		path string
		load func(string) ([]eval.Case, error)
	}{
		{filepath.Join(dir, "recognizers-text", "relevant.jsonl"), eval.LoadRecognizers},
		{filepath.Join(dir, "duckling", "duckling-en-money-numeral-quantity.json"), eval.LoadDuckling},
	}
	for _, s := range specs {
		cs, err := s.load(s.path)
		if errors.Is(err, fs.ErrNotExist) {
			skipped = append(skipped, s.path+" (not found)")
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		cases = append(cases, cs...)
	}
	return cases, skipped, nil
}

// quantityRecognizer reads a case as `crosscheck extract --quantities`
// reads a file: as a text source, sentence by sentence.
func quantityRecognizer() eval.Recognizer {
	var sc read.Scanner
	return func(input, locale string) ([]read.Found, error) {
		a, err := sources.Parse("case", []byte(input))
		if errors.Is(err, sources.ErrEmpty) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		sc.Dollar, sc.Local = eval.LocaleDollar[locale], eval.LocaleCurrency[locale]
		return sc.Quantities(a, nil), nil
	}
}

// targetCategories are the categories each suite's target is measured
// on: Duckling's quantity corpus (units of mass and volume) and its latent
// cases (bare numbers read as money) are reported but not targets.
var targetCategories = map[string][]string{
	"duckling": {"money", "money-negative", "numeral"},
}

// withTargets replaces a suite's total by the total over its target
// categories, named after them.
func withTargets(res eval.Result) eval.Result {
	for i, s := range res.Suites {
		cats, ok := targetCategories[s.Suite]
		if !ok {
			continue
		}
		t := eval.Tally{Suite: s.Suite, Category: strings.Join(cats, "+")}
		for _, c := range res.Categories {
			if c.Suite == s.Suite && slices.Contains(cats, c.Category) {
				t.Add(c)
			}
		}
		res.Suites[i] = t
	}
	return res
}

func writeFailures(path string, fails []eval.Failure) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, f := range fails {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	if err := writeFileAtomic(path, []byte(b.String())); err != nil {
		return fmt.Errorf("--failures %s: %w", path, err)
	}
	return nil
}

func evalTable(opts *EvalOptions, rep *EvalReport, nfail int) error {
	w := opts.IO.Out
	if q := rep.Quantities; q != nil {
		fmt.Fprintln(w, "Quantity recognition")
		t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
		t.Header("Suite", "Category", "Cases", "Values", "Found", "Value acc.", "Span acc.", "Negatives", "False pos.", "Errors", "Deviations", "Raw acc.")
		rows := append(append([]evalTally{}, q.Categories...), q.Suites...)
		for _, r := range rows {
			if err := t.Append([]string{r.Suite, r.Category, fmt.Sprint(r.Cases), fmt.Sprint(r.Values), fmt.Sprint(r.Found),
				fmt.Sprintf("%.1f%%", 100*r.ValueAccuracy), fmt.Sprintf("%.1f%%", 100*r.SpanAccuracy),
				fmt.Sprint(r.Negatives), fmt.Sprint(r.FalsePositives), fmt.Sprint(r.Errors),
				fmt.Sprint(r.Deviations), fmt.Sprintf("%.1f%%", 100*r.RawAccuracy)}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		if opts.Failures != "" {
			fmt.Fprintf(w, "%d failed cases written to %s\n", nfail, opts.Failures)
		}
	}
	for _, d := range rep.Detection {
		if err := detectionTable(w, d, 40); err != nil {
			return err
		}
	}
	return nil
}

// groupTags are the groups a detection suite is also scored by.
var groupTags = map[string][]string{
	"wikicontradict": {"explicit", "implicit", "slot:number", "slot:date", "slot:person", "explicit number/date"},
	"generated":      {"slip:different", "slip:transposed", "slip:off by one", "slip:scale"},
}

// runDetection runs a detection suite; skip says why it did not run when
// its data is absent.
func runDetection(opts *EvalOptions, suite string) (res eval.SuiteResult, skip string, err error) {
	c, err := judge.New()
	if err != nil {
		return res, "", err
	}
	switch suite {
	case "fixtures":
		res, err = eval.Fixtures(opts.Fixtures, c)
	case "wikicontradict":
		path := filepath.Join(opts.Benchmarks, "wikicontradict", "cases.jsonl")
		cases, lerr := eval.LoadContradictions(path)
		if errors.Is(lerr, fs.ErrNotExist) {
			return res, path + " (not found)", nil
		}
		if lerr != nil {
			return res, "", lerr
		}
		res, err = eval.Contradictions(cases, c)
	case "generated":
		res, err = eval.Generated(opts.Seed, opts.Events, opts.Outlets, c)
	case "clusters", "realnews", "realnews-test":
		keys, texts := opts.Clusters, opts.Clusters
		switch suite {
		case "realnews":
			keys, texts = opts.RealnewsKeys, opts.RealnewsDir
		case "realnews-test":
			keys, texts = opts.RealnewsTestKeys, opts.RealnewsDir
		}
		events, absent, lerr := eval.LoadKeyedDir(keys, texts)
		if errors.Is(lerr, fs.ErrNotExist) {
			return res, keys + " (not found)", nil
		}
		if lerr != nil {
			return res, "", lerr
		}
		if len(events) == 0 {
			return res, fmt.Sprintf("%s (no texts in %s for its %d events)", suite, texts, len(absent)), nil
		}
		res = eval.Keyed(suite, events, c)
		if len(absent) > 0 {
			res.Notes = append(res.Notes, fmt.Sprintf("%d events without texts in %s: %s", len(absent), texts, strings.Join(absent, ", ")))
		}
	default:
		err = fmt.Errorf("unknown suite %q", suite)
	}
	return res, "", err
}

func detectionJSON(r eval.SuiteResult, t float64) DetectionEval {
	d := DetectionEval{Suite: r.Suite, Cases: r.Cases, Negatives: r.Negatives, Overall: r.Score("", t), Missed: []missed{}}
	d.Overall.Group = "all"
	for _, tag := range groupTags[r.Suite] {
		if m := r.Score(tag, t); m.Disagreements > 0 || m.Findings > 0 {
			d.Groups = append(d.Groups, m)
		}
	}
	for _, m := range r.Missed(t) {
		d.Missed = append(d.Missed, missed{m.Case, m.What, r.Why[m.ID]})
	}
	if r.Why != nil {
		d.Traps = r.TrapCount
		d.MissedBy = r.MissedBy(t)
		for _, b := range r.TrapsAt(t) {
			d.TrapsBroken = append(d.TrapsBroken, missed{Case: b.Case, What: b.What})
		}
	}
	if high, highWrong := r.Above(0.9); high > 0 {
		d.HighFalse = float64(highWrong) / float64(high)
	}
	d.Notes = r.Notes
	bins, ece := eval.Reliability(r.Detections)
	for _, b := range bins {
		d.Reliability = append(d.Reliability, reliabilityBin{b.Low, b.High, b.Count, b.MeanConfidence, b.Precision})
	}
	d.ECE = ece
	return d
}

func detectionTable(w io.Writer, d DetectionEval, maxMissed int) error {
	fmt.Fprintf(w, "\n%s — %d cases (%d without a disagreement), confidence ≥ %.2f\n", d.Suite, d.Cases, d.Negatives, d.Overall.Threshold)
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header("Group", "Findings", "TP", "FP", "Disagreements", "Found", "Precision", "Recall", "F1", "Strict P", "Strict R", "Strict F1", "AUPRC")
	for _, m := range append([]eval.Metrics{d.Overall}, d.Groups...) {
		if err := t.Append([]string{m.Group, fmt.Sprint(m.Findings), fmt.Sprint(m.TruePositives), fmt.Sprint(m.FalsePositives),
			fmt.Sprint(m.Disagreements), fmt.Sprint(m.Found), pct(m.Precision), pct(m.Recall), pct(m.F1),
			pct(m.StrictPrecision), pct(m.StrictRecall), pct(m.StrictF1), fmt.Sprintf("%.3f", m.AUPRC)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(w, "Reliability (all findings; ECE %.3f)\n", d.ECE)
	rt := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	rt.Header("Confidence", "Findings", "Mean confidence", "Right")
	for _, b := range d.Reliability {
		if b.Findings == 0 {
			continue
		}
		if err := rt.Append([]string{fmt.Sprintf("%.1f–%.1f", b.Low, b.High), fmt.Sprint(b.Findings), fmt.Sprintf("%.2f", b.MeanConfidence), pct(b.Precision)}); err != nil {
			return err
		}
	}
	if err := rt.Render(); err != nil {
		return err
	}
	for _, n := range d.Notes {
		fmt.Fprintf(w, "Note: %s\n", n)
	}
	if d.Traps > 0 {
		fmt.Fprintf(w, "Traps broken: %d of %d\n", len(d.TrapsBroken), d.Traps)
		for _, b := range d.TrapsBroken {
			fmt.Fprintf(w, "  %s  %s\n", b.Case, b.What)
		}
	}
	fmt.Fprintf(w, "Findings above 0.9 that are wrong: %s\n", pct(d.HighFalse))
	if len(d.MissedBy) > 0 {
		var parts []string
		for _, k := range []string{eval.MissMisread, eval.MissUnpaired, eval.MissAlignment, eval.MissLowScore} {
			if n := d.MissedBy[k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", k, n))
			}
		}
		fmt.Fprintf(w, "Missed by stage: %s\n", strings.Join(parts, ", "))
	}
	if len(d.Missed) == 0 {
		fmt.Fprintln(w, "Missed: none")
		return nil
	}
	fmt.Fprintf(w, "Missed (%d):\n", len(d.Missed))
	for i, m := range d.Missed {
		if maxMissed > 0 && i == maxMissed {
			fmt.Fprintf(w, "  … and %d more (--format json lists them all)\n", len(d.Missed)-i)
			break
		}
		if m.Why != "" {
			fmt.Fprintf(w, "  %s  [%s] %s\n", m.Case, m.Why, m.What)
			continue
		}
		fmt.Fprintf(w, "  %s  %s\n", m.Case, m.What)
	}
	return nil
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }
