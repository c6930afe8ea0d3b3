package judge

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/align"
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/checker/text"
)

// comparer is how the aligner compares quantities: the checker's
// families, tolerances and slips.
type comparer struct{ t Tolerances }

func (c comparer) Family(q quantity.Quantity) string      { return quantity.Family(q) }
func (c comparer) Compatible(a, b quantity.Quantity) bool { return c.t.compatible(a, b) }
func (c comparer) Slip(a, b quantity.Quantity) bool       { return slip(a, b) != "" }

// A figure is one quantity of an article as the aligner sees it, with the
// claim the reader made of it, if any.
type figure struct {
	align.Figure
	evidence checker.Evidence
	claim    *checker.Claim
}

// Figures reads every quantity of the articles, claim or not, with the
// words around it, and attaches the claim the reader made of each.
func (c *Checker) Figures(arts []*checker.Article, claims []checker.Claim) []align.Figure {
	return alignFigures(c.figuresOf(arts, claims))
}

// alignFigures returns what the aligner sees of figures.
func alignFigures(figs []figure) []align.Figure {
	out := make([]align.Figure, len(figs))
	for i, f := range figs {
		out[i] = f.Figure
	}
	return out
}

// figuresOf reads the figures of arts with a Scanner and attaches the
// claims an Extractor made of arts.
func (c *Checker) figuresOf(arts []*checker.Article, claims []checker.Claim) []figure {
	var (
		sc   read.Scanner
		figs []figure
	)
	for _, a := range arts {
		sc.Sentences(a, func(s *read.Sentence) { figs = c.appendFigures(figs, a, s) })
	}
	attachClaims(figs, claims)
	return figs
}

// readFigures extracts the claims of arts and, from the same reading of
// each sentence, their figures with the claims attached: what Extract and
// figuresOf return, each sentence read once.
func (c *Checker) readFigures(arts []*checker.Article) ([]checker.Claim, []figure) {
	var figs []figure
	claims := read.Extractor{Lex: c.Lexicon}.ExtractSentences(arts, func(a *checker.Article, s *read.Sentence) {
		figs = c.appendFigures(figs, a, s)
	})
	attachClaims(figs, claims)
	return claims, figs
}

// appendFigures appends the figures of sentence s of article a to figs,
// without claims. It keeps nothing of s but copies: the sentence's slices
// are its reader's.
func (c *Checker) appendFigures(figs []figure, a *checker.Article, s *read.Sentence) []figure {
	var forecast []bool
	if c.Lexicon != nil {
		forecast = c.Lexicon.Forecasts(s)
	}
	for qi, q := range s.Quantities {
		if c.Lexicon != nil && c.Lexicon.ProgressMark(s, qi) {
			continue // when a figure was counted or reported, not what
		}
		f := figure{evidence: s.Found(qi).Evidence}
		f.Source, f.Published, f.Quantity, f.Headline, f.Weight = a.ID, a.Published, q, s.Headline, a.Weight
		f.Context = contextOf(s.Tokens, s.Quantities, qi, c.Concepts, c.stem)
		f.Noun = c.nounKey(q.Noun)
		// What was expected is no claim of what happened, claim or not:
		// it holds at the time a claim of it would ("expected"), which
		// the claim read at its place, if any, restates. A sentence with
		// a year or a date may date the forecast ("expected 2027"), which
		// only the claim reader tells; there the time stays unknown.
		if forecast != nil && forecast[qi] {
			f.Hedged = true
			if !slices.ContainsFunc(s.Quantities, isWhen) {
				f.Time = "expected"
			}
		}
		figs = append(figs, f)
	}
	return figs
}

// isWhen reports whether q says when rather than how much: a year or a
// date.
func isWhen(q quantity.Quantity) bool { return quantity.Family(q) == "date" }

