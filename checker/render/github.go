package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

var githubLevel = map[checker.Severity]string{checker.Error: "error", checker.Warning: "warning", checker.Info: "notice"}

// GitHub writes GitHub Actions workflow commands, one per finding:
//
//	::error file=draft.md,line=3,col=25,endLine=3,endColumn=38,title=…::message
//
// which the runner turns into annotations on the lines they name.
func GitHub(w io.Writer, r *checker.Report, opt Options) error {
	var b strings.Builder
	for _, f := range r.Findings {
		title := "crosscheck: " + slot(f.Subject, f.Attribute, f.Time)
		msg := fmt.Sprintf("%s (confidence %.2f)", message(f), f.Confidence)
		props := []string{}
		if loc, ok := f.Location(); ok {
			el, ec := endOf(loc)
			props = append(props,
				"file="+escapeProperty(pathOf(loc.Source, opt)),
				fmt.Sprintf("line=%d", loc.Line), fmt.Sprintf("col=%d", loc.Column),
				fmt.Sprintf("endLine=%d", el), fmt.Sprintf("endColumn=%d", ec))
			if len(f.Values) > 1 {
				// The contradicting value's first few statements: an
				// annotation is read in place, not scrolled.
				ev := f.Values[1].Evidence
				if f.Draft == "" {
					ev = f.Values[0].Evidence
				}
				for i, e := range ev {
					if i == 3 {
						msg += fmt.Sprintf("\n… and %d more", len(ev)-3)
						break
					}
					msg += fmt.Sprintf("\n%s:%d:%d: %s", pathOf(e.Source, opt), e.Line, e.Column, e.Sentence)
				}
			}
		}
		props = append(props, "title="+escapeProperty(title))
		fmt.Fprintf(&b, "::%s %s::%s\n", githubLevel[f.Severity], strings.Join(props, ","), escapeData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeData escapes a workflow command's message as the runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as data,
// and also : and , which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
