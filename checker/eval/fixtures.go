package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/sources"
)

// An Expectation is a fixture event's expected.json: the disagreements a
// check of its articles must find, the findings it must not make, and the
// agreements it must see.
type Expectation struct {
	Event         string            `json:"event"`
	Description   string            `json:"description"`
	Disagreements []ExpectedFinding `json:"disagreements"`
	Forbidden     []Forbidden       `json:"forbidden"`
	Agreements    []ExpectedFinding `json:"agreements"`
}

// An ExpectedFinding is a finding or agreement that must appear.
type ExpectedFinding struct {
	Reason          string      `json:"reason"`
	Subject         string      `json:"subject"`
	Attribute       string      `json:"attribute"`
	AttributePrefix string      `json:"attribute_prefix"`
	MinConfidence   float64     `json:"min_confidence"`
	ReasonContains  string      `json:"reason_contains"`
	Values          []ValueSpec `json:"values"`
	Sources         int         `json:"sources"`     // agreements: exactly this many sources
	MinSources      int         `json:"min_sources"` // agreements: at least this many
}

// Forbidden says no finding at or above Below may oppose these values:
// with one value, no such finding may carry it at all; with two, they may
// not be a finding's main pair (its first two values).
type Forbidden struct {
	Reason string      `json:"reason"`
	Values []ValueSpec `json:"values"`
	Below  float64     `json:"below"`
}

// A ValueSpec matches a value group; zero fields are not checked.
type ValueSpec struct {
	Kind    string   `json:"kind"`
	Unit    string   `json:"unit"`
	Amount  *float64 `json:"amount"`
	Low     *float64 `json:"low"`
	High    *float64 `json:"high"`
	Bound   string   `json:"bound"`
	Date    string   `json:"date"`
	Sources int      `json:"sources"`
}

// LoadExpectation reads a fixture's expected.json.
func LoadExpectation(path string) (Expectation, error) {
	var e Expectation
	data, err := os.ReadFile(path)
	if err != nil {
		return e, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return e, fmt.Errorf("%s: %w", path, err)
	}
	return e, nil
}

func (v ValueSpec) String() string {
	var parts []string
	if v.Kind != "" {
		parts = append(parts, v.Kind)
	}
	if v.Amount != nil {
		parts = append(parts, fmt.Sprint(*v.Amount))
	}
	if v.Low != nil || v.High != nil {
		parts = append(parts, fmt.Sprintf("[%v,%v]", orDots(v.Low), orDots(v.High)))
	}
	if v.Date != "" {
		parts = append(parts, v.Date)
	}
	return strings.Join(parts, " ")
}

func orDots(p *float64) any {
	if p == nil {
		return "…"
	}
	return *p
}

func same(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// Matches reports whether value group g is what v describes.
func (v ValueSpec) Matches(g checker.ValueGroup) bool {
	val := g.Value
	switch {
	case v.Kind != "" && v.Kind != val.Kind && !(v.Kind == "count" && val.Kind == "number"):
		return false
	case v.Unit != "" && v.Unit != val.Unit:
		return false
	case v.Bound != "" && v.Bound != val.Bound:
		return false
	case v.Date != "" && v.Date != val.Date:
		return false
	case v.Sources != 0 && v.Sources != len(g.Sources):
		return false
	case v.Low != nil && (val.Low == nil || !same(*v.Low, *val.Low)):
		return false
	case v.High != nil && (val.High == nil || !same(*v.High, *val.High)):
		return false
	}
	if v.Amount != nil {
		// An amount matches the stated figure, or a lower bound that is it.
		if !same(*v.Amount, val.Amount) && !(val.Low != nil && same(*v.Amount, *val.Low) && val.Bound == "at_least") {
			return false
		}
	}
	return true
}

// AllMatch reports whether every spec matches a distinct value group.
func AllMatch(specs []ValueSpec, groups []checker.ValueGroup) bool {
	used := make([]bool, len(groups))
	for _, s := range specs {
		found := false
		for i, g := range groups {
			if !used[i] && s.Matches(g) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// SlotMatches reports whether a finding about subject and attribute is in
// the slot e names.
func (e ExpectedFinding) SlotMatches(subject, attribute string) bool {
	if e.Subject != "" && e.Subject != subject {
		return false
	}
	if e.Attribute != "" && e.Attribute != attribute {
		return false
	}
	return e.AttributePrefix == "" || strings.HasPrefix(attribute, e.AttributePrefix)
}

// Describe writes a finding in one line, for reading.
func Describe(f checker.Finding) string {
	var vals []string
	for _, v := range f.Values {
		vals = append(vals, fmt.Sprintf("%s%v", v.Text, v.Sources))
	}
	return fmt.Sprintf("%s · %s (%s): %s", f.Subject, f.Attribute, f.Time, strings.Join(vals, " vs "))
}

// Fixtures checks every event under dir (each a directory with an
// expected.json) with c and scores its findings: a finding is right when
// it is one of the event's expected disagreements.
func Fixtures(dir string, c *judge.Checker) (SuiteResult, error) {
	r := SuiteResult{Suite: "fixtures"}
	paths, err := filepath.Glob(filepath.Join(dir, "*", "expected.json"))
	if err != nil {
		return r, err
	}
	if len(paths) == 0 {
		return r, fmt.Errorf("%s: no fixture events (no */expected.json)", dir)
	}
	sort.Strings(paths)
	for _, path := range paths {
		exp, err := LoadExpectation(path)
		if err != nil {
			return r, err
		}
		event := filepath.Base(filepath.Dir(path))
		res, err := sources.Load([]string{filepath.Dir(path)}, sources.Options{})
		if err != nil {
			return r, fmt.Errorf("%s: %w", event, err)
		}
		r.Cases++
		if len(exp.Disagreements) == 0 {
			r.Negatives++
		}
		for i, e := range exp.Disagreements {
			r.Truth = append(r.Truth, Truth{ID: fmt.Sprintf("%s#%d", event, i), Case: event, What: e.Reason})
		}
		for _, f := range c.Check(res.Articles).Findings {
			d := Detection{Case: event, Finding: Describe(f), Confidence: f.Confidence, X: factors(f)}
			for i, e := range exp.Disagreements {
				if e.SlotMatches(f.Subject, f.Attribute) && AllMatch(e.Values, f.Values) {
					d.Covers, d.Strict = fmt.Sprintf("%s#%d", event, i), true
					break
				}
			}
			r.Detections = append(r.Detections, d)
		}
	}
	return r, nil
}

// factors returns a finding's factors as a vector, nil when it has none.
func factors(f checker.Finding) []float64 {
	if f.Factors == nil {
		return nil
	}
	return f.Factors.Vector()
}
