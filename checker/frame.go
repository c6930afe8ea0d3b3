package checker

import (
	"math"
	"sort"
	"strconv"
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
	var out []cueMatch
	for i := 0; i < len(s.toks); i++ {
		if taken[i] || s.toks[i].Kind != text.Word {
			continue
		}
		best := 0
		for _, c := range x.Lex.cues[s.stems[i]] {
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

// claim reads the claim that quantity qi of sentence s makes, if any.
func (x Extractor) claim(s *sentence, qi int, ents *entities, d *discourse) (Claim, bool) {
	q := s.qs[qi]
	if x.partitive(s, qi) {
		return Claim{}, false
	}
	attr, how, ascore, cs, ce := x.attribute(s, qi)
	if attr == "" {
		return Claim{}, false
	}
	c := Claim{Source: s.art.ID, Attribute: attr, Quantity: q}
	c.How.Attribute, c.How.AttributeScore = how, ascore
	def := x.Lex.Attributes[attr]
	c.Scope = def.Scope
	if attr == "age" {
		c.Scope = "person"
	}
	if how == "noun" && q.Kind == quantity.Date {
		// A date is about the event it dates, named in its attribute.
		c.Scope = "event"
	}
	if c.Scope == "event" {
		c.How.Subject, c.How.SubjectScore = "event", 1
		if sub := x.subevent(s, qi); sub != "" {
			c.Subject, c.SubjectKey = sub, sub
		}
	} else {
		key, shows, sscore := x.subject(s, qi, cs, ce, ents, d, attr, c.Scope == "person")
		c.SubjectKey = key
		c.Subject = ents.display[key]
		if c.Subject == "" {
			c.Subject = key
		}
		c.How.Subject, c.How.SubjectScore = shows, sscore
	}
	c.Time = x.time(s, qi, cs)
	c.Hedges = x.hedges(s, qi, cs)
	if c.Scope == "transaction" {
		c.Participants = x.participants(s, qi, cs, c.SubjectKey)
	}
	line, col := s.art.Position(s.off + q.Start)
	c.Evidence = Evidence{Source: s.art.ID, Line: line, Column: col, Sentence: s.text, Offset: s.off + q.Start}
	q.Start += s.off
	q.End += s.off
	c.Quantity = q
	return c, true
}

// participants lists the entities named in the clause of quantity qi,
// with its subject, sorted.
func (x Extractor) participants(s *sentence, qi, cs int, subject string) []string {
	lo, hi := clause(s, min(s.qtok[qi][0], cs), s.qtok[qi][1])
	var out []string
	if subject != "" {
		out = append(out, subject)
	}
	for _, m := range s.ments {
		if m.start >= lo && m.end <= hi && m.key != "" && !contains(out, m.key) {
			out = append(out, m.key)
		}
	}
	sort.Strings(out)
	return out
}

// subevent names the event within the event that a figure is about, when
// one stands beside it: "a 5.4-magnitude aftershock", "an aftershock of 5.4".
func (x Extractor) subevent(s *sentence, qi int) string {
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	if n := s.qs[qi].Noun; n != "" {
		for _, p := range x.Lex.subevents {
			if len(p) == 1 && p[0] == n {
				return singular(n)
			}
		}
	}
	lo, hi := max(0, qa-4), min(len(s.toks), qb+3)
	for _, p := range x.Lex.subevents {
		if findWords(s, p, lo, hi) >= 0 {
			return singular(p.String())
		}
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
	// A count of a concrete noun ("3,100 buildings") is described by the
	// words after it, not by a verb before it that is about something else.
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
		for name, def := range x.Lex.Attributes {
			if !def.accepts(q) {
				continue
			}
			for _, c := range def.Cues {
				if stem(head) == stem(strings.ToLower(c)) && (bestCost > 1 || bestCost == 1 && name < best.attr) {
					best, bestCost = cueMatch{qb, qb + 1, name}, 1
				}
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

// subject finds the entity a claim is about. In order: the object of the
// cue ("stake in X", "valuing the company"), a possessive ("Scale's
// valuation"), for an age the person beside it, the nearest name before
// it in its clause, the sentence's subject, the subject the article gave
// the same attribute, the article's main entity.
func (x Extractor) subject(s *sentence, qi, cs, ce int, ents *entities, d *discourse, attr string, person bool) (key, how string, score float64) {
	lo := min(cs, s.qtok[qi][0])
	if person {
		return x.personSubject(s, qi, ents, d)
	}
	if m := x.object(s, qi, cs, ce); m != nil && m.key != "" {
		return m.key, "object", 1
	}
	for i := len(s.ments) - 1; i >= 0; i-- {
		m := s.ments[i]
		if m.poss && m.key != "" && m.end <= lo && m.end >= lo-4 {
			return m.key, "possessive", 0.9
		}
	}
	for i := len(s.ments) - 1; i >= 0; i-- {
		m := s.ments[i]
		if m.end > lo || m.key == "" || x.speaker(s, m) || x.attributive(s, m) {
			continue
		}
		crossed := false
		for j := m.end; j < lo; j++ {
			if isBoundary(s, j) {
				crossed = true
				break
			}
		}
		if !crossed {
			sc := 0.8
			if m.coref != "" {
				sc = 0.7
			}
			return m.key, "neighbour", sc
		}
		break
	}
	if m, opening := x.sentenceSubject(s); m != nil && m.key != "" && (m.start < lo || opening) && !x.speaker(s, *m) && !x.attributive(s, *m) {
		return m.key, "sentence", 0.6
	}
	if c, ok := d.byAttr[attr]; ok {
		return c.SubjectKey, "attribute", 0.5
	}
	return ents.topic, "topic", 0.3
}

// personSubject finds the person a figure such as an age or a tally of
// goals belongs to: the name just before it ("Lund, 56,"), a phrase
// standing for a person that contains it ("the 28-year-old"), the nearest
// person after it ("its 28-year-old CEO, Alexandr Wang"), the nearest
// before it, or the last person named.
func (x Extractor) personSubject(s *sentence, qi int, ents *entities, d *discourse) (string, string, float64) {
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	if m := x.mentionEndingAt(s, qa-1, ","); m != nil && m.key != "" && ents.isPerson(m.key) {
		return m.key, "neighbour", 1
	}
	for _, m := range s.ments {
		if m.start <= qa && m.end >= qb && m.coref == "person" && m.key != "" {
			return m.key, "coref", 0.8
		}
	}
	for _, m := range s.ments {
		if m.start >= qb && m.start <= qb+6 && m.key != "" && ents.isPerson(m.key) {
			return m.key, "neighbour", 0.9
		}
	}
	for i := len(s.ments) - 1; i >= 0; i-- {
		if m := s.ments[i]; m.end <= qa && m.key != "" && ents.isPerson(m.key) {
			return m.key, "neighbour", 0.8
		}
	}
	if d.lastPerson != "" {
		return d.lastPerson, "coref", 0.5
	}
	return "", "topic", 0.3
}

// attributive reports a name used as a modifier of a noun, not as a
// party: "its Eindhoven plant", "the Boston-based start-up".
func (x Extractor) attributive(s *sentence, m mention) bool {
	if m.coref != "" || m.end >= len(s.toks) {
		return false
	}
	next := s.toks[m.end]
	if next.Kind == text.Sym && next.Text == "-" && !next.Space && m.end+1 < len(s.toks) && !isCap(s.toks[m.end+1].Text) {
		return true // "Boston-based"
	}
	if m.start == 0 || !determiners[s.low[m.start-1]] && s.low[m.start-1] != "a" && s.low[m.start-1] != "an" {
		return false
	}
	return next.Kind == text.Word && !isCap(next.Text) && !functionWord(s.low[m.end]) && !m.poss
}

// speaker reports whether a mention is who said something, not what it
// is about: "Marta Illes said", "the interior ministry said".
func (x Extractor) speaker(s *sentence, m mention) bool {
	if m.end >= len(s.toks) {
		return false
	}
	switch s.low[m.end] {
	case "said", "says", "told", "added", "noted", "explained":
		return true
	}
	return false
}

// mentionEndingAt returns the mention that ends just before token i when
// token i is sep.
func (x Extractor) mentionEndingAt(s *sentence, i int, sep string) *mention {
	if i < 0 || i >= len(s.toks) || s.toks[i].Text != sep {
		return nil
	}
	for k := range s.ments {
		if s.ments[k].end == i && s.ments[k].coref == "" {
			return &s.ments[k]
		}
	}
	return nil
}

// object finds what a cue is about: the first name after an object
// preposition that follows the cue (or the figure right after it), or a
// name standing directly after a verb cue ("valuing the company").
func (x Extractor) object(s *sentence, qi, cs, ce int) *mention {
	qa, qb := s.qtok[qi][0], s.qtok[qi][1]
	j := ce
	if j == qa || (cs == qa && ce == qb) {
		j = qb
	}
	if j < len(s.toks) && x.quantityAt(s, j) == qi {
		j = qb
	}
	if m := x.mentionAt(s, j); m != nil && cs != qa {
		return m
	}
	if j >= len(s.toks) || !x.Lex.objPrep[s.low[j]] {
		return nil
	}
	preps := 0
	for k := j; k < len(s.toks); k++ {
		if m := x.mentionAt(s, k); m != nil {
			return m
		}
		t := s.toks[k]
		switch {
		case t.Kind == text.Sym && t.Text != "-" && t.Text != "%" && t.Text != "$" && t.Text != "€" && t.Text != "£":
			return nil
		case t.Kind == text.Word && x.Lex.objPrep[s.low[k]]:
			preps++
			if preps > 2 {
				return nil
			}
		case t.Kind == text.Word && functionWord(s.low[k]) && !determiners[s.low[k]] && s.low[k] != "a" && s.low[k] != "an":
			return nil
		case x.quantityAt(s, k) >= 0 && x.quantityAt(s, k) != qi && preps == 0:
			return nil
		}
	}
	return nil
}

// mentionAt returns the mention starting at token i, skipping articles.
func (x Extractor) mentionAt(s *sentence, i int) *mention {
	for k := range s.ments {
		if s.ments[k].start == i {
			return &s.ments[k]
		}
	}
	return nil
}

// sentenceSubject returns the sentence's grammatical subject, roughly: its
// first mention, or after an opening phrase ("Founded in 2016, Scale AI
// …", "In August, the firm …") the first mention after the first comma,
// with opening true.
func (x Extractor) sentenceSubject(s *sentence) (*mention, bool) {
	if len(s.ments) == 0 {
		return nil, false
	}
	first := firstWord(s.toks)
	opening := false
	if first >= 0 && s.toks[first].Kind == text.Word {
		w := s.low[first]
		opening = strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || x.Lex.objPrep[w] || w == "at" || w == "after" || w == "as" || w == "last" || w == "since" || w == "despite" || w == "unlike" || w == "like"
	}
	if opening {
		comma := -1
		for i, t := range s.toks {
			if t.Kind == text.Sym && t.Text == "," {
				comma = i
				break
			}
		}
		for k := range s.ments {
			if s.ments[k].start > comma && comma >= 0 {
				return &s.ments[k], true
			}
		}
	}
	return &s.ments[0], false
}

// time says when a claim holds: "earlier" after markers such as
// "previously" or "last year" in its clause, a year when one is attached
// to the figure or its cue ("$65 billion in 2025", "2025 revenue"), else
// "current".
func (x Extractor) time(s *sentence, qi, cs int) string {
	if y := s.art.Published.Year(); !s.art.Published.IsZero() {
		x.refYear = y
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
		if x.refYear != 0 {
			return strconv.Itoa(x.refYear + r.offset)
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
