package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/reviewdog/reviewdog/proto/rdf"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/crosscheck/crosscheck/checker"
)

// lintReport is a lint report whose draft line holds non-ASCII text
// before the figure, and whose messages hold every character the CI
// formats must escape: % : , and a line break.
func lintReport() (*checker.Report, Options) {
	draft := "# Draft\n« Café » bought Harbor: 50% for $14bn, sources say.\n"
	arts := map[string]*checker.Article{"draft": {ID: "draft", Raw: draft, LineStarts: checker.LineStarts(draft)}}
	r := &checker.Report{
		SchemaVersion: checker.SchemaVersion,
		Sources:       []checker.SourceInfo{{ID: "draft", Path: "drafts/draft 1.md"}, {ID: "ledger", Path: "refs/ledger.txt"}},
		Drafts:        []string{"draft"},
		Findings: []checker.Finding{{
			ID: "0123456789ab", Kind: "disagreement", Subject: "Harbor, Inc: 100%", Attribute: "deal value", Time: "current",
			Confidence: 0.91, Severity: checker.Error, Draft: "draft",
			Reasons: []string{"draft states $14bn; 1 of 1 sources state $15bn"},
			Values: []checker.ValueGroup{
				{Text: "$14bn", Sources: []string{"draft"}, Value: checker.Value{Kind: "money", Unit: "USD", Amount: 14e9, Bound: "exact"},
					Evidence: []checker.Evidence{{Source: "draft", Line: 2, Column: 36, EndLine: 2, EndColumn: 41, Sentence: "« Café » bought Harbor: 50% for $14bn,\nsources say."}}},
				{Text: "$15bn", Sources: []string{"ledger"}, Value: checker.Value{Kind: "money", Unit: "USD", Amount: 15e9, Bound: "exact"},
					Evidence: []checker.Evidence{{Source: "ledger", Line: 3, Column: 9, EndLine: 3, EndColumn: 14, Sentence: "Harbor sold for $15bn."}}},
			},
		}},
		Agreements: []checker.Agreement{},
	}
	opt := Options{Paths: map[string]string{"draft": "drafts/draft 1.md", "ledger": "refs/ledger.txt"}, Articles: arts}
	return r, opt
}

func emptyReport() *checker.Report {
	return &checker.Report{SchemaVersion: checker.SchemaVersion, Sources: []checker.SourceInfo{{ID: "draft", Path: "draft.md"}}, Drafts: []string{"draft"}, Findings: []checker.Finding{}, Agreements: []checker.Agreement{}}
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatalf("compiling %s: %v", path, err)
	}
	return s
}

func TestSARIFValidates(t *testing.T) {
	schema := compileSchema(t, "testdata/sarif-schema-2.1.0.json")
	full, opt := lintReport()
	for _, tt := range []struct {
		name   string
		r      *checker.Report
		reason string
	}{
		{"finding", full, "a finding with related locations, properties and a fingerprint"},
		{"empty", emptyReport(), "no findings: results must be [] (GitHub rejects null)"},
	} {
		var b bytes.Buffer
		if err := SARIF(&b, tt.r, opt); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatalf("%s: not JSON: %v", tt.name, err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s (%s): SARIF does not validate against the 2.1.0 schema:\n%v", tt.name, tt.reason, err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Level     string
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
						}
					}
					PartialFingerprints map[string]string
					Properties          struct{ Confidence float64 }
				}
			}
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), `"results": [`) {
			t.Errorf("%s: no results array in\n%s", tt.name, b.String())
		}
		if tt.name != "finding" {
			continue
		}
		res := log.Runs[0].Results[0]
		loc := res.Locations[0].PhysicalLocation
		// "« Café » bought Harbor: 50% for " is 38 bytes but 33 code points.
		if loc.ArtifactLocation.URI != "drafts/draft%201.md" || loc.Region.StartLine != 2 || loc.Region.StartColumn != 33 || loc.Region.EndColumn != 38 {
			t.Errorf("location = %+v, want drafts/draft%%201.md 2:33-38 (a URI, code-point columns)", loc)
		}
		if res.Level != "error" || res.PartialFingerprints["crosscheckFindingId/v1"] != "0123456789ab" || res.Properties.Confidence != 0.91 {
			t.Errorf("result = %+v: want level error, the finding id as fingerprint, the confidence", res)
		}
	}
}

