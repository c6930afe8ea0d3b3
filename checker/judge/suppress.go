package judge

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// A Suppression is a region of a draft in which an editor has accepted
// findings, written as a Markdown or HTML comment:
//
//	<!-- crosscheck-disable-next-line -->
//	<!-- crosscheck-disable attribute="deal value" -->
//	…
//	<!-- crosscheck-enable -->
//
// disable-next-line covers the next line that is not blank; disable covers
// every line up to the next crosscheck-enable (or the end of the file).
// The filters attribute, subject and id narrow a suppression to the
// findings that match all that are given (names compare case-insensitively).
type Suppression struct {
	From, To               int // lines, inclusive
	Attribute, Subject, ID string
}

// Suppressions are the suppression comments of one draft.
type Suppressions []Suppression

// A DirectiveError is a crosscheck comment that cannot be read.
type DirectiveError struct {
	Path string
	Line int
	Msg  string
}

func (e *DirectiveError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg) }

var (
	commentRE = regexp.MustCompile(`(?s)<!--\s*(crosscheck-[a-z-]*)(.*?)-->`)
	filterRE  = regexp.MustCompile(`^\s*([a-z]+)="([^"]*)"`)
)

// ParseSuppressions reads the suppression comments of a draft.
func ParseSuppressions(a *checker.Article) (Suppressions, error) {
	var out Suppressions
	var open []Suppression
	lines := len(a.LineStarts)
	for _, m := range commentRE.FindAllStringSubmatchIndex(a.Raw, -1) {
		line, _ := a.Position(m[0])
		endLine, _ := a.Position(m[1] - 1)
		verb := a.Raw[m[2]:m[3]]
		s := Suppression{}
		rest := a.Raw[m[4]:m[5]]
		for strings.TrimSpace(rest) != "" {
			f := filterRE.FindStringSubmatch(rest)
			if f == nil {
				return nil, &DirectiveError{a.Path, line, fmt.Sprintf("%s: cannot read %q (want key=\"value\" with key attribute, subject or id)", verb, strings.TrimSpace(rest))}
			}
			switch f[1] {
			case "attribute":
				s.Attribute = f[2]
			case "subject":
				s.Subject = f[2]
			case "id":
				s.ID = f[2]
			default:
				return nil, &DirectiveError{a.Path, line, fmt.Sprintf("%s: unknown filter %q (want attribute, subject or id)", verb, f[1])}
			}
			rest = rest[len(f[0]):]
		}
		switch verb {
		case "crosscheck-disable-next-line":
			next := endLine + 1
			for next <= lines && strings.TrimSpace(lineText(a, next)) == "" {
				next++
			}
			s.From, s.To = next, next
			out = append(out, s)
		case "crosscheck-disable":
			s.From, s.To = line, lines
			open = append(open, s)
		case "crosscheck-enable":
			if s != (Suppression{}) {
				return nil, &DirectiveError{a.Path, line, "crosscheck-enable takes no filters: it ends every open crosscheck-disable"}
			}
			if len(open) == 0 {
				return nil, &DirectiveError{a.Path, line, "crosscheck-enable with no crosscheck-disable before it"}
			}
			for _, o := range open {
				o.To = line
				out = append(out, o)
			}
			open = nil
		default:
			return nil, &DirectiveError{a.Path, line, fmt.Sprintf("unknown directive %q (want crosscheck-disable-next-line, crosscheck-disable or crosscheck-enable)", verb)}
		}
	}
	return append(out, open...), nil
}

// lineText returns line n (1-based) of a's original text.
func lineText(a *checker.Article, n int) string {
	if n < 1 || n > len(a.LineStarts) {
		return ""
	}
	start := a.LineStarts[n-1]
	end := len(a.Raw)
	if n < len(a.LineStarts) {
		end = a.LineStarts[n]
	}
	return a.Raw[start:end]
}

// Covers reports whether a suppression accepts finding f, judged at its
// Location.
func (ss Suppressions) Covers(f checker.Finding) bool {
	loc, ok := f.Location()
	if !ok {
		return false
	}
	for _, s := range ss {
		if loc.Line < s.From || loc.Line > s.To {
			continue
		}
		if s.Attribute != "" && !strings.EqualFold(s.Attribute, f.Attribute) {
			continue
		}
		if s.Subject != "" && !strings.EqualFold(s.Subject, f.Subject) {
			continue
		}
		if s.ID != "" && s.ID != f.ID {
			continue
		}
		return true
	}
	return false
}
