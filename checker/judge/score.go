package judge

import (
	_ "embed"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/quantity"
)

//go:embed score.yaml
var defaultWeights []byte

// Weights are the coefficients of the confidence model (score.yaml).
type Weights struct {
	Bias        float64 `yaml:"bias"`
	Clarity     float64 `yaml:"clarity"`
	Support     float64 `yaml:"support"`
	Hedge       float64 `yaml:"hedge"`
	OpenBound   float64 `yaml:"open_bound"`
	Approximate float64 `yaml:"approximate"`
	Gap         float64 `yaml:"gap"`
	Pattern     float64 `yaml:"pattern"`
	Implausible float64 `yaml:"implausible"`
	SameSource  float64 `yaml:"same_source"`
	// Calibration maps the model's raw confidence to the share of such
	// findings found right: knots [raw, calibrated], raw ascending, read
	// by linear interpolation. Empty means the raw confidence is used.
	Calibration [][2]float64 `yaml:"calibration"`
}

// DefaultWeights returns the confidence model that ships with crosscheck.
func DefaultWeights() (Weights, error) {
	var w Weights
	if err := yaml.Unmarshal(defaultWeights, &w); err != nil {
		return w, fmt.Errorf("score.yaml: %w", err)
	}
	return w, w.validate()
}

// Coefficients returns the weights in the order of FactorNames.
func (w Weights) Coefficients() []float64 {
	return []float64{w.Clarity, w.Support, w.Hedge, w.OpenBound, w.Approximate, w.Gap, w.Pattern, w.Implausible, w.SameSource}
}

// WeightsOf makes weights from a bias and coefficients in the order of
// FactorNames.
func WeightsOf(bias float64, c []float64) (Weights, error) {
	if len(c) != len(checker.FactorNames()) {
		return Weights{}, fmt.Errorf("confidence model: %d coefficients, want %d", len(c), len(checker.FactorNames()))
	}
	return Weights{Bias: bias, Clarity: c[0], Support: c[1], Hedge: c[2], OpenBound: c[3], Approximate: c[4], Gap: c[5], Pattern: c[6], Implausible: c[7], SameSource: c[8]}, nil
}

// validate checks that the calibration knots are a monotone map of
// [0,1] into [0,1].
func (w Weights) validate() error {
	for i, k := range w.Calibration {
		if k[0] < 0 || k[0] > 1 || k[1] < 0 || k[1] > 1 {
			return fmt.Errorf("score.yaml: calibration knot %d (%v) is outside [0,1]", i, k)
		}
		if i > 0 && (k[0] < w.Calibration[i-1][0] || k[1] < w.Calibration[i-1][1]) {
			return fmt.Errorf("score.yaml: calibration knot %d (%v) does not follow %v upward", i, k, w.Calibration[i-1])
		}
	}
	return nil
}

