package quantity

import _ "embed"

//go:embed SPEC_DEVIATIONS.md
var specDeviations string

// SpecDeviations returns SPEC_DEVIATIONS.md: the third-party spec cases
// judged wrong for news prose, as a Markdown table (suite, input in
// backticks, reason) that the quantity evaluation reads.
func SpecDeviations() string { return specDeviations }
