package eval

import (
	"fmt"
	"strconv"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// Generated checks events written by newsgen from seed, each reported by
// outlets articles, and scores the findings against the disagreements the
// generator planted: a finding is right when two of its values are a
// planted disagreement's true and wrong values.
func Generated(seed uint64, events, outlets int, c *judge.Checker) (SuiteResult, error) {
	r := SuiteResult{Suite: "generated", Cases: events}
	g := newsgen.New(seed)
	for i := range events {
		ev := g.Event(fmt.Sprintf("gen-%04d", i), outlets)
		arts, err := articles(ev.Docs)
		if err != nil {
			return r, fmt.Errorf("event %s: %w", ev.ID, err)
		}
		if len(ev.Planted) == 0 {
			r.Negatives++
		}
		for _, p := range ev.Planted {
			r.Truth = append(r.Truth, Truth{ID: ev.ID + "#" + p.Fact, Case: ev.ID, What: fmt.Sprintf("%s: %s against %s (%s)", p.Fact, plain(p.True), plain(p.Wrong), p.Slip), Tags: []string{"slip:" + p.Slip}})
		}
		for _, f := range c.Check(arts).Findings {
			d := Detection{Case: ev.ID, Finding: Describe(f), Confidence: f.Confidence, X: factors(f)}
			for _, p := range ev.Planted {
				if statesAmount(f, p.True) && statesAmount(f, p.Wrong) {
					d.Covers, d.Strict, d.Tags = ev.ID+"#"+p.Fact, true, []string{"slip:" + p.Slip}
					break
				}
			}
			r.Detections = append(r.Detections, d)
		}
	}
	return r, nil
}

// plain writes a number without an exponent: 34300000000, 3.55.
func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// statesAmount reports whether a value group of f states amount v.
func statesAmount(f checker.Finding, v float64) bool {
	for _, g := range f.Values {
		if same(g.Value.Amount, v) {
			return true
		}
	}
	return false
}
