package align

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

//go:embed model.json
var defaultModel []byte

// A Model turns a pair's features into the chance that the pair is a real
// disagreement (gradient-boosted trees; a logistic regression when it has
// no trees), and a fact's into the chance that it is one (a logistic
// regression, on the first one's output among others).
// Its numbers are data, written by cmd/fitalign.
type Model struct {
	Features []string  `json:"features"`
	Bias     float64   `json:"bias"`
	Coef     []float64 `json:"coefficients"`
	// Trees, when there are any, replace the logistic regression: the raw
	// chance is the logistic of Base plus Rate times the sum of the trees'
	// values (gradient boosting).
	Base  float64 `json:"base,omitempty"`
	Rate  float64 `json:"rate,omitempty"`
	Trees []Tree  `json:"trees,omitempty"`
	// Link is the least raw chance at which a pair joins a fact.
	Link float64 `json:"link"`
	// The finding model: a logistic regression of whether a fact is a
	// real disagreement on FactFeatureNames, fitted on the facts that
	// cross-validation found, so that its output is the share of such
	// findings that were right.
	FactBias float64   `json:"fact_bias"`
	FactCoef []float64 `json:"fact_coefficients"`
}

// FactFeatureNames name the features of a fact, in the order of
// Fact.Features.
var FactFeatureNames = []string{
	"logit",     // the logit of the best pair's raw chance
	"links",     // log2 of 1 + the pairs linking its two sides
	"majority",  // log2 of the sources on the larger side
	"minority",  // log2 of the sources on the smaller side
	"second",    // the logit of the next likeliest pair linking its sides (-10 when none)
	"sides",     // log2 of the number of sides
	"same_slot", // the best pair's: the reader put both figures in one slot
	"slip",      // the best pair's: a typical slip explains the gap
	"timeline",  // the best pair's: the sources were published on different days
	"both",      // log2 of 1 + the sources that state both values
	"count",     // the figures are counts or bare numbers (a toll, a tally)
	"context",   // the best pair's: the cosine of the two figures' words
	"facts",     // log2 of the event's facts
}

// FactFeatures describes each of an event's facts for the finding model:
// what Fact.Features says of it, and how many facts the event makes. Many
// sources stating many figures make many facts, of which a smaller share
// are real, and a fact among many is likelier one of the false ones.
func FactFeatures(facts []Fact, figs []Figure) [][]float64 {
	out := make([][]float64, len(facts))
	for i, f := range facts {
		out[i] = append(f.Features(figs), math.Log2(float64(len(facts))))
	}
	return out
}

// Features describes a fact for the finding model alone: the features of
// FactFeatureNames but the last, "facts", which FactFeatures adds.
func (f Fact) Features(figs []Figure) []float64 {
	// n[s] is the weight of side s's sources, each counted once: their
	// number when no outlet is weighed.
	n := [2]float64{}
	seen := [2]map[string]bool{{}, {}}
	for s := 0; s < 2; s++ {
		for _, id := range f.Sides[s] {
			if !seen[s][figs[id].Source] {
				seen[s][figs[id].Source] = true
				n[s] += figs[id].weight()
			}
		}
	}
	both := 0
	for src := range seen[0] {
		if seen[1][src] {
			both++
		}
	}
	second := -10.0
	if f.Second > 0 {
		second = logit(f.Second)
	}
	pick := func(name string) float64 {
		if i := slices.Index(FeatureNames, name); i >= 0 && i < len(f.Best.X) {
			return f.Best.X[i]
		}
		return 0
	}
	// The model was fitted on counts of sources: a weighed side stays
	// within what it saw, one source to maxWeighed.
	for s := range n {
		n[s] = min(max(n[s], 1), maxWeighed)
	}
	return []float64{logit(f.Raw), math.Log2(1 + float64(f.Links)), math.Log2(max(n[0], n[1])), math.Log2(min(n[0], n[1])),
		second, math.Log2(float64(len(f.Sides))), pick("same_slot"), pick("slip"), pick("timeline"), math.Log2(1 + float64(both)),
		pick("count"), pick("context")}
}

// maxWeighed bounds the weight of a side's sources in the finding model:
// about the most sources one fact had in the data it was fitted on.
const maxWeighed = 16

func logit(p float64) float64 {
	p = math.Min(math.Max(p, 1e-6), 1-1e-6)
	return math.Log(p / (1 - p))
}

// Confidence is the finding model's chance that a fact is a real
// disagreement.
func (m *Model) Confidence(x []float64) float64 {
	z := m.FactBias
	for i, v := range x {
		z += m.FactCoef[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// DefaultModel returns the model that ships with crosscheck.
func DefaultModel() (*Model, error) {
	var m Model
	if err := json.Unmarshal(defaultModel, &m); err != nil {
		return nil, fmt.Errorf("align: model.json: %w", err)
	}
	return &m, m.Validate()
}

// Validate checks that the model's features are this package's, in
// order, with a coefficient each.
func (m *Model) Validate() error {
	if !slices.Equal(m.Features, FeatureNames) {
		return fmt.Errorf("align: model features %v, want %v (refit with cmd/fitalign)", m.Features, FeatureNames)
	}
	if len(m.Trees) == 0 && len(m.Coef) != len(FeatureNames) {
		return fmt.Errorf("align: %d coefficients for %d features", len(m.Coef), len(FeatureNames))
	}
	for ti, t := range m.Trees {
		if len(t.Nodes) == 0 {
			return fmt.Errorf("align: tree %d has no nodes", ti)
		}
		for ni, n := range t.Nodes {
			if n.Left == 0 {
				continue
			}
			if n.Feature < 0 || n.Feature >= len(FeatureNames) || n.Left <= ni || n.Right <= ni || n.Left >= len(t.Nodes) || n.Right >= len(t.Nodes) {
				return fmt.Errorf("align: tree %d node %d: bad split %+v", ti, ni, n)
			}
		}
	}
	if len(m.FactCoef) != len(FactFeatureNames) {
		return fmt.Errorf("align: %d fact coefficients for %d fact features", len(m.FactCoef), len(FactFeatureNames))
	}
	return nil
}

// Raw is the model's chance that a pair with features x is a real
// disagreement.
func (m *Model) Raw(x []float64) float64 {
	if len(m.Trees) > 0 {
		z := m.Base
		for i := range m.Trees {
			z += m.Rate * m.Trees[i].Eval(x)
		}
		return 1 / (1 + math.Exp(-z))
	}
	z := m.Bias
	for i, v := range x {
		z += m.Coef[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// A Tree is a regression tree: Nodes[0] is its root.
type Tree struct {
	Nodes []Node `json:"nodes"`
}

// A Node splits on Feature at Threshold (x ≤ Threshold goes Left), or is
// a leaf with Value when Left is 0.
type Node struct {
	Feature   int     `json:"f,omitempty"`
	Threshold float64 `json:"t,omitempty"`
	Left      int     `json:"l,omitempty"`
	Right     int     `json:"r,omitempty"`
	Value     float64 `json:"v,omitempty"`
}

// Eval returns the value of the leaf x falls in.
func (t *Tree) Eval(x []float64) float64 {
	n := &t.Nodes[0]
	for n.Left != 0 {
		if x[n.Feature] <= n.Threshold {
			n = &t.Nodes[n.Left]
		} else {
			n = &t.Nodes[n.Right]
		}
	}
	return n.Value
}
