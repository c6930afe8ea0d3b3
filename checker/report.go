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
	// Duplicates are inputs merged into another source because they are
	// the same article (same URL or same text): not a second source.
	Duplicates []DuplicateInfo `json:"duplicates,omitempty"`
	// Drafts lists the drafts of a lint run; their findings carry Draft.
	Drafts []string `json:"drafts,omitempty"`
	// Unsupported are the facts a draft states that no source speaks to
	// (lint with --unsupported).
	Unsupported []Agreement `json:"unsupported,omitempty"`
	// Suppressed and Baselined count the findings left out by comments in
	// a draft and by a baseline file.
	Suppressed int `json:"suppressed,omitempty"`
	Baselined  int `json:"baselined,omitempty"`
}

// SourceInfo describes one article in a report.
type SourceInfo struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Byline    string `json:"byline,omitempty"`
	// SyndicatedWith lists the sources this one is a near copy of (wire
	// copy with a paragraph changed): not independent corroboration.
	SyndicatedWith []string `json:"syndicated_with,omitempty"`
}

// MarkSyndicated records that sources a and b are near copies of each
// other (SourceInfo.SyndicatedWith).
func (r *Report) MarkSyndicated(a, b string) {
	for i := range r.Sources {
		switch r.Sources[i].ID {
		case a:
			r.Sources[i].SyndicatedWith = append(r.Sources[i].SyndicatedWith, b)
		case b:
			r.Sources[i].SyndicatedWith = append(r.Sources[i].SyndicatedWith, a)
		}
	}
}

// DuplicateInfo is an input merged into an earlier one.
type DuplicateInfo struct {
	Path        string `json:"path"`
	DuplicateOf string `json:"duplicate_of"`
	Reason      string `json:"reason"`
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
	// Draft is, in a lint report, the draft the finding is about; its
	// value is Values[0].
	Draft string `json:"draft,omitempty"`
	// Factors are what Confidence was computed from; not part of the
	// JSON contract. Nil in a report read back from JSON.
	Factors *Factors `json:"-"`
}

// Location is where an editor should look: in a lint report, the draft's
// statement; otherwise the first evidence of the minority value, the one
// most likely to need correcting. ok is false when there is no evidence.
func (f Finding) Location() (e Evidence, ok bool) {
	i := 1
	if f.Draft != "" {
		i = 0
	}
	if len(f.Values) <= i || len(f.Values[i].Evidence) == 0 {
		return Evidence{}, false
	}
	return f.Values[i].Evidence[0], true
}

// Related returns the evidence of the finding's other values: the
// sentences that contradict the one at Location.
func (f Finding) Related() []Evidence {
	loc, _ := f.Location()
	var out []Evidence
	for _, v := range f.Values {
		for _, e := range v.Evidence {
			if e.Source == loc.Source && e.Line == loc.Line && e.Column == loc.Column {
				continue
			}
			out = append(out, e)
		}
	}
	return out
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
