package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// ExtractFormats lists the formats WriteExtraction knows.
var ExtractFormats = []string{"table", "text", "json", "jsonl"}

// WriteExtraction draws what extract found in the named format.
func WriteExtraction(w io.Writer, format string, x *checker.Extraction, opt Options) error {
	switch format {
	case "json":
		return indentJSON(w, x)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, e := range items(x) {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	case "text":
		return extractText(w, x, opt)
	case "table":
		return extractTable(w, x, opt)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(ExtractFormats, ", "))
}

func items(x *checker.Extraction) []checker.Extracted {
	if x.Quantities != nil {
		return x.Quantities
	}
	return x.Claims
}

// extractText writes one line per claim or quantity:
//
//	path:line:col	subject · attribute (time)	text	[how] hedges
//	path:line:col	kind	text	value
func extractText(w io.Writer, x *checker.Extraction, opt Options) error {
	var b strings.Builder
	for _, e := range items(x) {
		ev := e.Evidence
		fmt.Fprintf(&b, "%s:%d:%d\t", pathOf(ev.Source, opt), ev.Line, ev.Column)
		if e.How == nil {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", e.Value.Kind, e.Text, valueText(e.Value))
			continue
		}
		subj := e.Subject
		if subj == "" {
			subj = "(event)"
		}
		hedges := ""
		if len(e.Hedges) > 0 {
			hedges = " hedged: " + strings.Join(e.Hedges, ", ")
		}
		fmt.Fprintf(&b, "%s · %s (%s)\t%s\t[%s %.1f, %s %.1f]%s\n", subj, e.Attribute, e.Time, e.Text,
			e.How.Subject, e.How.SubjectScore, e.How.Attribute, e.How.AttributeScore, hedges)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func extractTable(w io.Writer, x *checker.Extraction, opt Options) error {
	quantities := x.Quantities != nil
	rows := [][]string{{"Where", "Slot", "Text", "Value", "How"}}
	if quantities {
		rows[0] = []string{"Where", "Text", "Kind", "Value"}
	}
	for _, e := range items(x) {
		where := squash(fmt.Sprintf("%s:%d:%d", pathOf(e.Evidence.Source, opt), e.Evidence.Line, e.Evidence.Column))
		if quantities {
			rows = append(rows, []string{where, squash(e.Text), e.Value.Kind, valueText(e.Value)})
			continue
		}
		how := fmt.Sprintf("%s %.1f, %s %.1f", e.How.Subject, e.How.SubjectScore, e.How.Attribute, e.How.AttributeScore)
		rows = append(rows, []string{where, squash(slot(e.Subject, e.Attribute, e.Time)), squash(e.Text), valueText(e.Value), how})
	}
	return drawTable(w, rows, tableWidth(opt))
}

// valueText writes a report value compactly: "USD 14300000000", "[200, ∞]", "49%", "28 year".
func valueText(v checker.Value) string {
	var b strings.Builder
	if v.Date != "" {
		return v.Date
	}
	if v.Kind == "money" && v.Unit != "" {
		b.WriteString(v.Unit + " ")
	}
	switch v.Bound {
	case "exact":
		b.WriteString(num(v.Amount))
	case "about":
		b.WriteString("~" + num(v.Amount))
	default:
		lo, hi := "-∞", "∞"
		if v.Low != nil {
			lo = num(*v.Low)
		}
		if v.High != nil {
			hi = num(*v.High)
		}
		fmt.Fprintf(&b, "[%s, %s]", lo, hi)
	}
	switch {
	case v.Kind == "money" || v.Unit == "":
	case v.Unit == "%" || v.Unit == "pp":
		b.WriteString(v.Unit)
	default:
		b.WriteString(" " + v.Unit)
	}
	return b.String()
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
