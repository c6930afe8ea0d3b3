package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/crosscheck/crosscheck/checker"
)

// Table draws the findings as a table, then the top finding's two evidence
// sentences with their differing words marked, then the corroborated facts.
func Table(w io.Writer, r *checker.Report, opt Options) error {
	width := opt.Width
	if width <= 0 {
		width = 100
	}
	bold := newColor(opt.Color, color.Bold)
	sev := map[checker.Severity]*color.Color{
		checker.Error:   newColor(opt.Color, color.FgRed, color.Bold),
		checker.Warning: newColor(opt.Color, color.FgYellow),
		checker.Info:    newColor(opt.Color, color.Faint),
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s, %s\n\n", bold.Sprint("crosscheck"), count(len(r.Sources), "source"), count(len(r.Findings), "disagreement"))
	if len(r.Findings) > 0 {
		t := tablewriter.NewTable(&b,
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowAutoWrap(tw.WrapNormal),
			tablewriter.WithMaxWidth(width),
		)
		t.Header("Slot", "Value", "Sources", "Confidence")
		for _, f := range r.Findings {
			for i, v := range f.Values {
				row := []string{"", v.Text, sourceList(v.Sources), ""}
				if i == 0 {
					row[0] = slot(f.Subject, f.Attribute, f.Time)
					row[3] = sev[f.Severity].Sprintf("%.2f %s", f.Confidence, f.Severity)
				}
				if err := t.Append(row); err != nil {
					return err
				}
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		top := r.Findings[0]
		fmt.Fprintf(&b, "\n%s %s (%.2f)\n", bold.Sprint("Top finding:"), slot(top.Subject, top.Attribute, top.Time), top.Confidence)
		if ea, eb, ok := closestPair(top); ok {
			fmt.Fprintf(&b, "  %s:%d:%d  %s\n", ea.Source, ea.Line, ea.Column, ea.Sentence)
			fmt.Fprintf(&b, "  %s:%d:%d  %s\n", eb.Source, eb.Line, eb.Column, eb.Sentence)
			fmt.Fprintf(&b, "  diff: %s\n", WordDiff(ea.Sentence, eb.Sentence, opt.Color))
		}
		fmt.Fprintf(&b, "  why: %s\n", strings.Join(top.Reasons, "; "))
	} else {
		b.WriteString("No disagreements found.\n")
	}
	if len(r.Agreements) > 0 {
		fmt.Fprintf(&b, "\n%s\n", bold.Sprint("Corroborated:"))
		for _, a := range r.Agreements {
			fmt.Fprintf(&b, "  ✓ %s: %s — %s\n", slot(a.Subject, a.Attribute, a.Time), a.Values[0].Text, count(len(a.Sources), "source"))
		}
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "\nskipped %s: %s", s.Path, s.Reason)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// closestPair picks, from the two main sides of a finding, the evidence
// sentences that share the most words, so their diff shows the figures
// and little else.
func closestPair(f checker.Finding) (checker.Evidence, checker.Evidence, bool) {
	var ba, bb checker.Evidence
	if len(f.Values) < 2 {
		return ba, bb, false
	}
	best := -1.0
	for _, ea := range f.Values[0].Evidence {
		for _, eb := range f.Values[1].Evidence {
			if s := similarity(ea.Sentence, eb.Sentence); s > best {
				ba, bb, best = ea, eb, s
			}
		}
	}
	return ba, bb, best >= 0
}

// similarity is the Jaccard index of two sentences' lower-case words.
func similarity(a, b string) float64 {
	wa := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(a)) {
		wa[w] = true
	}
	wb := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		wb[w] = true
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	union := len(wa) + len(wb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// newColor returns a colour that prints plainly when on is false, without
// touching fatih/color's package-wide switch.
func newColor(on bool, attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if on {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c
}
