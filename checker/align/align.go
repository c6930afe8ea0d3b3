package align

import (
	"math"
	"sort"
	"time"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// A Figure is one quantity an article states and what was read around it.
type Figure struct {
	Source    string    // the article's ID
	Published time.Time // the article's publication time, zero when unknown
	Quantity  quantity.Quantity
	// Context holds the content words of the figure's sentence, with how
	// far each stands from the figure.
	Context []Word
	// Attribute, Subject and Time are what the claim reader made of the
	// figure, empty when it made no claim of it.
	Attribute, Subject, Time string
	// Slot is the reader's exact slot (subject, attribute, time, unit),
	// empty when it made no claim: a feature, not a gate.
	Slot string
	// Clarity is how surely the reader read subject and attribute, 0..1.
	Clarity  float64
	Hedged   bool
	Headline bool
}

// A Word is a content word near a figure: its stem and its distance from
// the figure in words (1 for the word next to it).
type Word struct {
	Stem string
	Dist int
	// Concept is the word's concept (Concepts), 0 when it has none.
	Concept int32
}

// A Comparer says how the checker compares quantities.
type Comparer interface {
	// Family is what two quantities must share to be compared at all.
	Family(q quantity.Quantity) string
	// Compatible reports whether two quantities of one family can both
	// be true.
	Compatible(a, b quantity.Quantity) bool
	// Slip reports whether an editorial slip (a scale word, transposed
	// digits, an off-by-one) turns one figure into the other.
	Slip(a, b quantity.Quantity) bool
}

// A Pair is two figures from different sources that cannot both be true,
// and the features that say whether they are one fact.
type Pair struct {
	A, B int // indexes into the figures, A < B
	X    []float64
}

// FeatureNames name the features of a pair, in the order of Pair.X.
var FeatureNames = []string{
	"context",      // IDF-weighted cosine of the words around the two figures
	"near",         // the same, of the three words either side
	"same_slot",    // the reader put both in one slot
	"same_attr",    // the reader gave both the same attribute (slots differ)
	"other_attr",   // the reader gave them different attributes
	"other_subj",   // the reader gave them different subjects
	"other_time",   // the reader dated them differently
	"rival",        // the other source states this value in as close a context
	"mutual",       // each is the other's closest figure in its source (0, 0.5, 1)
	"gap",          // log10 of the ratio of the values, over 3, capped at 1
	"slip",         // a typical editorial slip explains the gap
	"inexact",      // sides that are bounds, ranges or approximate (0, 0.5, 1)
	"hedged",       // sides that are hedged (0, 0.5, 1)
	"headline",     // a side is in a headline
	"anchored",     // log2 of 1 + the sources stating each value in a like context, the smaller
	"timeline",     // the sides' sources were published on different days
	"date",         // the figures are dates or years
	"money",        // money
	"percent",      // percentages
	"count",        // counts and bare numbers
	"clarity",      // how surely the reader read both, 0 when it made no claim
	"same_context", // the two sentences share most of their words: one source restating another
	"same_noun",    // both count the same noun ("bodies", "votes")
	"other_noun",   // both count a noun, different ones
	"slot_context", // same_slot × context: the reader's slot, borne out by the words
	"slot_mutual",  // same_slot × mutual
	"context_mutual",
	"slot_slip", // same_slot × slip
	"prefix",    // the cosine of the near words' first four letters ("valuing", "valuation")
	"slot_pure", // the reader's slot holds these two values alone (1), or more (1/(values-1)); 0 apart
	"concept",   // the cosine of the near words' concepts ("injured", "wounded")
}

// maxRatio bounds the magnitudes a pair may differ by and still be
// scored, unless a slip of scale explains it: beyond, the two are
// different facts whatever their words say.
const maxRatio = 12

// Pairs returns the candidate pairs among figs, each with its features:
// figures from different sources, of one family, that cannot both be
// true, whose magnitudes are within maxRatio of each other or a scale
// slip apart. Pairs are only formed within a family, so the cost is
// quadratic in the figures of one family, not of the event.
func Pairs(figs []Figure, cmp Comparer) []Pair {
	vec := vectors(figs)
	fam := make([]string, len(figs))
	byFam := map[string][]int{}
	for i, f := range figs {
		fam[i] = cmp.Family(f.Quantity)
		byFam[fam[i]] = append(byFam[fam[i]], i)
	}
	names := make([]string, 0, len(byFam))
	for k := range byFam {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []Pair
	for _, name := range names {
		ids := byFam[name]
		b := newBlock(figs, ids, vec, cmp)
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				i, j := ids[x], ids[y]
				if figs[i].Source == figs[j].Source || !plausible(figs[i].Quantity, figs[j].Quantity, cmp) {
					continue
				}
				if cmp.Compatible(figs[i].Quantity, figs[j].Quantity) {
					continue
				}
				out = append(out, Pair{A: i, B: j, X: b.features(x, y)})
			}
		}
	}
	return out
}

// plausible reports whether two figures' magnitudes are close enough to
// be one fact misstated: within maxRatio, or a scale word apart.
func plausible(a, b quantity.Quantity, cmp Comparer) bool {
	if a.Kind == quantity.Date || a.Kind == quantity.Year || b.Kind == quantity.Date || b.Kind == quantity.Year {
		return true
	}
	x, y := math.Abs(a.Value), math.Abs(b.Value)
	if x == 0 || y == 0 {
		return x == y
	}
	r := math.Max(x/y, y/x)
	return r <= maxRatio || cmp.Slip(a, b)
}

