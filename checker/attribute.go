package checker

import (
	"math"
	"strings"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

// A cueMatch is a lexicon cue found in a sentence.
type cueMatch struct {
	start, end int
	attr       string
}

// cuesIn finds the attribute cues of a sentence, never inside a quantity
// or a name. At each token the longest cues starting there win; every
// attribute with a cue of that length is kept ("deal" signals both a deal
// value and a contract length; the quantity's kind decides).
func (x Extractor) cuesIn(s *sentence) []cueMatch {
	if s.cuesDone {
		return s.cues
	}
	s.cues, s.cuesDone = x.findCues(s), true
	return s.cues
}

func (x Extractor) findCues(s *sentence) []cueMatch {
	taken := make([]bool, len(s.toks))
	for _, r := range s.qtok {
		for i := r[0]; i < r[1] && i < len(taken); i++ {
			taken[i] = true
		}
	}
	for _, m := range s.ments {
		if m.coref == "" {
			for i := m.start; i < m.end; i++ {
				taken[i] = true
			}
		}
	}
	stems := x.stemsOf(s)
	var out []cueMatch
	for i := 0; i < len(s.toks); i++ {
		if taken[i] || s.toks[i].Kind != text.Word {
			continue
		}
		best := 0
		for _, c := range x.Lex.cues[stems[i]] {
			if best > 0 && len(c.words) < best {
				break
			}
			if end := matchAt(s, c.words, i, taken); end > 0 {
				out = append(out, cueMatch{i, end, c.attr})
				best = len(c.words)
			}
		}
	}
	return out
}

// matchAt returns the end of stems p matched from token i (skipping
// hyphens), or 0.
func matchAt(s *sentence, p phrase, i int, taken []bool) int {
	k := i
	for _, w := range p {
		for k < len(s.toks) && s.toks[k].Kind == text.Sym && s.toks[k].Text == "-" {
			k++
		}
		if k >= len(s.toks) || taken[k] || s.stems[k] != w {
			return 0
		}
		k++
	}
	return k
}

// isBoundary reports whether token i separates clauses: ";", ":", a
// spaced dash, or a comma before "and", "but", "while", "which", "yet".
func isBoundary(s *sentence, i int) bool {
	t := s.toks[i]
	if t.Kind == text.Word && s.low[i] == "and" && i+1 < len(s.toks) && clauseOpeners[s.low[i+1]] && (s.low[i+1] == "that" || i > 0 && s.toks[i-1].Kind != text.Sym) {
		return true
	}
	if t.Kind != text.Sym {
		return false
	}
	switch t.Text {
	case ";", ":", "(", ")":
		return true
	case "—", "–":
		return t.Space
	case ",":
		if i+2 < len(s.toks) && s.low[i+1] == "and" && clauseOpeners[s.low[i+2]] {
			return true
		}
		if i+1 < len(s.toks) {
			switch s.low[i+1] {
			case "and", "but", "while", "which", "yet", "whereas", "although", "though", "meaning", "after", "as", "when":
				return true
			}
		}
	}
	return false
}

// clauseOpeners start a new clause after "and": "said revenue grew 58% and
// that it now serves 210 hospitals".
var clauseOpeners = map[string]bool{"that": true, "it": true, "he": true, "she": true, "they": true, "we": true, "its": true}

// cost measures how far a cue is from quantity qi, in tokens, with
// penalties for clause boundaries and other figures in between.
func (x Extractor) cost(s *sentence, qi int, c cueMatch) int {
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	var a, b, cost int
	if c.start >= qb {
		a, b, cost = qb, c.start, c.start-qb
		// A cue that ends the noun phrase after the figure is its head:
		// "a 49% non-voting stake" is a stake.
		if end := npEnd(s, qb); c.end == end {
			cost = 0
		} else if c.end < end {
			cost += 2
		}
	} else {
		a, b, cost = c.end, qa, qa-c.end
		cost++ // a cue after the figure ("$14.3 billion investment") binds tighter
	}
	for i := a; i < b; i++ {
		if isBoundary(s, i) {
			cost += 6
		}
	}
	for oj, r := range s.qtok {
		if oj != qi && r[0] >= a && r[1] <= b {
			cost += 4
		}
	}
	return cost
}

// npEnd returns where the run of lower-case content words (and hyphens)
// from token i ends.
func npEnd(s *sentence, i int) int {
	j := i
	for j < len(s.toks) {
		t := s.toks[j]
		if t.Kind == text.Sym && t.Text == "-" && !t.Space {
			j++
			continue
		}
		if t.Kind != text.Word || isCap(t.Text) || functionWord(s.low[j]) {
			break
		}
		j++
	}
	return j
}

// subevent names the event within the event that a figure is about, when
// one stands beside it: "a 5.4-magnitude aftershock", "an aftershock of 5.4".
func (x Extractor) subevent(s *sentence, qi int) string {
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	if n := s.qs[qi].Noun; n != "" {
		for _, i := range x.Lex.subevents.byFirst[n] {
			if len(x.Lex.subevents.list[i]) == 1 {
				return singular(n)
			}
		}
	}
	lo, hi := max(0, qa-4), min(len(s.toks), qb+3)
	if i := x.Lex.subevents.first(s, lo, hi); i >= 0 {
		return singular(x.Lex.subevents.text[i])
	}
	return ""
}

// partitive reports a figure that counts part of a group named before it,
// "300 of them", which is not a total to compare.
func (x Extractor) partitive(s *sentence, qi int) bool {
	qb := s.qtok[qi][1]
	if qb+1 >= len(s.toks) || s.low[qb] != "of" {
		return false
	}
	switch s.low[qb+1] {
	case "them", "those", "these", "whom", "which", "us":
		return true
	}
	return false
}

// attribute finds what quantity qi measures: implied by its kind, named by
// a cue near it, or the noun it counts. It returns the cue's token range
// (the quantity's own when there is no cue).
func (x Extractor) attribute(s *sentence, qi int) (attr, how string, score float64, cs, ce int) {
	if s.attrs == nil {
		s.attrs = make([]attrRead, len(s.qs))
	}
	r := &s.attrs[qi]
	if !r.done {
		r.attr, r.how, r.score, r.cueStart, r.cueEnd = x.readAttribute(s, qi)
		r.done = true
	}
	return r.attr, r.how, r.score, r.cueStart, r.cueEnd
}

// readAttribute does the work of attribute, once per quantity.
func (x Extractor) readAttribute(s *sentence, qi int) (attr, how string, score float64, cs, ce int) {
	q := s.qs[qi]
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	switch {
	case q.Kind == quantity.Age:
		return "age", "implied", 1, qa, qb
	case q.Kind == quantity.Measure && q.Unit == "magnitude":
		return "magnitude", "implied", 1, qa, qb
	}
	best, bestCost := cueMatch{}, math.MaxInt
	dateCue, dateCost := cueMatch{}, math.MaxInt
	// A count of a concrete noun ("3,100 buildings") is named by its
	// noun, or by a verb right before it ("cut 1,200 jobs", "lay off 1,500
	// workers"); a cue further off is about something else ("people had
	// been hurt and 3,100 buildings damaged").
	concrete := q.Kind == quantity.Count && q.Noun != "" && !x.Lex.vague[q.Noun]
	for _, c := range x.cuesIn(s) {
		def := x.Lex.Attributes[c.attr]
		if concrete && c.end != qa {
			continue
		}
		k := x.cost(s, qi, c)
		if c.end == qa {
			k = 0 // a verb right before the figure frames it: "lay off 1,500 workers"
		}
		if def.accepts(q) && k < bestCost {
			best, bestCost = c, k
		}
		if q.Kind == quantity.Date && c.start < qa && k < dateCost {
			dateCue, dateCost = c, k
		}
	}
	// The head of the figure's own noun phrase ("a five-year contract",
	// "two live albums" counts albums, not lives).
	if head := x.headNoun(s, qb, q); head != "" {
		for _, c := range x.Lex.cues[x.stemOf(head)] {
			if len(c.words) == 1 && x.Lex.Attributes[c.attr].accepts(q) && (bestCost > 1 || bestCost == 1 && c.attr < best.attr) {
				best, bestCost = cueMatch{qb, qb + 1, c.attr}, 1
			}
		}
	}
	maxCost := 10
	switch q.Kind {
	case quantity.Count:
		// A count names its own noun; a cue must be close to overrule it.
		maxCost = 4
	case quantity.Number:
		// A bare number needs a cue right beside it ("the death toll rose to 212").
		maxCost = 4
	}
	if bestCost > maxCost && npEnd(s, qb) > qb && x.Lex.anaphoric[s.low[npEnd(s, qb)-1]] {
		// "the $28bn figure": a vague noun refers back to a cue earlier in
		// the sentence, across clauses.
		for _, c := range x.cuesIn(s) {
			if c.end <= qa && x.Lex.Attributes[c.attr].accepts(q) {
				best, bestCost = c, 0
			}
		}
		if bestCost == 0 {
			return best.attr, "cue", 0.6, best.start, best.end
		}
	}
	if bestCost <= maxCost {
		score := 1.0
		switch {
		case bestCost > 6:
			score = 0.6
		case bestCost > 3:
			score = 0.8
		}
		return best.attr, "cue", score, best.start, best.end
	}
	switch q.Kind {
	case quantity.Date:
		if w := x.datedNoun(s, qa); w != "" {
			return "date of " + w, "noun", 0.6, qa, qb
		}
		if dateCost <= 8 {
			return "date of " + dateCue.attr, "cue", 0.6, dateCue.start, dateCue.end
		}
	case quantity.Count, quantity.Money, quantity.Duration, quantity.Multiplier, quantity.Measure:
		if np := x.nounAfter(s, qb, q); np != "" {
			return np, "noun", 0.5, qa, qb
		}
	case quantity.Percent:
		if s.low[min(qb, len(s.low)-1)] == "of" && qb+1 < len(s.toks) {
			if np := x.nounAfter(s, qb+1, q); np != "" {
				return "share of " + np, "noun", 0.5, qa, qb
			}
		}
	}
	return "", "", 0, 0, 0
}

// headNoun returns the last word of the noun phrase after a figure (the
// compound's own noun for "five-year contract"), or "".
func (x Extractor) headNoun(s *sentence, qb int, q quantity.Quantity) string {
	if np := x.nounAfter(s, qb, q); np != "" {
		f := strings.Fields(np)
		return f[len(f)-1]
	}
	return q.Noun
}

// nounAfter reads the noun phrase after a figure: up to three lower-case
// content words, the last singular. "active parameters" -> "active
// parameter". Vague heads ("figure", "people") do not count.
func (x Extractor) nounAfter(s *sentence, i int, q quantity.Quantity) string {
	var words []string
	if q.Noun != "" && i < len(s.toks) && s.low[i] != q.Noun {
		// A compound's noun sits inside the quantity's own span.
		words = append(words, q.Noun)
	}
	for j := i; j < len(s.toks) && len(words) < 3; j++ {
		t := s.toks[j]
		if t.Kind == text.Sym && t.Text == "-" && j+1 < len(s.toks) && !s.toks[j+1].Space {
			continue
		}
		if t.Kind != text.Word || isCap(t.Text) || functionWord(s.low[j]) || x.quantityAt(s, j) >= 0 {
			break
		}
		if strings.HasSuffix(s.low[j], "ed") {
			// A participle ends the phrase: "50 mph pushed the flames",
			// "3,100 buildings damaged or destroyed".
			break
		}
		words = append(words, s.low[j])
	}
	if len(words) == 0 || x.Lex.vague[words[len(words)-1]] {
		return ""
	}
	words[len(words)-1] = singular(words[len(words)-1])
	return strings.Join(words, " ")
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// datedNoun returns the word a date dates: the nearest word before it
// that is not a filler such as "due" or "on", within four words, stemmed:
// "deliver her Budget on 26 March" and "the Budget, due on 25 March" both
// date the budget.
func (x Extractor) datedNoun(s *sentence, i int) string {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		t := s.toks[j]
		if t.Kind == text.Sym {
			if t.Text == "," {
				continue
			}
			return ""
		}
		if t.Kind != text.Word {
			return ""
		}
		w, _ := stripPossessive(s.low[j])
		if x.Lex.dateFill[w] || functionWord(w) {
			continue
		}
		return stem(w)
	}
	return ""
}
