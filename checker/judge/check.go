package judge

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/align"
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
)

// A Checker runs the whole pipeline. Build one with New.
type Checker struct {
	Lexicon    *read.Lexicon
	Weights    Weights
	Tolerances Tolerances
	// Model is the aligner's model: which incompatible pairs of figures
	// are one fact misstated (package align).
	Model *align.Model
	// Concepts is the lexical resource the aligner reads words through.
	Concepts *align.Concepts
	// SlotsOnly judges the reader's slots alone, as lint does with a
	// draft, without the aligner: what the confidence model of score.yaml
	// is fitted to (cmd/calibrate).
	SlotsOnly bool
	// MinConfidence drops findings below it from the report.
	MinConfidence float64
}

// New returns a Checker with the lexicon, confidence model and
// tolerances that ship with crosscheck.
func New() (*Checker, error) {
	lex, err := read.DefaultLexicon()
	if err != nil {
		return nil, err
	}
	w, err := DefaultWeights()
	if err != nil {
		return nil, err
	}
	m, err := align.DefaultModel()
	if err != nil {
		return nil, err
	}
	con, err := align.DefaultConcepts()
	if err != nil {
		return nil, err
	}
	return &Checker{Lexicon: lex, Weights: w, Tolerances: DefaultTolerances(), Model: m, Concepts: con}, nil
}

// A Slot is the set of claims about one thing: the same subject,
// attribute and time, in compatible units.
type Slot struct {
	SubjectKey, Subject, Attribute, Time, Family string
	Claims                                       []checker.Claim
}

func (s *Slot) key() string {
	return s.SubjectKey + "\x00" + s.Attribute + "\x00" + s.Time + "\x00" + s.Family
}

// Check extracts the claims of the articles, aligns them and compares
// every slot that two or more sources speak to.
func (c *Checker) Check(arts []*checker.Article) *checker.Report {
	var (
		claims []checker.Claim
		figs   []figure
	)
	if c.SlotsOnly {
		claims = read.Extractor{Lex: c.Lexicon}.Extract(arts)
	} else {
		claims, figs = c.readFigures(arts)
	}
	r := &checker.Report{SchemaVersion: checker.SchemaVersion, Sources: checker.SourcesOf(arts), Findings: []checker.Finding{}, Agreements: []checker.Agreement{}}
	weight := weigher(arts)
	if !c.SlotsOnly {
		for _, f := range c.detect(figs, weight) {
			if f.Confidence >= c.MinConfidence {
				r.Findings = append(r.Findings, f)
			}
		}
	}
	for _, s := range Align(claims) {
		f, a, ok := c.compare(s, weight)
		if !ok {
			continue
		}
		if c.SlotsOnly && f != nil && f.Confidence >= c.MinConfidence {
			r.Findings = append(r.Findings, *f)
		}
		if a != nil {
			r.Agreements = append(r.Agreements, *a)
		}
	}
	r.Agreements = uncontested(r.Agreements, r.Findings)
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		return a.ID < b.ID
	})
	sort.SliceStable(r.Agreements, func(i, j int) bool {
		a, b := r.Agreements[i], r.Agreements[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Attribute < b.Attribute
	})
	return r
}

// uncontested leaves out the agreements that a finding at the warning
// level or above opposes: an agreement whose statements are one side of
// the finding's opposed pair is not corroborated, whatever the slot says.
func uncontested(agreements []checker.Agreement, findings []checker.Finding) []checker.Agreement {
	opposed := map[string]bool{}
	for _, f := range findings {
		if f.Confidence < 0.5 {
			continue
		}
		for _, v := range f.Values[:min(2, len(f.Values))] {
			for _, e := range v.Evidence {
				opposed[fmt.Sprintf("%s:%d", e.Source, e.Offset)] = true
			}
		}
	}
	out := agreements[:0]
	for _, a := range agreements {
		contested := false
		for _, v := range a.Values {
			for _, e := range v.Evidence {
				contested = contested || opposed[fmt.Sprintf("%s:%d", e.Source, e.Offset)]
			}
		}
		if !contested {
			out = append(out, a)
		}
	}
	return out
}

