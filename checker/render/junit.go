package render

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name       string          `xml:"name,attr"`
		Tests      int             `xml:"tests,attr"`
		Failures   int             `xml:"failures,attr"`
		Errors     int             `xml:"errors,attr"`
		Properties []junitProperty `xml:"properties>property"`
		Cases      []junitCase     `xml:"testcase"`
	}
	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string         `xml:"name,attr"`
		Classname string         `xml:"classname,attr"`
		File      string         `xml:"file,attr,omitempty"`
		Failures  []junitFailure `xml:"failure"`
		// SystemOut lists the facts the draft states that no source
		// speaks to: not failures, but worth a look.
		SystemOut string `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Body    string `xml:",chardata"`
	}
)

// JUnit writes a JUnit XML report: one testcase per draft (per source in
// a check), with a failure per finding located in it, so CI systems that
// read test results show each disagreement, and the facts it states that
// no source speaks to in its system-out. The suite's properties count the
// findings suppressed and baselined, and the unsupported facts.
func JUnit(w io.Writer, r *checker.Report, opt Options) error {
	suite := junitSuite{Name: "crosscheck", Properties: []junitProperty{
		{Name: "suppressed", Value: strconv.Itoa(r.Suppressed)},
		{Name: "baselined", Value: strconv.Itoa(r.Baselined)},
		{Name: "unsupported", Value: strconv.Itoa(len(r.Unsupported))},
	}}
	for _, file := range files(r) {
		tc := junitCase{Name: pathOf(file, opt), Classname: "crosscheck", File: pathOf(file, opt)}
		for _, f := range r.Findings {
			if groupKey(f) != file {
				continue
			}
			var body strings.Builder
			if loc, ok := f.Location(); ok {
				fmt.Fprintf(&body, "%s:%d:%d: %s\n", pathOf(loc.Source, opt), loc.Line, loc.Column, loc.Sentence)
			}
			for _, e := range f.Related() {
				fmt.Fprintf(&body, "%s:%d:%d: %s\n", pathOf(e.Source, opt), e.Line, e.Column, e.Sentence)
			}
			fmt.Fprintf(&body, "why: %s\nid: %s\n", strings.Join(f.Reasons, "; "), f.ID)
			tc.Failures = append(tc.Failures, junitFailure{
				Message: fmt.Sprintf("[%s] %s (confidence %.2f)", f.Severity, message(f), f.Confidence),
				Type:    RuleID,
				Body:    body.String(),
			})
		}
		var out strings.Builder
		for _, u := range r.Unsupported {
			if loc, ok := unsupportedAt(u); ok && loc.Source == file {
				fmt.Fprintf(&out, "%s:%d:%d: [unsupported] %s\n", pathOf(loc.Source, opt), loc.Line, loc.Column, unsupportedMessage(u))
			}
		}
		tc.SystemOut = out.String()
		suite.Cases = append(suite.Cases, tc)
		suite.Tests++
		if len(tc.Failures) > 0 {
			suite.Failures++
		}
	}
	doc := junitSuites{Name: "crosscheck", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
