package judge

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

// lintOf lints drafts against refs with the shipped checker.
func lintOf(t *testing.T, drafts, refs []*checker.Article) *checker.Report {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Lint(drafts, refs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const (
	says24 = "Harbor Systems agreed to pay $2.4 billion for Tidewater Labs, the companies said on Monday."
	says27 = "Harbor Systems agreed to pay $2.7 billion for Tidewater Labs, the companies said on Monday."
)

func TestLint(t *testing.T) {
	tests := []struct {
		name       string
		draft      string
		refs       []string
		findings   []string // "value in draft -> value against"
		agreements int
		reason     string
	}{
		{"contradicted", says27, []string{says24, says24}, []string{"$2.7 billion -> $2.4 billion"}, 0,
			"two sources against the draft's figure"},
		{"backed", says24, []string{says24, says24}, nil, 1,
			"the draft agrees: an agreement, no finding"},
		{"split evenly", says24, []string{says24, says27}, nil, 0,
			"the sources split 1–1 and the draft sides with one: not the draft's error"},
		{"outnumbered", says24, []string{says24, says27, says27}, []string{"$2.4 billion -> $2.7 billion"}, 0,
			"two sources against one that backs the draft"},
		{"a true lower bound", "The flooding killed more than 100 people in the valley, officials said.",
			[]string{"The flooding killed 250 people in the valley, officials said.", "The flooding killed 250 people in the valley, officials said."}, nil, 1,
			"a gate fails a build only on what cannot be true: the draft's bound holds, however far below the sources' figure"},
	}
	for _, tt := range tests {
		var refs []*checker.Article
		for i, s := range tt.refs {
			refs = append(refs, checker.ArticleOfLines("ref"+string(rune('a'+i)), s))
		}
		r := lintOf(t, []*checker.Article{checker.ArticleOfLines("draft", tt.draft)}, refs)
		var got []string
		for _, f := range r.Findings {
			got = append(got, f.Values[0].Text+" -> "+f.Values[1].Text)
			if f.Draft != "draft" || f.Values[0].Sources[0] != "draft" {
				t.Errorf("%s: finding %+v is not about the draft", tt.name, f)
			}
			if loc, ok := f.Location(); !ok || loc.Source != "draft" || loc.Line != 1 || loc.Column != strings.Index(tt.draft, "$")+1 {
				t.Errorf("%s: location %+v, want the draft's figure", tt.name, loc)
			}
		}
		if strings.Join(got, "; ") != strings.Join(tt.findings, "; ") {
			t.Errorf("%s: findings %q, want %q (%s)", tt.name, got, tt.findings, tt.reason)
		}
		if len(r.Agreements) != tt.agreements {
			t.Errorf("%s: %d agreements, want %d (%s)", tt.name, len(r.Agreements), tt.agreements, tt.reason)
		}
	}
}

func TestLintOutnumberedSaysWhoBacksTheDraft(t *testing.T) {
	r := lintOf(t, []*checker.Article{checker.ArticleOfLines("draft", says24)}, []*checker.Article{checker.ArticleOfLines("a", says24), checker.ArticleOfLines("b", says27), checker.ArticleOfLines("c", says27)})
	if len(r.Findings) != 1 {
		t.Fatalf("findings = %+v, want 1", r.Findings)
	}
	reasons := strings.Join(r.Findings[0].Reasons, "; ")
	if !strings.Contains(reasons, "draft states $2.4 billion; 2 of 3 sources state $2.7 billion") || !strings.Contains(reasons, "1 source back the draft") {
		t.Errorf("reasons = %q: they must count the sources on each side", reasons)
	}
}

func TestLintDraftsAreNotEachOthersReferences(t *testing.T) {
	a := checker.ArticleOfLines("a", says27)
	b := checker.ArticleOfLines("b", says24)
	r := lintOf(t, []*checker.Article{a, b}, []*checker.Article{checker.ArticleOfLines("ref", says24)})
	if len(r.Findings) != 1 || r.Findings[0].Draft != "a" {
		t.Errorf("findings = %+v: only draft a contradicts the reference; b's figure must not count against a, nor a's against b", r.Findings)
	}
	if strings.Join(r.Drafts, ",") != "a,b" {
		t.Errorf("drafts = %v, want a,b in the order given", r.Drafts)
	}
}

func TestLintUnsupported(t *testing.T) {
	draft := says24 + "\nTidewater Labs employs 340 people."
	r := lintOf(t, []*checker.Article{checker.ArticleOfLines("draft", draft)}, []*checker.Article{checker.ArticleOfLines("ref", says24)})
	if len(r.Unsupported) != 1 || r.Unsupported[0].Values[0].Text != "340" || r.Unsupported[0].Kind != "unsupported" {
		t.Errorf("unsupported = %+v, want the staff count that no source states", r.Unsupported)
	}
}

func TestLintSuppression(t *testing.T) {
	for _, tt := range []struct {
		comment    string
		suppressed bool
		reason     string
	}{
		{"<!-- crosscheck-disable-next-line -->", true, "the next line"},
		{"<!-- crosscheck-disable-next-line attribute=\"deal value\" -->", true, "the finding's attribute"},
		{"<!-- crosscheck-disable-next-line attribute=\"age\" -->", false, "another attribute"},
		{"<!-- crosscheck-disable subject=\"tidewater labs\" -->", true, "a region to the end, subject case-insensitive"},
		{"<!-- crosscheck-disable -->\n<!-- crosscheck-enable -->", false, "a region closed before the figure"},
	} {
		draft := "# Draft\n" + tt.comment + "\n\n" + says27 + "\n"
		a := checker.ArticleOfLines("draft", draft)
		a.Paragraphs = []checker.Paragraph{{Text: says27, Offset: strings.Index(draft, says27)}}
		r := lintOf(t, []*checker.Article{a}, []*checker.Article{checker.ArticleOfLines("x", says24), checker.ArticleOfLines("y", says24)})
		if got := r.Suppressed == 1 && len(r.Findings) == 0; got != tt.suppressed {
			t.Errorf("%s: suppressed %d, findings %d; want suppressed %v (%s)", tt.comment, r.Suppressed, len(r.Findings), tt.suppressed, tt.reason)
		}
	}
}

func TestParseSuppressionsErrors(t *testing.T) {
	for _, tt := range []struct {
		text, want, reason string
	}{
		{"a\n<!-- crosscheck-disable-line -->\n", `draft.md:2: unknown directive "crosscheck-disable-line"`, "a misspelt directive must not silently suppress nothing"},
		{"<!-- crosscheck-disable atribute=\"age\" -->", `draft.md:1: crosscheck-disable: unknown filter "atribute"`, "a misspelt filter"},
		{"<!-- crosscheck-disable attribute=age -->", `cannot read "attribute=age"`, "an unquoted value"},
		{"<!-- crosscheck-enable -->", "crosscheck-enable with no crosscheck-disable", "an enable with nothing to end"},
	} {
		a := checker.ArticleOfLines("draft", tt.text)
		a.Path = "draft.md"
		_, err := ParseSuppressions(a)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseSuppressions(%q) error = %v, want %q (%s)", tt.text, err, tt.want, tt.reason)
		}
	}
}

func TestParseSuppressionsRanges(t *testing.T) {
	text := "one\n<!-- crosscheck-disable-next-line -->\n\ntwo\n<!-- crosscheck-disable id=\"abc\" -->\nthree\n<!-- crosscheck-enable -->\nfour\n"
	a := checker.ArticleOfLines("d", text)
	ss, err := ParseSuppressions(a)
	if err != nil {
		t.Fatal(err)
	}
	want := Suppressions{{From: 4, To: 4}, {From: 5, To: 7, ID: "abc"}}
	if len(ss) != len(want) {
		t.Fatalf("suppressions = %+v, want %+v", ss, want)
	}
	for i := range want {
		if ss[i] != want[i] {
			t.Errorf("suppression %d = %+v, want %+v (next-line skips blank lines; a region ends at its enable)", i, ss[i], want[i])
		}
	}
}

func TestLintCorroboration(t *testing.T) {
	const (
		wide = "Northwind Freight will cut between 150 and 250 jobs at its Leeds depot, the union said."
		low  = "Northwind Freight will cut 160 jobs at its Leeds depot, the union said."
		high = "Northwind Freight will cut 240 jobs at its Leeds depot, the union said."
	)
	tests := []struct {
		name    string
		draft   string
		refs    []string
		sources []string // of the one agreement; nil for none
		reason  string
	}{
		{"two references back the draft", says24, []string{says24, says24}, []string{"refa", "refb"},
			"the draft is not its own corroboration: two sources, not three"},
		{"one reference backs the draft", says24, []string{says24}, []string{"refa"},
			"a single reference still corroborates, and is counted once"},
		{"the references contradict each other", wide, []string{low, high}, nil,
			"160 and 240 both fall in the draft's range, but they cannot both be true: nothing is corroborated"},
		{"the references agree within the draft's range", wide, []string{low, low}, []string{"refa", "refb"},
			"two references state one value inside the draft's range"},
	}
	for _, tt := range tests {
		var refs []*checker.Article
		for i, s := range tt.refs {
			refs = append(refs, checker.ArticleOfLines("ref"+string(rune('a'+i)), s))
		}
		r := lintOf(t, []*checker.Article{checker.ArticleOfLines("draft", tt.draft)}, refs)
		if len(r.Findings) != 0 {
			t.Errorf("%s: findings %+v, want none (%s)", tt.name, r.Findings, tt.reason)
		}
		if tt.sources == nil {
			if len(r.Agreements) != 0 {
				t.Errorf("%s: agreements %+v, want none (%s)", tt.name, r.Agreements, tt.reason)
			}
			continue
		}
		if len(r.Agreements) != 1 {
			t.Errorf("%s: %d agreements %+v, want 1 (%s)", tt.name, len(r.Agreements), r.Agreements, tt.reason)
			continue
		}
		a := r.Agreements[0]
		if strings.Join(a.Sources, ",") != strings.Join(tt.sources, ",") {
			t.Errorf("%s: agreement sources %v, want %v (%s)", tt.name, a.Sources, tt.sources, tt.reason)
		}
		if a.Values[0].Sources[0] != "draft" {
			t.Errorf("%s: first value %+v, want the draft's, so the agreement is placed in the draft", tt.name, a.Values[0])
		}
	}
}
