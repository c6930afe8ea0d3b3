package render

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/checker"
)

// The Reviewdog Diagnostic Format (rdjson / rdjsonl), as reviewdog's
// proto/rdf defines it: positions are 1-based, columns in UTF-8 bytes.
type (
	rdResult struct {
		Source      rdSource       `json:"source"`
		Severity    string         `json:"severity,omitempty"`
		Diagnostics []rdDiagnostic `json:"diagnostics"`
	}
	rdSource struct {
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	rdDiagnostic struct {
		Message          string      `json:"message"`
		Location         rdLocation  `json:"location"`
		Severity         string      `json:"severity"`
		Source           *rdSource   `json:"source,omitempty"`
		Code             *rdCode     `json:"code,omitempty"`
		OriginalOutput   string      `json:"original_output,omitempty"`
		RelatedLocations []rdRelated `json:"related_locations,omitempty"`
	}
	rdCode struct {
		Value string `json:"value"`
		URL   string `json:"url,omitempty"`
	}
	rdLocation struct {
		Path  string   `json:"path"`
		Range *rdRange `json:"range,omitempty"`
	}
	rdRange struct {
		Start rdPosition `json:"start"`
		End   rdPosition `json:"end"`
	}
	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	rdRelated struct {
		Message  string     `json:"message"`
		Location rdLocation `json:"location"`
	}
)

var rdSeverity = map[checker.Severity]string{checker.Error: "ERROR", checker.Warning: "WARNING", checker.Info: "INFO"}

func rdLoc(e checker.Evidence, opt Options) rdLocation {
	el, ec := endOf(e)
	return rdLocation{Path: pathOf(e.Source, opt), Range: &rdRange{Start: rdPosition{e.Line, e.Column}, End: rdPosition{el, ec}}}
}

// rdDiagnostics are a diagnostic per finding, an INFO diagnostic per fact
// a draft states that no source speaks to, and, when findings were left
// out, an INFO diagnostic saying so, on the first draft with no range.
func rdDiagnostics(r *checker.Report, opt Options) []rdDiagnostic {
	out := []rdDiagnostic{}
	for _, f := range r.Findings {
		loc, ok := f.Location()
		if !ok {
			continue // a finding with no evidence has nowhere to point
		}
		d := rdDiagnostic{
			Message:  fmt.Sprintf("%s (confidence %.2f)", message(f), f.Confidence),
			Location: rdLoc(loc, opt),
			Severity: rdSeverity[f.Severity],
			Source:   &rdSource{Name: "crosscheck", URL: infoURI},
			Code:     &rdCode{Value: f.ID},
		}
		for _, e := range f.Related() {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{Message: fmt.Sprintf("%s says: %s", e.Source, e.Sentence), Location: rdLoc(e, opt)})
		}
		out = append(out, d)
	}
	for _, u := range r.Unsupported {
		loc, ok := unsupportedAt(u)
		if !ok {
			continue
		}
		out = append(out, rdDiagnostic{
			Message:  unsupportedMessage(u),
			Location: rdLoc(loc, opt),
			Severity: rdSeverity[checker.Info],
			Source:   &rdSource{Name: "crosscheck", URL: infoURI},
			Code:     &rdCode{Value: UnsupportedRuleID},
		})
	}
	if s := leftOut(r); s != "" {
		if fs := files(r); len(fs) > 0 {
			out = append(out, rdDiagnostic{
				Message:  "Left out: " + s + ".",
				Location: rdLocation{Path: pathOf(fs[0], opt)},
				Severity: rdSeverity[checker.Info],
				Source:   &rdSource{Name: "crosscheck", URL: infoURI},
			})
		}
	}
	return out
}

// RDJSONL writes one reviewdog diagnostic per line (reviewdog -f=rdjsonl).
func RDJSONL(w io.Writer, r *checker.Report, opt Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range rdDiagnostics(r, opt) {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

// RDJSON writes a reviewdog DiagnosticResult (reviewdog -f=rdjson).
func RDJSON(w io.Writer, r *checker.Report, opt Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rdResult{Source: rdSource{Name: "crosscheck", URL: infoURI}, Diagnostics: rdDiagnostics(r, opt)})
}
