package checker

// Factors are what a disagreement's confidence is computed from, in
// the order of FactorNames; FactorDescriptions says what each measures.
type Factors struct {
	Clarity, Support, Hedge, OpenBound, Approximate, Gap, Pattern, Implausible, SameSource float64
	// Fact holds the features the aligner's finding model scored
	// (align.FactFeatureNames), for refitting it.
	Fact []float64
}

// Vector returns the factors in the order of FactorNames.
func (f Factors) Vector() []float64 {
	return []float64{f.Clarity, f.Support, f.Hedge, f.OpenBound, f.Approximate, f.Gap, f.Pattern, f.Implausible, f.SameSource}
}

// FactorsOf is the inverse of Vector: factors from a vector in the order
// of FactorNames. Missing entries are zero.
func FactorsOf(x []float64) Factors {
	v := make([]float64, len(FactorNames()))
	copy(v, x)
	return Factors{Clarity: v[0], Support: v[1], Hedge: v[2], OpenBound: v[3], Approximate: v[4], Gap: v[5], Pattern: v[6], Implausible: v[7], SameSource: v[8]}
}

// FactorNames are the names of the factors in score.yaml, in the order of
// Factors.Vector.
func FactorNames() []string {
	return []string{"clarity", "support", "hedge", "open_bound", "approximate", "gap", "pattern", "implausible", "same_source"}
}

// FactorDescriptions say what each factor measures, in the order of
// FactorNames: the comments of score.yaml.
func FactorDescriptions() []string {
	return []string{
		"how surely both sides' subject and attribute were read (0..1)",
		"log2 of the number of independent sources on the two sides",
		"share of the claims on the two sides that are hedged",
		`a side is only a bound ("over $29 billion")`,
		"a side is approximate or a range",
		"how far apart the values are, beyond tolerance, up to 5%",
		"a typical editorial slip: scale word, decimal point, transposed digits, off by one",
		"values more than 3x apart with no slip to explain them",
		"one source states both values",
	}
}