// attachClaims gives each figure the claim read at its place in its
// article, the first when there are several, and the claim's reading.
func attachClaims(figs []figure, claims []checker.Claim) {
	byPos := map[string]map[int]*checker.Claim{}
	for i := range claims {
		cl := &claims[i]
		if byPos[cl.Source] == nil {
			byPos[cl.Source] = map[int]*checker.Claim{}
		}
		if _, ok := byPos[cl.Source][cl.Evidence.Offset]; !ok {
			byPos[cl.Source][cl.Evidence.Offset] = cl
		}
	}
	for i := range figs {
		f := &figs[i]
		cl := byPos[f.Source][f.evidence.Offset]
		if cl == nil {
			continue
		}
		f.claim = cl
		f.Attribute, f.Subject, f.Time = cl.Attribute, cl.SubjectKey, cl.Time
		f.Slot = cl.SubjectKey + "\x00" + cl.Attribute + "\x00" + cl.Time + "\x00" + quantity.Family(cl.Quantity)
		f.Clarity = cl.How.SubjectScore * cl.How.AttributeScore
		f.Hedged = f.Hedged || len(cl.Hedges) > 0
		start, end := f.Quantity.Start, f.Quantity.End
		f.Quantity = cl.Quantity
		f.Quantity.Start, f.Quantity.End = start, end
	}
}

