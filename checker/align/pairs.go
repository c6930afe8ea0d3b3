package align

import (
	"math"
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// Candidates is how many partners each figure is scored with at most: the
// figures of other sources, of its family and a plausible magnitude, that
// cannot both be true with it, whose words are likest its own (the lower
// figure index first on a tie). A pair is scored when either figure has
// the other among its candidates. Below this many partners a figure is
// scored with all of them; past it, an event of a thousand articles that
// all state one figure still pairs each figure with its likeliest rivals
// without scoring every pair of the thousand.
const Candidates = 32

// Pairs returns the candidate pairs among the figures, each with its
// features, in figure order within each family (families by name):
// figures from different sources, of one family, that cannot both be
// true, whose magnitudes are within maxRatio of each other or a scale
// slip apart, and that are among each other's Candidates.
//
// The features of a pair are those of the whole family, whichever pairs
// are kept: which figure of a source is likest, the best restatement of
// a value and the sources that state it are read from every figure of
// the family. That reading compares every pair of figures of one family
// from different sources once, by integers (the context words' ranks,
// the Comparer's answers memoized by distinct quantity); the features
// and the model are computed only for the pairs kept.
func (e *Event) Pairs(cmp Comparer) []Pair {
	figs, vec := e.Figures, e.vec
	byFam := map[string][]int{}
	for i, f := range figs {
		k := cmp.Family(f.Quantity)
		byFam[k] = append(byFam[k], i)
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
		for _, xy := range b.kept() {
			x, y := int(xy[0]), int(xy[1])
			out = append(out, Pair{A: ids[x], B: ids[y], X: b.features(x, y)})
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
	if stray(a, b) || stray(b, a) {
		return false
	}
	x, y := math.Abs(quantity.Magnitude(a)), math.Abs(quantity.Magnitude(b))
	if x == 0 || y == 0 {
		return x == y
	}
	r := math.Max(x/y, y/x)
	return r <= maxRatio || cmp.Slip(a, b)
}

// stray reports whether a is a bare number with a fraction and b a whole
// count or number: things are counted whole, so "7.3" with no noun
// beside "14 dead" is a magnitude, a rate or a coordinate, not the toll
// misstated. A fraction with its noun ("1.4 children per woman") is a
// rate that may be one fact with "2 children".
func stray(a, b quantity.Quantity) bool {
	return a.Kind == quantity.Number && !whole(a) && (b.Kind == quantity.Count || b.Kind == quantity.Number) && whole(b)
}

// whole reports whether q's figures are whole numbers, within a float's
// rounding ("2.01 million" is 2009999.9999999998): a range's two ends,
// else its value.
func whole(q quantity.Quantity) bool {
	is := func(v float64) bool {
		return math.IsInf(v, 0) || math.Abs(v-math.Round(v)) <= 1e-9*math.Max(1, math.Abs(v))
	}
	if q.Bound == quantity.Range {
		return is(q.Low) && is(q.High)
	}
	return is(q.Value)
}

// A block is one family's figures and what their features are read from.
// Members are numbered in figure order; a pair of members is always asked
// of the Comparer lower member first, as the figures stand.
type block struct {
	figs  []Figure
	ids   []int
	vec   []vector
	rel   *relations
	src   []int   // each member's source, numbered
	bySrc [][]int // the members of each source, in order
	// anchors[x] counts the sources that state a value compatible with
	// x's in words like x's (cosine at least anchorCosine).
	anchors []int
	// short[x] are x's candidates (Candidates).
	short []shortlist
	// seen holds, by member and source, the member of that source whose
	// words are likest and the best restatement of the member's value
	// there, read as the features of kept pairs ask.
	seen map[[2]int32]sourceView
	// stems[x] are the distinct stems of x's context, sorted.
	stems [][]string
	// slotValues counts the distinct values of each reader's slot.
	slotValues map[string]int
	// rank[x] is x's place among its source's members, in the order the
	// source states them (0 for the first); largest[x] says x's value is
	// the largest its source states in the block.
	rank    []int
	largest []bool
}

// anchorCosine is the least context cosine at which a source stating a
// compatible value counts as an anchor of a figure's value.
const anchorCosine = 0.3

// A sourceView is what one member makes of one other source: the member
// of it whose words are likest (-1 for none of a plausible magnitude),
// their cosine (-1 for none), and the best cosine with a member of it
// whose value is compatible (0 for none).
type sourceView struct {
	closest      int
	near, compat float64
}

func newBlock(figs []Figure, ids []int, vec []vector, cmp Comparer) *block {
	n := len(ids)
	b := &block{figs: figs, ids: ids, vec: vec, rel: newRelations(figs, ids, cmp), src: make([]int, n),
		anchors: make([]int, n), short: make([]shortlist, n), seen: map[[2]int32]sourceView{}, stems: make([][]string, n)}
	number := map[string]int{}
	for x, id := range ids {
		s, ok := number[figs[id].Source]
		if !ok {
			s = len(number)
			number[figs[id].Source] = s
			b.bySrc = append(b.bySrc, nil)
		}
		b.src[x] = s
		b.bySrc[s] = append(b.bySrc[s], x)
		b.stems[x] = stemSet(figs[id].Context)
	}
	values := map[string]map[float64]bool{}
	for _, id := range ids {
		if sl := figs[id].Slot; sl != "" {
			if values[sl] == nil {
				values[sl] = map[float64]bool{}
			}
			values[sl][quantity.Magnitude(figs[id].Quantity)] = true
		}
	}
	b.slotValues = map[string]int{}
	for sl, v := range values {
		b.slotValues[sl] = len(v)
	}
	b.rank, b.largest = make([]int, n), make([]bool, n)
	for _, xs := range b.bySrc {
		top := 0.0
		for i, x := range xs {
			b.rank[x] = i
			top = math.Max(top, math.Abs(quantity.Magnitude(figs[ids[x]].Quantity)))
		}
		for _, x := range xs {
			b.largest[x] = math.Abs(quantity.Magnitude(figs[ids[x]].Quantity)) == top
		}
	}
	// Every pair of members from different sources, a source against each
	// later one: anchors and candidates.
	var found []bool // found[j]: member j of source t has an anchor in source s
	for s, xs := range b.bySrc {
		for t := s + 1; t < len(b.bySrc); t++ {
			ys := b.bySrc[t]
			found = append(found[:0], make([]bool, len(ys))...)
			for _, x := range xs {
				anchored := false
				for j, y := range ys {
					r := b.rel.between(x, y)
					if r&plausibleRel == 0 {
						continue
					}
					c := cosine(vec[ids[x]].all, vec[ids[y]].all)
					if r&compatibleRel != 0 {
						if c >= anchorCosine {
							anchored, found[j] = true, true
						}
						continue
					}
					b.short[x].offer(candidate{int32(y), c})
					b.short[y].offer(candidate{int32(x), c})
				}
				if anchored {
					b.anchors[x]++
				}
			}
			for j, f := range found {
				if f {
					b.anchors[ys[j]]++
				}
			}
		}
	}
	return b
}

// kept returns the pairs of members to score, lower member first, in
// order: each member with the later members among its candidates and
// those that have it among theirs.
func (b *block) kept() [][2]int32 {
	later := make([][]int32, len(b.short)) // later[x]: the later members that hold x among their candidates
	for y := range b.short {
		for _, c := range b.short[y].c {
			if int(c.y) < y {
				later[c.y] = append(later[c.y], int32(y))
			}
		}
	}
	var out [][2]int32
	var ys []int32
	for x := range b.short {
		ys = append(ys[:0], later[x]...)
		for _, c := range b.short[x].c {
			if int(c.y) > x {
				ys = append(ys, c.y)
			}
		}
		slices.Sort(ys)
		for _, y := range slices.Compact(ys) {
			out = append(out, [2]int32{int32(x), y})
		}
	}
	return out
}

// view returns what member x makes of source s, reading it on first
// asking: the likest member is the first of the best, in member order.
func (b *block) view(x, s int) sourceView {
	key := [2]int32{int32(x), int32(s)}
	if v, ok := b.seen[key]; ok {
		return v
	}
	v := sourceView{closest: -1, near: -1}
	for _, y := range b.bySrc[s] {
		r := b.rel.between(x, y)
		if r&plausibleRel == 0 {
			continue
		}
		c := cosine(b.vec[b.ids[x]].all, b.vec[b.ids[y]].all)
		if c > v.near {
			v.near, v.closest = c, y
		}
		if r&compatibleRel != 0 && c > v.compat {
			v.compat = c
		}
	}
	b.seen[key] = v
	return v
}

// A candidate is a member offered as a partner and its context cosine.
type candidate struct {
	y   int32
	cos float64
}

// before reports whether candidate a ranks before b: likelier words, then
// the lower member.
func (a candidate) before(b candidate) bool {
	return a.cos > b.cos || a.cos == b.cos && a.y < b.y
}

// A shortlist holds the best Candidates offered to it.
type shortlist struct {
	c     []candidate
	worst int // the index in c of the last-ranked, once c is full
}

func (l *shortlist) offer(c candidate) {
	if len(l.c) < Candidates {
		l.c = append(l.c, c)
		if len(l.c) == Candidates {
			l.findWorst()
		}
		return
	}
	if !c.before(l.c[l.worst]) {
		return
	}
	l.c[l.worst] = c
	l.findWorst()
}

func (l *shortlist) findWorst() {
	l.worst = 0
	for i, c := range l.c {
		if l.c[l.worst].before(c) {
			l.worst = i
		}
	}
}

// What the Comparer says of two quantities, as bits.
const (
	knownRel      uint8 = 1 << iota // plausible and compatible are read
	plausibleRel                    // within maxRatio or a slip apart
	compatibleRel                   // both can be true
	slipKnownRel                    // slip is read
	slipRel                         // an editorial slip explains the gap
)

// relations memoizes what the Comparer says of a block's members, by
// distinct quantity: a family of a thousand articles states a few dozen
// values, each many times over. A Comparer's answers depend on the
// quantities, never on where they stand in their text.
type relations struct {
	cmp   Comparer
	qs    []quantity.Quantity // each class's quantity
	class []int32             // each member's class
	dense []uint8             // by class pair, when there are few classes
	// sparse holds the class pairs when there are too many classes for
	// dense.
	sparse map[[2]int32]uint8
}

// maxDense is the most class pairs relations keeps in a table.
const maxDense = 1 << 20

func newRelations(figs []Figure, ids []int, c Comparer) *relations {
	r := &relations{cmp: c, class: make([]int32, len(ids))}
	classes := map[quantity.Quantity]int32{}
	for x, id := range ids {
		q := figs[id].Quantity
		q.Start, q.End = 0, 0
		k, ok := classes[q]
		if !ok {
			k = int32(len(r.qs))
			classes[q] = k
			r.qs = append(r.qs, q)
		}
		r.class[x] = k
	}
	if n := len(r.qs); n*n <= maxDense {
		r.dense = make([]uint8, n*n)
	} else {
		r.sparse = map[[2]int32]uint8{}
	}
	return r
}

// get returns the bits read so far of the members' classes, a first.
func (r *relations) get(a, b int32) uint8 {
	if r.dense != nil {
		return r.dense[int(a)*len(r.qs)+int(b)]
	}
	return r.sparse[[2]int32{a, b}]
}

func (r *relations) set(a, b int32, bits uint8) {
	if r.dense != nil {
		r.dense[int(a)*len(r.qs)+int(b)] = bits
		return
	}
	r.sparse[[2]int32{a, b}] = bits
}

// between returns whether members x and y are plausible and compatible
// (plausibleRel, compatibleRel), asked lower member first.
func (r *relations) between(x, y int) uint8 {
	if x > y {
		x, y = y, x
	}
	a, b := r.class[x], r.class[y]
	bits := r.get(a, b)
	if bits&knownRel == 0 {
		bits |= knownRel
		if plausible(r.qs[a], r.qs[b], r.cmp) {
			bits |= plausibleRel
		}
		if r.cmp.Compatible(r.qs[a], r.qs[b]) {
			bits |= compatibleRel
		}
		r.set(a, b, bits)
	}
	return bits
}

// slip reports whether an editorial slip turns member x's figure into
// member y's, x the lower.
func (r *relations) slip(x, y int) bool {
	a, b := r.class[x], r.class[y]
	bits := r.get(a, b)
	if bits&slipKnownRel == 0 {
		bits |= slipKnownRel
		if r.cmp.Slip(r.qs[a], r.qs[b]) {
			bits |= slipRel
		}
		r.set(a, b, bits)
	}
	return bits&slipRel != 0
}
