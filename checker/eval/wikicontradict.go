package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/newsgen"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/sources"
)

// A ContradictionCase is one line of WikiContradict's cases.jsonl: two
// passages, and whether they disagree.
type ContradictionCase struct {
	ID         string        `json:"id"`
	Expect     string        `json:"expect"` // "disagree" or "agree"
	Slot       string        `json:"slot"`   // number, date or person
	Explicit   bool          `json:"explicit"`
	Title      string        `json:"title"`
	Question   string        `json:"question"`
	GoldValues []string      `json:"gold_values"`
	Docs       []newsgen.Doc `json:"docs"`
}

// Tags are the groups a case is scored in: "explicit" or "implicit",
// "slot:number" (or date, person), and "explicit number/date" for the
// explicit cases of the slots rules can read.
func (c ContradictionCase) Tags() []string {
	tags := []string{"implicit", "slot:" + c.Slot}
	if c.Explicit {
		tags[0] = "explicit"
		if c.Slot == "number" || c.Slot == "date" {
			tags = append(tags, "explicit number/date")
		}
	}
	return tags
}

// LoadContradictions reads WikiContradict cases, one JSON object a line.
func LoadContradictions(path string) ([]ContradictionCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cs []ContradictionCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c ContradictionCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if c.Expect != "disagree" && c.Expect != "agree" {
			return nil, fmt.Errorf("%s:%d: expect %q: want disagree or agree", path, n, c.Expect)
		}
		if len(c.Docs) < 2 {
			return nil, fmt.Errorf("%s:%d: case %s has %d docs, want 2 or more", path, n, c.ID, len(c.Docs))
		}
		cs = append(cs, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cs, nil
}

// Contradictions checks each case's passages as sources, one source a
// passage, and scores the cases: a disagree case must be flagged by a
// finding, an agree case must not. A case's detection is its most
// confident finding; it is strict when some finding carries a value of
// each gold answer.
func Contradictions(cases []ContradictionCase, c *judge.Checker) (SuiteResult, error) {
	r := SuiteResult{Suite: "wikicontradict", Cases: len(cases)}
	for _, cc := range cases {
		arts, err := articles(cc.Docs)
		if err != nil {
			return r, fmt.Errorf("case %s: %w", cc.ID, err)
		}
		tags := cc.Tags()
		if cc.Expect == "disagree" {
			r.Truth = append(r.Truth, Truth{ID: cc.ID, Case: cc.ID, What: cc.Question, Tags: tags})
		} else {
			r.Negatives++
		}
		fs := c.Check(arts).Findings
		if len(fs) == 0 {
			continue
		}
		top := fs[0] // findings come most confident first
		d := Detection{Case: cc.ID, Finding: Describe(top), Confidence: top.Confidence, Tags: tags, X: factors(top)}
		if cc.Expect == "disagree" {
			d.Covers = cc.ID
			for _, f := range fs {
				if carriesBoth(f, cc.GoldValues) {
					d.Strict = true
					break
				}
			}
		}
		r.Detections = append(r.Detections, d)
	}
	return r, nil
}

// carriesBoth reports whether two distinct value groups of f state a
// quantity of the first gold answer and one of the second.
func carriesBoth(f checker.Finding, gold []string) bool {
	if len(gold) < 2 {
		return false
	}
	a, b := goldQuantities(gold[0]), goldQuantities(gold[1])
	for i, g := range f.Values {
		for j, h := range f.Values {
			if i != j && valueIn(g.Value, a) && valueIn(h.Value, b) {
				return true
			}
		}
	}
	return false
}

// goldQuantities reads the quantities of a gold answer.
func goldQuantities(s string) []checker.Value {
	a, err := sources.Parse("gold.txt", []byte(s))
	if err != nil {
		return nil
	}
	var sc read.Scanner
	var vs []checker.Value
	for _, f := range sc.Quantities(a, nil) {
		vs = append(vs, checker.ValueOf(f.Quantity))
	}
	return vs
}

// valueIn reports whether v is one of vs: the same kind of thing and the
// same amount, or the same interval.
func valueIn(v checker.Value, vs []checker.Value) bool {
	for _, w := range vs {
		if v.Unit != w.Unit {
			continue
		}
		if v.Date != "" || w.Date != "" {
			if v.Date == w.Date {
				return true
			}
			continue
		}
		if same(v.Amount, w.Amount) || (v.Low != nil && w.Low != nil && same(*v.Low, *w.Low) && eqPtr(v.High, w.High)) {
			return true
		}
	}
	return false
}

func eqPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return same(*a, *b)
}

// articles reads each doc as a text source named after its outlet.
func articles(docs []newsgen.Doc) ([]*checker.Article, error) {
	arts := make([]*checker.Article, 0, len(docs))
	for _, d := range docs {
		a, err := sources.Parse(d.Source+".txt", []byte(d.Text))
		if err != nil {
			return nil, fmt.Errorf("doc %s: %w", d.Source, err)
		}
		a.ID = d.Source
		arts = append(arts, a)
	}
	return arts, nil
}