// Raw is the model's uncalibrated confidence for the factors: the
// logistic of the bias plus each weight times its factor.
func (w Weights) Raw(f checker.Factors) float64 {
	z := w.Bias
	c := w.Coefficients()
	for i, x := range f.Vector() {
		z += c[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// Confidence is the model's confidence for the factors: the raw
// confidence through the calibration map, to two decimals.
func (w Weights) Confidence(f checker.Factors) float64 {
	return math.Round(100*w.Calibrate(w.Raw(f))) / 100
}

// Calibrate maps a raw confidence through the calibration knots: linear
// between knots, flat beyond the first and the last.
func (w Weights) Calibrate(raw float64) float64 {
	k := w.Calibration
	switch {
	case len(k) == 0:
		return raw
	case raw <= k[0][0]:
		return k[0][1]
	case raw >= k[len(k)-1][0]:
		return k[len(k)-1][1]
	}
	i := sort.Search(len(k), func(i int) bool { return k[i][0] >= raw })
	a, b := k[i-1], k[i]
	if b[0] == a[0] {
		return b[1]
	}
	return a[1] + (b[1]-a[1])*(raw-a[0])/(b[0]-a[0])
}

// side is one value group of a slot.
type side struct {
	q       quantity.Quantity // the representative quantity
	claims  []checker.Claim
	sources []string // distinct, sorted
}

// score computes a disagreement's confidence between sides a and b, the
// factors it stands on, and the reasons behind it, in the order an editor
// reads them.
func (w Weights) score(a, b *side, t Tolerances, weight func(string) float64) (float64, checker.Factors, []string) {
	var reasons []string
	na, nb := weighOf(a, weight), weighOf(b, weight)
	reasons = append(reasons, fmt.Sprintf("%s against %s", plural(len(a.sources), "source"), plural(len(b.sources), "source")))
	if na != float64(len(a.sources)) || nb != float64(len(b.sources)) {
		reasons[0] += fmt.Sprintf(" (weighed by outlet: %s against %s)", trimWeight(na), trimWeight(nb))
	}

	var clarity, hedged float64
	var hedges []string
	n := 0
	for _, s := range []*side{a, b} {
		for _, c := range s.claims {
			clarity += c.How.SubjectScore * c.How.AttributeScore
			if len(c.Hedges) > 0 {
				hedged++
				hedges = append(hedges, fmt.Sprintf("%q in %s", c.Hedges[0], c.Source))
			}
			n++
		}
	}
	clarity /= float64(n)
	hedged /= float64(n)
	if len(hedges) == 0 {
		reasons = append(reasons, "no hedge on either side")
	} else {
		reasons = append(reasons, "hedged: "+strings.Join(dedupe(hedges), ", "))
	}
	if clarity < 0.6 {
		reasons = append(reasons, fmt.Sprintf("subject or attribute read loosely (clarity %.2f)", clarity))
	}

	open, approx := 0.0, 0.0
	for _, s := range []*side{a, b} {
		switch s.q.Bound {
		case quantity.AtLeast, quantity.AtMost:
			open = 1
			r := fmt.Sprintf("%s bound: %q", boundName(s.q.Bound), s.q.Text)
			if s.q.Bound == quantity.AtLeast && t.AtLeast > 0 && s.q.Low > 0 {
				r += fmt.Sprintf(", read as fitting figures up to %s× it (tolerances.at_least)", strconv.FormatFloat(math.Round(100/(1-t.AtLeast))/100, 'f', -1, 64))
			}
			reasons = append(reasons, r)
		case quantity.About, quantity.Range:
			approx = 1
			reasons = append(reasons, fmt.Sprintf("%q is approximate", s.q.Text))
		}
	}

	alo, ahi, blo, bhi := t.spans(a.q, b.q)
	gap := math.Max(blo-ahi, alo-bhi)
	scale := math.Max(math.Abs(quantity.Magnitude(a.q)), math.Abs(quantity.Magnitude(b.q)))
	rel := 0.0
	if scale > 0 && !math.IsInf(gap, 0) {
		rel = gap / scale
	}
	if quantity.Family(a.q) != "date" {
		reasons = append(reasons, fmt.Sprintf("gap %.1f%% beyond the tolerance", 100*rel))
	}

	pattern := 0.0
	if p := slip(a.q, b.q); p != "" {
		pattern = 1
		reasons = append(reasons, p)
	}
	implausible := 0.0
	if pattern == 0 && quantity.Family(a.q) != "date" && ratio(a.q, b.q) > 3 {
		implausible = 1
		reasons = append(reasons, fmt.Sprintf("values %.0fx apart: may be two different things", ratio(a.q, b.q)))
	}
	same := 0.0
	if overlap(a.sources, b.sources) {
		same = 1
		reasons = append(reasons, "a source states both values")
	}

	f := checker.Factors{
		Clarity: clarity, Support: math.Log2(na + nb), Hedge: hedged, OpenBound: open, Approximate: approx,
		Gap: math.Min(rel/0.05, 1), Pattern: pattern, Implausible: implausible, SameSource: same,
	}
	return w.Confidence(f), f, reasons
}

func boundName(b quantity.Bound) string {
	if b == quantity.AtLeast {
		return "lower"
	}
	return "upper"
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func dedupe(ss []string) []string {
	sort.Strings(ss)
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func ratio(a, b quantity.Quantity) float64 {
	x, y := math.Abs(quantity.Magnitude(a)), math.Abs(quantity.Magnitude(b))
	if x == 0 || y == 0 {
		return math.Inf(1)
	}
	return math.Max(x/y, y/x)
}

// slip names the editorial error that would turn one figure into the
// other: a scale word before the same digits (1.5 million vs 1.5
// billion), a decimal point moved or lost (0.4% vs 4%, 24.5 million vs
// 245 million), transposed digits (85% vs 58%), or an off-by-one (28 vs
// 29).
func slip(a, b quantity.Quantity) string {
	da, db := digits(a.Text), digits(b.Text)
	// A scale word slips, the digits stay: "$3.4 million" for "$3.4
	// billion" ("$2.40bn" for "$2.4m"; "two million" for "two billion"),
	// not "two" for "2,000" or "517" for "517,000".
	if r := ratio(a, b); !math.IsInf(r, 0) && mantissa(a.Text) == mantissa(b.Text) {
		for _, s := range []float64{1e3, 1e6, 1e9} {
			if math.Abs(r/s-1) < 0.001 {
				return fmt.Sprintf("scale-word slip: %q vs %q (%gx)", a.Text, b.Text, s)
			}
		}
	}
	if a.Unit != b.Unit { // "12 months" and "21 days" share digits, not a slip
		return ""
	}
	if r := ratio(a, b); a.Value*b.Value > 0 && (math.Abs(r/10-1) < 0.001 || math.Abs(r/100-1) < 0.001) && significant(da) != "" && significant(da) == significant(db) {
		return fmt.Sprintf("decimal slip: %q vs %q", a.Text, b.Text)
	}
	if len(da) == len(db) && len(da) >= 2 && da != db {
		diff := []int{}
		for i := range da {
			if da[i] != db[i] {
				diff = append(diff, i)
			}
		}
		if len(diff) == 2 && diff[1] == diff[0]+1 && da[diff[0]] == db[diff[1]] && da[diff[1]] == db[diff[0]] {
			return fmt.Sprintf("transposed digits: %q vs %q", a.Text, b.Text)
		}
	}
	if a.Bound == quantity.Exact && b.Bound == quantity.Exact && a.Value == math.Trunc(a.Value) && b.Value == math.Trunc(b.Value) && math.Abs(a.Value-b.Value) == 1 {
		return fmt.Sprintf("off by one: %q vs %q", a.Text, b.Text)
	}
	return ""
}

// mantissa returns what a slip of scale keeps of a figure's text: its
// digits less the zeros that end its decimals ("2.40" and "2.4" have the
// same, "100.0" is "100"; "517,000" and "517" differ), or, for a figure in
// words, its first word ("two million" and "two billion" share "two").
func mantissa(s string) string {
	core := numberCore.FindString(s)
	if core == "" {
		w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), " ")
		return "w:" + w
	}
	whole, frac := core, ""
	if i := strings.LastIndexAny(core, ".,"); i >= 0 {
		// A point is decimals; a comma is unless three digits follow it.
		if core[i] == '.' || len(core)-i-1 != 3 {
			whole, frac = core[:i], core[i+1:]
		}
	}
	return digits(whole) + "." + strings.TrimRight(digits(frac), "0")
}

// numberCore finds the digits of a figure's text with their separators.
var numberCore = regexp.MustCompile(`\d[\d.,]*\d|\d`)

// digits returns the digits of a figure's text, in order.
func digits(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// significant returns a figure's digits without leading zeros: "0.4" and
// "4" have the same, as have "24.5" and "245".
func significant(digits string) string { return strings.TrimLeft(digits, "0") }

// trimWeight formats a sum of source weights: "3", "2.5".
func trimWeight(w float64) string { return strconv.FormatFloat(math.Round(w*100)/100, 'f', -1, 64) }
