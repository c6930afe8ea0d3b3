package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/eval"
)

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
			exp, err := eval.LoadExpectation(path)
			if err != nil {
				t.Fatal(err)
			}
			r := runFixture(t, dir)
			matched := make([]bool, len(r.Findings))
			for _, e := range exp.Disagreements {
				found := false
				for i, f := range r.Findings {
					if e.SlotMatches(f.Subject, f.Attribute) && eval.AllMatch(e.Values, f.Values) {
						found = true
						matched[i] = true
						if f.Confidence < e.MinConfidence {
							t.Errorf("%s: confidence %.2f, want ≥ %.2f (%s)", eval.Describe(f), f.Confidence, e.MinConfidence, e.Reason)
						}
						if e.ReasonContains != "" && !strings.Contains(strings.Join(f.Reasons, "; "), e.ReasonContains) {
							t.Errorf("%s: reasons %q do not name %q", eval.Describe(f), f.Reasons, e.ReasonContains)
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
					// Only the opposed pair counts, as the dev sets' scorer
					// counts traps: further rows are the fact's other values.
					groups := f.Values
					if len(groups) > 2 {
						groups = groups[:2]
					}
					if f.Confidence >= fb.Below && eval.AllMatch(fb.Values, groups) {
						t.Errorf("forbidden finding at %.2f: %s (%s)", f.Confidence, eval.Describe(f), fb.Reason)
					}
				}
			}
			for i, f := range r.Findings {
				if !matched[i] && f.Confidence >= 0.5 {
					fp++
					t.Logf("unexpected finding at %.2f: %s", f.Confidence, eval.Describe(f))
				}
			}
			for _, e := range exp.Agreements {
				found := false
				for _, a := range r.Agreements {
					if !e.SlotMatches("", a.Attribute) || (e.Subject != "" && e.Subject != a.Subject) || !eval.AllMatch(e.Values, a.Values) {
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
