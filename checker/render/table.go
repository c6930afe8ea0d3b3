package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/crosscheck/crosscheck/checker"
)

// Table draws the findings as a table, then the top finding's two evidence
// sentences with their differing words marked, then the corroborated
// facts, the facts no source backs (lint --unsupported), and the findings
// left out by suppression comments and a baseline.
//
// Every line fits Options.Width (DefaultWidth when 0, MinWidth at the
// least): table cells wrap, and evidence is shortened around its figure.
func Table(w io.Writer, r *checker.Report, opt Options) error {
	width := tableWidth(opt)
	bold := newColor(opt.Color, color.Bold)
	sev := map[checker.Severity]*color.Color{
		checker.Error:   newColor(opt.Color, color.FgRed, color.Bold),
		checker.Warning: newColor(opt.Color, color.FgYellow),
		checker.Info:    newColor(opt.Color, color.Faint),
	}
	var b strings.Builder
	writeWrapped(&b, "", fmt.Sprintf("%s — %s, %s", bold.Sprint("crosscheck"), count(len(r.Sources), "source"), count(len(r.Findings), "disagreement")), width)
	b.WriteString("\n")
	if len(r.Findings) > 0 {
		rows := [][]string{{"Slot", "Value", "Sources", "Confidence"}}
		for _, f := range r.Findings {
			for i, v := range f.Values {
				row := []string{"", squash(v.Text), sourceList(v.Sources), ""}
				if i == 0 {
					row[0] = squash(slot(f.Subject, f.Attribute, f.Time))
					row[3] = sev[f.Severity].Sprintf("%.2f %s", f.Confidence, f.Severity)
				}
				rows = append(rows, row)
			}
		}
		if err := drawTable(&b, rows, width); err != nil {
			return err
		}
		top := r.Findings[0]
		b.WriteString("\n")
		writeWrapped(&b, bold.Sprint("Top finding:")+" ", fmt.Sprintf("%s (%.2f)", squash(slot(top.Subject, top.Attribute, top.Time)), top.Confidence), width)
		if ea, eb, ok := closestPair(top, opt, width); ok {
			ea.write(&b)
			eb.write(&b)
			writeWrapped(&b, "  diff: ", diffWords(ea.text, eb.text, opt.Color), width)
		}
		writeWrapped(&b, "  why: ", strings.Join(top.Reasons, "; "), width)
	} else {
		b.WriteString("No disagreements found.\n")
	}
	if len(r.Agreements) > 0 {
		fmt.Fprintf(&b, "\n%s\n", bold.Sprint("Corroborated:"))
		for _, a := range r.Agreements {
			writeWrapped(&b, "  ✓ ", fmt.Sprintf("%s: %s — %s", squash(slot(a.Subject, a.Attribute, a.Time)), squash(a.Values[0].Text), count(len(a.Sources), "source")), width)
		}
	}
	if len(r.Unsupported) > 0 {
		fmt.Fprintf(&b, "\n%s\n", bold.Sprint("Not backed by any source:"))
		for _, u := range r.Unsupported {
			where := "-"
			if e, ok := unsupportedAt(u); ok {
				where = fmt.Sprintf("%s:%d:%d", e.Source, e.Line, e.Column)
			}
			writeWrapped(&b, "  ", fmt.Sprintf("%s  %s: %s", squash(where), squash(slot(u.Subject, u.Attribute, u.Time)), squash(u.Values[0].Text)), width)
		}
	}
	if s := leftOut(r); s != "" {
		b.WriteString("\n")
		writeWrapped(&b, "", "Left out: "+s+".", width)
	}
	if len(r.Skipped) > 0 {
		b.WriteString("\n")
		for _, s := range r.Skipped {
			writeWrapped(&b, "", fmt.Sprintf("skipped %s: %s", squash(s.Path), squash(s.Reason)), width)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// drawTable draws rows, the first the header, with tablewriter, every
// column as wide as columnWidths gives it, so the table fits width. A
// slot that does not fit its column breaks after its "·" first.
func drawTable(w io.Writer, rows [][]string, width int) error {
	ws := columnWidths(rows, width)
	widths := tw.NewMapper[int, int]()
	for i, w := range ws {
		widths.Set(i, w+2) // and a space either side
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithColumnWidths(widths),
	)
	fit := func(row []string) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = breakWords(breakSlot(c, ws[i]), ws[i])
		}
		return out
	}
	t.Header(fit(rows[0]))
	for _, row := range rows[1:] {
		if err := t.Append(fit(row)); err != nil {
			return err
		}
	}
	return t.Render()
}

// breakSlot puts a slot ("Scale AI · deal value") that is wider than lim
// on two lines, subject and attribute, the "·" kept at the end of the
// subject when it fits there. Other text is returned as it is.
func breakSlot(s string, lim int) string {
	subject, attribute, ok := strings.Cut(s, " · ")
	if !ok || cols(s) <= lim {
		return s
	}
	lines := wrap(subject, lim)
	if last := lines[len(lines)-1]; cols(last)+2 <= lim {
		lines[len(lines)-1] = last + " ·"
	}
	return strings.Join(lines, "\n") + "\n" + attribute
}

// shownEvidence is a piece of evidence as the table shows it: where, and
// the sentence shortened to fit around its figure.
type shownEvidence struct {
	where string
	text  string
	// alone is true when where is too long to share a line with text.
	alone bool
	width int
}

func (s shownEvidence) write(b *strings.Builder) {
	if s.alone {
		writeWrapped(b, "  ", s.where, s.width)
		fmt.Fprintf(b, "    %s\n", s.text)
		return
	}
	fmt.Fprintf(b, "  %s  %s\n", s.where, s.text)
}

// showEvidence lays out e, evidence of the value v, in width columns.
func showEvidence(e checker.Evidence, v checker.ValueGroup, opt Options, width int) shownEvidence {
	s := shownEvidence{where: squash(fmt.Sprintf("%s:%d:%d", e.Source, e.Line, e.Column)), width: width}
	room := width - cols(s.where) - 4
	if room < width/2 {
		s.alone, room = true, width-4
	}
	s.text = excerpt(e.Sentence, figureText(e, v.Text, opt), room)
	return s
}

// figureText is the figure as e's sentence writes it: its text in the
// source when the source is at hand and the sentence holds it there,
// else the value's text.
func figureText(e checker.Evidence, text string, opt Options) string {
	a := opt.Articles[e.Source]
	if a == nil || e.EndLine < e.Line || e.Line < 1 || e.EndLine > len(a.LineStarts) {
		return text
	}
	start := a.LineStarts[e.Line-1] + e.Column - 1
	end := a.LineStarts[e.EndLine-1] + e.EndColumn - 1
	if start < 0 || end > len(a.Raw) || start >= end {
		return text
	}
	if raw := a.Raw[start:end]; strings.Contains(e.Sentence, raw) {
		return raw
	}
	return text
}

// closestPair picks, from the two main sides of a finding, the evidence
// sentences that share the most words as shown, so their diff shows the
// figures and little else.
func closestPair(f checker.Finding, opt Options, width int) (shownEvidence, shownEvidence, bool) {
	var ba, bb shownEvidence
	if len(f.Values) < 2 {
		return ba, bb, false
	}
	show := func(v checker.ValueGroup) []shownEvidence {
		out := make([]shownEvidence, len(v.Evidence))
		for i, e := range v.Evidence {
			out[i] = showEvidence(e, v, opt, width)
		}
		return out
	}
	as, bs := show(f.Values[0]), show(f.Values[1])
	best := -1.0
	for _, ea := range as {
		for _, eb := range bs {
			if s := similarity(ea.text, eb.text); s > best {
				ba, bb, best = ea, eb, s
			}
		}
	}
	return ba, bb, best >= 0
}

// diffWords is WordDiff for lines that may be wrapped: with colour on,
// each word is coloured on its own, so a line broken inside a change does
// not carry the colour onto the next line's indent.
func diffWords(a, b string, colour bool) string {
	if !colour {
		return WordDiff(a, b, false)
	}
	del := newColor(true, color.FgRed, color.CrossedOut)
	ins := newColor(true, color.FgGreen, color.Bold)
	var out []string
	for _, d := range wordDiff(a, b) {
		for _, w := range strings.Fields(d.Text) {
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				w = del.Sprint(w)
			case diffmatchpatch.DiffInsert:
				w = ins.Sprint(w)
			}
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
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