// A block is one family's figures and what their features are read from.
type block struct {
	figs []Figure
	ids  []int
	vec  []vector
	cmp  Comparer
	sim  [][]float64 // context cosine between block members
	// closest[x][src] is the block member of source src most like x.
	closest []map[string]int
	// compat[x][src] is the best context cosine of x with a member of
	// src whose value is compatible with x's.
	compat []map[string]float64
	// slotValues counts the distinct values of each reader's slot.
	slotValues map[string]int
}

func newBlock(figs []Figure, ids []int, vec []vector, cmp Comparer) *block {
	n := len(ids)
	b := &block{figs: figs, ids: ids, vec: vec, cmp: cmp, sim: make([][]float64, n),
		closest: make([]map[string]int, n), compat: make([]map[string]float64, n)}
	for x := range ids {
		b.sim[x] = make([]float64, n)
	}
	values := map[string]map[float64]bool{}
	for _, id := range ids {
		if sl := figs[id].Slot; sl != "" {
			if values[sl] == nil {
				values[sl] = map[float64]bool{}
			}
			values[sl][figs[id].Quantity.Value] = true
		}
	}
	b.slotValues = map[string]int{}
	for sl, v := range values {
		b.slotValues[sl] = len(v)
	}
	for x := range ids {
		for y := x + 1; y < n; y++ {
			s := cosine(vec[ids[x]].all, vec[ids[y]].all)
			b.sim[x][y], b.sim[y][x] = s, s
		}
	}
	for x := range ids {
		best := map[string]float64{}
		b.closest[x] = map[string]int{}
		b.compat[x] = map[string]float64{}
		for y := range ids {
			src := figs[ids[y]].Source
			if y == x || src == figs[ids[x]].Source {
				continue
			}
			s := b.sim[x][y]
			if old, ok := best[src]; !ok || s > old {
				best[src], b.closest[x][src] = s, y
			}
			if s > b.compat[x][src] && cmp.Compatible(figs[ids[x]].Quantity, figs[ids[y]].Quantity) {
				b.compat[x][src] = s
			}
		}
	}
	return b
}

// anchored counts the sources other than x's own that state a value
// compatible with x's in a context like it (cosine at least 0.3).
func (b *block) anchored(x int) int {
	n := 0
	for _, s := range b.compat[x] {
		if s >= 0.3 {
			n++
		}
	}
	return n
}

func (b *block) features(x, y int) []float64 {
	fa, fb := &b.figs[b.ids[x]], &b.figs[b.ids[y]]
	qa, qb := fa.Quantity, fb.Quantity
	va, vb := b.vec[b.ids[x]], b.vec[b.ids[y]]
	ctx := b.sim[x][y]
	rival := math.Max(b.compat[x][fb.Source], b.compat[y][fa.Source])
	mutual := 0.0
	if b.closest[x][fb.Source] == y {
		mutual += 0.5
	}
	if b.closest[y][fa.Source] == x {
		mutual += 0.5
	}
	gap := 0.0
	if qa.Kind != quantity.Date && qa.Kind != quantity.Year && qa.Value != 0 && qb.Value != 0 {
		gap = math.Min(math.Abs(math.Log10(math.Abs(qa.Value)/math.Abs(qb.Value)))/3, 1)
	}
	anch := float64(min(b.anchored(x), b.anchored(y)))
	timeline := 0.0
	if !fa.Published.IsZero() && !fb.Published.IsZero() && !sameDay(fa.Published, fb.Published) {
		timeline = 1
	}
	clarity := 0.0
	if fa.Slot != "" && fb.Slot != "" {
		clarity = (fa.Clarity + fb.Clarity) / 2
	}
	f := []float64{
		ctx,
		cosine(va.near, vb.near),
		flag(fa.Slot != "" && fa.Slot == fb.Slot),
		flag(fa.Slot != fb.Slot && fa.Attribute != "" && fa.Attribute == fb.Attribute),
		flag(fa.Attribute != "" && fb.Attribute != "" && fa.Attribute != fb.Attribute),
		flag(fa.Subject != "" && fb.Subject != "" && fa.Subject != fb.Subject),
		flag(fa.Time != "" && fb.Time != "" && fa.Time != fb.Time),
		math.Max(rival-ctx, 0),
		mutual,
		gap,
		flag(b.cmp.Slip(qa, qb)),
		(flag(qa.Bound != quantity.Exact) + flag(qb.Bound != quantity.Exact)) / 2,
		(flag(fa.Hedged) + flag(fb.Hedged)) / 2,
		flag(fa.Headline || fb.Headline),
		math.Log2(1 + anch),
		timeline,
		flag(qa.Kind == quantity.Date || qa.Kind == quantity.Year),
		flag(qa.Kind == quantity.Money),
		flag(qa.Kind == quantity.Percent),
		flag(qa.Kind == quantity.Count || qa.Kind == quantity.Number),
		clarity,
		flag(overlapShare(fa.Context, fb.Context) >= 0.8),
		flag(qa.Noun != "" && qa.Noun == qb.Noun),
		flag(qa.Noun != "" && qb.Noun != "" && qa.Noun != qb.Noun),
	}
	slot := f[2]
	pure := 0.0
	if slot == 1 {
		pure = 1 / math.Max(1, float64(b.slotValues[fa.Slot]-1))
	}
	return append(f, slot*f[0], slot*f[8], f[0]*f[8], slot*f[10], cosine(va.prefix, vb.prefix), pure, cosine(va.concept, vb.concept))
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// overlapShare is the share of the shorter context's stems that the other
// context has too.
func overlapShare(a, b []Word) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, w := range b {
		in[w.Stem] = true
	}
	n := 0
	seen := map[string]bool{}
	for _, w := range a {
		if !seen[w.Stem] {
			seen[w.Stem] = true
			if in[w.Stem] {
				n++
			}
		}
	}
	return float64(n) / float64(min(len(seen), len(in)))
}
