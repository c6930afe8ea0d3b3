package align

import "sort"

// A Fact is the figures stated about one thing on which sources disagree.
type Fact struct {
	// Sides hold figure indexes by value: every figure of a side is
	// compatible with the side's first. Sides[0] and Sides[1] are the
	// two sides of the fact's best pair.
	Sides [][]int
	// Raw is the model's raw chance for the best pair; Best is that pair.
	Raw  float64
	Best Pair
	// Links counts the pairs at or above the link threshold whose two
	// figures are both in the fact, on different sides; Second is the
	// chance of the likeliest of them after the best, 0 when none.
	Links  int
	Second float64
	// Lead is the pair of figures a finding opens with: the likeliest
	// pair between the two sides that the fact's pairs link most surely
	// taken together (the likeliest linking pair of each two sources a
	// chance that the two sides are one fact misstated), so two sides
	// many sources tie are read before a lone pair of stray values.
	Lead [2]int
}

// joinShare is how likely, as a share of a fact's best pair, a pair must
// be to bring a figure of another value into the fact. On the real-news
// dev set a half left out later values of tolls, tallies and case counts
// (a toll told at four moments over four days) that a quarter keeps;
// below a quarter, figures of other counts of the event come in too.
const joinShare = 0.25

// Group gathers pairs of the event's figures into facts, most likely pair first: a pair whose
// figures belong to no fact yet starts one; a pair with one figure in a
// fact brings the other into it, on the side its value agrees with, or on
// a side of its own when the pair is at least joinShare as likely as the
// fact's best. A figure is in one fact at most. Pairs below link are
// not used. Facts whose best pairs state the same two values (sources
// that each misstated the figure independently) are then merged, and so
// are facts whose best pairs the reader put in one slot, the same for
// both (sameSlot).
func (e *Event) Group(pairs []Pair, raw []float64, cmp Comparer, link float64) []Fact {
	figs := e.Figures
	order := make([]int, len(pairs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return raw[order[i]] > raw[order[j]] })
	owner := map[int]int{}
	var facts []Fact
	// join brings fig into fact fi through a pair of chance r: onto a
	// side its value agrees with, or onto a side of its own when the pair
	// is at least joinShare as likely as the fact's best, or the reader
	// put fig in the slot of both figures of the fact's best pair. A
	// figure that changed over the coverage is told in several values, and
	// each links to the others less surely than the best two values link.
	join := func(fi, fig int, r float64) {
		f := &facts[fi]
		if s := agreeing(figs, f, fig, cmp); s >= 0 {
			f.Sides[s] = append(f.Sides[s], fig)
			owner[fig] = fi
			return
		}
		if r >= joinShare*f.Raw || inSlot(figs, f, fig) {
			f.Sides = append(f.Sides, []int{fig})
			owner[fig] = fi
		}
	}
	for _, pi := range order {
		if raw[pi] < link {
			break
		}
		p := pairs[pi]
		fa, okA := owner[p.A]
		fb, okB := owner[p.B]
		switch {
		case !okA && !okB:
			facts = append(facts, Fact{Sides: [][]int{{p.A}, {p.B}}, Raw: raw[pi], Best: p})
			owner[p.A], owner[p.B] = len(facts)-1, len(facts)-1
		case okA && !okB:
			join(fa, p.B, raw[pi])
		case !okA && okB:
			join(fb, p.A, raw[pi])
		}
	}
	facts = merge(figs, facts, cmp)
	facts = sameSlot(figs, facts, cmp)
	facts = corroborate(figs, e.vec, facts, cmp)
	side := map[int][2]int{} // figure -> fact, side
	for fi, f := range facts {
		for si, ids := range f.Sides {
			for _, id := range ids {
				side[id] = [2]int{fi, si}
			}
		}
	}
	type sidePair struct{ fact, lo, hi int }
	type linked struct {
		// bySources is the likeliest linking pair of each two sources: one
		// outlet repeating a value is one voice.
		bySources map[[2]string]float64
		best      float64
		a, b      int
	}
	links := map[sidePair]*linked{}
	for pi, p := range pairs {
		if raw[pi] < link {
			continue
		}
		a, okA := side[p.A]
		b, okB := side[p.B]
		if okA && okB && a[0] == b[0] && a[1] != b[1] {
			f := &facts[a[0]]
			f.Links++
			if (p.A != f.Best.A || p.B != f.Best.B) && raw[pi] > f.Second {
				f.Second = raw[pi]
			}
			k := sidePair{a[0], min(a[1], b[1]), max(a[1], b[1])}
			l := links[k]
			if l == nil {
				l = &linked{bySources: map[[2]string]float64{}}
				links[k] = l
			}
			sa, sb := figs[p.A].Source, figs[p.B].Source
			if sa > sb {
				sa, sb = sb, sa
			}
			l.bySources[[2]string{sa, sb}] = max(l.bySources[[2]string{sa, sb}], raw[pi])
			if raw[pi] > l.best {
				l.best, l.a, l.b = raw[pi], p.A, p.B
			}
		}
	}
	lead := make([]float64, len(facts))
	for fi := range facts {
		facts[fi].Lead = [2]int{facts[fi].Best.A, facts[fi].Best.B}
	}
	keys := make([]sidePair, 0, len(links))
	for k := range links {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.fact != b.fact {
			return a.fact < b.fact
		}
		if a.lo != b.lo {
			return a.lo < b.lo
		}
		return a.hi < b.hi
	})
	for _, k := range keys {
		l := links[k]
		rs := make([]float64, 0, len(l.bySources))
		for _, r := range l.bySources {
			rs = append(rs, r)
		}
		sort.Float64s(rs) // one order, so one product to the last bit
		miss := 1.0       // the chance that no two sources' link is right
		for _, r := range rs {
			miss *= 1 - r
		}
		if sure := 1 - miss; sure > lead[k.fact] {
			lead[k.fact] = sure
			facts[k.fact].Lead = [2]int{l.a, l.b}
		}
	}
	return facts
}

