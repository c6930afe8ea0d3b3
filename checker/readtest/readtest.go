package readtest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/read"
)

// An expectation is one line's annotations.
type expectation struct {
	line  int
	wants []*regexp.Regexp
	none  bool
}

var wantRE = regexp.MustCompile("`([^`]*)`" + `|"((?:[^"\\]|\\.)*)"`)

// parse splits a test file into its article text (annotations cut off)
// and the expectations of its lines.
func parse(path string, data string) (string, []expectation, error) {
	var lines []string
	var exps []expectation
	for i, l := range strings.Split(data, "\n") {
		text, ann, ok := strings.Cut(l, "// want")
		lines = append(lines, strings.TrimRight(text, " \t"))
		if !ok {
			continue
		}
		e := expectation{line: i + 1}
		if strings.TrimSpace(ann) == "none" {
			e.none = true
			exps = append(exps, e)
			continue
		}
		for _, m := range wantRE.FindAllStringSubmatch(ann, -1) {
			pat := m[1]
			if pat == "" {
				pat = strings.ReplaceAll(m[2], `\"`, `"`)
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				return "", nil, fmt.Errorf("%s:%d: bad want %q: %w", path, i+1, pat, err)
			}
			e.wants = append(e.wants, re)
		}
		if len(e.wants) == 0 {
			return "", nil, fmt.Errorf("%s:%d: // want with no pattern (quote it, or say none)", path, i+1)
		}
		exps = append(exps, e)
	}
	return strings.Join(lines, "\n"), exps, nil
}

// Describe writes a claim as annotations match it.
func Describe(c checker.Claim) string {
	subject := c.Subject
	if subject == "" {
		subject = "(event)"
	}
	return fmt.Sprintf("%s · %s (%s) = %s", subject, c.Attribute, c.Time, c.Quantity.String())
}

// Run reads every *.txt file of dir as an article, extracts its claims
// with lex, and checks them against the files' annotations.
func Run(t *testing.T, lex *read.Lexicon, dir string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("readtest: no test files in %s (%v)", dir, err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, exps, err := parse(p, string(data))
		if err != nil {
			t.Fatal(err)
		}
		art := article(filepath.Base(p), text)
		byLine := map[int][]string{}
		for _, c := range (read.Extractor{Lex: lex}).Extract([]*checker.Article{art}) {
			byLine[c.Evidence.Line] = append(byLine[c.Evidence.Line], Describe(c))
		}
		for _, e := range exps {
			check(t, p, e, byLine[e.line])
		}
	}
}

func check(t testing.TB, path string, e expectation, got []string) {
	t.Helper()
	if e.none {
		for _, g := range got {
			t.Errorf("%s:%d: unexpected claim %s (want none)", path, e.line, g)
		}
		return
	}
	used := make([]bool, len(got))
	for _, re := range e.wants {
		hit := false
		for i, g := range got {
			if !used[i] && re.MatchString(g) {
				used[i], hit = true, true
				break
			}
		}
		if !hit {
			t.Errorf("%s:%d: no claim matches %q; got %q", path, e.line, re, got)
		}
	}
	for i, g := range got {
		if !used[i] {
			t.Errorf("%s:%d: unexpected claim %s", path, e.line, g)
		}
	}
}

// article makes an article of one paragraph a line.
func article(id, text string) *checker.Article {
	a := &checker.Article{ID: strings.TrimSuffix(id, ".txt"), Path: id, Raw: text, LineStarts: checker.LineStarts(text)}
	off := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			a.Paragraphs = append(a.Paragraphs, checker.Paragraph{Text: l, Offset: off})
		}
		off += len(l) + 1
	}
	return a
}
