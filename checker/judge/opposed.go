package judge

import (
	"cmp"
	"math"
	"slices"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// opposed returns the main disagreement among a slot's sides: the
// incompatible pair with the most sources and, on a tie, the fewest
// approximate or bounded figures, so an exact figure is what a finding is
// about; on a further tie the pair met first (i < j, smallest i, then
// smallest j). ok is false when every pair is compatible.
//
// Two figures other than dates are incompatible when their spans do not
// overlap, so the sides are sorted by where their spans begin and each
// side is matched with the best side that begins at or after its end: a
// sort and a sweep, not every pair. Dates, and spans the sweep cannot
// order (NaN, empty or reversed, exact figures of one value, which agree
// even when their spans only touch, or exact figures written to different
// last digits, which Tolerances.spans widens pair by pair), are compared
// pair by pair.
func (t Tolerances) opposed(sides []*side) (bi, bj int, ok bool) {
	if len(sides) < 2 {
		return -1, -1, false
	}
	if !t.sweepable(sides) {
		return t.opposedPairs(sides)
	}
	type span struct {
		lo, hi float64
		weight int // what the side adds to a pair's rank
		i      int // the side's index
	}
	spans := make([]span, len(sides))
	for i, g := range sides {
		lo, hi := t.span(g.q)
		spans[i] = span{lo: lo, hi: hi, weight: 10*len(g.sources) - inexact(g.q), i: i}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	// best[k] is the index into spans of the best side of spans[k:]: the
	// highest weight, then the smallest side index.
	best := make([]int, len(spans))
	for k := len(spans) - 1; k >= 0; k-- {
		best[k] = k
		if k+1 < len(spans) {
			if b := spans[best[k+1]]; b.weight > spans[k].weight || (b.weight == spans[k].weight && b.i < spans[k].i) {
				best[k] = best[k+1]
			}
		}
	}
	bi, bj = -1, -1
	found, rank := false, 0
	for _, a := range spans {
		// The first span that begins at or after a ends: the spans from
		// there on do not overlap a.
		k, _ := slices.BinarySearchFunc(spans, a.hi, func(s span, hi float64) int { return cmp.Compare(s.lo, hi) })
		if k == len(spans) {
			continue
		}
		b := spans[best[k]]
		i, j := min(a.i, b.i), max(a.i, b.i)
		if i == j {
			continue
		}
		r := a.weight + b.weight
		if !found || r > rank || (r == rank && (i < bi || (i == bi && j < bj))) {
			bi, bj, rank, found = i, j, r, true
		}
	}
	return bi, bj, found
}

// sweepable reports whether incompatibility among sides is the
// disjointness of well-ordered spans.
func (t Tolerances) sweepable(sides []*side) bool {
	if !sameFinish(sides) {
		return false // a coarser exact figure may be a finer one rounded twice (spans)
	}
	exact := map[float64]bool{}
	var first *quantity.Quantity // a measure, to tell a conversion by
	for _, g := range sides {
		if quantity.Family(g.q) == "date" {
			return false
		}
		if g.q.Kind == quantity.Measure {
			// Figures written in two systems widen each other
			// (Tolerances.Converted): their spans alone do not say.
			if first == nil {
				first = &g.q
			} else if quantity.Converted(*first, g.q) {
				return false
			}
		}
		lo, hi := t.span(g.q)
		if math.IsNaN(lo) || math.IsNaN(hi) || lo >= hi {
			return false
		}
		if g.q.Bound == quantity.Exact {
			m := quantity.Magnitude(g.q)
			if exact[m] {
				return false
			}
			exact[m] = true
		}
	}
	return true
}

// sameFinish reports whether every exact figure of the sides is written to
// the same last digit: when not, the coarser may be the finer rounded
// twice (spans), which the figures' own spans do not show.
func sameFinish(sides []*side) bool {
	p := math.NaN()
	for _, g := range sides {
		if g.q.Bound != quantity.Exact {
			continue
		}
		q := halfUnit(g.q)
		if math.IsNaN(p) {
			p = q
		} else if q != p {
			return false
		}
	}
	return true
}

// opposedPairs is opposed by comparing every pair.
func (t Tolerances) opposedPairs(sides []*side) (bi, bj int, ok bool) {
	bi, bj, best := -1, -1, -1
	for i := range sides {
		for j := i + 1; j < len(sides); j++ {
			if t.compatible(sides[i].q, sides[j].q) {
				continue
			}
			n := 10*(len(sides[i].sources)+len(sides[j].sources)) - inexact(sides[i].q) - inexact(sides[j].q)
			if n > best {
				bi, bj, best = i, j, n
			}
		}
	}
	return bi, bj, bi >= 0
}