// weigher returns how much each source counts: its weight, 1 when unset.
func weigher(arts []*checker.Article) func(id string) float64 {
	weights := make(map[string]float64, len(arts))
	for _, a := range arts {
		weights[a.ID] = a.Weight
	}
	return func(id string) float64 {
		if w := weights[id]; w > 0 {
			return w
		}
		return 1
	}
}

// Align groups claims into slots by subject, attribute, time and family,
// in the order the slots are first met. Claims about a transaction are
// first given a common subject: those whose participants overlap are one
// deal, named after the subject most of them read.
func Align(claims []checker.Claim) []*Slot {
	claims = unifyTransactions(claims)
	var slots []*Slot
	index := map[string]*Slot{}
	for _, c := range claims {
		s := &Slot{SubjectKey: c.SubjectKey, Subject: c.Subject, Attribute: c.Attribute, Time: c.Time, Family: quantity.Family(c.Quantity)}
		if old, ok := index[s.key()]; ok {
			old.Claims = append(old.Claims, c)
			continue
		}
		s.Claims = []checker.Claim{c}
		index[s.key()] = s
		slots = append(slots, s)
	}
	return slots
}

// unifyTransactions links transaction claims of one attribute, time and
// family whose participants overlap (union–find), and gives every claim
// of a linked group the group's most common subject.
func unifyTransactions(claims []checker.Claim) []checker.Claim {
	parent := make([]int, len(claims))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// firm holds, for each group's root, the subject its claims read
	// firmly (as the object of the deal or a possessive): two groups with
	// different firm subjects ("£3.2bn for the NHS", "£5bn for defence")
	// are two deals, whatever parties they share.
	firm := map[int]string{}
	for i, c := range claims {
		if c.Scope == "transaction" && c.How.SubjectScore >= 0.9 {
			firm[i] = c.SubjectKey
		}
	}
	union := func(i, j int) {
		ri, rj := find(i), find(j)
		if ri == rj {
			return
		}
		fi, fj := firm[ri], firm[rj]
		if fi != "" && fj != "" && fi != fj {
			return
		}
		parent[ri] = rj
		if fj == "" {
			firm[rj] = fi
		}
	}
	byEntity := map[string][]int{} // group key + entity -> claims naming it
	for i, c := range claims {
		if c.Scope != "transaction" {
			continue
		}
		g := c.Attribute + "\x00" + c.Time + "\x00" + quantity.Family(c.Quantity)
		for _, p := range c.Participants {
			k := g + "\x00" + p
			// Union with each group the entity is in so far: the same as
			// with every claim naming it, since union only sees roots, but
			// linear in the claims (a single huge article names an entity
			// thousands of times).
			var roots []int
			for _, j := range byEntity[k] {
				if r := find(j); !slices.Contains(roots, r) {
					roots = append(roots, r)
				}
			}
			for _, r := range roots {
				union(i, r)
			}
			byEntity[k] = append(roots, i)
		}
	}
	// The subject of each group: the one its claims read most often.
	type tally struct {
		n       map[string]int
		display map[string]string
	}
	groups := map[int]*tally{}
	for i, c := range claims {
		if c.Scope != "transaction" || c.SubjectKey == "" {
			continue
		}
		r := find(i)
		if groups[r] == nil {
			groups[r] = &tally{n: map[string]int{}, display: map[string]string{}}
		}
		groups[r].n[c.SubjectKey]++
		groups[r].display[c.SubjectKey] = c.Subject
	}
	out := make([]checker.Claim, len(claims))
	copy(out, claims)
	for i, c := range out {
		if c.Scope != "transaction" {
			continue
		}
		t := groups[find(i)]
		if t == nil {
			continue
		}
		best, bestN := "", 0
		for k, n := range t.n {
			if n > bestN || (n == bestN && k < best) {
				best, bestN = k, n
			}
		}
		out[i].SubjectKey, out[i].Subject = best, t.display[best]
	}
	return out
}

// groups splits a slot's claims into sides: one per distinct value.
func groups(s *Slot) []*side { return groupClaims(s.Claims) }

