package judge

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/read"
)

// Lint checks each draft against the reference articles and reports only
// what a draft states that the references contradict. A draft's value is
// contradicted when the largest group of references that states an
// incompatible value outnumbers the references that back the draft.
//
// Each finding carries Draft, and its first value is the draft's, so its
// Location is in the draft. Agreements are the draft's facts that
// references back and none contradicts, their Sources the references
// alone (the draft is not its own corroboration); Unsupported are those
// no reference speaks to. Findings
// covered by a suppression comment in a draft are counted, not reported.
// Drafts are checked one at a time: they are not each other's references.
func (c *Checker) Lint(drafts, refs []*checker.Article) (*checker.Report, error) {
	all := append(append([]*checker.Article(nil), refs...), drafts...)
	r := &checker.Report{SchemaVersion: checker.SchemaVersion, Sources: checker.SourcesOf(all), Findings: []checker.Finding{}, Agreements: []checker.Agreement{}}
	weight := weigher(all)
	for _, d := range drafts {
		sup, err := ParseSuppressions(d)
		if err != nil {
			return nil, err
		}
		r.Drafts = append(r.Drafts, d.ID)
		arts := append([]*checker.Article{d}, refs...)
		claims := read.Extractor{Lex: c.Lexicon}.Extract(arts)
		for _, s := range Align(claims) {
			f, agreed, unsupported := c.lintSlot(d.ID, s, weight)
			for _, x := range f {
				if x.Confidence < c.MinConfidence {
					continue
				}
				if sup.Covers(x) {
					r.Suppressed++
					continue
				}
				r.Findings = append(r.Findings, x)
			}
			r.Agreements = append(r.Agreements, agreed...)
			r.Unsupported = append(r.Unsupported, unsupported...)
		}
	}
	order := map[string]int{}
	for i, d := range r.Drafts {
		order[d] = i
	}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if order[a.Draft] != order[b.Draft] {
			return order[a.Draft] < order[b.Draft]
		}
		la, _ := a.Location()
		lb, _ := b.Location()
		if la.Line != lb.Line {
			return la.Line < lb.Line
		}
		if la.Column != lb.Column {
			return la.Column < lb.Column
		}
		return a.ID < b.ID
	})
	byPlace := func(xs []checker.Agreement) {
		sort.SliceStable(xs, func(i, j int) bool {
			a, b := xs[i].Values[0].Evidence[0], xs[j].Values[0].Evidence[0]
			if order[a.Source] != order[b.Source] {
				return order[a.Source] < order[b.Source]
			}
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Column < b.Column
		})
	}
	byPlace(r.Agreements)
	byPlace(r.Unsupported)
	return r, nil
}

// lintSlot judges the draft's values in one slot against the references'.
func (c *Checker) lintSlot(draft string, s *Slot, weight func(string) float64) (findings []checker.Finding, agreed, unsupported []checker.Agreement) {
	// A gate fails a build only on what cannot be true: a draft's "more
	// than 100" is no error against sources' 250, however far apart.
	tol := c.Tolerances.logical()
	var mine, theirs []checker.Claim
	for _, cl := range s.Claims {
		if cl.Source == draft {
			mine = append(mine, cl)
		} else {
			theirs = append(theirs, cl)
		}
	}
	if len(mine) == 0 {
		return nil, nil, nil
	}
	drafted := groupClaims(mine)
	if len(theirs) == 0 {
		for _, d := range drafted {
			unsupported = append(unsupported, checker.Agreement{Kind: "unsupported", Subject: s.Subject, Attribute: s.Attribute, Time: s.Time, Values: []checker.ValueGroup{valueGroup(d)}, Sources: []string{draft}})
		}
		return nil, nil, unsupported
	}
	refs := groupClaims(theirs)
	// References that state incompatible values corroborate nothing the
	// draft says in this slot, however the draft's value falls.
	_, _, split := tol.opposed(refs)
	var speaking []string
	for _, g := range refs {
		for _, src := range g.sources {
			if !contains(speaking, src) {
				speaking = append(speaking, src)
			}
		}
	}
	for _, d := range drafted {
		backing := &side{q: d.q, claims: append([]checker.Claim(nil), d.claims...), sources: []string{draft}}
		var against *side
		var rest []*side
		best := -1
		for _, g := range refs {
			if tol.compatible(d.q, g.q) {
				backing.claims = append(backing.claims, g.claims...)
				for _, src := range g.sources {
					if !contains(backing.sources, src) {
						backing.sources = append(backing.sources, src)
					}
				}
				rest = append(rest, g)
				continue
			}
			if n := 10*len(g.sources) - inexact(g.q); n > best {
				if against != nil {
					rest = append(rest, against)
				}
				against, best = g, n
			} else {
				rest = append(rest, g)
			}
		}
		sort.Strings(backing.sources)
		backers := len(backing.sources) - 1
		if against == nil {
			if split {
				continue // the references contradict each other: nothing is corroborated
			}
			// The draft's value comes first, so the agreement is placed in
			// the draft, but only references count as corroboration.
			a := checker.Agreement{Kind: "agreement", Subject: s.Subject, Attribute: s.Attribute, Time: s.Time, Values: []checker.ValueGroup{valueGroup(d)}, Sources: []string{}}
			for _, src := range backing.sources {
				if src != draft {
					a.Sources = append(a.Sources, src)
				}
			}
			for _, g := range rest {
				a.Values = append(a.Values, valueGroup(g))
			}
			agreed = append(agreed, a)
			continue
		}
		if len(against.sources) <= backers {
			continue // the draft sides with as many references as oppose it
		}
		conf, factors, reasons := c.Weights.score(against, backing, tol, weight)
		reasons[0] = fmt.Sprintf("draft states %s; %d of %d sources state %s", d.q.Text, len(against.sources), len(speaking), against.q.Text)
		if backers > 0 {
			reasons = append(reasons[:1], append([]string{fmt.Sprintf("%s back the draft", plural(backers, "source"))}, reasons[1:]...)...)
		}
		f := checker.Finding{
			Kind: "disagreement", Subject: s.Subject, Attribute: s.Attribute, Time: s.Time,
			Confidence: conf, Severity: checker.SeverityOf(conf), Reasons: reasons, Factors: &factors, Draft: draft,
			Values: []checker.ValueGroup{valueGroup(d), valueGroup(against)},
		}
		sort.SliceStable(rest, func(i, j int) bool { return len(rest[i].sources) > len(rest[j].sources) })
		for _, g := range rest {
			f.Values = append(f.Values, valueGroup(g))
		}
		h := sha256.Sum256([]byte(strings.Join([]string{draft, s.key(), d.q.String(), against.q.String()}, "\x00")))
		f.ID = hex.EncodeToString(h[:6])
		findings = append(findings, f)
	}
	return findings, agreed, unsupported
}
