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
// disagreement (a logistic regression), and a fact's into the chance that
// it is one (a second logistic regression, on the first one's output).
// Its numbers are data, written by cmd/fitalign.
type Model struct {
	Features []string  `json:"features"`
	Bias     float64   `json:"bias"`
	Coef     []float64 `json:"coefficients"`
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
	"logit",    // the logit of the best pair's raw chance
	"links",    // log2 of 1 + the pairs linking its two sides
	"majority", // log2 of the sources on the larger side
	"minority", // log2 of the sources on the smaller side
}

// Features describes a fact for the finding model.
func (f Fact) Features(figs []Figure) []float64 {
	n := [2]int{}
	for s := 0; s < 2; s++ {
		seen := map[string]bool{}
		for _, id := range f.Sides[s] {
			seen[figs[id].Source] = true
		}
		n[s] = len(seen)
	}
	r := math.Min(math.Max(f.Raw, 1e-6), 1-1e-6)
	return []float64{math.Log(r / (1 - r)), math.Log2(1 + float64(f.Links)), math.Log2(float64(max(n[0], n[1]))), math.Log2(float64(min(n[0], n[1])))}
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
	if len(m.Coef) != len(FeatureNames) {
		return fmt.Errorf("align: %d coefficients for %d features", len(m.Coef), len(FeatureNames))
	}
	if len(m.FactCoef) != len(FactFeatureNames) {
		return fmt.Errorf("align: %d fact coefficients for %d fact features", len(m.FactCoef), len(FactFeatureNames))
	}
	return nil
}

// Raw is the model's uncalibrated chance for features x.
func (m *Model) Raw(x []float64) float64 {
	z := m.Bias
	for i, v := range x {
		z += m.Coef[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}
