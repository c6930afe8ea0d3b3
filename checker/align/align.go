package align

import (
	"math"
	"slices"
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
	// empty when it made no claim: a feature of pairs, never a gate on
	// them, and what gathers the facts of one count into one (Group).
	Slot string
	// Noun is what the figure counts, as a key that spelling and number
	// do not change ("deaths" and "death" are one): its noun's concept,
	// else its stem; empty when it names none, or only a vague one
	// ("people", "others").
	Noun string
	// Clarity is how surely the reader read subject and attribute, 0..1.
	Clarity  float64
	Hedged   bool
	Headline bool
	// Weight is how much the figure's source counts (an outlet's weight),
	// 0 for 1: the finding model weighs each side's sources by it.
	Weight float64
}

// weight is how much f's source counts: its Weight, 1 when unset.
func (f *Figure) weight() float64 {
	if f.Weight > 0 {
		return f.Weight
	}
	return 1
}

// A Word is a content word near a figure: its stem and its distance from
// the figure in words (1 for the word next to it).
type Word struct {
	Stem string
	Dist int
	// Concept is the word's concept (Concepts), 0 when it has none.
	Concept int32
}

// A Comparer says how the checker compares quantities. Its answers must
// depend on the quantities alone, never on where they stand in their
// text (Start, End): the aligner asks once for each pair of distinct
// quantities of a family and reuses the answer for every pair of figures
// that state them.
type Comparer interface {
	// Family is what two quantities must share to be compared at all.
	Family(q quantity.Quantity) string
	// Compatible reports whether two quantities of one family can both
	// be true.
	Compatible(a, b quantity.Quantity) bool
	// Slip reports whether an editorial slip (a scale word, a decimal
	// point moved or lost, transposed digits, an off-by-one) turns one
	// figure into the other.
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
	"concept",   // the cosine of the near words' concepts ("injury", "hurt")
	"first",     // sides that are the first figure of their kind their source states (0, 0.5, 1)
	"same_rank", // the two are stated at the same place among their sources' figures of their kind
	"largest",   // sides that are the largest figure of their kind their source states (0, 0.5, 1)
}

// maxRatio bounds the magnitudes a pair may differ by and still be
// scored, unless a slip of scale explains it: beyond, the two are
// different facts whatever their words say.
const maxRatio = 12

// An Event is the figures of one set of articles and the weighed words
// around each, which pairs and facts are read from.
type Event struct {
	Figures []Figure
	vec     []vector
}

// NewEvent weighs the context words of figs (see vectors).
func NewEvent(figs []Figure) *Event { return &Event{Figures: figs, vec: vectors(figs)} }

// stemSet returns the distinct stems of a context, sorted.
func stemSet(ws []Word) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, w.Stem)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func (b *block) features(x, y int) []float64 {
	fa, fb := &b.figs[b.ids[x]], &b.figs[b.ids[y]]
	qa, qb := fa.Quantity, fb.Quantity
	va, vb := b.vec[b.ids[x]], b.vec[b.ids[y]]
	ctx := cosine(va.all, vb.all)
	vx, vy := b.view(x, b.src[y]), b.view(y, b.src[x])
	rival := math.Max(vx.compat, vy.compat)
	mutual := 0.0
	if vx.closest == y {
		mutual += 0.5
	}
	if vy.closest == x {
		mutual += 0.5
	}
	gap := 0.0
	if ma, mb := quantity.Magnitude(qa), quantity.Magnitude(qb); qa.Kind != quantity.Date && qa.Kind != quantity.Year && ma != 0 && mb != 0 {
		gap = math.Min(math.Abs(math.Log10(math.Abs(ma)/math.Abs(mb)))/3, 1)
	}
	anch := float64(min(b.anchors[x], b.anchors[y]))
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
		flag(b.rel.slip(x, y)),
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
		flag(overlapShare(b.stems[x], b.stems[y]) >= 0.8),
		flag(fa.Noun != "" && fa.Noun == fb.Noun),
		flag(fa.Noun != "" && fb.Noun != "" && fa.Noun != fb.Noun),
	}
	slot := f[2]
	pure := 0.0
	if slot == 1 {
		pure = 1 / math.Max(1, float64(b.slotValues[fa.Slot]-1))
	}
	return append(f, slot*f[0], slot*f[8], f[0]*f[8], slot*f[10], cosine(va.prefix, vb.prefix), pure, cosine(va.concept, vb.concept),
		(flag(b.rank[x] == 0)+flag(b.rank[y] == 0))/2, flag(b.rank[x] == b.rank[y]), (flag(b.largest[x])+flag(b.largest[y]))/2)
}

// sameDay reports whether two times fall on one day in UTC, so outlets in
// different time zones publishing at one moment share a day.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.UTC().Date()
	by, bm, bd := b.UTC().Date()
	return ay == by && am == bm && ad == bd
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// overlapShare is the share of the smaller of two sorted stem sets that
// the other has too.
func overlapShare(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}
