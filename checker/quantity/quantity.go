package quantity

import (
	"fmt"
	"math"
	"strconv"
)

// Kind is what a quantity measures.
type Kind string

// The kinds of quantity the parser recognizes.
const (
	Money      Kind = "money"
	Percent    Kind = "percent"
	Count      Kind = "count"  // a number with the noun it counts: "fourteen goals"
	Number     Kind = "number" // a number with nothing to say what it counts
	Age        Kind = "age"
	Year       Kind = "year"
	Date       Kind = "date"
	Duration   Kind = "duration"
	Multiplier Kind = "multiplier"
	Measure    Kind = "measure" // a physical measure with a unit: km, acres, magnitude
)

// Bound says how the text qualified a value.
type Bound string

// The bounds a quantity can carry.
const (
	Exact   Bound = "exact"
	About   Bound = "about"
	AtLeast Bound = "at_least"
	AtMost  Bound = "at_most"
	Range   Bound = "range"
)

// A Quantity is one value found in text.
type Quantity struct {
	Kind Kind
	// Unit is the currency code (USD, EUR, GBP …) for money; "%" or "pp"
	// for percentages; the base unit for measures ("m", "m2", "kg",
	// "magnitude" …); "year", "month", "week", "day" … for ages and
	// durations; empty otherwise.
	Unit string
	// Low and High bound the value. An open side is infinite: "more than
	// 200" is [200, +Inf].
	Low, High float64
	// Value is the figure as stated: the number itself for exact and
	// bounded values, the midpoint for a range.
	Value float64
	Bound Bound
	// Precision is half a unit of the last significant digit of the
	// figure, in base units: 0.05e9 for "$14.3 billion", 0.5e9 for "$15bn",
	// 50 for "1,200". A rounded figure agrees with any value within it.
	Precision float64
	// Date is set for dates: "2026-04-06", "--04-06" when the year is not
	// stated, "2025-08" for a month and year.
	Date string
	// Noun is the word right after the figure, lower case, for counts
	// ("goals", "people") and for compounds ("10-million-token").
	Noun string
	// Factor is, for a measure written with a unit word, how many base
	// units that unit holds: 1609.344 for "180 miles" (Unit "m"), 1000
	// for "295 km", 1 for "180 km/h"; 0 otherwise (no measure, or feet
	// and inches written with prime marks). Measures whose written units
	// are not powers of ten of each other (Converted) were often rounded
	// in conversion.
	Factor float64
	// Text is the matched text; Start and End are its byte offsets in the
	// input.
	Text       string
	Start, End int
}

// String returns a compact, human-readable form of the value: "$14.3bn",
// "49%", "at least 212 people", "$14bn–$15bn".
func (q Quantity) String() string {
	var s string
	switch q.Bound {
	case Range:
		s = q.format(q.Low) + "–" + q.format(q.High)
	case AtLeast:
		s = "≥" + q.format(q.Low)
	case AtMost:
		s = "≤" + q.format(q.High)
	case About:
		s = "~" + q.format(q.Value)
	default:
		s = q.format(q.Value)
	}
	return s
}

func (q Quantity) format(v float64) string {
	switch q.Kind {
	case Money:
		sym, ok := currencySymbols[q.Unit]
		if !ok {
			sym = q.Unit + " "
		}
		return sym + scaled(v)
	case Percent:
		if q.Unit == "pp" {
			return trimFloat(v) + "pp"
		}
		return trimFloat(v) + "%"
	case Date:
		if q.Date != "" {
			return q.Date
		}
	case Year:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case Age:
		return trimFloat(v)
	case Duration:
		return trimFloat(v) + " " + q.Unit + plural(v)
	case Multiplier:
		return trimFloat(v) + "x"
	case Measure:
		return scaled(v) + " " + q.Unit
	case Count:
		return scaled(v)
	}
	return scaled(v)
}

var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}

func plural(v float64) string {
	if v == 1 {
		return ""
	}
	return "s"
}

// scaled writes large values with a scale suffix: 14.3e9 → "14.3bn".
func scaled(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e12:
		return trimFloat(v/1e12) + "tn"
	case a >= 1e9:
		return trimFloat(v/1e9) + "bn"
	case a >= 1e6:
		return trimFloat(v/1e6) + "m"
	}
	return trimFloat(v)
}

func trimFloat(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fmt.Sprint(v)
	}
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
}

// daysPer is how many days one unit of a duration or an age is. A season
// is its own family and counts itself.
var daysPer = map[string]float64{
	"year": 365.25, "month": 30.44, "week": 7, "day": 1, "hour": 1.0 / 24,
	"minute": 1.0 / 1440, "second": 1.0 / 86400, "decade": 3652.5, "season": 1,
}

// Scale is what the quantity's figures (Value, Low, High, Precision) are
// multiplied by to be in its family's base unit: days for a duration or
// an age ("three years" and "36 months" are one length; a 6-month-old is
// not six), 1 for every other kind, whose units are already base units or
// part of the family.
func Scale(q Quantity) float64 {
	if q.Kind == Duration || q.Kind == Age {
		if f, ok := daysPer[q.Unit]; ok {
			return f
		}
	}
	return 1
}

// Magnitude is the quantity's value in its family's base unit (Scale).
func Magnitude(q Quantity) float64 { return q.Value * Scale(q) }

// Converted reports whether two measures of one base unit were written
// in units that are not powers of ten of each other: miles and
// kilometres, knots and km/h, acres and hectares, feet and inches, km/s
// and km/h; but not metres and kilometres. One of them is then likely a
// conversion of the other, rounded.
func Converted(a, b Quantity) bool {
	if a.Kind != Measure || b.Kind != Measure || a.Unit != b.Unit || a.Factor <= 0 || b.Factor <= 0 {
		return false
	}
	r := math.Log10(a.Factor / b.Factor)
	return math.Abs(r-math.Round(r)) > 1e-9
}

// Family is what must match for two quantities to be compared at all:
// kind and unit. Counts and bare numbers compare; years and dates compare.
func Family(q Quantity) string {
	switch q.Kind {
	case Count, Number:
		return "count"
	case Year, Date:
		return "date"
	case Duration:
		if q.Unit == "season" {
			return "duration:season"
		}
		return "duration"
	case Money, Percent, Measure:
		return string(q.Kind) + ":" + q.Unit
	}
	return string(q.Kind)
}
