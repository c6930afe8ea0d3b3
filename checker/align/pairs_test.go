package align

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// randomEvent is sources outlets each stating a few of a handful of
// facts, their values true, rounded (compatible) or misstated, in words
// drawn from a small vocabulary so that contexts overlap and tie, with
// an aside far from any fact's magnitude and a scale slip now and then.
// Its figures are measures: the misstatements make fractions, which a
// count of things could not be.
func randomEvent(seed uint64, sources int) []Figure {
	r := rand.New(rand.NewPCG(seed, seed+1))
	vocab := []string{"deal", "stake", "paid", "worth", "staff", "cut", "jobs", "quake", "dead", "injured", "year", "last", "rival", "price", "share", "rose"}
	facts := []float64{120, 130, 14.3e9, 49, 2000, 2.5}
	var figs []Figure
	for s := range sources {
		src := fmt.Sprintf("s%03d", s)
		for _, v := range facts {
			if r.Float64() < 0.25 {
				continue
			}
			switch r.IntN(6) {
			case 0:
				v *= 1 + float64(1+r.IntN(3))/10 // misstated
			case 1:
				v *= 1.001 // within tolerance
			case 2:
				if v > 1e6 {
					v /= 1000 // a scale slip
				}
			}
			var words []string
			for range 2 + r.IntN(4) {
				words = append(words, vocab[r.IntN(len(vocab))])
			}
			f := fig(src, quantity.Measure, v, strings.Join(words, " "))
			if r.IntN(3) == 0 {
				f.Slot = fmt.Sprint("slot", r.IntN(2))
			}
			figs = append(figs, f)
		}
		figs = append(figs, fig(src, quantity.Count, 1e15, "unrelated aside"))
	}
	return figs
}

// reference is what a family's members make of each other, read the way
// the aligner first read it: every pair of members from different
// sources, in member order.
type reference struct {
	closest [][]int     // by member and source: the likest plausible member, -1 for none
	near    [][]float64 // its cosine, -1 for none
	compat  [][]float64 // the best cosine of a compatible member, 0 for none
	anchors []int
	cands   [][]int // each member's candidates: plausible, incompatible, other sources
}

func referenceOf(b *block, cmp Comparer) reference {
	n, sources := len(b.ids), len(b.bySrc)
	ref := reference{closest: make([][]int, n), near: make([][]float64, n), compat: make([][]float64, n), anchors: make([]int, n), cands: make([][]int, n)}
	for x := range n {
		ref.closest[x], ref.near[x], ref.compat[x] = make([]int, sources), make([]float64, sources), make([]float64, sources)
		for s := range sources {
			ref.closest[x][s], ref.near[x][s] = -1, -1
		}
	}
	for x := range n {
		qx := b.figs[b.ids[x]].Quantity
		for y := x + 1; y < n; y++ {
			if b.src[x] == b.src[y] {
				continue
			}
			qy := b.figs[b.ids[y]].Quantity
			if !plausible(qx, qy, cmp) {
				continue
			}
			s := cosine(b.vec[b.ids[x]].all, b.vec[b.ids[y]].all)
			agree := cmp.Compatible(qx, qy)
			if !agree {
				ref.cands[x] = append(ref.cands[x], y)
				ref.cands[y] = append(ref.cands[y], x)
			}
			for _, e := range [2][2]int{{x, y}, {y, x}} {
				u, v := e[0], e[1]
				if s > ref.near[u][b.src[v]] {
					ref.near[u][b.src[v]], ref.closest[u][b.src[v]] = s, v
				}
				if agree && s > ref.compat[u][b.src[v]] {
					ref.compat[u][b.src[v]] = s
				}
			}
		}
	}
	for x := range n {
		for _, c := range ref.compat[x] {
			if c >= anchorCosine {
				ref.anchors[x]++
			}
		}
	}
	return ref
}

