package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// Markdown writes a summary for a GitHub step summary or a pull-request
// comment: a heading with the counts, then, per file with findings, a
// table of them, and a collapsed section with each finding's evidence.
func Markdown(w io.Writer, r *checker.Report, opt Options) error {
	var b strings.Builder
	what := count(len(r.Sources), "source")
	if len(r.Drafts) > 0 {
		what = fmt.Sprintf("%s against %s", count(len(r.Drafts), "draft"), count(len(r.Sources)-len(r.Drafts), "source"))
	}
	fmt.Fprintf(&b, "## crosscheck: %s\n\n%s checked.", count(len(r.Findings), "finding"), what)
	if s := leftOut(r); s != "" {
		fmt.Fprintf(&b, " Left out: %s.", s)
	}
	b.WriteString("\n")
	for _, file := range files(r) {
		var fs []checker.Finding
		for _, f := range r.Findings {
			if groupKey(f) == file {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### `%s`\n\n", pathOf(file, opt))
		b.WriteString("| Line | Severity | Confidence | Finding |\n|---:|---|---:|---|\n")
		for _, f := range fs {
			line := "–"
			if loc, ok := f.Location(); ok {
				line = fmt.Sprintf("%d:%d", loc.Line, loc.Column)
			}
			fmt.Fprintf(&b, "| %s | %s | %.2f | %s |\n", line, f.Severity, f.Confidence, cell(message(f)))
		}
		for _, f := range fs {
			fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", htmlEscape(slot(f.Subject, f.Attribute, f.Time)))
			for _, v := range f.Values {
				fmt.Fprintf(&b, "- **%s** (%s)\n", cell(v.Text), sourceList(v.Sources))
				for _, e := range v.Evidence {
					fmt.Fprintf(&b, "  - `%s:%d:%d` %s\n", pathOf(e.Source, opt), e.Line, e.Column, cell(e.Sentence))
				}
			}
			fmt.Fprintf(&b, "\nWhy: %s. Finding id `%s`.\n\n</details>\n", cell(strings.Join(f.Reasons, "; ")), f.ID)
		}
	}
	if len(r.Findings) == 0 {
		b.WriteString("\nNo disagreements found.\n")
	}
	if len(r.Unsupported) > 0 {
		b.WriteString("\n### Not backed by any source\n\n")
		for _, u := range r.Unsupported {
			e := u.Values[0].Evidence[0]
			fmt.Fprintf(&b, "- `%s:%d:%d` %s: %s\n", pathOf(e.Source, opt), e.Line, e.Column, cell(slot(u.Subject, u.Attribute, u.Time)), cell(u.Values[0].Text))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell makes text safe in a Markdown table cell or list item.
func cell(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ", "|", `\|`).Replace(s)
	return htmlEscape(s)
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
