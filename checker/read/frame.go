package read

import (
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/quantity"
)

// claim reads the claim that quantity qi of sentence s makes, if any.
func (x Extractor) claim(s *sentence, qi int, ents *entities, d *discourse) (checker.Claim, bool) {
	q := s.qs[qi]
	if x.partitive(s, qi) {
		return checker.Claim{}, false
	}
	attr, how, ascore, cs, ce := x.attribute(s, qi)
	if attr == "" {
		return checker.Claim{}, false
	}
	c := checker.Claim{Source: s.art.ID, Attribute: attr, Quantity: q}
	c.How.Attribute, c.How.AttributeScore = how, ascore
	def := x.Lex.Attributes[attr]
	c.Scope = def.Scope
	if attr == "age" {
		c.Scope = "person"
	}
	if how == "noun" && (q.Kind == quantity.Date || q.Kind == quantity.Year) {
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
	// The clause of the figure and its cue: when, how hedged, and who
	// else takes part are all read within it.
	lo, hi := clause(s, min(s.qtok[qi][0], cs), s.qtok[qi][1])
	c.Time = x.time(s, qi, cs, lo, hi)
	if s.forecasts().owns(qi, -1) {
		// What was forecast holds apart from what came to pass, in the
		// year it is for: "expected 2027".
		if c.Time == "current" || c.Time == "earlier" {
			c.Time = "expected"
		} else {
			c.Time = "expected " + c.Time
		}
	}
	c.Hedges = x.hedges(s, qi, lo, hi)
	if c.Scope == "transaction" {
		c.Participants = x.participants(s, lo, hi, c.SubjectKey)
	}
	c.Evidence = s.evidence(q)
	q.Start, q.End = s.rawStart(q.Start), s.rawEnd(q.End)
	c.Quantity = q
	return c, true
}

// participants lists the entities named in a claim's clause [lo, hi),
// with its subject, sorted.
func (x Extractor) participants(s *sentence, lo, hi int, subject string) []string {
	var buf [8]string
	out := buf[:0]
	if subject != "" {
		out = append(out, subject)
	}
	for _, m := range s.ments {
		if m.start >= lo && m.end <= hi && m.key != "" && !slices.Contains(out, m.key) {
			out = append(out, m.key)
		}
	}
	sort.Strings(out)
	return x.stringList(out)
}
