package checker

import (
	"strconv"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// time says when a claim holds: "earlier" after markers such as
// "previously" or "last year" in its clause, a year when one is attached
// to the figure or its cue ("$65 billion in 2025", "2025 revenue"), else
// "current".
func (x Extractor) time(s *sentence, qi, cs int) string {
	ref := x.refYear
	if !s.art.Published.IsZero() {
		ref = s.art.Published.Year()
	}
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	lo, hi := clause(s, min(qa, cs), qb)
	for _, r := range x.Lex.relative {
		if findWords(s, r.words, lo, hi) < 0 {
			continue
		}
		if r.offset == 0 {
			return "current" // "this year" is now
		}
		if ref != 0 {
			return strconv.Itoa(ref + r.offset)
		}
		if r.offset < 0 {
			return "earlier"
		}
		return "current"
	}
	for _, p := range x.Lex.earlier {
		if findWords(s, p, lo, hi) >= 0 {
			return "earlier"
		}
	}
	q := s.qs[qi]
	if q.Kind == quantity.Year || q.Kind == quantity.Date || q.Kind == quantity.Age {
		return "current"
	}
	// "in 2009, when 74 people died": a when-clause belongs to its year.
	if lo >= 2 && s.low[lo] == "when" {
		lo, _ = clause(s, lo-1, lo-1)
	}
	for oj, o := range s.qs {
		if oj == qi || o.Kind != quantity.Year || o.Bound != quantity.Exact {
			continue
		}
		a := s.qtok[oj][0]
		if a < lo || a >= hi {
			continue
		}
		// Attached to the figure or its cue ("2025 revenue"), introduced
		// by a preposition ("in 2009"), or heading the clause's subject
		// ("The 2018 Pine Hollow fire … burned").
		attached := a == cs-1 || a == qa-1 || (a > 0 && yearPreps[s.low[a-1]]) ||
			a == lo || (a == lo+1 && determiners[s.low[lo]])
		if attached && !x.isClaimValue(s, oj) {
			return strconv.Itoa(int(o.Value))
		}
	}
	return "current"
}

var yearPreps = map[string]bool{"in": true, "during": true, "since": true, "for": true, "by": true, "until": true}

// isClaimValue reports whether year oj is itself what a claim states
// ("founded in 2016"), rather than when another figure holds.
func (x Extractor) isClaimValue(s *sentence, oj int) bool {
	attr, _, _, _, _ := x.attribute(s, oj)
	return attr != ""
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

// findWords returns where the exact words p start in tokens [lo, hi), or
// -1. A possessive matches its word: "last year's" has "last year".
func findWords(s *sentence, p phrase, lo, hi int) int {
	for i := lo; i+len(p) <= hi; i++ {
		ok := true
		for k, w := range p {
			if s.low[i+k] != w && s.bare[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// hedges lists the hedges that qualify quantity qi: those in its clause,
// and reporting phrases anywhere in the sentence.
func (x Extractor) hedges(s *sentence, qi, cs int) []string {
	lo, hi := clause(s, min(s.qtok[qi][0], cs), s.qtok[qi][1])
	var out []string
	for _, p := range x.Lex.hedges {
		if findWords(s, p, lo, hi) >= 0 {
			out = append(out, p.String())
		}
	}
	for _, p := range x.Lex.reporting {
		if findWords(s, p, 0, len(s.toks)) >= 0 {
			out = append(out, p.String())
		}
	}
	return out
}
