package read

import (
	"strconv"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

// time says when a claim holds: "earlier" after markers such as
// "previously" or "last year" in its clause, a year when one is attached
// to the figure or its cue ("$65 billion in 2025", "2025 revenue"), else
// "current". [lo, hi) is the claim's clause.
func (x Extractor) time(s *sentence, qi, cs, lo, hi int) string {
	ref := x.refYear
	if !s.art.Published.IsZero() {
		ref = s.art.Published.Year()
	}
	qa := s.qtok[qi][0]
	// The first time after a comparison word opens the base; the years
	// after it are the base's too ("compared to last year, the highest
	// since records began in 1997").
	from := hi
	for _, l := range []*phraseList{x.Lex.relative, x.Lex.earlier} {
		for _, h := range l.hits(s) {
			if h.at >= lo && h.at < from && x.comparedTime(s, qi, h.at) {
				from = h.at
			}
		}
	}
	base := func(at int) bool { return at >= from || x.othersTime(s, qi, at) }
	if r := x.Lex.relative.firstExcept(s, lo, hi, base); r >= 0 {
		offset := x.Lex.relOffset[r]
		if offset == 0 {
			return "current" // "this year" is now
		}
		if ref != 0 {
			return strconv.Itoa(ref + offset)
		}
		if offset < 0 {
			return "earlier"
		}
		return "current"
	}
	if x.Lex.earlier.firstExcept(s, lo, hi, base) >= 0 {
		return "earlier"
	}
	q := s.qs[qi]
	if q.Kind == quantity.Year || q.Kind == quantity.Date || q.Kind == quantity.Age {
		return "current"
	}
	// "in 2009, when 74 people died": a when-clause belongs to its year,
	// whatever opens it ("since 2014, when …").
	when := -1
	if lo >= 2 && s.low[lo] == "when" {
		when = lo
		lo, _ = clause(s, lo-1, lo-1)
	}
	for oj, o := range s.qs {
		if oj == qi || o.Kind != quantity.Year || o.Bound != quantity.Exact {
			continue
		}
		a := s.qtok[oj][0]
		if a < lo || a >= hi || a >= from || x.comparedBefore(s, qi, a) {
			continue
		}
		// Attached to the figure or its cue ("2025 revenue"), introduced
		// by a preposition ("in 2009"), or heading the clause's subject
		// ("The 2018 Pine Hollow fire … burned").
		attached := a == cs-1 || a == qa-1 || (a > 0 && s.is(a-1, wYearPrep)) ||
			a == lo || (a == lo+1 && s.is(lo, wDeterminer)) || (when > 0 && s.qtok[oj][1] >= when-2)
		if attached && !x.isClaimValue(s, oj) {
			return strconv.Itoa(int(o.Value))
		}
	}
	return "current"
}

// comparedTime reports whether the time at token at, after figure qi, is
// what the figure is measured against: it stands right after a comparison
// word (grammar.comparison_bases), past "the" or "a" and past "with" or
// "to" ("up from a year ago", "rose 9% on the previous month", "compared
// with last year"). "On" compares only after a change, a percentage or a
// figure after "by": "the toll stood at 20 on the previous day" is dated.
func (x Extractor) comparedTime(s *sentence, qi, at int) bool {
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	if at <= qb {
		return false
	}
	j := at - 1
	if j > qb && s.is(j, wDeterminer) {
		j--
	}
	if j > qb && (s.low[j] == "with" || s.low[j] == "to") {
		j--
	}
	if j < qb || !s.is(j, wComparisonBase) {
		return false
	}
	change := s.qs[qi].Kind == quantity.Percent || qa > 0 && s.low[qa-1] == "by"
	return s.low[j] != "on" || change
}

// comparedBefore reports whether another figure after qi and before
// token a stands right after a comparison word: the year at a is that
// base figure's ("rose to $3bn from $2bn in 2024").
func (x Extractor) comparedBefore(s *sentence, qi, a int) bool {
	for o, r := range s.qtok {
		if o != qi && r[0] > s.qtok[qi][1] && r[1] <= a && s.is(r[0]-1, wComparisonBase) {
			return true
		}
	}
	return false
}

// othersTime reports whether the time at token at stands right after
// another figure than qi, and so is that figure's ("$3bn, against $2bn a
// year ago", "from 14 trillion won a year earlier"), unless that figure is
// the level qi's change reaches ("rose 12% to $9bn last year").
func (x Extractor) othersTime(s *sentence, qi, at int) bool {
	qb := s.qtok[qi][1]
	if at <= qb {
		return false
	}
	o := quantityAt(s, at-1)
	if o < 0 && at-2 >= qb && s.toks[at-1].Kind == text.Word && !s.is(at-1, wFunction) {
		o = quantityAt(s, at-2) // one unit word may stand between: "won", "units"
	}
	if o < 0 || o == qi {
		return false
	}
	// The level qi's change reaches, "to" right after qi, has qi's time:
	// "rose 12% to $9bn last year".
	a := s.qtok[o][0]
	return !(a-1 == qb && s.low[a-1] == "to")
}

// isClaimValue reports whether year oj is itself what a claim states
// ("founded in 2016"), rather than when another figure holds.
func (x Extractor) isClaimValue(s *sentence, oj int) bool {
	attr, how, _, _, _ := x.attribute(s, oj)
	// A year read only as dating the word before it ("in 2009, when 74
	// people died") still says when the figures of its sentence hold.
	return attr != "" && how != "noun"
}

// clause returns the token range of the clause around [a, b).
func clause(s *sentence, a, b int) (int, int) {
	lo, hi := 0, len(s.toks)
	for i := a - 1; i >= 0; i-- {
		if isBoundary(s, i) {
			lo = i + 1
			break
		}
	}
	for i := b; i < len(s.toks); i++ {
		if isBoundary(s, i) {
			hi = i
			break
		}
	}
	return lo, hi
}

// hedges lists the hedges that qualify quantity qi: those in its clause
// [lo, hi), and reporting phrases anywhere in the sentence.
func (x Extractor) hedges(s *sentence, qi, lo, hi int) []string {
	var buf [16]int
	var outBuf [8]string
	out := outBuf[:0]
	for _, h := range x.Lex.hedges.find(s, lo, hi, buf[:0]) {
		if !x.hedgeInFigure(s, h, lo, hi) && !x.hedgeOfOther(s, h, qi, lo, hi) {
			out = append(out, x.Lex.hedges.text[h])
		}
	}
	for _, r := range x.Lex.reporting.find(s, 0, len(s.toks), buf[:0]) {
		out = append(out, x.Lex.reporting.text[r])
	}
	return x.stringList(out)
}

// hedgeInFigure reports whether every occurrence of hedge h within tokens
// [lo, hi) of s is part of a quantity or a name, and so no hedge: the
// month in "3 May 1919" and in "back in May" is no "may".
func (x Extractor) hedgeInFigure(s *sentence, h, lo, hi int) bool {
	n := len(x.Lex.hedges.list[h])
	for _, hit := range x.Lex.hedges.hits(s) {
		if hit.phrase != h || hit.at < lo || hit.at+n > hi {
			continue
		}
		if quantityAt(s, hit.at) < 0 && !(n == 1 && named(s, hit.at)) {
			return false
		}
	}
	return true
}

// hedgeOfOther reports whether every occurrence of hedge h within tokens
// [lo, hi) of s is a word of forecast that stands right against another
// quantity of the clause (forecastReader.against), makes it a forecast
// (Forecasts) and does not make qi one: "grew 4.1%, short of the expected
// 4.3%" hedges the 4.3%, not the 4.1%, while "is expected to cut 200 jobs
// and close 12 stores" hedges both.
func (x Extractor) hedgeOfOther(s *sentence, h, qi, lo, hi int) bool {
	if len(x.Lex.hedges.list[h]) != 1 {
		return false
	}
	fr := s.forecasts()
	found := false
	for _, hit := range x.Lex.hedges.hits(s) {
		if hit.phrase != h || hit.at < lo || hit.at >= hi {
			continue
		}
		other := false
		for _, k := range []int{quantityAt(s, hit.at+1), quantityAt(s, hit.at+2), quantityAt(s, hit.at-1)} {
			if k >= 0 && k != qi && fr.against(hit.at, s.qtok[k][0], s.qtok[k][1]) && fr.owns(k, hit.at) {
				other = true
			}
		}
		if !other || fr.owns(qi, hit.at) {
			return false
		}
		found = true
	}
	return found
}

// forecasts returns the reader of the sentence's forecasts.
func (s *sentence) forecasts() forecastReader {
	return forecastReader{
		toks:  s.toks,
		spans: s.qtok,
		when:  func(k int) bool { return isWhen(s.qs[k]) },
		class: func(i int) wordClass { return s.cls[i] },
	}
}

// named reports whether the word at token i is capitalized inside running
// text: after a word, a figure or a comma, not first in its sentence, not
// after a quote, bracket, bullet or colon, and not in a headline, whose
// words are all capitalized. Such a word is a name (a month, a person
// called May), not the word a lexicon lists in lower case.
func named(s *sentence, i int) bool {
	if s.headline || i == 0 || !isCap(s.toks[i].Text) {
		return false
	}
	prev := s.toks[i-1]
	return prev.Kind != text.Sym || prev.Text == ","
}
