package readtest

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	text, exps, err := parse("x.txt", "Headline // want `a · b \\(current\\) = 1`\nplain line\nno claim here // want none\ntwo // want \"x\" `y`\n")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "want") || strings.Count(text, "\n") != 4 {
		t.Errorf("article text %q: annotations must be cut and lines kept", text)
	}
	if len(exps) != 3 || exps[0].line != 1 || len(exps[0].wants) != 1 || !exps[1].none || exps[1].line != 3 || len(exps[2].wants) != 2 {
		t.Errorf("expectations %+v", exps)
	}
	for _, bad := range []string{"a // want", "a // want `(`"} {
		if _, _, err := parse("x.txt", bad); err == nil {
			t.Errorf("parse(%q): no error", bad)
		}
	}
}

// fake records what check reports.
type fake struct {
	testing.TB
	errs []string
}

func (f *fake) Helper()                        {}
func (f *fake) Errorf(format string, a ...any) { f.errs = append(f.errs, format) }

func TestCheck(t *testing.T) {
	_, exps, err := parse("x.txt", "l // want `deaths`\nm // want none\n")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		reason string
		e      expectation
		got    []string
		errs   int
	}{
		{"a matching claim passes", exps[0], []string{"(event) · deaths (current) = 3"}, 0},
		{"a missing claim fails", exps[0], nil, 1},
		{"an extra claim on an annotated line fails", exps[0], []string{"(event) · deaths (current) = 3", "x · age (current) = 4"}, 1},
		{"any claim on a none line fails", exps[1], []string{"x · age (current) = 4"}, 1},
	}
	for _, c := range cases {
		f := &fake{}
		check(f, "x.txt", c.e, c.got)
		if len(f.errs) != c.errs {
			t.Errorf("%s: %d errors, want %d", c.reason, len(f.errs), c.errs)
		}
	}
}
