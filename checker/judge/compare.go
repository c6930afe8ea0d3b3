package judge

import (
	"math"
	"strings"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// Tolerances say how far apart two exact figures of a kind may be and
// still agree, as a fraction of the larger. A figure's own rounding
// (Quantity.Precision) is always allowed on top.
type Tolerances struct {
	ByKind map[quantity.Kind]float64
	// About widens an approximate figure ("about 1,200", "nearly $2tn").
	About float64
	// AtLeast is how far above a lower bound ("at least 35", "more than
	// 2,300") a figure may be and still fit it, as a fraction of that
	// figure: news states a lower bound near the count it has, so a
	// figure several times the bound is another count, not a sharper one.
	// 0 lets a lower bound fit any larger figure.
	AtLeast float64
	// Converted widens two measures written in units of different
	// systems ("180 miles", "290 km"; quantity.Converted): one is most
	// likely the other converted and rounded, often to two significant
	// figures, which is up to half a unit of the second digit, 5%.
	Converted float64
}

// DefaultTolerances are the tolerances used unless configured.
func DefaultTolerances() Tolerances {
	return Tolerances{
		ByKind: map[quantity.Kind]float64{
			quantity.Measure: 0.005,
		},
		About:     0.1,
		AtLeast:   0.5,
		Converted: 0.05,
	}
}

// logical returns t with lower bounds read as what they say: any figure
// above one fits it (AtLeast 0). Lint gates a build on it.
func (t Tolerances) logical() Tolerances {
	t.AtLeast = 0
	return t
}

// span returns the interval a quantity allows once its rounding and the
// tolerance of its kind are added. Durations and ages are in days.
func (t Tolerances) span(q quantity.Quantity) (lo, hi float64) {
	f := quantity.Scale(q)
	lo, hi, v := q.Low*f, q.High*f, q.Value*f
	p := q.Precision * f
	tol := t.ByKind[q.Kind] * math.Abs(v)
	switch q.Bound {
	case quantity.Exact:
		w := math.Max(p, tol)
		return v - w, v + w
	case quantity.About:
		w := math.Max(p, math.Max(tol, t.About*math.Abs(v)))
		return v - w, v + w
	case quantity.Range:
		return lo - tol, hi + tol
	case quantity.AtLeast:
		if t.AtLeast > 0 && lo > 0 && math.IsInf(hi, 1) {
			hi = lo / (1 - t.AtLeast)
		}
	}
	return lo, hi // a bound means what it says: "over $29 billion" is not $28.9bn
}

// compatible reports whether two quantities of one family can both be true.
func (t Tolerances) compatible(a, b quantity.Quantity) bool {
	if quantity.Family(a) == "date" {
		return datesAgree(a, b)
	}
	alo, ahi, blo, bhi := t.spans(a, b)
	if a.Bound == quantity.Exact && b.Bound == quantity.Exact && quantity.Magnitude(a) == quantity.Magnitude(b) {
		return true
	}
	// Intervals that only touch do not overlap: 24 (±0.5) and 25 (±0.5)
	// are different ages, and so are 14.58% and 14.59%, whose half-units
	// touch at 14.585 give or take the last bit of a float: an overlap
	// must be wider than that, as measured in the spans' own units (days
	// for durations).
	eps := 0.0
	for _, v := range []float64{alo, ahi, blo, bhi} {
		if !math.IsInf(v, 0) {
			eps = math.Max(eps, 1e-9*math.Abs(v))
		}
	}
	return alo < bhi-eps && blo < ahi-eps
}

// spans returns the intervals two quantities allow when weighed against
// each other: each one's span, and, when they were written in units of
// two systems (quantity.Converted), half the conversion's slack on each,
// since either may be the conversion.
//
// An exact figure coarser than the other may have been rounded from it
// twice, by way of one more digit ("$30.4m" for $30,348,120, by way of
// "$30.35m"): rounding half away from zero, that reaches one more digit's
// half-unit past the coarser figure's own, on its side nearer zero
// ($30.345m), never beyond ($30.452m rounds to $30.5m). Two figures
// written to the same last digit are neither a rounding of the other
// ("3.27" and "3.28").
func (t Tolerances) spans(a, b quantity.Quantity) (alo, ahi, blo, bhi float64) {
	alo, ahi = t.span(a)
	blo, bhi = t.span(b)
	if a.Bound == quantity.Exact && b.Bound == quantity.Exact {
		pa, pb := halfUnit(a), halfUnit(b)
		switch {
		case pa > pb:
			alo, ahi = roundedTwice(a, alo, ahi, pa)
		case pb > pa:
			blo, bhi = roundedTwice(b, blo, bhi, pb)
		}
	}
	if quantity.Converted(a, b) {
		wa := t.Converted / 2 * math.Abs(quantity.Magnitude(a))
		wb := t.Converted / 2 * math.Abs(quantity.Magnitude(b))
		alo, ahi, blo, bhi = alo-wa, ahi+wa, blo-wb, bhi+wb
	}
	return alo, ahi, blo, bhi
}

// roundedTwice widens the span [lo, hi] of an exact figure q, of
// precision p in base units (half a unit of its last digit), by one more
// digit's half-unit, p/10, on its side nearer zero.
func roundedTwice(q quantity.Quantity, lo, hi, p float64) (float64, float64) {
	switch v := quantity.Magnitude(q); {
	case v > 0:
		lo -= p / 10
	case v < 0:
		hi += p / 10
	}
	return lo, hi
}

// halfUnit is half a unit of q's last digit in its family's base unit:
// its Precision, in days for a duration or an age.
func halfUnit(q quantity.Quantity) float64 { return q.Precision * quantity.Scale(q) }

// datesAgree compares years and dates on what both state: a year with the
// year of a date, a date without a year on month and day.
func datesAgree(a, b quantity.Quantity) bool {
	ya, ma := dateParts(a)
	yb, mb := dateParts(b)
	if a.Kind == quantity.Year || b.Kind == quantity.Year {
		if ya == "" || yb == "" { // a date with no year says nothing of it
			return true
		}
		return yearOverlap(a, b) // a decade is a range of years
	}
	if ya != "" && yb != "" && ya != yb {
		return false
	}
	// Compare the month and day both state: "2025-08" agrees with "2025-08-15".
	n := min(len(ma), len(mb))
	return ma[:n] == mb[:n]
}

func yearOverlap(a, b quantity.Quantity) bool {
	alo, ahi := yearRange(a)
	blo, bhi := yearRange(b)
	return alo <= bhi && blo <= ahi
}

func yearRange(q quantity.Quantity) (float64, float64) {
	if q.Kind == quantity.Year {
		return q.Low, q.High
	}
	y, _ := dateParts(q)
	v := 0.0
	for _, c := range y {
		v = v*10 + float64(c-'0')
	}
	return v, v
}

// dateParts splits a quantity's date into year ("" when not stated) and
// the rest ("04-06", "08", or "" for a year).
func dateParts(q quantity.Quantity) (year, rest string) {
	if q.Kind == quantity.Year {
		return "y", ""
	}
	d := q.Date
	if strings.HasPrefix(d, "--") {
		return "", d[2:]
	}
	if i := strings.IndexByte(d, '-'); i >= 0 {
		return d[:i], d[i+1:]
	}
	return d, ""
}