// merge folds each fact into an earlier (more likely) one whose best
// pair states compatible values on both sides.
func merge(figs []Figure, facts []Fact, cmp Comparer) []Fact {
	return fold(figs, facts, cmp, func(f, g *Fact) bool {
		a, b := figs[f.Sides[0][0]].Quantity, figs[f.Sides[1][0]].Quantity
		x, y := figs[g.Sides[0][0]].Quantity, figs[g.Sides[1][0]].Quantity
		if cmp.Family(x) != cmp.Family(a) {
			return false
		}
		straight := cmp.Compatible(a, x) && cmp.Compatible(b, y)
		crossed := cmp.Compatible(a, y) && cmp.Compatible(b, x)
		return straight || crossed
	})
}

// fold folds each fact f into the first earlier fact g that one(f, g)
// says it is one with (absorb), and returns the facts left.
func fold(figs []Figure, facts []Fact, cmp Comparer, one func(f, g *Fact) bool) []Fact {
	var out []Fact
	for _, f := range facts {
		merged := false
		for i := range out {
			if one(&f, &out[i]) {
				absorb(figs, &out[i], &f, cmp)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, f)
		}
	}
	return out
}

// corroborate adds to the two sides of each fact's best pair the figures
// of other sources that state a compatible value in words like those of
// the side ("$14–15 billion" beside "$14.3 billion"): they are sources
// too, if no disagreement. A figure goes to the likeliest fact it fits,
// even out of a less likely fact it was grouped into; a fact that so
// loses a figure of its best pair is dropped, and its other figures may
// corroborate another. It returns the facts that remain.
func corroborate(figs []Figure, vec []vector, facts []Fact, cmp Comparer) []Fact {
	owner := map[int]int{}
	for fi, f := range facts {
		for _, side := range f.Sides {
			for _, id := range side {
				owner[id] = fi
			}
		}
	}
	dropped := make([]bool, len(facts))
	for pass := 0; pass < 2; pass++ { // a second pass for the figures a drop freed
		for i := range figs {
			cur, owned := owner[i]
			for fi := range facts {
				if dropped[fi] {
					continue
				}
				if owned && fi >= cur {
					break // already in the likeliest fact that takes it
				}
				s := bestSide(figs, vec, &facts[fi], i, cmp)
				if s < 0 {
					continue
				}
				if owned {
					g := &facts[cur]
					if i == g.Best.A || i == g.Best.B {
						dropped[cur] = true
						for _, side := range g.Sides {
							for _, id := range side {
								if owner[id] == cur {
									delete(owner, id)
								}
							}
						}
					} else {
						removeFrom(g, i)
					}
				}
				facts[fi].Sides[s] = append(facts[fi].Sides[s], i)
				owner[i] = fi
				break
			}
		}
	}
	out := facts[:0]
	for fi, f := range facts {
		if !dropped[fi] {
			out = append(out, f)
		}
	}
	return out
}

