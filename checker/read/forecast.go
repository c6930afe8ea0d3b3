package read

import (
	"strings"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

// forecastReach is how many content words before a figure a word of
// forecast may stand and still be the figure's: "economists had expected
// growth of 4.3%".
const forecastReach = 3

// compareReach is how many words before a word of forecast a word that
// compares an outcome with it may stand: "rose more than analysts
// expected", "came in above expectations".
const compareReach = 3

// Forecasts reports, for each quantity of s, whether it is what someone
// expected rather than what happened: a word of forecast
// (grammar.forecast_words) stands right after it ("4.3% expected by
// economists") or within forecastReach content words before it in its
// clause, with no other figure between but a year or a date ("below the
// expected 4.3%", "analysts had forecast a profit of $2bn", "the projected
// 2027 revenue of $5bn"). A word of forecast that a word of comparison
// (grammar.forecast_comparers) stands just before or after sets the
// outcome against the forecast, and the figure is the outcome: "rose
// more than expected to 4.6%", "beat expectations with $2bn", "a
// consensus-beating $2bn"; unless the forecast word stands right
// against the figure, which it then describes: "short of the expected
// 4.3%". A year or a date is when, never what was
// expected. An outcome and the forecast it beat are two facts, and
// sources that give one each do not disagree.
func (l *Lexicon) Forecasts(s *Sentence) []bool {
	spans := make([][2]int, len(s.Quantities))
	j := 0
	for k, q := range s.Quantities {
		for j < len(s.Tokens) && s.Tokens[j].Start < q.Start {
			j++
		}
		first := j
		for j < len(s.Tokens) && s.Tokens[j].Start < q.End {
			j++
		}
		spans[k] = [2]int{first, j}
	}
	f := forecastReader{
		toks:  s.Tokens,
		spans: spans,
		when:  func(k int) bool { return isWhen(s.Quantities[k]) },
		class: func(i int) wordClass { return l.grammar[strings.ToLower(s.Tokens[i].Text)] },
	}
	out := make([]bool, len(spans))
	for k := range out {
		out[k] = f.owns(k, -1)
	}
	return out
}

// isWhen reports whether q says when rather than how much.
func isWhen(q quantity.Quantity) bool { return q.Kind == quantity.Year || q.Kind == quantity.Date }

// A forecastReader reads forecasts in one sentence: its tokens, each
// quantity's token range (in text order), which quantities are years or
// dates, and each token's grammar classes.
type forecastReader struct {
	toks  []text.Token
	spans [][2]int
	when  func(k int) bool
	class func(i int) wordClass
}

func (f forecastReader) is(i int, c wordClass) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].Kind == text.Word && f.class(i)&c != 0
}

// owns reports whether quantity qi is a forecast (Forecasts). With only
// at zero or more, only the word of forecast at token only counts.
func (f forecastReader) owns(qi, only int) bool {
	if f.when(qi) {
		return false
	}
	first, after := f.spans[qi][0], f.spans[qi][1]
	// A forecast word right against the figure is its own, compared or
	// not: "short of the expected 4.3%".
	forecast := func(i int) bool {
		return (only < 0 || i == only) && f.is(i, wForecast) && (i == first-1 || i == after || !f.comparing(i))
	}
	if forecast(after) {
		return true
	}
	words := 0
	k := qi - 1 // the nearest quantity before token i
	for i := first - 1; i >= 0 && words < forecastReach; i-- {
		for k >= 0 && f.spans[k][0] > i {
			k--
		}
		if k >= 0 && i < f.spans[k][1] {
			if f.when(k) {
				continue // "the projected 2027 revenue of $5bn"
			}
			return false // another figure stands between
		}
		t := f.toks[i]
		if t.Kind != text.Word {
			if forecastStop(t.Text) {
				return false
			}
			continue
		}
		switch {
		case forecast(i):
			return true
		case f.class(i)&wClauseJoiner != 0:
			return false
		case !text.FunctionWord(strings.ToLower(t.Text)):
			words++
		}
	}
	return false
}

// comparing reports whether the word of forecast at token i sets an
// outcome against the forecast: a word of comparison within compareReach
// words before it ("more than analysts expected", "in line with
// expectations") or joined to it after ("consensus-beating").
func (f forecastReader) comparing(i int) bool {
	words := 0
	for j := i - 1; j >= 0 && words < compareReach; j-- {
		if f.toks[j].Kind != text.Word {
			if forecastStop(f.toks[j].Text) {
				break
			}
			continue
		}
		if f.is(j, wForecastComparer) {
			return true
		}
		words++
	}
	j := i + 1
	if j < len(f.toks) && f.toks[j].Text == "-" {
		j++
	}
	return j != i+1 && f.is(j, wForecastComparer)
}

// forecastStop reports whether a symbol ends the stretch of words a
// forecast word may reach a figure across.
func forecastStop(sym string) bool {
	switch sym {
	case ",", ";", ":", ".", "(", ")", "—", "–", "!", "?":
		return true
	}
	return false
}
