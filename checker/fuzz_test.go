package checker

import (
	"strings"
	"testing"
)

// FuzzCheck runs the whole pipeline on two articles made from arbitrary
// text: it must not panic, and every piece of evidence must point at the
// figure it quotes.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Meta paid $14.3 billion for a 49% stake in Scale AI.|Meta paid $15bn for a 49% stake in Scale AI.",
		"The 28-year-old founded Scale in 2016.|At just 28, Wang, 29, is",
		"Officials said 1,412 were injured, 300 of them seriously.|In 2009, 74 people died",
		"its plant in Eindhoven, the Dutch chipmaker|the company, the startup, he, she, his",
		"€85m (£72m) a five-year contract|£75million four-year deal (",
		"Budget, due on 25 March|on 26 March, the Budget",
		"$|%|-|,|(|the|of|in 2016,|and that|Mr.|A",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, _ := strings.Cut(s, "|")
		arts := []*Article{article("a", a), article("b", b)}
		r := c.Check(arts)
		raw := map[string]string{"a": a, "b": b}
		for _, fd := range append(r.Findings, findingsOf(r.Agreements)...) {
			for _, v := range fd.Values {
				for _, e := range v.Evidence {
					if e.Line < 1 || e.Column < 1 || e.Offset < 0 || e.Offset > len(raw[e.Source]) {
						t.Fatalf("evidence %+v out of range of %q", e, raw[e.Source])
					}
				}
			}
		}
	})
}

func findingsOf(as []Agreement) []Finding {
	var out []Finding
	for _, a := range as {
		out = append(out, Finding{Values: a.Values})
	}
	return out
}
