package read

import (
	"strings"

	"github.com/crosscheck/crosscheck/checker/text"
)

// forecastReach is how many content words before a figure a word of
// forecast may stand and still be the figure's: "economists had expected
// growth of 4.3%".
const forecastReach = 3

// Forecast reports whether quantity qi of s is what someone expected
// rather than what happened: a word of forecast (grammar.forecast_words)
// stands right after it ("4.3% expected by economists") or within
// forecastReach content words before it in its clause, with no other
// figure between ("below the expected 4.3%", "analysts had forecast a
// profit of $2bn"), unless it compares the outcome with the forecast
// ("rose more than expected to 4.6%", "as forecast"). An outcome and the forecast it beat are two facts, and
// sources that give one each do not disagree. A forecast word that
// another figure stands between belongs to that figure: in "grew 4.1%,
// short of the expected 4.3%" only 4.3% is a forecast.
func (l *Lexicon) Forecast(s *Sentence, qi int) bool {
	spans := make([][2]int, len(s.Quantities))
	for k, q := range s.Quantities {
		spans[k] = tokenSpan(s.Tokens, q.Start, q.End)
	}
	return forecastOwns(s.Tokens, spans, qi, func(i int) wordClass {
		return l.grammar[strings.ToLower(s.Tokens[i].Text)]
	})
}

// tokenSpan returns the range of tokens of toks that bytes [start, end)
// cover.
func tokenSpan(toks []text.Token, start, end int) [2]int {
	first, after := len(toks), len(toks)
	for i, t := range toks {
		if first == len(toks) && t.Start >= start {
			first = i
		}
		if t.Start >= end {
			after = i
			break
		}
	}
	return [2]int{first, after}
}

// forecastOwns is Forecast for quantity qi, whose tokens and those of the
// sentence's other quantities are spans, with class(i) the grammar
// classes of token i.
func forecastOwns(toks []text.Token, spans [][2]int, qi int, class func(int) wordClass) bool {
	is := func(i int, c wordClass) bool {
		return i >= 0 && i < len(toks) && toks[i].Kind == text.Word && class(i)&c != 0
	}
	// comparing reports whether the forecast word at i compares an
	// outcome with the forecast ("rose more than expected to 4.3%",
	// "grew 4.1%, as forecast"): the figure is then what happened.
	comparing := func(i int) bool {
		for j := i - 1; j >= 0; j-- {
			if toks[j].Kind == text.Word {
				w := strings.ToLower(toks[j].Text)
				return w == "than" || w == "as"
			}
			if toks[j].Text != "-" {
				return false
			}
		}
		return false
	}
	first, after := spans[qi][0], spans[qi][1]
	if is(after, wForecast) && !comparing(after) {
		return true
	}
	inFigure := func(i int) bool {
		for _, sp := range spans {
			if i >= sp[0] && i < sp[1] {
				return true
			}
		}
		return false
	}
	words := 0
	for i := first - 1; i >= 0 && words < forecastReach; i-- {
		t := toks[i]
		if inFigure(i) {
			return false // another figure stands between
		}
		if t.Kind != text.Word {
			if forecastStop(t.Text) {
				return false
			}
			continue
		}
		switch {
		case class(i)&wForecast != 0:
			return !comparing(i)
		case class(i)&wClauseJoiner != 0:
			return false
		case !text.FunctionWord(strings.ToLower(t.Text)):
			words++
		}
	}
	return false
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
