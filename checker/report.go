package checker

import (
	"bytes"
	"encoding/json"
)

// SchemaVersion is the version of the JSON report contract (design.md).
const SchemaVersion = 1

// A Report is the outcome of a check: the sources read, the disagreements
// found and the facts the sources agree on. It is what every renderer
// draws and what `--format json` prints.
//
// Its JSON always carries every list, empty or not, and both counts:
// a reader never has to tell a missing list from an empty one.
type Report struct {
	SchemaVersion int           `json:"schema_version"`
	Sources       []SourceInfo  `json:"sources"`
	Findings      []Finding     `json:"findings"`
	Agreements    []Agreement   `json:"agreements"`
	Skipped       []SkippedInfo `json:"skipped"`
	// Duplicates are inputs merged into another source because they are
	// the same article (same URL or same text): not a second source.
	Duplicates []DuplicateInfo `json:"duplicates"`
	// Drafts lists the drafts of a lint run; their findings carry Draft.
	Drafts []string `json:"drafts"`
	// Unsupported are the facts a draft states that no source speaks to
	// (lint with --unsupported).
	Unsupported []Agreement `json:"unsupported"`
	// Suppressed and Baselined count the findings left out by comments in
	// a draft and by a baseline file.
	Suppressed int `json:"suppressed"`
	Baselined  int `json:"baselined"`
	// Tool names the program that wrote the report, when it says.
	Tool *Tool `json:"tool,omitempty"`
}

// A Tool names a program and its version.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// MarshalJSON writes the report with every list present: a nil list, at
// any depth, is written as [], never null or left out.
func (r Report) MarshalJSON() ([]byte, error) {
	type plain Report // the fields without this method
	p := plain(r)
	p.Sources = list(p.Sources)
	p.Findings = each(p.Findings, func(f *Finding) {
		f.Values = each(f.Values, fillGroup)
		f.Reasons = list(f.Reasons)
	})
	p.Agreements = each(p.Agreements, fillAgreement)
	p.Unsupported = each(p.Unsupported, fillAgreement)
	p.Skipped = list(p.Skipped)
	p.Duplicates = list(p.Duplicates)
	p.Drafts = list(p.Drafts)
	return encode(p)
}

// encode is json.Marshal with HTML left as is: the caller's encoder
// escapes it when it is asked to.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func fillAgreement(a *Agreement) {
	a.Values = each(a.Values, fillGroup)
	a.Sources = list(a.Sources)
}

func fillGroup(g *ValueGroup) {
	g.Sources = list(g.Sources)
	g.Evidence = list(g.Evidence)
}

// list returns s, or an empty list when s is nil.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// each returns a copy of s, never nil, with fill applied to every element;
// s itself is left as it was.
func each[T any](s []T, fill func(*T)) []T {
	out := make([]T, len(s))
	copy(out, s)
	for i := range out {
		fill(&out[i])
	}
	return out
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
	SyndicatedWith []string `json:"syndicated_with"`
}

// MarshalJSON writes the source with syndicated_with always present, []
// when the source is no one's near copy.
func (s SourceInfo) MarshalJSON() ([]byte, error) {
	type plain SourceInfo // the fields without this method
	p := plain(s)
	p.SyndicatedWith = list(p.SyndicatedWith)
	return encode(p)
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
