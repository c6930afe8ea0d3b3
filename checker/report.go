package checker

// SchemaVersion is the version of the JSON report contract (design.md).
const SchemaVersion = 1

// A Report is the outcome of a check: the sources read, the disagreements
// found and the facts the sources agree on. It is what every renderer
// draws and what `--format json` prints.
type Report struct {
	SchemaVersion int           `json:"schema_version"`
	Sources       []SourceInfo  `json:"sources"`
	Findings      []Finding     `json:"findings"`
	Agreements    []Agreement   `json:"agreements"`
	Skipped       []SkippedInfo `json:"skipped,omitempty"`
}

// SourceInfo describes one article in a report.
type SourceInfo struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// SkippedInfo is an input left out of the run, and why.
type SkippedInfo struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Severity grades a finding by its confidence.
type Severity string

// The severities, from most to least serious.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// SeverityOf maps a confidence to a severity: error from 0.7, warning
// from 0.5, info below.
func SeverityOf(confidence float64) Severity {
	switch {
	case confidence >= 0.7:
		return Error
	case confidence >= 0.5:
		return Warning
	}
	return Info
}

// A Finding is a slot on which the sources disagree.
type Finding struct {
	ID         string       `json:"id"`
	Kind       string       `json:"kind"` // "disagreement"
	Subject    string       `json:"subject"`
	Attribute  string       `json:"attribute"`
	Time       string       `json:"time"`
	Confidence float64      `json:"confidence"`
	Severity   Severity     `json:"severity"`
	Values     []ValueGroup `json:"values"`
	Reasons    []string     `json:"reasons"`
}

// An Agreement is a slot on which two or more sources state compatible
// values: a corroborated fact.
type Agreement struct {
	Kind      string       `json:"kind"` // "agreement"
	Subject   string       `json:"subject"`
	Attribute string       `json:"attribute"`
	Time      string       `json:"time"`
	Values    []ValueGroup `json:"values"`
	Sources   []string     `json:"sources"`
}

// A ValueGroup is one value as stated, with the sources that state it.
type ValueGroup struct {
	Text     string     `json:"text"`
	Value    Value      `json:"value"`
	Sources  []string   `json:"sources"`
	Evidence []Evidence `json:"evidence"`
}

// Value is the normalized form of a quantity in a report. Amounts are in
// base units; an open side of an interval is left out.
type Value struct {
	Kind   string   `json:"kind"`
	Unit   string   `json:"unit,omitempty"`
	Amount float64  `json:"amount"`
	Low    *float64 `json:"low,omitempty"`
	High   *float64 `json:"high,omitempty"`
	Bound  string   `json:"bound"`
	Date   string   `json:"date,omitempty"`
}
