package read

import (
	"strings"

	"github.com/crosscheck/crosscheck/checker/text"
)

// subject finds the entity a claim is about. In order: the object of the
// cue ("stake in X", "valuing the company"), a possessive ("Scale's
// valuation"), the nearest name before it in its clause (not a speaker,
// not a modifier such as "its Eindhoven plant"), the sentence's subject,
// the subject the article gave the same attribute, the set's main entity.
// A person's figure (an age, goals) goes to personSubject.
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
	if k, ok := d.byAttr[attr]; ok {
		return k, "attribute", 0.5
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
	if next.Kind == text.Sym && next.Text == "-" && !next.Space && m.end+1 < len(s.toks) && !s.is(m.end+1, wCap) {
		return true // "Boston-based"
	}
	if m.start == 0 || !s.is(m.start-1, wDeterminer) && s.low[m.start-1] != "a" && s.low[m.start-1] != "an" {
		return false
	}
	return next.Kind == text.Word && !s.is(m.end, wCap|wFunction) && !m.poss
}

// speaker reports whether a mention is who said something, not what it
// is about: "Marta Illes said", "the interior ministry said".
func (x Extractor) speaker(s *sentence, m mention) bool {
	if m.end >= len(s.toks) {
		return false
	}
	return s.is(m.end, wSpeech)
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
	if j < len(s.toks) && quantityAt(s, j) == qi {
		j = qb
	}
	if m := x.mentionAt(s, j); m != nil && cs != qa {
		return m
	}
	if j >= len(s.toks) || !s.is(j, wObjPrep) {
		return nil
	}
	preps := 0
	for k := j; k < len(s.toks); k++ {
		if m := x.mentionAt(s, k); m != nil {
			return m
		}
		t := &s.toks[k]
		switch {
		case t.Kind == text.Sym && t.Text != "-" && t.Text != "%" && t.Text != "$" && t.Text != "€" && t.Text != "£":
			return nil
		case t.Kind == text.Word && s.is(k, wObjPrep):
			preps++
			if preps > 2 {
				return nil
			}
		case t.Kind == text.Word && functionWord(s.low[k]) && !s.is(k, wDeterminer) && s.low[k] != "a" && s.low[k] != "an":
			return nil
		case quantityAt(s, k) >= 0 && quantityAt(s, k) != qi && preps == 0:
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
		opening = strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || s.is(first, wObjPrep) || w == "at" || w == "after" || w == "as" || w == "last" || w == "since" || w == "despite" || w == "unlike" || w == "like"
	}
	if opening {
		comma := -1
		for i := range s.toks {
			t := &s.toks[i]
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