func TestRDJSONLParsesAsReviewdogDiagnostics(t *testing.T) {
	r, opt := lintReport()
	var b bytes.Buffer
	if err := RDJSONL(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	schema := compileSchema(t, "testdata/rdjsonl-Diagnostic.schema.json")
	sc := bufio.NewScanner(&b)
	n := 0
	for sc.Scan() {
		n++
		var d rdf.Diagnostic
		if err := (protojson.UnmarshalOptions{}).Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("line %d is not a reviewdog Diagnostic: %v\n%s", n, err, sc.Text())
		}
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(sc.Bytes()))
		if err := schema.Validate(doc); err != nil {
			t.Errorf("line %d does not validate: %v", n, err)
		}
		if d.GetSeverity() != rdf.Severity_ERROR || d.GetLocation().GetPath() != "drafts/draft 1.md" {
			t.Errorf("diagnostic = %v: want ERROR at the draft's path", &d)
		}
		// reviewdog columns are UTF-8 bytes.
		if rg := d.GetLocation().GetRange(); rg.GetStart().GetLine() != 2 || rg.GetStart().GetColumn() != 36 || rg.GetEnd().GetColumn() != 41 {
			t.Errorf("range = %v, want 2:36-2:41 in bytes", rg)
		}
		if len(d.GetRelatedLocations()) != 1 || d.GetRelatedLocations()[0].GetLocation().GetPath() != "refs/ledger.txt" {
			t.Errorf("related = %v, want the source's evidence", d.GetRelatedLocations())
		}
	}
	if n != 1 {
		t.Errorf("%d lines, want 1 per finding", n)
	}
}