// contextOf returns the content words of a sentence with their distance
// in words from quantity qi: not function words, not words inside any
// quantity, stemmed. A word nearer another figure of the sentence than
// this one is that figure's ("12 in Arlen and 9 in Brook"): it is kept, but
// as if twice as far.
func contextOf(toks []text.Token, qs []quantity.Quantity, qi int, concepts *align.Concepts, stem func(string) string) []align.Word {
	// pos[i] is the word index of token i; fig[k] the word index of
	// quantity k's first token.
	pos := make([]int, len(toks))
	n := 0
	for i, t := range toks {
		pos[i] = n
		if t.Kind == text.Word || t.Kind == text.Num {
			n++
		}
	}
	fig := make([]int, len(qs))
	for k, o := range qs {
		fig[k] = -1
		for i, t := range toks {
			if t.End > o.Start {
				fig[k] = pos[i]
				break
			}
		}
	}
	var out []align.Word
	for i, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		inside := false
		for _, o := range qs {
			if t.Start < o.End && t.End > o.Start {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		low, ok := contentWord(t)
		if !ok {
			continue
		}
		w := stem(low)
		d := abs(pos[i] - fig[qi])
		for k := range qs {
			if k != qi && fig[k] >= 0 && abs(pos[i]-fig[k]) < d {
				d *= 2
				break
			}
		}
		out = append(out, align.Word{Stem: w, Dist: d, Concept: concepts.Of(low)})
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// contentWord returns a word's lower case without a possessive; ok is
// false for function words and single letters.
func contentWord(t text.Token) (low string, ok bool) {
	if len(t.Text) < 2 {
		return "", false
	}
	low = strings.ToLower(strings.TrimRightFunc(strings.TrimSuffix(strings.TrimSuffix(t.Text, "'s"), "’s"), func(r rune) bool { return !unicode.IsLetter(r) }))
	if low == "" || text.FunctionWord(low) {
		return "", false
	}
	return low, true
}

// Facts returns the facts the aligner finds among the articles' figures,
// with their figures: what detect reports, for benchmarks and tools.
func (c *Checker) Facts(arts []*checker.Article, claims []checker.Claim) ([]align.Figure, []align.Fact) {
	af := c.Figures(arts, claims)
	return af, c.group(af)
}

// group scores every candidate pair of the figures with the model and
// gathers the pairs into facts.
func (c *Checker) group(af []align.Figure) []align.Fact {
	ev := align.NewEvent(af)
	cmp := comparer{c.Tolerances}
	pairs := ev.Pairs(cmp)
	raw := make([]float64, len(pairs))
	for i, p := range pairs {
		raw[i] = c.Model.Raw(p.X)
	}
	return ev.Group(pairs, raw, cmp, c.Model.Link)
}

// detect finds the disagreements among figures with the aligner's model:
// every incompatible pair from different sources is scored, the pairs
// gathered into facts, and each fact reported once.
func (c *Checker) detect(figs []figure, weight func(string) float64) []checker.Finding {
	af := alignFigures(figs)
	var out []checker.Finding
	facts := c.group(af)
	xs := align.FactFeatures(facts, af)
	for i, fact := range facts {
		x := xs[i]
		f := c.finding(figs, fact, c.Model.Confidence(x), weight)
		f.Factors.Fact = x
		out = append(out, f)
	}
	return out
}

// finding turns a fact into a finding: its figures grouped by distinct
// value, the groups of the lead pair's two figures (align.Fact.Lead)
// first, the one more sources state first, the others by size; its
// subject and attribute those the reader gave most of its figures.
func (c *Checker) finding(figs []figure, fact align.Fact, confidence float64, weight func(string) float64) checker.Finding {
	// The fact's figures in article and text order, as the reader met
	// them, so each value is written as its first statement writes it.
	var ids []int
	for _, side := range fact.Sides {
		ids = append(ids, side...)
	}
	sort.Ints(ids)
	lead := fact.Lead
	if lead[0] == lead[1] { // a fact made elsewhere than align.Group
		lead = [2]int{fact.Best.A, fact.Best.B}
	}
	var claims []checker.Claim
	var leadA, leadB checker.Claim
	for _, id := range ids {
		cl := claimOf(figs[id])
		claims = append(claims, cl)
		switch id {
		case lead[0]:
			leadA = cl
		case lead[1]:
			leadB = cl
		}
	}
	groups := groupClaims(claims)
	var a, b *side
	var rest []*side
	for _, g := range groups {
		switch {
		case a == nil && hasClaim(g, leadA):
			a = g
		case b == nil && hasClaim(g, leadB):
			b = g
		default:
			rest = append(rest, g)
		}
	}
	// The side its sources weigh more first (their number when no outlet
	// is weighed).
	if wa, wb := weighOf(a, weight), weighOf(b, weight); wb > wa || (wb == wa && b.q.Value < a.q.Value) {
		a, b = b, a
	}
	_, factors, reasons := c.Weights.score(a, b, c.Tolerances, weight)
	if r := timeline(figs, fact); r != "" {
		reasons = append(reasons, r)
	}
	sort.SliceStable(rest, func(i, j int) bool { return len(rest[i].sources) > len(rest[j].sources) })
	ordered := append([]*side{a, b}, rest...)
	slot := labelOf(figs, fact)
	// A check of prose is never certain, and a finite sample cannot show
	// that it is: 0.99 at most.
	conf := math.Min(math.Round(100*confidence)/100, 0.99)
	f := checker.Finding{
		Kind: "disagreement", Subject: slot.Subject, Attribute: slot.Attribute, Time: slot.Time,
		Confidence: conf, Severity: checker.SeverityOf(conf), Reasons: reasons, Factors: &factors,
	}
	for _, g := range ordered {
		f.Values = append(f.Values, valueGroup(g))
	}
	f.ID = fingerprint(slot, ordered)
	return f
}

// hasClaim reports whether a value group holds the claim read at cl's
// place.
func hasClaim(g *side, cl checker.Claim) bool {
	for _, x := range g.claims {
		if x.Source == cl.Source && x.Evidence.Offset == cl.Evidence.Offset {
			return true
		}
	}
	return false
}

// claimOf is the claim the reader made of a figure, or one made for it
// with what the aligner knows: its source, value and evidence.
func claimOf(f figure) checker.Claim {
	if f.claim != nil {
		cl := *f.claim
		cl.Quantity = f.Quantity
		return cl
	}
	return checker.Claim{Source: f.Source, Quantity: f.Quantity, Evidence: f.evidence, Time: "current"}
}

// labelOf names a fact's slot: the subject, attribute and time the reader
// gave most of its figures; with no claim among them, the attribute is
// the context word the best pair's figures share that is rarest.
func labelOf(figs []figure, fact align.Fact) *Slot {
	count := map[[3]string]int{}
	display := map[[3]string]string{}
	var best [3]string
	bestN := 0
	for _, ids := range fact.Sides {
		for _, id := range ids {
			cl := figs[id].claim
			if cl == nil {
				continue
			}
			k := [3]string{cl.SubjectKey, cl.Attribute, cl.Time}
			count[k]++
			display[k] = cl.Subject
			if n := count[k]; n > bestN || (n == bestN && strings.Join(k[:], "\x00") < strings.Join(best[:], "\x00")) {
				best, bestN = k, n
			}
		}
	}
	q := figs[fact.Sides[0][0]].Quantity
	s := &Slot{Family: quantity.Family(q), Time: "current"}
	if bestN > 0 {
		s.SubjectKey, s.Subject, s.Attribute, s.Time = best[0], display[best], best[1], best[2]
		return s
	}
	s.Attribute = sharedWord(figs[fact.Best.A], figs[fact.Best.B])
	return s
}

// sharedWord is the nearest context word two figures share, as the
// attribute of a fact the reader made no claim of; the figure's kind when
// they share none.
func sharedWord(a, b figure) string {
	dist := map[string]int{}
	for _, w := range b.Context {
		if d, ok := dist[w.Stem]; !ok || w.Dist < d {
			dist[w.Stem] = w.Dist
		}
	}
	best, bestD := "", math.MaxInt
	for _, w := range a.Context {
		if d, ok := dist[w.Stem]; ok && w.Dist+d < bestD {
			best, bestD = w.Stem, w.Dist+d
		}
	}
	if best == "" {
		return string(a.Quantity.Kind)
	}
	return best
}

// timeline says, when every side of a fact comes from sources published
// on known days and the sides follow one another in time without
// overlapping, that the figure changed over the coverage, in order:
// `changed over the coverage: "14" (2026-03-10) then "31" (2026-03-13)`.
func timeline(figs []figure, fact align.Fact) string {
	type span struct {
		text, first, last string
	}
	var spans []span
	for _, side := range fact.Sides {
		sp := span{text: figs[side[0]].Quantity.Text}
		for _, id := range side {
			if figs[id].Published.IsZero() {
				return ""
			}
			d := figs[id].Published.UTC().Format("2006-01-02")
			if sp.first == "" || d < sp.first {
				sp.first = d
			}
			sp.last = max(sp.last, d)
		}
		spans = append(spans, sp)
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].first < spans[j].first })
	var parts []string
	for i, sp := range spans {
		if i > 0 && spans[i-1].last >= sp.first {
			return ""
		}
		parts = append(parts, fmt.Sprintf("%q (%s)", sp.text, sp.first))
	}
	return "changed over the coverage: " + strings.Join(parts, " then ")
}

// nounKey is the key two figures' nouns are compared by (align.Figure's
// Noun): the noun's concept, else its stem; empty for no noun or a vague
// one.
func (c *Checker) nounKey(noun string) string {
	low := strings.ToLower(noun)
	if low == "" || c.Lexicon != nil && c.Lexicon.IsVague(low) {
		return ""
	}
	if id := c.Concepts.Of(low); id > 0 {
		return "#" + strconv.Itoa(int(id))
	}
	return c.stem(low)
}

// stem is a word's Snowball stem, through the lexicon's word table when
// the checker has one.
func (c *Checker) stem(low string) string {
	if c.Lexicon != nil {
		return c.Lexicon.Stem(low)
	}
	return english.Stem(low, false)
}

// Comparer returns how the checker compares quantities under
// tolerances t, for the aligner.
func Comparer(t Tolerances) align.Comparer { return comparer{t} }

// weighOf is the weight of a side's sources.
func weighOf(s *side, weight func(string) float64) float64 {
	w := 0.0
	for _, src := range s.sources {
		w += weight(src)
	}
	return w
}
