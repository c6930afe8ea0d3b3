package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/eval"
	"github.com/crosscheck/crosscheck/checker/quantity"
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
}

// evalSuites are the suites eval knows, in the order it runs them.
var evalSuites = []string{"quantities"}

// NewCmdEval builds `crosscheck eval`, which measures crosscheck on
// labelled data.
func NewCmdEval(io *IOStreams, runF func(*EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "eval [flags] [SUITE...]",
		Short: "Measure crosscheck on labelled data",
		Long: `Measure crosscheck on labelled data written by others. Suites:

  quantities  the quantity parser on Microsoft Recognizers-Text's English specs
              (recognizers-text/relevant.jsonl) and Facebook Duckling's English
              money, numeral and quantity corpora: per suite and category, the
              cases, the expected values found with the right unit (value
              accuracy), the spans that match the spec's (span accuracy), and
              the negative cases where something was found (false positives).

Every case goes through the path of 'crosscheck extract --quantities': the
input is read as a text source, split into sentences and parsed.

The data is read from --benchmarks (default $CROSSCHECK_BENCHMARKS, else
../shared/benchmarks). When it is absent the suite is skipped with a note
on stderr, and the exit code is 0. Failed cases are written, one JSON
object a line, to --failures.`,
		Example: `  crosscheck eval quantities
  crosscheck eval quantities --format json --require-accuracy 0.95`,
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
			if opts.RequireAccuracy < 0 || opts.RequireAccuracy > 1 {
				return usagef("--require-accuracy %v: want a fraction from 0 to 1", opts.RequireAccuracy)
			}
			if opts.Benchmarks == "" {
				opts.Benchmarks = benchmarksDir(io)
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
	f.Float64Var(&opts.RequireAccuracy, "require-accuracy", 0, "exit 1 when a quantity suite's value accuracy is below this fraction")
	return cmd
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
	Quantities *QuantityEval `json:"quantities,omitempty"`
	Skipped    []string      `json:"skipped,omitempty"`
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
	var sc checker.Scanner
	return func(input, locale string) ([]checker.Found, error) {
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
	return nil
}