func TestRDJSONParsesAsReviewdogResult(t *testing.T) {
	r, opt := lintReport()
	schema := compileSchema(t, "testdata/rdjson-DiagnosticResult.schema.json")
	for _, rep := range []*checker.Report{r, emptyReport()} {
		var b bytes.Buffer
		if err := RDJSON(&b, rep, opt); err != nil {
			t.Fatal(err)
		}
		var res rdf.DiagnosticResult
		if err := protojson.Unmarshal(b.Bytes(), &res); err != nil {
			t.Fatalf("not a reviewdog DiagnosticResult: %v\n%s", err, b.String())
		}
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
		if err := schema.Validate(doc); err != nil {
			t.Errorf("does not validate: %v", err)
		}
		if len(res.GetDiagnostics()) != len(rep.Findings) || res.GetSource().GetName() != "crosscheck" {
			t.Errorf("result = %v, want one diagnostic per finding from crosscheck", &res)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	r, opt := lintReport()
	var b bytes.Buffer
	if err := GitHub(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want one command per finding (line breaks escaped):\n%s", len(lines), out)
	}
	head, msg, ok := strings.Cut(strings.TrimPrefix(lines[0], "::error "), "::")
	if !ok {
		t.Fatalf("not a workflow command: %q", lines[0])
	}
	wantHead := "file=drafts/draft 1.md,line=2,col=36,endLine=2,endColumn=41,title=crosscheck%3A Harbor%2C Inc%3A 100%25 · deal value"
	if head != wantHead {
		t.Errorf("properties = %q\nwant         %q (: , %% escaped in properties)", head, wantHead)
	}
	if !strings.HasPrefix(msg, "Harbor, Inc: 100%25 · deal value: draft says $14bn;") {
		t.Errorf("message = %q: %% escaped, : and , kept in the message", msg)
	}
	if !strings.Contains(msg, "for $14bn,%0Asources say.") && !strings.Contains(msg, "%0Arefs/ledger.txt:3:9:") {
		t.Errorf("message = %q: line breaks must be %%0A", msg)
	}
	for _, tt := range []struct{ in, data, prop, reason string }{
		{"50%", "50%25", "50%25", "percent first, so escapes are not escaped twice"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab", "CR and LF"},
		{"x: y, z", "x: y, z", "x%3A y%2C z", "colon and comma only in properties"},
	} {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q (%s)", tt.in, got, tt.data, tt.reason)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q (%s)", tt.in, got, tt.prop, tt.reason)
		}
	}
}

func TestJUnit(t *testing.T) {
	r, opt := lintReport()
	var b bytes.Buffer
	if err := JUnit(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b.String())
	}
	cases := doc.Suites[0].Cases
	if len(cases) != 1 || cases[0].Name != "drafts/draft 1.md" || len(cases[0].Failures) != 1 || doc.Failures != 1 {
		t.Errorf("junit = %+v: want one testcase for the draft with one failure", doc)
	}
	b.Reset()
	if err := JUnit(&b, emptyReport(), opt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<testcase name="drafts/draft 1.md" classname="crosscheck"`) || strings.Contains(b.String(), "<failure") {
		t.Errorf("an empty report must give a passing testcase per draft:\n%s", b.String())
	}
}

func TestMarkdownEscapesCells(t *testing.T) {
	r, opt := lintReport()
	r.Findings[0].Subject = "A|B <script>"
	var b bytes.Buffer
	if err := Markdown(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, `A\|B &lt;script&gt;`) || strings.Contains(out, "<script>") {
		t.Errorf("markdown must escape pipes and HTML in cells:\n%s", out)
	}
	if !strings.Contains(out, "| 2:36 | error | 0.91 |") {
		t.Errorf("markdown table row missing:\n%s", out)
	}
}

func TestEveryFormatWrites(t *testing.T) {
	r, opt := lintReport()
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, f, r, opt); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if b.Len() == 0 {
			t.Errorf("%s wrote nothing for a report with a finding", f)
		}
	}
	if _, err := os.Stat("testdata/sarif-schema-2.1.0.json"); err != nil {
		t.Errorf("the vendored SARIF schema is missing: %v", err)
	}
}

// unsupportedReport is lintReport with a fact no source speaks to, and
// findings left out by a suppression comment and a baseline.
func unsupportedReport() (*checker.Report, Options) {
	r, opt := lintReport()
	draft := opt.Articles["draft"].Raw + "Harbor employs 340 people.\n"
	opt.Articles["draft"] = &checker.Article{ID: "draft", Raw: draft, LineStarts: checker.LineStarts(draft)}
	r.Unsupported = []checker.Agreement{{
		Kind: "unsupported", Subject: "Harbor", Attribute: "employees", Time: "current", Sources: []string{"draft"},
		Values: []checker.ValueGroup{{Text: "340", Sources: []string{"draft"}, Value: checker.Value{Kind: "count", Amount: 340, Bound: "exact"},
			Evidence: []checker.Evidence{{Source: "draft", Line: 3, Column: 16, EndLine: 3, EndColumn: 19, Sentence: "Harbor employs 340 people."}}}},
	}}
	r.Suppressed, r.Baselined = 1, 2
	return r, opt
}

// TestEveryFormatSaysEverything: the facts no source backs and the
// findings left out are in every format, not only JSON and Markdown.
func TestEveryFormatSaysEverything(t *testing.T) {
	const (
		fact    = "Harbor · employees: draft says 340; no source speaks to it"
		leftOut = "1 finding suppressed in the draft, 2 findings recorded in the baseline"
	)
	r, opt := unsupportedReport()
	out := map[string]string{}
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, f, r, opt); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[f] = b.String()
	}
	for _, tt := range []struct {
		format string
		want   []string
		reason string
	}{
		{"text", []string{"drafts/draft 1.md:3:16: [unsupported] " + fact + "\n", "crosscheck: left out " + leftOut + "\n"}, "a line per fact, located as findings are, and a last line for what was left out"},
		{"table", []string{"Not backed by any source:\n  draft:3:16 Harbor · employees: 340\n", "Left out: " + leftOut + "."}, "a section of its own, and the counts"},
		{"github", []string{"::notice file=drafts/draft 1.md,line=3,col=16,endLine=3,endColumn=19,title=crosscheck%3A not backed by any source%3A Harbor · employees::" + fact + "\n", "::notice title=crosscheck%3A findings left out::Left out: " + leftOut + ".\n"}, "a notice on the fact's line, and a notice with no file"},
		{"markdown", []string{"### Not backed by any source", "`drafts/draft 1.md:3:16` Harbor · employees: 340", "Left out: " + leftOut + "."}, "as before"},
		{"junit", []string{`<property name="suppressed" value="1">`, `<property name="baselined" value="2">`, `<property name="unsupported" value="1">`, "<system-out>drafts/draft 1.md:3:16: [unsupported] " + fact}, "suite properties, and the draft's facts in its system-out"},
		{"json", []string{`"unsupported": [`, `"employees"`, `"suppressed": 1`, `"baselined": 2`}, "the contract"},
	} {
		for _, want := range tt.want {
			if !strings.Contains(out[tt.format], want) {
				t.Errorf("%s lacks %q (%s):\n%s", tt.format, want, tt.reason, out[tt.format])
			}
		}
	}

	// SARIF: a note under a rule of its own, and the counts in the run.
	if err := compileSchema(t, "testdata/sarif-schema-2.1.0.json").Validate(mustJSON(t, out["sarif"])); err != nil {
		t.Errorf("SARIF with an unsupported fact does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn int }
					}
				}
				PartialFingerprints map[string]string
			}
			Properties map[string]int
		}
	}
	if err := json.Unmarshal([]byte(out["sarif"]), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 2 {
		t.Fatalf("SARIF results = %+v, want the finding and the fact", run.Results)
	}
	note := run.Results[1]
	if note.RuleID != UnsupportedRuleID || run.Tool.Driver.Rules[note.RuleIndex].ID != UnsupportedRuleID || note.Level != "note" || note.Message.Text != fact ||
		note.Locations[0].PhysicalLocation.Region.StartLine != 3 || note.PartialFingerprints["crosscheckUnsupportedId/v1"] == "" {
		t.Errorf("SARIF note = %+v: want a note of %s at line 3 with a fingerprint", note, UnsupportedRuleID)
	}
	if p := run.Properties; p["suppressed"] != 1 || p["baselined"] != 2 || p["unsupported"] != 1 {
		t.Errorf("SARIF run properties = %v, want suppressed 1, baselined 2, unsupported 1", p)
	}

	// Reviewdog: an INFO diagnostic on the fact, and one with no range for
	// what was left out, both as reviewdog reads them.
	var res rdf.DiagnosticResult
	if err := protojson.Unmarshal([]byte(out["rdjson"]), &res); err != nil {
		t.Fatalf("rdjson: %v", err)
	}
	if err := compileSchema(t, "testdata/rdjson-DiagnosticResult.schema.json").Validate(mustJSON(t, out["rdjson"])); err != nil {
		t.Errorf("rdjson does not validate: %v", err)
	}
	ds := res.GetDiagnostics()
	if len(ds) != 3 {
		t.Fatalf("rdjson diagnostics = %v, want the finding, the fact and the count", ds)
	}
	if d := ds[1]; d.GetSeverity() != rdf.Severity_INFO || d.GetMessage() != fact || d.GetCode().GetValue() != UnsupportedRuleID || d.GetLocation().GetRange().GetStart().GetLine() != 3 {
		t.Errorf("rdjson fact = %v", d)
	}
	if d := ds[2]; d.GetSeverity() != rdf.Severity_INFO || d.GetMessage() != "Left out: "+leftOut+"." || d.GetLocation().GetPath() != "drafts/draft 1.md" || d.GetLocation().GetRange() != nil {
		t.Errorf("rdjson count = %v", d)
	}
	if lines := strings.Split(strings.TrimSpace(out["rdjsonl"]), "\n"); len(lines) != 3 {
		t.Errorf("rdjsonl has %d lines, want 3:\n%s", len(lines), out["rdjsonl"])
	}
}

// TestNothingLeftOutSaysNothing: a report with nothing unsupported and
// nothing left out adds no line to the line formats.
func TestNothingLeftOutSaysNothing(t *testing.T) {
	for _, f := range []string{"text", "github", "rdjsonl"} {
		var b bytes.Buffer
		if err := Write(&b, f, emptyReport(), Options{}); err != nil {
			t.Fatal(err)
		}
		if b.Len() != 0 {
			t.Errorf("%s wrote %q for a clean report", f, b.String())
		}
	}
}

func mustJSON(t *testing.T, s string) any {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
