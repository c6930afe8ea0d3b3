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
	// figures are both in the fact, on different sides.
	Links int
}

// Group gathers pairs into facts, most likely pair first: a pair whose
// figures belong to no fact yet starts one; a pair with one figure in a
// fact brings the other into it, on the side its value agrees with, or on
// a side of its own when the pair is at least a quarter as likely as the
// fact's best. A figure is in one fact at most. Pairs below link are
// not used. Facts whose best pairs state the same two values (sources
// that each misstated the figure independently) are then merged.
func Group(figs []Figure, pairs []Pair, raw []float64, cmp Comparer, link float64) []Fact {
	order := make([]int, len(pairs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return raw[order[i]] > raw[order[j]] })
	owner := map[int]int{}
	var facts []Fact
	// join brings fig into fact fi through a pair of chance r: onto a
	// side its value agrees with, or, when the pair is at least a quarter as
	// likely as the fact's best, onto a side of its own.
	join := func(fi, fig int, r float64) {
		f := &facts[fi]
		for s, side := range f.Sides {
			if cmp.Compatible(figs[side[0]].Quantity, figs[fig].Quantity) {
				f.Sides[s] = append(f.Sides[s], fig)
				owner[fig] = fi
				return
			}
		}
		if r >= f.Raw/4 {
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
	side := map[int][2]int{} // figure -> fact, side
	for fi, f := range facts {
		for si, ids := range f.Sides {
			for _, id := range ids {
				side[id] = [2]int{fi, si}
			}
		}
	}
	for pi, p := range pairs {
		if raw[pi] < link {
			continue
		}
		a, okA := side[p.A]
		b, okB := side[p.B]
		if okA && okB && a[0] == b[0] && a[1] != b[1] {
			facts[a[0]].Links++
		}
	}
	return facts
}

// merge folds each fact into an earlier (more likely) one whose best
// pair states compatible values on both sides.
func merge(figs []Figure, facts []Fact, cmp Comparer) []Fact {
	var out []Fact
	for _, f := range facts {
		a, b := figs[f.Sides[0][0]].Quantity, figs[f.Sides[1][0]].Quantity
		merged := false
		for i := range out {
			g := &out[i]
			x, y := figs[g.Sides[0][0]].Quantity, figs[g.Sides[1][0]].Quantity
			if cmp.Family(x) != cmp.Family(a) {
				continue
			}
			straight := cmp.Compatible(a, x) && cmp.Compatible(b, y)
			crossed := cmp.Compatible(a, y) && cmp.Compatible(b, x)
			if !straight && !crossed {
				continue
			}
			for _, side := range f.Sides {
				for _, fig := range side {
					placed := false
					for s := range g.Sides {
						if cmp.Compatible(figs[g.Sides[s][0]].Quantity, figs[fig].Quantity) {
							g.Sides[s] = append(g.Sides[s], fig)
							placed = true
							break
						}
					}
					if !placed {
						g.Sides = append(g.Sides, []int{fig})
					}
				}
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, f)
		}
	}
	return out
}
