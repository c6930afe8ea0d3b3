package render

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// Options control how a report is drawn.
type Options struct {
	// Color turns on ANSI colours (table and diff). The caller decides:
	// off for a pipe or when NO_COLOR is set.
	Color bool
	// Paths maps a source ID to the path to show in locations; the ID is
	// shown when a source is missing.
	Paths map[string]string
	// Width is the columns a table may take, the terminal's width or
	// --width: 0 means DefaultWidth, and less than MinWidth is MinWidth.
	Width int
	// Root is the directory paths are made relative to (the repository
	// root for SARIF); "" leaves them as given.
	Root string
	// Version is crosscheck's version, for SARIF's tool.driver.
	Version string
	// Articles maps a source ID to its article, for formats that count
	// columns in other units than bytes (SARIF); it may be nil.
	Articles map[string]*checker.Article
}

// Formats lists the formats Write knows, in the order --help shows them.
var Formats = []string{"table", "text", "json", "sarif", "rdjsonl", "rdjson", "github", "markdown", "junit"}

// Write draws r in the named format.
func Write(w io.Writer, format string, r *checker.Report, opt Options) error {
	switch format {
	case "table":
		return Table(w, r, opt)
	case "text":
		return Text(w, r, opt)
	case "json":
		return JSON(w, r)
	case "sarif":
		return SARIF(w, r, opt)
	case "rdjsonl":
		return RDJSONL(w, r, opt)
	case "rdjson":
		return RDJSON(w, r, opt)
	case "github":
		return GitHub(w, r, opt)
	case "markdown":
		return Markdown(w, r, opt)
	case "junit":
		return JUnit(w, r, opt)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// JSON writes the report contract, indented, with a final newline.
func JSON(w io.Writer, r *checker.Report) error { return indentJSON(w, r) }

// indentJSON writes v indented, HTML left as is, with a final newline.
func indentJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Text writes one line per finding, as linters do:
//
//	path:line:col: [severity] subject · attribute: $15B (2 sources) vs $14.3 billion (3 sources) (confidence 0.94)
//
// The location is the first evidence of the minority value, the one an
// editor most likely has to correct. The facts a draft states that no
// source speaks to follow, one a line tagged [unsupported], and last a
// line saying how many findings were left out, when any were.
func Text(w io.Writer, r *checker.Report, opt Options) error {
	var b strings.Builder
	for _, f := range r.Findings {
		loc := "-"
		if e, ok := f.Location(); ok {
			loc = fmt.Sprintf("%s:%d:%d", pathOf(e.Source, opt), e.Line, e.Column)
		}
		fmt.Fprintf(&b, "%s: [%s] %s (confidence %.2f)\n", loc, f.Severity, message(f), f.Confidence)
	}
	for _, u := range r.Unsupported {
		loc := "-"
		if e, ok := unsupportedAt(u); ok {
			loc = fmt.Sprintf("%s:%d:%d", pathOf(e.Source, opt), e.Line, e.Column)
		}
		fmt.Fprintf(&b, "%s: [unsupported] %s\n", loc, unsupportedMessage(u))
	}
	if s := leftOut(r); s != "" {
		fmt.Fprintf(&b, "crosscheck: left out %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// slot names a slot: "Scale AI · valuation", with the time when it is
// not the current one.
func slot(subject, attribute, time string) string {
	s := attribute
	if subject != "" {
		s = subject + " · " + attribute
	}
	if time != "" && time != "current" {
		s += " (" + time + ")"
	}
	return s
}

// versus lists the competing values, the minority first when minorityFirst.
func versus(vs []checker.ValueGroup, minorityFirst bool) string {
	parts := make([]string, 0, len(vs))
	for _, v := range vs {
		parts = append(parts, fmt.Sprintf("%s (%s)", v.Text, count(len(v.Sources), "source")))
	}
	if minorityFirst && len(parts) >= 2 {
		parts[0], parts[1] = parts[1], parts[0]
	}
	return strings.Join(parts, " vs ")
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// sourceList joins source IDs, sorted.
func sourceList(ids []string) string {
	s := append([]string(nil), ids...)
	sort.Strings(s)
	return strings.Join(s, ", ")
}
