package eval

import (
	"math"
	"slices"
	"sort"
)

// A Detection is one finding the checker made on a labelled case, and
// whether it is right.
type Detection struct {
	Case       string  // the case or fixture event it was made on
	Finding    string  // what the finding says, for reading
	Confidence float64 // the finding's confidence
	// Covers is the ID of the true disagreement the finding reports, ""
	// for a false positive.
	Covers string
	// Also are the further true disagreements the finding carries both
	// values of: a finding that lists a toll's 112, 120 and 131 reports
	// each pair of them. The dev sets' scorer counts a disagreement found
	// when any finding carries its values, and so does recall here.
	Also []string
	// Strict is set when the finding reports the true disagreement it
	// covers as plainly as the suite asks: for keyed suites, when its
	// opposed pair (its first two values) carries both of the
	// disagreement's values, not only its list of values.
	Strict bool
	Tags   []string  // the groups the case is in ("explicit", "slot:number")
	X      []float64 // the confidence model's factors, for fitting
}

// Correct reports whether the detection reports a true disagreement.
func (d Detection) Correct() bool { return d.Covers != "" }

// covered returns the true disagreements the detection reports: Covers,
// then Also.
func (d Detection) covered() []string {
	if d.Covers == "" {
		return nil
	}
	return append([]string{d.Covers}, d.Also...)
}

// A Truth is one disagreement a labelled case holds: what a perfect
// checker would report.
type Truth struct {
	ID   string
	Case string
	What string // for reading, in the list of missed disagreements
	Tags []string
}

// A SuiteResult is what a detection suite found, against its truth.
type SuiteResult struct {
	Suite      string
	Cases      int
	Detections []Detection
	Truth      []Truth
	// Negatives counts the cases that hold no disagreement.
	Negatives int
	Notes     []string // what the suite could not read, and why
	// Traps are the traps findings fell into, of TrapCount keyed (keyed
	// suites only).
	Traps     []TrapBreak
	TrapCount int
	// Why gives each true disagreement's miss class (keyed suites only).
	Why map[string]string
}

// Metrics are the scores of a suite, or of a group of it, at a threshold.
type Metrics struct {
	Group          string  `json:"group"`
	Threshold      float64 `json:"threshold"`
	Findings       int     `json:"findings"`        // at or above the threshold
	TruePositives  int     `json:"true_positives"`  // findings that report a true disagreement
	FalsePositives int     `json:"false_positives"` // findings that report none
	Disagreements  int     `json:"disagreements"`   // true disagreements in the truth
	Found          int     `json:"found"`           // true disagreements reported at least once
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	// Strict counts a disagreement found only when a strict finding
	// covers it (Detection.Strict).
	StrictFound     int     `json:"strict_found"`
	StrictPrecision float64 `json:"strict_precision"`
	StrictRecall    float64 `json:"strict_recall"`
	StrictF1        float64 `json:"strict_f1"`
	// AUPRC is the area under the precision–recall curve, as average
	// precision over the findings ranked by confidence.
	AUPRC float64 `json:"auprc"`
}

// Score returns the metrics of the detections and truth that carry tag
// ("" for all), at threshold t.
func (r SuiteResult) Score(tag string, t float64) Metrics {
	ds := filter(r.Detections, func(d Detection) bool { return tag == "" || slices.Contains(d.Tags, tag) })
	truth := filter(r.Truth, func(x Truth) bool { return tag == "" || slices.Contains(x.Tags, tag) })
	m := Metrics{Group: tag, Threshold: t, Disagreements: len(truth)}
	found, strict := map[string]bool{}, map[string]bool{}
	strictTP := 0
	for _, d := range ds {
		if d.Confidence < t {
			continue
		}
		m.Findings++
		if !d.Correct() {
			m.FalsePositives++
			continue
		}
		m.TruePositives++
		for _, id := range d.covered() {
			found[id] = true
		}
		if d.Strict {
			strict[d.Covers] = true
			strictTP++
		}
	}
	m.Found, m.StrictFound = len(found), len(strict)
	m.Precision, m.Recall = frac(m.TruePositives, m.Findings), frac(m.Found, m.Disagreements)
	m.F1 = f1(m.Precision, m.Recall)
	m.StrictPrecision, m.StrictRecall = frac(strictTP, m.Findings), frac(m.StrictFound, m.Disagreements)
	m.StrictF1 = f1(m.StrictPrecision, m.StrictRecall)
	m.AUPRC = averagePrecision(ds, len(truth))
	return m
}

func filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// averagePrecision ranks the detections by confidence and sums, at each
// one that finds a disagreement not found higher up, the precision so
// far, over the number of disagreements. Ties in confidence are ranked
// false positives first, so a tie never flatters the score.
func averagePrecision(ds []Detection, positives int) float64 {
	if positives == 0 {
		return 0
	}
	ds = slices.Clone(ds)
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Confidence != ds[j].Confidence {
			return ds[i].Confidence > ds[j].Confidence
		}
		return !ds[i].Correct() && ds[j].Correct()
	})
	seen := map[string]bool{}
	ap, tp := 0.0, 0
	for k, d := range ds {
		if !d.Correct() {
			continue
		}
		tp++
		for _, id := range d.covered() {
			if !seen[id] {
				seen[id] = true
				ap += float64(tp) / float64(k+1)
			}
		}
	}
	return ap / float64(positives)
}

// Above counts the detections above confidence t and the wrong ones
// among them: how often the suite's surest findings are false.
func (r SuiteResult) Above(t float64) (n, wrong int) {
	for _, d := range r.Detections {
		if d.Confidence > t {
			n++
			if !d.Correct() {
				wrong++
			}
		}
	}
	return n, wrong
}

// Missed returns the true disagreements no detection at or above t
// reports, in case order.
func (r SuiteResult) Missed(t float64) []Truth {
	found := map[string]bool{}
	for _, d := range r.Detections {
		if d.Confidence >= t {
			for _, id := range d.covered() {
				found[id] = true
			}
		}
	}
	return filter(r.Truth, func(x Truth) bool { return !found[x.ID] })
}

// A Bin is one row of a reliability table: the detections whose
// confidence falls in [Low, High), their mean confidence, and the share
// of them that are right.
type Bin struct {
	Low, High      float64
	Count          int
	MeanConfidence float64
	Precision      float64
}

// Reliability sorts detections into ten confidence bins, [0, 0.1) to
// [0.9, 1.0], and returns the bins and the expected calibration error:
// the mean, weighted by count, of |precision − mean confidence|.
func Reliability(ds []Detection) ([]Bin, float64) {
	bins := make([]Bin, 10)
	sum := make([]float64, 10)
	right := make([]int, 10)
	for i := range bins {
		bins[i].Low, bins[i].High = float64(i)/10, float64(i+1)/10
	}
	for _, d := range ds {
		i := min(int(math.Floor(d.Confidence*10)), 9)
		i = max(i, 0)
		bins[i].Count++
		sum[i] += d.Confidence
		if d.Correct() {
			right[i]++
		}
	}
	ece := 0.0
	for i := range bins {
		if bins[i].Count == 0 {
			continue
		}
		bins[i].MeanConfidence = sum[i] / float64(bins[i].Count)
		bins[i].Precision = float64(right[i]) / float64(bins[i].Count)
		ece += float64(bins[i].Count) / float64(len(ds)) * math.Abs(bins[i].Precision-bins[i].MeanConfidence)
	}
	return bins, ece
}
