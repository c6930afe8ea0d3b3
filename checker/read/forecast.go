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
// 4.3%", "beat expectations of 4%" — but "a better-than-expected 4.6%" is
// the outcome still. A year or a date is when, never what was
// expected. An outcome and the forecast it beat are two facts, and
// sources that give one each do not disagree.
func (l *Lexicon) Forecasts(s *Sentence) []bool {
	spans := make([][2]int, len(s.Quantities))
	for k, q := range s.Quantities {
		spans[k] = tokenRange(s.Tokens, q.Start, q.End)
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
		if (only >= 0 && i != only) || !f.is(i, wForecast) {
			return false
		}
		if f.against(i, first, after) {
			return !f.thanJoined(i) // "a better-than-expected 4.6%" is the outcome
		}
		return !f.comparing(i)
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

// against reports whether the forecast word at token i stands right
// against the figure of tokens [first, after): just before it, just
// after it, or before "of" and it ("expectations of 4%").
func (f forecastReader) against(i, first, after int) bool {
	return i == first-1 || i == after || i == first-2 && strings.EqualFold(f.toks[first-1].Text, "of")
}

// thanJoined reports whether "than" stands right before the forecast word
// at token i, hyphens aside: "higher than expected", "better-than-expected".
func (f forecastReader) thanJoined(i int) bool {
	w, _ := f.wordBefore(i)
	return w == "than"
}

// wordBefore returns the lower case of the word before token i, hyphens
// aside, and its token; "" when a symbol or a figure comes first.
func (f forecastReader) wordBefore(i int) (string, int) {
	for j := i - 1; j >= 0; j-- {
		switch t := f.toks[j]; {
		case t.Kind == text.Word:
			return strings.ToLower(t.Text), j
		case t.Text != "-":
			return "", -1
		}
	}
	return "", -1
}

// comparing reports whether the word of forecast at token i sets an
// outcome against the forecast: a word of comparison within compareReach
// words before it ("more than analysts expected", "above expectations"),
// "as" or "in line with" right before it ("as forecast", "in line with
// expectations"), or a comparison joined to it after ("consensus-beating").
// The words of another figure compare nothing: "over 30 analysts
// expected" stops at the 30.
func (f forecastReader) comparing(i int) bool {
	if w, j := f.wordBefore(i); w == "as" {
		return true
	} else if w == "with" {
		if w2, k := f.wordBefore(j); w2 == "line" {
			if w3, _ := f.wordBefore(k); w3 == "in" {
				return true
			}
		}
	}
	words := 0
	for j := i - 1; j >= 0 && words < compareReach; j-- {
		if f.toks[j].Kind != text.Word {
			if f.toks[j].Kind == text.Num || forecastStop(f.toks[j].Text) {
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
