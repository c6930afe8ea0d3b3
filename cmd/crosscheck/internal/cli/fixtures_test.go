package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

// expectation is a fixture event's expected.json.
type expectation struct {
	Event         string         `json:"event"`
	Description   string         `json:"description"`
	Disagreements []expectedFind `json:"disagreements"`
	Forbidden     []forbidden    `json:"forbidden"`
	Agreements    []expectedFind `json:"agreements"`
}

// expectedFind is a finding or agreement that must appear.
type expectedFind struct {
	Reason          string      `json:"reason"`
	Subject         string      `json:"subject"`
	Attribute       string      `json:"attribute"`
	AttributePrefix string      `json:"attribute_prefix"`
	MinConfidence   float64     `json:"min_confidence"`
	ReasonContains  string      `json:"reason_contains"`
	Values          []valueSpec `json:"values"`
	Sources         int         `json:"sources"`     // agreements: exactly this many sources
	MinSources      int         `json:"min_sources"` // agreements: at least this many
}

// forbidden says no finding at or above Below may oppose these values: with
// one value, no such finding may carry it at all; with two, they may not be
// a finding's main pair (its first two values).
type forbidden struct {
	Reason string      `json:"reason"`
	Values []valueSpec `json:"values"`
	Below  float64     `json:"below"`
}

// valueSpec matches a value group; zero fields are not checked.
type valueSpec struct {
	Kind    string   `json:"kind"`
	Unit    string   `json:"unit"`
	Amount  *float64 `json:"amount"`
	Low     *float64 `json:"low"`
	High    *float64 `json:"high"`
	Bound   string   `json:"bound"`
	Date    string   `json:"date"`
	Sources int      `json:"sources"`
}

func (v valueSpec) String() string {
	var parts []string
	if v.Kind != "" {
		parts = append(parts, v.Kind)
	}
	if v.Amount != nil {
		parts = append(parts, fmt.Sprint(*v.Amount))
	}
	if v.Low != nil || v.High != nil {
		parts = append(parts, fmt.Sprintf("[%v,%v]", ptr(v.Low), ptr(v.High)))
	}
	if v.Date != "" {
		parts = append(parts, v.Date)
	}
	return strings.Join(parts, " ")
}

func ptr(p *float64) any {
	if p == nil {
		return "…"
	}
	return *p
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func (v valueSpec) matches(g checker.ValueGroup) bool {
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
	case v.Low != nil && (val.Low == nil || !close(*v.Low, *val.Low)):
		return false
	case v.High != nil && (val.High == nil || !close(*v.High, *val.High)):
		return false
	}
	if v.Amount != nil {
		// An amount matches the stated figure, or a bound or range that is it.
		ok := close(*v.Amount, val.Amount) || (val.Low != nil && close(*v.Amount, *val.Low) && val.Bound == "at_least")
		if !ok {
			return false
		}
	}
	return true
}

// allMatch reports whether every spec matches a distinct value group.
func allMatch(specs []valueSpec, groups []checker.ValueGroup) bool {
	used := make([]bool, len(groups))
	for _, s := range specs {
		found := false
		for i, g := range groups {
			if !used[i] && s.matches(g) {
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

func (e expectedFind) slotMatches(subject, attribute string) bool {
	if e.Subject != "" && e.Subject != subject {
		return false
	}
	if e.Attribute != "" && e.Attribute != attribute {
		return false
	}
	return e.AttributePrefix == "" || strings.HasPrefix(attribute, e.AttributePrefix)
}

// runFixture checks one event directory through the command, as a user
// would: crosscheck check --format json DIR.
func runFixture(t *testing.T, dir string) *checker.Report {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main([]string{"check", "--format", "json", "--fail-level", "none", dir}, &IOStreams{Out: &out, ErrOut: &errOut})
	if code != ExitOK {
		t.Fatalf("crosscheck check %s: exit %d: %s", dir, code, errOut.String())
	}
	var r checker.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("crosscheck check %s: bad JSON: %v", dir, err)
	}
	return &r
}

// TestFixtures runs every fixture event and holds it to its expected.json:
// every expected finding present with its values at its confidence,
// nothing forbidden at or above its threshold, every expected agreement.
// It logs precision and recall at confidence 0.5 over all events.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "..", "..", "fixtures", "*", "expected.json"))
	if err != nil || len(dirs) < 6 {
		t.Fatalf("want at least 6 fixture events, found %d (%v)", len(dirs), err)
	}
	var tp, fn, fp int
	for _, path := range dirs {
		dir := filepath.Dir(path)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var exp expectation
			if err := json.Unmarshal(data, &exp); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			r := runFixture(t, dir)
			matched := make([]bool, len(r.Findings))
			for _, e := range exp.Disagreements {
				found := false
				for i, f := range r.Findings {
					if e.slotMatches(f.Subject, f.Attribute) && allMatch(e.Values, f.Values) {
						found = true
						matched[i] = true
						if f.Confidence < e.MinConfidence {
							t.Errorf("%s: confidence %.2f, want ≥ %.2f (%s)", describe(f), f.Confidence, e.MinConfidence, e.Reason)
						}
						if e.ReasonContains != "" && !strings.Contains(strings.Join(f.Reasons, "; "), e.ReasonContains) {
							t.Errorf("%s: reasons %q do not name %q", describe(f), f.Reasons, e.ReasonContains)
						}
					}
				}
				if found {
					tp++
				} else {
					fn++
					t.Errorf("missing disagreement: %s %v (%s)", e.Attribute, e.Values, e.Reason)
				}
			}
			for _, fb := range exp.Forbidden {
				for _, f := range r.Findings {
					groups := f.Values
					if len(fb.Values) >= 2 && len(groups) > 2 {
						groups = groups[:2]
					}
					if f.Confidence >= fb.Below && allMatch(fb.Values, groups) {
						t.Errorf("forbidden finding at %.2f: %s (%s)", f.Confidence, describe(f), fb.Reason)
					}
				}
			}
			for i, f := range r.Findings {
				if !matched[i] && f.Confidence >= 0.5 {
					fp++
					t.Logf("unexpected finding at %.2f: %s", f.Confidence, describe(f))
				}
			}
			for _, e := range exp.Agreements {
				found := false
				for _, a := range r.Agreements {
					if !e.slotMatches("", a.Attribute) || (e.Subject != "" && e.Subject != a.Subject) || !allMatch(e.Values, a.Values) {
						continue
					}
					if (e.Sources == 0 || len(a.Sources) == e.Sources) && len(a.Sources) >= e.MinSources {
						found = true
					}
				}
				if !found {
					t.Errorf("missing agreement: %s %v (%s)", e.Attribute, e.Values, e.Reason)
				}
			}
		})
	}
	if tp+fp > 0 && tp+fn > 0 {
		t.Logf("all fixture events at confidence ≥ 0.5: precision %.2f (%d/%d), recall %.2f (%d/%d)",
			float64(tp)/float64(tp+fp), tp, tp+fp, float64(tp)/float64(tp+fn), tp, tp+fn)
	}
}

func describe(f checker.Finding) string {
	var vals []string
	for _, v := range f.Values {
		vals = append(vals, fmt.Sprintf("%s%v", v.Text, v.Sources))
	}
	return fmt.Sprintf("%s · %s (%s): %s", f.Subject, f.Attribute, f.Time, strings.Join(vals, " vs "))
}
