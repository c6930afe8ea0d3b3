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
// which the runner turns into annotations on the lines they name; then a
// notice per fact a draft states that no source speaks to, and a notice
// with no file saying how many findings were left out, when any were.
func GitHub(w io.Writer, r *checker.Report, opt Options) error {
	var b strings.Builder
	for _, f := range r.Findings {
		title := "crosscheck: " + slot(f.Subject, f.Attribute, f.Time)
		msg := fmt.Sprintf("%s (confidence %.2f)", message(f), f.Confidence)
		props := []string{}
		if loc, ok := f.Location(); ok {
			props = append(props, githubPlace(loc, opt)...)
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
	for _, u := range r.Unsupported {
		var props []string
		if loc, ok := unsupportedAt(u); ok {
			props = append(props, githubPlace(loc, opt)...)
		}
		props = append(props, "title="+escapeProperty("crosscheck: not backed by any source: "+slot(u.Subject, u.Attribute, u.Time)))
		fmt.Fprintf(&b, "::notice %s::%s\n", strings.Join(props, ","), escapeData(unsupportedMessage(u)))
	}
	if s := leftOut(r); s != "" {
		fmt.Fprintf(&b, "::notice title=%s::%s\n", escapeProperty("crosscheck: findings left out"), escapeData("Left out: "+s+"."))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// githubPlace are the properties of a command that place it at e.
func githubPlace(e checker.Evidence, opt Options) []string {
	el, ec := endOf(e)
	return []string{
		"file=" + escapeProperty(pathOf(e.Source, opt)),
		fmt.Sprintf("line=%d", e.Line), fmt.Sprintf("col=%d", e.Column),
		fmt.Sprintf("endLine=%d", el), fmt.Sprintf("endColumn=%d", ec),
	}
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
