package render

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// BatchMarkdown writes a batch run's report.md: the counts, then each
// event with findings, most confident first, as a table of its values.
func BatchMarkdown(w io.Writer, s *checker.BatchSummary, events iter.Seq[checker.EventReport]) error {
	fmt.Fprintf(w, "# crosscheck batch report\n\n")
	fmt.Fprintf(w, "%d records: %d articles checked, %d merged duplicates, %d alone in their event, %d skipped. ",
		s.Articles.Records, s.Articles.Checked, s.Articles.Duplicates, s.Articles.Singletons, s.Articles.Skipped)
	fmt.Fprintf(w, "%d events, %d with disagreements: %d errors, %d warnings, %d info.\n\n",
		s.Events.Total, s.Events.WithFindings, s.Findings[checker.Error], s.Findings[checker.Warning], s.Findings[checker.Info])
	for ev := range events {
		if len(ev.Findings) == 0 {
			continue
		}
		fmt.Fprintf(w, "## %s\n\n`%s` · %d sources\n\n| confidence | slot | values |\n|---|---|---|\n", cell(ev.Title), ev.ID, len(ev.Sources))
		for _, f := range ev.Findings {
			var vals []string
			for _, g := range f.Values {
				vals = append(vals, fmt.Sprintf("%s (%s)", g.Text, strings.Join(g.Sources, ", ")))
			}
			fmt.Fprintf(w, "| %.2f | %s · %s | %s |\n", f.Confidence, cell(f.Subject), cell(f.Attribute), cell(strings.Join(vals, " vs ")))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// BatchJSON writes a batch run's report.json: {"summary": …, "events": […]}.
// The summary is s as summary.json writes it (a checker.BatchSummary and
// what the caller adds to it: the tool and its settings).
func BatchJSON(w io.Writer, s any, events iter.Seq[checker.EventReport]) error {
	head, err := json.Marshal(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "{\"summary\":%s,\"events\":[", head)
	first := true
	for ev := range events {
		line, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		if !first {
			io.WriteString(w, ",")
		}
		first = false
		w.Write(line)
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}