// removeFrom takes figure i out of fact f's sides, dropping a side it
// leaves empty.
func removeFrom(f *Fact, i int) {
	var sides [][]int
	for _, side := range f.Sides {
		var kept []int
		for _, id := range side {
			if id != i {
				kept = append(kept, id)
			}
		}
		if len(kept) > 0 {
			sides = append(sides, kept)
		}
	}
	f.Sides = sides
}

// bestSide returns the side of f's best pair that figure i corroborates,
// -1 for none: a side whose value i's agrees with, one of whose figures
// i's words are like; of two, the one that has i's source already, else
// the one whose words are likest.
func bestSide(figs []Figure, vec []vector, f *Fact, i int, cmp Comparer) int {
	best, bestSim, own := -1, 0.0, false
	for k, anchor := range [2]int{f.Best.A, f.Best.B} {
		a := figs[anchor].Quantity
		if cmp.Family(a) != cmp.Family(figs[i].Quantity) || !cmp.Compatible(a, figs[i].Quantity) {
			continue
		}
		s := sideOf(f, anchor, k)
		sim, mine := 0.0, false
		for _, id := range f.Sides[s] {
			sim = max(sim, cosine(vec[i].all, vec[id].all))
			mine = mine || figs[id].Source == figs[i].Source
		}
		if sim < corroborates {
			continue
		}
		if best < 0 || mine && !own || mine == own && sim > bestSim {
			best, bestSim, own = s, sim, mine
		}
	}
	return best
}

// corroborates is the least context cosine at which a compatible figure
// counts as stating the same fact as a side.
const corroborates = 0.2

// sideOf returns the index of the side of f holding fig; guess first.
func sideOf(f *Fact, fig, guess int) int {
	for s, side := range f.Sides {
		for _, id := range side {
			if id == fig {
				return s
			}
		}
	}
	return guess
}

// sameSlot folds each fact whose best pair the reader put in one slot
// into an earlier (more likely) one whose best pair it put in the same
// slot, each figure onto a side its value agrees with or a side of its
// own. A toll told at four moments, 12, 19, 40 and 71, makes pairs of
// values that no pair links, since values far apart link weakly: the
// reader's slot (subject, attribute, time, unit) says they are one count,
// and one finding tells them all (with the timeline in its reasons when
// its sources follow one another in time).
//
// The slot holds no place or part: counts of two towns, or a total and
// its part, that the reader put in one slot are one fact too. Keeping
// apart the facts a source states a value in each of lost more tolls told
// at several moments than it saved such parts (one article often gives an
// earlier and a later value of a count), on the dev set 20 of 24 such
// gains; so neither this fold nor a join by slot (inSlot) asks it.
func sameSlot(figs []Figure, facts []Fact, cmp Comparer) []Fact {
	return fold(figs, facts, cmp, func(f, g *Fact) bool {
		k := slotOf(figs, f)
		return k != "" && slotOf(figs, g) == k
	})
}

// inSlot reports whether the reader put figure fig in the slot of both
// figures of f's best pair: a later value of the count, even from a
// source that gave an earlier one (sameSlot says why no source keeps it
// out).
func inSlot(figs []Figure, f *Fact, fig int) bool {
	k := slotOf(figs, f)
	return k != "" && figs[fig].Slot == k
}

// slotOf is the reader's slot of both figures of f's best pair, "" when
// it put them in none or in two.
func slotOf(figs []Figure, f *Fact) string {
	a, b := figs[f.Best.A].Slot, figs[f.Best.B].Slot
	if a != b {
		return ""
	}
	return a
}

// absorb moves the figures of fact f into fact g, each onto the first side
// of g its value agrees with, or onto a side of its own.
func absorb(figs []Figure, g, f *Fact, cmp Comparer) {
	for _, side := range f.Sides {
		for _, fig := range side {
			if s := agreeing(figs, g, fig, cmp); s >= 0 {
				g.Sides[s] = append(g.Sides[s], fig)
			} else {
				g.Sides = append(g.Sides, []int{fig})
			}
		}
	}
}

// agreeing returns the first side of f whose value fig's agrees with, -1
// for none.
func agreeing(figs []Figure, f *Fact, fig int, cmp Comparer) int {
	for s, side := range f.Sides {
		if cmp.Compatible(figs[side[0]].Quantity, figs[fig].Quantity) {
			return s
		}
	}
	return -1
}
