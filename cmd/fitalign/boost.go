package main

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/crosscheck/crosscheck/checker/align"
)

// Boosting settings: small trees, many rounds, a slow rate, and leaves
// that need real weight behind them, so that a few labelled events do not
// carve out a rule of their own.
type boosting struct {
	rounds, depth int
	// bags is how many boosted models are averaged, each fitted to a
	// bootstrap sample of the events (bagging): a model whose splits do
	// not turn on which few events were labelled. 1 fits one model to
	// all rows.
	bags int
	// minLeaf is the least hessian a leaf may hold (each pair gives at
	// most 1/4: about minLeaf×4 to ×20 pairs).
	minLeaf float64
}

const (
	rate     = 0.1
	lambda   = 1.0 // L2 on leaf values
	maxBins  = 32  // candidate thresholds per feature: its quantiles
	minDelta = 1e-9
)

// bagged fits bo.bags boosted models, each to the rows of a sample of
// the events drawn with replacement, and returns their average as one
// model: the mean base, every tree, and the rate divided by the number of
// models, so that the logit is the mean of the models' logits. The draws
// come from a fixed seed: the same rows always give the same model.
func (bo boosting) bagged(rows []row) (base float64, trees []align.Tree, r float64) {
	if bo.bags <= 1 {
		base, trees = bo.boost(rows)
		return base, trees, rate
	}
	var events []string
	byEvent := map[string][]row{}
	for _, x := range rows {
		if _, ok := byEvent[x.event]; !ok {
			events = append(events, x.event)
		}
		byEvent[x.event] = append(byEvent[x.event], x)
	}
	sort.Strings(events)
	rng := rand.New(rand.NewPCG(1, uint64(len(rows))))
	for b := 0; b < bo.bags; b++ {
		var sample []row
		for range events {
			sample = append(sample, byEvent[events[rng.IntN(len(events))]]...)
		}
		bb, bt := bo.boost(sample)
		base += bb / float64(bo.bags)
		trees = append(trees, bt...)
	}
	return base, trees, rate / float64(bo.bags)
}

// boost fits gradient-boosted regression trees to the rows' log loss:
// each round adds a tree fitted to the gradient and hessian of the loss
// at the current prediction, its splits chosen among each feature's
// quantiles.
func (bo boosting) boost(rows []row) (base float64, trees []align.Tree) {
	n := len(rows)
	if n == 0 {
		return 0, nil
	}
	pos := 0.0
	for _, r := range rows {
		if r.right {
			pos++
		}
	}
	p0 := math.Min(math.Max(pos/float64(n), 1e-6), 1-1e-6)
	base = math.Log(p0 / (1 - p0))
	d := len(rows[0].x)
	cuts := make([][]float64, d)
	for j := 0; j < d; j++ {
		cuts[j] = quantiles(rows, j)
	}
	// bin[j][i] is the bin of row i's feature j: x <= cuts[j][bin].
	bin := make([][]uint8, d)
	for j := range bin {
		bin[j] = make([]uint8, n)
		for i, r := range rows {
			bin[j][i] = uint8(sort.SearchFloat64s(cuts[j], r.x[j]))
		}
	}
	f := make([]float64, n)
	for i := range f {
		f[i] = base
	}
	g, h := make([]float64, n), make([]float64, n)
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	for round := 0; round < bo.rounds; round++ {
		for i, r := range rows {
			p := 1 / (1 + math.Exp(-f[i]))
			y := 0.0
			if r.right {
				y = 1
			}
			g[i], h[i] = p-y, p*(1-p)
		}
		t := align.Tree{}
		grow(&t, rows, all, g, h, cuts, bin, bo.depth, bo.minLeaf)
		for i, r := range rows {
			f[i] += rate * t.Eval(r.x)
		}
		trees = append(trees, roundTree(t))
	}
	return round(base), trees
}

// grow adds to t the node for rows ids and returns its index.
func grow(t *align.Tree, rows []row, ids []int, g, h []float64, cuts [][]float64, bin [][]uint8, left int, minHess float64) int {
	G, H := 0.0, 0.0
	for _, i := range ids {
		G += g[i]
		H += h[i]
	}
	me := len(t.Nodes)
	t.Nodes = append(t.Nodes, align.Node{Value: -G / (H + lambda)})
	if left == 0 || H < 2*minHess {
		return me
	}
	bestGain, bestF, bestT := minDelta, -1, 0.0
	parent := G * G / (H + lambda)
	for j, cs := range cuts {
		if len(cs) == 0 {
			continue
		}
		gs, hs := make([]float64, len(cs)+1), make([]float64, len(cs)+1)
		bj := bin[j]
		for _, i := range ids {
			gs[bj[i]] += g[i]
			hs[bj[i]] += h[i]
		}
		gl, hl := 0.0, 0.0
		for b := 0; b < len(cs); b++ {
			gl += gs[b]
			hl += hs[b]
			gr, hr := G-gl, H-hl
			if hl < minHess || hr < minHess {
				continue
			}
			if gain := gl*gl/(hl+lambda) + gr*gr/(hr+lambda) - parent; gain > bestGain {
				bestGain, bestF, bestT = gain, j, cs[b]
			}
		}
	}
	if bestF < 0 {
		return me
	}
	var l, r []int
	for _, i := range ids {
		if rows[i].x[bestF] <= bestT {
			l = append(l, i)
		} else {
			r = append(r, i)
		}
	}
	li := grow(t, rows, l, g, h, cuts, bin, left-1, minHess)
	ri := grow(t, rows, r, g, h, cuts, bin, left-1, minHess)
	t.Nodes[me] = align.Node{Feature: bestF, Threshold: bestT, Left: li, Right: ri}
	return me
}

// quantiles returns up to maxBins distinct thresholds of feature j: the
// values below which each share of the rows falls.
func quantiles(rows []row, j int) []float64 {
	vs := make([]float64, len(rows))
	for i, r := range rows {
		vs[i] = r.x[j]
	}
	sort.Float64s(vs)
	var out []float64
	for k := 1; k < maxBins; k++ {
		v := vs[k*len(vs)/maxBins]
		if v == vs[len(vs)-1] {
			break // everything at or above it: no split
		}
		if len(out) == 0 || v > out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

func roundTree(t align.Tree) align.Tree {
	for i := range t.Nodes {
		t.Nodes[i].Threshold = round(t.Nodes[i].Threshold)
		t.Nodes[i].Value = round(t.Nodes[i].Value)
	}
	return t
}
