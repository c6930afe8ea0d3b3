package judge

import (
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

// FuzzCheck runs the whole pipeline on two articles made from arbitrary
// text: it must not panic, every piece of evidence must point at the
// figure it quotes, and the figures read with the claims must be those a
// Scanner reads.
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
		arts := []*checker.Article{checker.ArticleOfLines("a", a), checker.ArticleOfLines("b", b)}
		r := c.Check(arts)
		sameFigures(t, c, arts)
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

func findingsOf(as []checker.Agreement) []checker.Finding {
	var out []checker.Finding
	for _, a := range as {
		out = append(out, checker.Finding{Values: a.Values})
	}
	return out
}

// FuzzLint lints a draft made of arbitrary text, with suppression
// comments in it, against one reference: it must not panic, every finding
// must be located in the draft, and a suppression comment that cannot be
// read must be an error, never a panic.
func FuzzLint(f *testing.F) {
	for _, s := range []string{
		"Harbor paid $2.7 billion for Tidewater.|Harbor paid $2.4 billion for Tidewater.",
		"<!-- crosscheck-disable-next-line -->\nHarbor paid $2.7bn.|Harbor paid $2.4bn.",
		"<!-- crosscheck-disable attribute=\"deal value\" -->\nHarbor paid $2.7bn.\n<!-- crosscheck-enable -->|Harbor paid $2.4bn.",
		"<!-- crosscheck-enable -->|x",
		"<!-- crosscheck-disable subject=\"a\" id=\"b\"|<!--",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ref, _ := strings.Cut(s, "|")
		r, err := c.Lint([]*checker.Article{checker.ArticleOfLines("draft", d)}, []*checker.Article{checker.ArticleOfLines("ref", ref)})
		if err != nil {
			var de *DirectiveError
			if !errors.As(err, &de) || de.Line < 1 {
				t.Fatalf("Lint error %v is not a DirectiveError with a line", err)
			}
			return
		}
		for _, fd := range r.Findings {
			loc, ok := fd.Location()
			if fd.Draft != "draft" || !ok || loc.Source != "draft" || loc.Offset > len(d) {
				t.Fatalf("finding %+v is not located in the draft", fd)
			}
		}
	})
}

// FuzzParseSuppressions reads arbitrary text for suppression comments:
// every suppression it returns covers lines of the text, in order.
func FuzzParseSuppressions(f *testing.F) {
	for _, s := range []string{
		"<!-- crosscheck-disable-next-line -->\n\nx",
		"<!-- crosscheck-disable attribute=\"age\" subject=\"b\" -->\n<!-- crosscheck-enable -->",
		"<!-- crosscheck-disable-next-line id=\"\" -->",
		"<!--crosscheck-->",
		"<!-- crosscheck-disable attribute=\"a",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := checker.ArticleOfLines("d", s)
		ss, err := ParseSuppressions(a)
		if err != nil {
			return
		}
		lines := len(a.LineStarts)
		for _, x := range ss {
			if x.From < 1 || x.From > x.To || x.To > lines+1 {
				t.Fatalf("suppression %+v outside lines 1..%d of %q", x, lines, s)
			}
		}
	})
}
