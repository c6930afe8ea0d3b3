package read

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
	def        *AttributeDef
}

// cuesIn finds the attribute cues of a sentence, never inside a quantity
// or a name. At each token the longest cues starting there win; every
// attribute with a cue of that length is kept ("deal" signals both a deal
// value and a contract length; the quantity's kind decides).
func (x Extractor) cuesIn(s *sentence) []cueMatch {
	if s.cuesDone {
		return s.cues
	}
	if x.ar == nil {
		s.cues = x.findCues(s, nil)
	} else {
		s.cues = keep(&x.ar.cues, x.findCues(s, room(&x.ar.cues, 8, x.ar.block/8)))
	}
	s.cuesDone = true
	return s.cues
}

// findCues appends the cues of s to out.
func (x Extractor) findCues(s *sentence, out []cueMatch) []cueMatch {
	if s.any&wCueFirst == 0 {
		return out
	}
	taken := x.scratchFlags(len(s.toks))
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
	for i := 0; i < len(s.toks); i++ {
		if taken[i] || s.toks[i].Kind != text.Word || !s.is(i, wCueFirst) {
			continue
		}
		best := 0
		for _, c := range s.wd[i].cues {
			if best > 0 && len(c.words) < best {
				break
			}
			// The cue's first stem is word i's: it was found by it.
			if end := matchAt(s, c.words[1:], i+1, taken); end > 0 && exactAt(s, c.exact, i) {
				out = append(out, cueMatch{i, end, c.attr, c.def})
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
		if k >= len(s.toks) || taken[k] || s.stem(k) != w {
			return 0
		}
		k++
	}
	return k
}

// exactAt reports whether the words of an exact cue are written from
// token i (past hyphens, a possessive dropped); any cue that is not exact
// is.
func exactAt(s *sentence, words phrase, i int) bool {
	k := i
	for _, w := range words {
		for k < len(s.toks) && s.toks[k].Kind == text.Sym && s.toks[k].Text == "-" {
			k++
		}
		if k >= len(s.toks) || s.low[k] != w && s.bare(k) != w {
			return false
		}
		k++
	}
	return true
}

// isBoundary reports whether token i separates clauses: ";", ":", a
// spaced dash, or a comma before "and", "but", "while", "which", "yet".
func isBoundary(s *sentence, i int) bool {
	if s.bounds != nil {
		return s.bounds[i]
	}
	return boundaryAt(s, i)
}

// boundaryAt works out isBoundary.
func boundaryAt(s *sentence, i int) bool {
	t := &s.toks[i]
	if t.Kind == text.Word && s.low[i] == "and" && i+1 < len(s.toks) && s.is(i+1, wClauseOpener) && (s.low[i+1] == "that" || i > 0 && s.toks[i-1].Kind != text.Sym) {
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
		if i+2 < len(s.toks) && s.low[i+1] == "and" && s.is(i+2, wClauseOpener) {
			return true
		}
		if i+1 < len(s.toks) && s.is(i+1, wClauseJoiner) {
			return true
		}
	}
	return false
}

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
		if linksSubject(s, c.end, qa) {
			// 3, not less: a cue right before the verb ("the value of the
			// deal was") still binds tighter than the head before it.
			cost = min(cost, 3)
		}
		if c.end == qa-1 && s.toks[c.end].Text == ":" {
			return 0 // a label: "Attendance: 41,287", "Death toll: 58"
		}
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

// linksSubject reports whether the tokens from i up to the figure at qa
// are what stands between the head of a clause's subject and a figure a
// verb ties to it: phrases that modify the head ("from the quake", "in
// the Varn valley"), auxiliaries, then a verb of level with the figure
// right after it or after "at" ("reached 58", "stood at 58"), or a verb
// of change with "to", or with "up to" or "down to" ("has risen to 58",
// "has gone up to 58"; "rose by 40" and "rose 40" are
// changes, not the level). "The death toll from the landslide has risen
// to 58" is a toll, however far "toll" is from 58.
func linksSubject(s *sentence, i, qa int) bool {
	v := -1
	switch {
	case qa-1 >= i && s.is(qa-1, wLinking):
		v = qa - 1
	case qa-2 >= i && s.low[qa-1] == "at" && s.is(qa-2, wLinking):
		v = qa - 2
	case qa-2 >= i && s.low[qa-1] == "to" && s.is(qa-2, wLinking|wChange):
		v = qa - 2
	case qa-3 >= i && s.low[qa-1] == "to" && (s.low[qa-2] == "up" || s.low[qa-2] == "down") && s.is(qa-3, wChange|wRevision):
		v = qa - 3 // "has gone up to 173", "edged down to 4%", "was revised up to 173"
	}
	if v < 0 || v-i > maxSubjectReach {
		return false
	}
	j, commas := i, 0
	for j < v && s.is(j, wNounPrep) {
		// a phrase modifying the head: the preposition, then words up
		// to the next preposition, auxiliary or the verb; a comma that
		// joins no clause may stand in it, paired with another that
		// closes an aside ("in Varn, a river town,"). A comma left open
		// ends a fronted phrase, and the clause's subject comes after
		// it ("After the fall in sales at the unit, profit rose to …").
		j++
		n := 0
		for j < v && !s.is(j, wNounPrep|wAux) {
			switch {
			case isBoundary(s, j):
				return false
			case s.toks[j].Kind == text.Sym && s.toks[j].Text == ",":
				if !s.is(j+1, wCap) { // "in Varn, Northland" names a place, not an aside
					commas++
				}
			case quantityAt(s, j) >= 0:
				n++ // a figure of the modifier: "from the 6.1 quake"
			case s.toks[j].Kind != text.Word:
				return false
			default:
				n++
			}
			j++
		}
		if n == 0 || n > 6 {
			return false
		}
	}
	for j < v && s.is(j, wAux) {
		j++
	}
	return j == v && commas%2 == 0
}

// linksObject reports whether the cue at tokens [start, end) is the
// object of a verb of revision that sets it to the figure at qa: "raised
// the death toll from the storm to 143", "put the toll at 58". Between
// the cue and "to" or "at" may stand the words and figures of a phrase
// modifying it, in one clause.
func linksObject(s *sentence, start, end, qa int) bool {
	if qa-1 < end || s.low[qa-1] != "to" && s.low[qa-1] != "at" || qa-1-end > maxObjectReach {
		return false
	}
	for j := end; j < qa-1; j++ {
		t := &s.toks[j]
		if isBoundary(s, j) || t.Kind == text.Sym && t.Text == "," || s.is(j, wLinking|wChange|wRevision) {
			return false
		}
		if t.Kind != text.Word && quantityAt(s, j) < 0 {
			return false
		}
	}
	// The verb, past the cue's determiners and modifiers: "raised the
	// official death toll".
	for j := start - 1; j >= 0 && j >= start-3; j-- {
		if s.is(j, wRevision) {
			return true
		}
		if s.toks[j].Kind != text.Word {
			return false
		}
	}
	return false
}

// maxObjectReach is the most tokens that may stand between a revised
// cue and the "to" before its figure.
const maxObjectReach = 10

// maxSubjectReach is the most tokens a subject's modifiers may span
// between its head and the verb that ties it to a figure: "the death toll
// from the sudden collapse of a footbridge in Ossel has risen to 246".
const maxSubjectReach = 16

// linkedCue returns the first cue before quantity qi that a verb of level
// or change ties to it as its subject's head and that can measure it, or
// false. In "the death toll from the footbridge that collapsed has risen
// to 238", "collapsed" is in the phrase that modifies "toll", so the figure is
// the toll, however close the other cue stands.
func (x Extractor) linkedCue(s *sentence, qi int) (cueMatch, bool) {
	qa := s.qtok[qi][0]
	for _, c := range x.cuesIn(s) {
		if c.end == c.start+1 && x.Lex.vague[s.low[c.start]] {
			continue // "the value of the deal was": the head is vague, the deal names it
		}
		if c.end <= qa && c.def.accepts(s.qs[qi]) && (linksSubject(s, c.end, qa) || linksObject(s, c.start, c.end, qa)) {
			return c, true
		}
	}
	return cueMatch{}, false
}

// npEnd returns where the run of lower-case content words (and hyphens)
// from token i ends.
func npEnd(s *sentence, i int) int {
	j := i
	for j < len(s.toks) {
		t := &s.toks[j]
		if t.Kind == text.Sym && t.Text == "-" && !t.Space {
			j++
			continue
		}
		if t.Kind != text.Word || s.is(j, wCap|wFunction) {
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
	return s.is(qb+1, wPartitive)
}

// attribute finds what quantity qi measures: implied by its kind, named by
// a cue near it, or the noun it counts. It returns the cue's token range
// (the quantity's own when there is no cue).
func (x Extractor) attribute(s *sentence, qi int) (attr, how string, score float64, cs, ce int) {
	if len(s.attrs) != len(s.qs) {
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
	if !concrete {
		// The head of the subject a verb ties the figure to names it
		// before any cue in that subject's modifiers or after the
		// figure ("death toll rises to 262, dozens missing").
		if c, ok := x.linkedCue(s, qi); ok {
			best, bestCost = c, 0
		}
	}
	for _, c := range x.cuesIn(s) {
		def := c.def
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
			// The noun itself, not another word of its stem: "12
			// hospitals" counts hospitals, not hospitalizations.
			same := singular(c.word) == singular(head)
			if len(c.words) == 1 && same && c.def.accepts(q) && (bestCost > 1 || bestCost == 1 && c.attr < best.attr) {
				best, bestCost = cueMatch{qb, qb + 1, c.attr, c.def}, 1
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
	if bestCost > maxCost && npEnd(s, qb) > qb && s.is(npEnd(s, qb)-1, wAnaphoric) {
		// "the $28bn figure": a vague noun refers back to a cue earlier in
		// the sentence, across clauses.
		for _, c := range x.cuesIn(s) {
			if c.end <= qa && c.def.accepts(q) {
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
	if q.Kind == quantity.Year || q.Kind == quantity.Date {
		if end := x.periodEnd(s, qi); end != "" {
			return "date of " + end, "noun", 0.6, qa, qb
		}
	}
	switch q.Kind {
	case quantity.Year:
		// A bare year dates the word before it ("died in 1931", "was laid
		// down in 1802") only when its clause states no other figure: in
		// "sales rose to $5bn in 2025" the year says when the figure held.
		if !x.clauseHasFigure(s, qi) && !x.attributiveYear(s, qb) {
			if w := x.datedNoun(s, qa); w != "" {
				return "date of " + w, "noun", 0.6, qa, qb
			}
			if w := x.frontedVerb(s, qa, qb); w != "" {
				return "date of " + w, "noun", 0.6, qa, qb
			}
		}
	case quantity.Date:
		if w := x.datedNoun(s, qa); w != "" {
			return "date of " + w, "noun", 0.6, qa, qb
		}
		if w := x.frontedVerb(s, qa, qb); w != "" {
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
	switch q.Kind {
	case quantity.Count, quantity.Number, quantity.Money, quantity.Measure, quantity.Percent:
		if i := x.nounBefore(s, qa); i >= 0 {
			return singular(s.low[i]), "noun", 0.5, i, i + 1
		}
	}
	return "", "", 0, 0, 0
}

// nounBefore returns the token of the noun a figure is stated as the
// value of, or -1: "a salinity of 0.4%", "the overall salinity is
// between 2% and 4%", "the maximum range of the Sparrow (mortar) is
// 900 metres". The noun is the head of the phrase before
// "of" right before the figure, or of the subject of a copula ("is",
// "was") right before it, past a bracket and an "of" phrase naming what
// it belongs to.
func (x Extractor) nounBefore(s *sentence, qa int) int {
	j := qa - 1
	if j >= 1 && (s.low[j] == "only" || s.low[j] == "just" || s.low[j] == "merely") {
		j-- // "a salinity of only 0.4%"
	}
	if j >= 1 && j <= 3 && s.toks[j].Text == ":" {
		// A label that opens the sentence: "Attendance: 41,287", "Today's
		// attendance: 41,287". Its first word has a capital as every
		// sentence's does.
		if k := j - 1; k > 0 {
			return x.headAt(s, k)
		}
		t := s.toks[0].Text
		if s.toks[0].Kind == text.Word && len(t) >= 3 && !s.is(0, wFunction|wVague) && strings.ToLower(t[1:]) == t[1:] {
			return 0 // a common noun with its sentence's capital, not a name in capitals
		}
		return -1
	}
	if j < 1 || s.toks[j].Kind != text.Word {
		return -1
	}
	switch {
	case s.low[j] == "of":
		return x.headAt(s, j-1)
	case !s.is(j, wCopula):
		return -1
	}
	k := j - 1
	if k >= 0 && s.toks[k].Text == ")" {
		for k >= 0 && s.toks[k].Text != "(" {
			k--
		}
		k--
	}
	// "… of the Sparrow", "… of Lake Vessor": the owner goes.
	for o := k; o >= 1 && k-o < 6; o-- {
		t := &s.toks[o]
		if s.low[o] == "of" {
			if o < k {
				k = o - 1
			}
			break
		}
		if t.Kind != text.Word || !(isCap(t.Text) || s.low[o] == "the") {
			break
		}
	}
	return x.headAt(s, k)
}

// headAt returns i when token i can head a noun phrase naming what a
// figure measures: a lower-case content word, not a vague noun, not a
// participle, not inside a figure. Otherwise -1.
func (x Extractor) headAt(s *sentence, i int) int {
	if i < 0 || i >= len(s.toks) {
		return -1
	}
	t := &s.toks[i]
	w := s.low[i]
	if t.Kind != text.Word || s.is(i, wCap|wFunction|wVague) ||
		strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || quantityAt(s, i) >= 0 || len(w) < 3 {
		return -1
	}
	return i
}

// headNoun returns the last word of the noun phrase after a figure (the
// compound's own noun for "five-year contract"), or "".
func (x Extractor) headNoun(s *sentence, qb int, q quantity.Quantity) string {
	var buf [3]string
	if np := x.nounWords(s, qb, q, buf[:0]); len(np) > 0 {
		last := np[len(np)-1]
		return last[strings.LastIndexByte(last, ' ')+1:]
	}
	return q.Noun
}

// nounAfter reads the noun phrase after a figure: up to three lower-case
// content words, the last singular. "active parameters" -> "active
// parameter". Vague heads ("figure", "people") do not count.
func (x Extractor) nounAfter(s *sentence, i int, q quantity.Quantity) string {
	var buf [3]string
	return strings.Join(x.nounWords(s, i, q, buf[:0]), " ")
}

// nounWords appends to words the words of the noun phrase nounAfter reads,
// or nothing when it reads none.
func (x Extractor) nounWords(s *sentence, i int, q quantity.Quantity, words []string) []string {
	if q.Noun != "" && i < len(s.toks) && s.low[i] != q.Noun {
		// A compound's noun sits inside the quantity's own span.
		words = append(words, q.Noun)
	}
	for j := i; j < len(s.toks) && len(words) < 3; j++ {
		t := &s.toks[j]
		if t.Kind == text.Sym && t.Text == "-" && j+1 < len(s.toks) && !s.toks[j+1].Space {
			continue
		}
		if t.Kind != text.Word || s.is(j, wCap|wFunction) || quantityAt(s, j) >= 0 {
			break
		}
		if strings.HasSuffix(s.low[j], "ed") && !(len(words) == 0 && isNounAfter(s, j+1)) {
			// A participle ends the phrase: "50 mph pushed the flames",
			// "3,100 buildings damaged or destroyed". One right after the
			// figure and before a noun describes it: "40 confirmed
			// cases".
			break
		}
		if strings.HasSuffix(s.low[j], "ed") {
			continue // the modifier is not what is counted
		}
		words = append(words, s.low[j])
	}
	if len(words) == 0 || x.Lex.vague[words[len(words)-1]] {
		return nil
	}
	words[len(words)-1] = singular(words[len(words)-1])
	return words
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "oes") && len(w) > 6: // "tornadoes", not "shoes" or "canoes"
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// datedNoun returns the word a date dates: the nearest word before it
// that is not a filler such as "due" or "on", within four words, stemmed:
// "deliver her Budget on 26 March" and "the Budget, due on 25 March" both
// date the budget. A place, a name after a preposition such as "in" or
// "at", is passed over as one word: "died in Lisbon in 1931" dates the
// death, "laid down at Pembrey Yard in 1802" the laying down.
func (x Extractor) datedNoun(s *sentence, i int) string {
	words := 0
	for j := i - 1; j >= 0 && words < 5; j-- {
		if m := x.nameEndingAt(s, j); m != nil && m.start > 0 && s.is(m.start-1, wPlacePrep) {
			j = m.start - 1 // the loop's j-- steps past the preposition
			words++
			continue
		}
		words++
		t := &s.toks[j]
		if t.Kind == text.Sym {
			if t.Text == "," {
				continue
			}
			return ""
		}
		if t.Kind != text.Word || quantityAt(s, j) >= 0 {
			return "" // "sales rose to $5bn in 2025": the year dates the figure
		}
		w, _ := stripPossessive(s.low[j])
		if x.Lex.dateFill[w] || functionWord(w) {
			continue
		}
		return x.dateEvent(stem(w))
	}
	return ""
}

// dateEvent returns the event a stem names for dating, the stem itself
// when the lexicon groups it with no other.
func (x Extractor) dateEvent(st string) string {
	if e, ok := x.Lex.dateEvent[st]; ok {
		return e
	}
	return st
}

// attributiveYear reports whether a year ending at token qb modifies the
// word after it, "its 2025 AI budget", "2025 capital expenditures": it
// says which budget, not when something happened.
func (x Extractor) attributiveYear(s *sentence, qb int) bool {
	if qb >= len(s.toks) || s.toks[qb].Kind != text.Word || !s.toks[qb].Space {
		return false
	}
	return !functionWord(s.low[qb])
}

// periodEnd reads a date that opens or closes a period, "from June 2004
// to March 2011", as the date of the period's start or end (the words
// of the lexicon's date events), or returns "".
func (x Extractor) periodEnd(s *sentence, qi int) string {
	isDate := func(k quantity.Kind) bool { return k == quantity.Year || k == quantity.Date }
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	if qa >= 1 && s.low[qa-1] == "from" && qi+1 < len(s.qs) && isDate(s.qs[qi+1].Kind) &&
		s.qtok[qi+1][0] == qb+1 && s.is(qb, wPeriodEnd) {
		return x.dateEvent(stem("began"))
	}
	if qa >= 1 && s.is(qa-1, wPeriodEnd) && qi >= 1 && isDate(s.qs[qi-1].Kind) && s.qtok[qi-1][1] == qa-1 {
		if pa := s.qtok[qi-1][0]; pa >= 1 && s.low[pa-1] == "from" {
			return "end"
		}
	}
	return ""
}

// frontedVerb returns what a date that opens its sentence dates: the
// stem of the first past participle or past tense after it in its clause,
// "In 1971, a second book was published" dates the publishing. It
// returns "" when the date is not fronted ("In 1971," or "On 8 May,").
func (x Extractor) frontedVerb(s *sentence, qa, qb int) string {
	first := firstWord(s.toks)
	if first < 0 || qa != first+1 || (s.low[first] != "in" && s.low[first] != "on") || qb >= len(s.toks) || s.toks[qb].Text != "," {
		return ""
	}
	_, hi := clause(s, qb+1, qb+1)
	for j := qb + 1; j < hi && j <= qb+10; j++ {
		t := &s.toks[j]
		if t.Kind != text.Word || s.is(j, wCap) || quantityAt(s, j) >= 0 {
			continue
		}
		if w := s.low[j]; strings.HasSuffix(w, "ed") && len(w) > 4 {
			return x.dateEvent(stem(w))
		}
	}
	return ""
}

// nameEndingAt returns the name (not a noun phrase standing for one) whose
// last token is i, or nil.
func (x Extractor) nameEndingAt(s *sentence, i int) *mention {
	for k := range s.ments {
		if m := &s.ments[k]; m.coref == "" && m.end-1 == i {
			return m
		}
	}
	return nil
}

// clauseHasFigure reports whether the clause of quantity qi holds another
// quantity that is not a year or a date.
func (x Extractor) clauseHasFigure(s *sentence, qi int) bool {
	lo, hi := clause(s, s.qtok[qi][0], s.qtok[qi][1])
	for oj, o := range s.qs {
		if oj == qi || o.Kind == quantity.Year || o.Kind == quantity.Date || o.Kind == quantity.Age {
			continue
		}
		if r := s.qtok[oj]; r[0] >= lo && r[1] <= hi {
			return true
		}
	}
	return false
}