// TestBlockAsEveryPair holds the block's reading, which compares pairs
// once and keeps only what kept pairs ask, to the reading of every pair:
// the same anchors, the same likest member and restatement for every
// member and source the kept pairs ask of, the Comparer's answers, and
// the kept pairs each figure's likeliest candidates.
func TestBlockAsEveryPair(t *testing.T) {
	tests := []struct {
		sources int
		all     bool // every candidate pair is kept
		reason  string
	}{
		{3, true, "a few sources: fewer candidates than Candidates, every pair kept"},
		{20, false, "twenty sources: some figures have more candidates than are kept"},
		{80, false, "many sources stating each fact: candidate sets bounded"},
	}
	cmp := testComparer{}
	for _, tt := range tests {
		for seed := range uint64(3) {
			figs := randomEvent(seed, tt.sources)
			e := NewEvent(figs)
			ids := make([]int, len(figs))
			for i := range ids {
				ids[i] = i
			}
			b := newBlock(figs, ids, e.vec, cmp)
			ref := referenceOf(b, cmp)
			name := fmt.Sprintf("%d sources, seed %d (%s)", tt.sources, seed, tt.reason)
			if !slices.Equal(b.anchors, ref.anchors) {
				t.Fatalf("%s: anchors %v, every pair gives %v", name, b.anchors, ref.anchors)
			}
			kept := b.kept()
			if !slices.IsSortedFunc(kept, func(p, q [2]int32) int {
				if p[0] != q[0] {
					return int(p[0] - q[0])
				}
				return int(p[1] - q[1])
			}) || len(slices.Compact(slices.Clone(kept))) != len(kept) {
				t.Fatalf("%s: kept pairs not in order or repeated", name)
			}
			keptOf := map[int][]int{}
			for _, p := range kept {
				x, y := int(p[0]), int(p[1])
				if !slices.Contains(ref.cands[x], y) {
					t.Fatalf("%s: kept %d-%d, which is no candidate pair", name, x, y)
				}
				keptOf[x], keptOf[y] = append(keptOf[x], y), append(keptOf[y], x)
				for _, e := range [2][2]int{{x, y}, {y, x}} {
					u, s := e[0], b.src[e[1]]
					v := b.view(u, s)
					if v.closest != ref.closest[u][s] || v.near != ref.near[u][s] || v.compat != ref.compat[u][s] {
						t.Fatalf("%s: member %d of source %d: %+v, every pair gives closest %d near %v compat %v", name, u, s, v, ref.closest[u][s], ref.near[u][s], ref.compat[u][s])
					}
				}
				qx, qy := figs[x].Quantity, figs[y].Quantity
				if b.rel.slip(x, y) != cmp.Slip(qx, qy) || b.rel.between(x, y)&compatibleRel != 0 {
					t.Fatalf("%s: %d-%d: memoized answers differ from the Comparer's", name, x, y)
				}
			}
			limited := false
			for x, cands := range ref.cands {
				// x's likeliest candidates, as Candidates defines them.
				sort.SliceStable(cands, func(i, j int) bool {
					ci := candidate{int32(cands[i]), cosine(e.vec[x].all, e.vec[cands[i]].all)}
					cj := candidate{int32(cands[j]), cosine(e.vec[x].all, e.vec[cands[j]].all)}
					return ci.before(cj)
				})
				if len(cands) > Candidates {
					limited = true
				}
				for _, y := range cands[:min(len(cands), Candidates)] {
					if !slices.Contains(keptOf[x], y) {
						t.Fatalf("%s: member %d's candidate %d (of %d) is not kept", name, x, y, len(cands))
					}
				}
				if tt.all && len(keptOf[x]) != len(cands) {
					t.Fatalf("%s: member %d: %d pairs kept of %d candidates", name, x, len(keptOf[x]), len(cands))
				}
			}
			if !tt.all && !limited {
				t.Fatalf("%s: no figure has more than %d candidates: the case does not test the bound", name, Candidates)
			}
		}
	}
}

// TestPairsBounded checks that the pairs scored grow with the figures,
// not with their square, when every source states every fact.
func TestPairsBounded(t *testing.T) {
	figs := randomEvent(9, 400)
	pairs := NewEvent(figs).Pairs(testComparer{})
	if max := len(figs) * Candidates; len(pairs) > max {
		t.Fatalf("%d pairs of %d figures, want at most %d (Candidates each)", len(pairs), len(figs), max)
	}
	if len(pairs) < len(figs) {
		t.Fatalf("%d pairs of %d figures: the event has disagreements enough for more", len(pairs), len(figs))
	}
}