// groupClaims splits claims into sides, one per distinct value, in the
// order the values are first met. A value is its figures and its unit:
// "three years" and "three months" are two values.
func groupClaims(claims []checker.Claim) []*side {
	var sides []*side
	index := map[string]*side{}
	for _, c := range claims {
		q := c.Quantity
		k := string(q.Bound) + "|" + q.Unit + "|" + q.Date + "|" + strconv.FormatFloat(q.Low, 'g', 12, 64) + "|" + strconv.FormatFloat(q.High, 'g', 12, 64)
		g, ok := index[k]
		if !ok {
			g = &side{q: q}
			index[k] = g
			sides = append(sides, g)
		}
		g.claims = append(g.claims, c)
		if !contains(g.sources, c.Source) {
			g.sources = append(g.sources, c.Source)
			sort.Strings(g.sources)
		}
	}
	return sides
}

func inexact(q quantity.Quantity) int {
	if q.Bound == quantity.Exact {
		return 0
	}
	return 1
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// compare judges one slot: a disagreement when two of its values cannot
// both be true, an agreement when two or more sources agree. ok is false
// when fewer than two sources speak to the slot.
func (c *Checker) compare(s *Slot, weight func(string) float64) (*checker.Finding, *checker.Agreement, bool) {
	sides := groups(s)
	var all []string
	for _, g := range sides {
		for _, src := range g.sources {
			if !contains(all, src) {
				all = append(all, src)
			}
		}
	}
	sort.Strings(all)
	// The main disagreement: the incompatible pair with the most sources.
	bi, bj, _ := c.Tolerances.opposed(sides)
	if bi < 0 {
		if len(all) < 2 {
			return nil, nil, false
		}
		return nil, c.agreement(s, sides, all), true
	}
	a, b := sides[bi], sides[bj]
	if len(b.sources) > len(a.sources) || (len(b.sources) == len(a.sources) && b.q.Value < a.q.Value) {
		a, b = b, a
	}
	conf, factors, reasons := c.Weights.score(a, b, c.Tolerances, weight)
	ordered := []*side{a, b}
	var rest []*side
	for i, g := range sides {
		if i != bi && i != bj {
			rest = append(rest, g)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return len(rest[i].sources) > len(rest[j].sources) })
	ordered = append(ordered, rest...)
	f := &checker.Finding{
		Kind: "disagreement", Subject: s.Subject, Attribute: s.Attribute, Time: s.Time,
		Confidence: conf, Severity: checker.SeverityOf(conf), Reasons: reasons, Factors: &factors,
	}
	for _, g := range ordered {
		f.Values = append(f.Values, valueGroup(g))
	}
	f.ID = fingerprint(s, ordered)
	return f, nil, true
}

func (c *Checker) agreement(s *Slot, sides []*side, all []string) *checker.Agreement {
	sort.SliceStable(sides, func(i, j int) bool { return len(sides[i].sources) > len(sides[j].sources) })
	a := &checker.Agreement{Kind: "agreement", Subject: s.Subject, Attribute: s.Attribute, Time: s.Time, Sources: all}
	for _, g := range sides {
		a.Values = append(a.Values, valueGroup(g))
	}
	return a
}

func valueGroup(g *side) checker.ValueGroup {
	v := checker.ValueGroup{Text: g.q.Text, Value: checker.ValueOf(g.q), Sources: g.sources}
	seen := map[string]bool{}
	for _, c := range g.claims {
		k := fmt.Sprintf("%s:%d:%d", c.Evidence.Source, c.Evidence.Line, c.Evidence.Column)
		if !seen[k] {
			seen[k] = true
			v.Evidence = append(v.Evidence, c.Evidence)
		}
	}
	return v
}

// fingerprint is a finding's stable ID: a hash of its slot and its values
// in sorted order, so it survives edits that move lines.
func fingerprint(s *Slot, sides []*side) string {
	vals := make([]string, 0, len(sides))
	for _, g := range sides {
		vals = append(vals, g.q.String())
	}
	sort.Strings(vals)
	h := sha256.Sum256([]byte(s.key() + "\x00" + strings.Join(vals, "\x00")))
	return hex.EncodeToString(h[:6])
}
