package config

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/sources"
)

// seed reads the seed event's articles.
func seed(t *testing.T) []*checker.Article {
	t.Helper()
	res, err := sources.Load([]string{filepath.Join("..", "..", "..", "..", "fixtures", "meta-scale")}, sources.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Articles
}

func hasAttribute(r *checker.Report, attr string) bool {
	return slices.ContainsFunc(r.Findings, func(f checker.Finding) bool { return f.Attribute == attr })
}

// TestCheckerAppliesEveryKey: Check and Lint weigh the articles by
// outlet and drop the findings an ignore rule names, besides the
// tolerances and synonyms set on the checker; the seed's valuation
// finding is there without the rule.
func TestCheckerAppliesEveryKey(t *testing.T) {
	plain, err := Default().NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	c := Default()
	c.Ignore = []Ignore{{Attribute: "valuation"}}
	c.Outlets = map[string]float64{"dual-ai-strategy": 3}
	k, err := c.NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		run    func(*Checker, []*checker.Article) (*checker.Report, error)
		reason string
	}{
		{"check", func(k *Checker, arts []*checker.Article) (*checker.Report, error) { return k.Check(arts), nil }, "check and batch check through Check"},
		{"lint", func(k *Checker, arts []*checker.Article) (*checker.Report, error) {
			i := slices.IndexFunc(arts, func(a *checker.Article) bool { return a.ID == "bold-move-superintelligence" })
			return k.Lint(arts[i:i+1], slices.Delete(slices.Clone(arts), i, i+1))
		}, "lint checks drafts through Lint"},
	}
	for _, tt := range tests {
		r, err := tt.run(plain, seed(t))
		if err != nil || !hasAttribute(r, "valuation") {
			t.Fatalf("%s without the rule: %v, findings %+v; want the seed's valuation finding", tt.name, err, r)
		}
		arts := seed(t)
		r, err = tt.run(k, arts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if hasAttribute(r, "valuation") {
			t.Errorf("%s: the ignored valuation finding is in the report (%s)", tt.name, tt.reason)
		}
		i := slices.IndexFunc(arts, func(a *checker.Article) bool { return a.ID == "dual-ai-strategy" })
		if i < 0 || arts[i].Weight != 3 {
			t.Errorf("%s: dual-ai-strategy was not given its weight of 3 (%s)", tt.name, tt.reason)
		}
	}
}
