// Command calibrate fits the confidence model of the reader's slots and
// writes it as checker/judge/score.yaml: the model lint scores a draft's claims
// with. (check's findings come from the aligner, whose model
// cmd/fitalign fits on the dev sets.)
//
// It checks the fixture events and a generated corpus with planted
// disagreements (never WikiContradict, which stays a test set), labels
// each finding right or wrong against their truth, and fits the weights
// of the model's factors by L2-regularised logistic regression, so that a
// confidence of 0.8 means about 80% of such findings are right. It
// prints the reliability before and after.
//
//	go run ./cmd/calibrate            # or: make calibrate
//	go run ./cmd/calibrate -o - -events 200
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/eval"
	"github.com/crosscheck/crosscheck/checker/judge"
)

// Fitting data: the generated corpus uses its own seed, not the one
// `crosscheck eval generated` scores, so the fit is not tested on the
// events it was fitted to.
const (
	defaultSeed    = 1
	defaultEvents  = 600
	defaultOutlets = 4
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "calibrate:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("calibrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fixtures := fs.String("fixtures", "fixtures", "directory of fixture events")
	seed := fs.Uint64("seed", defaultSeed, "seed of the generated corpus")
	events := fs.Int("events", defaultEvents, "generated events")
	outlets := fs.Int("outlets", defaultOutlets, "outlets per generated event")
	l2 := fs.Float64("l2", 0.001, "L2 penalty on the coefficients")
	out := fs.String("o", "checker/judge/score.yaml", `file to write the model to ("-" for stdout)`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, err := judge.New()
	if err != nil {
		return err
	}
	// score.yaml scores the reader's slots, as lint judges a draft's
	// claims against its sources; the aligner has a model of its own
	// (cmd/fitalign).
	c.SlotsOnly = true
	fx, err := eval.Fixtures(*fixtures, c)
	if err != nil {
		return err
	}
	gen, err := eval.Generated(*seed, *events, *outlets, c)
	if err != nil {
		return err
	}
	ds := append(append([]eval.Detection(nil), fx.Detections...), gen.Detections...)
	_, before := eval.Reliability(ds)
	bias, coef, err := eval.FitLogistic(ds, *l2)
	if err != nil {
		return err
	}
	w, err := judge.WeightsOf(round3(bias), roundAll(coef))
	if err != nil {
		return err
	}
	// Then a monotone map from the model's raw confidence to the share
	// found right, which a linear model of few factors cannot give.
	for i := range ds {
		if ds[i].X != nil {
			ds[i].Confidence = w.Raw(checker.FactorsOf(ds[i].X))
		}
	}
	for _, k := range eval.FitIsotonic(ds) {
		w.Calibration = append(w.Calibration, [2]float64{round4(k[0]), round4(k[1])})
	}
	for i := range ds {
		if ds[i].X != nil {
			ds[i].Confidence = w.Confidence(checker.FactorsOf(ds[i].X))
		}
	}
	_, after := eval.Reliability(ds)
	right := 0
	for _, d := range ds {
		if d.Correct() {
			right++
		}
	}
	fmt.Fprintf(stderr, "fitted on %d findings (%d right) from %d fixture events and %d generated events (seed %d): ECE %.3f with the old model, %.3f with the new\n",
		len(ds), right, fx.Cases, gen.Cases, *seed, before, after)
	text := modelFile(w, fmt.Sprintf("go run ./cmd/calibrate -seed %d -events %d -outlets %d -l2 %g", *seed, *events, *outlets, *l2), len(ds), before, after)
	if *out == "-" {
		_, err := io.WriteString(stdout, text)
		return err
	}
	return renameio.WriteFile(*out, []byte(text), 0o644)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func round4(x float64) float64 { return math.Round(x*10000) / 10000 }

func roundAll(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = round3(x)
	}
	return out
}

// modelFile writes the model as score.yaml, saying how it was made.
func modelFile(w judge.Weights, cmd string, n int, before, after float64) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, `# The confidence model: a disagreement's confidence is the logistic of
# bias + the sum of weight × factor. Factors are described in score.go.
#
# Fitted, not hand-set: written by
#   %s
# on %d findings from the fixture events and a generated corpus with
# planted disagreements (never WikiContradict, the held-out test set).
# Expected calibration error on them: %.3f with the model it replaced,
# %.3f with this one.
# Run 'make calibrate' to refit after changing what the factors measure.
`, cmd, n, before, after)
	fmt.Fprintf(&b, "bias: %g\n", w.Bias)
	names, descriptions := checker.FactorNames(), checker.FactorDescriptions()
	for i, c := range w.Coefficients() {
		line := fmt.Sprintf("%s: %g", names[i], c)
		fmt.Fprintf(&b, "%s%s# %s\n", line, strings.Repeat(" ", max(1, 20-len(line))), descriptions[i])
	}
	b.WriteString("# [raw, calibrated]: the raw confidence above, mapped to the share of\n# such findings that were right (isotonic regression).\ncalibration:\n")
	for _, k := range w.Calibration {
		fmt.Fprintf(&b, "  - [%g, %g]\n", k[0], k[1])
	}
	return b.String()
}
