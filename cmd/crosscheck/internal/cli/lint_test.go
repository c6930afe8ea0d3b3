package cli

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reviewdog/reviewdog/proto/rdf"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/crosscheck/crosscheck/checker"
)

// planted is a draft about the seed event with two wrong figures: the
// deal value with its digits transposed and the chief executive's age off
// by one.
const planted = "cmd/crosscheck/internal/cli/testdata/lint/draft.md"

// golden compares out with a file in testdata, or rewrites it with -update.
func golden(t *testing.T, name, out string) {
	t.Helper()
	path := filepath.Join("cmd", "crosscheck", "internal", "cli", "testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", path, out)
	}
}

func TestLintFlags(t *testing.T) {
	tests := []struct {
		args   []string
		want   LintOptions
		err    string
		reason string
	}{
		{[]string{"d.md", "--against", "a,b", "--against", "c"}, LintOptions{Drafts: []string{"d.md"}, Against: []string{"a", "b", "c"}, Output: Output{Format: "text", Color: "auto"}, Inputs: defaultInputs}, "", "--against repeats and splits on commas"},
		{[]string{"d.md", "e.md", "--against", "refs", "-f", "sarif", "--no-exit", "--unsupported", "--baseline", "b.json", "--write-baseline", "n.json", "--config", "c.yaml", "--fail-level", "low"},
			LintOptions{Drafts: []string{"d.md", "e.md"}, Against: []string{"refs"}, Output: Output{Format: "sarif", Color: "auto"}, Inputs: defaultInputs, NoExit: true, Unsupported: true, Baseline: "b.json", WriteBaseline: "n.json", Settings: Settings{Config: "c.yaml", FailLevel: "low"}}, "", "every flag reaches the options"},
		{[]string{"d.md"}, LintOptions{}, "lint needs --against", "no references"},
		{[]string{"--against", "refs"}, LintOptions{}, "lint needs a draft", "no draft"},
		{[]string{"d.md", "--against", "refs", "-f", "xml"}, LintOptions{}, `--format "xml"`, "an unknown format"},
		{[]string{"d.md", "--against", "refs", "--fail-level", "severe"}, LintOptions{}, `--fail-level "severe"`, "an unknown fail level"},
	}
	for _, tt := range tests {
		var got *LintOptions
		io := &IOStreams{}
		cmd := NewCmdLint(io, func(o *LintOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(&strings.Builder{})
		cmd.SetErr(&strings.Builder{})
		err := cmd.Execute()
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%v: error %v, want %q (%s)", tt.args, err, tt.err, tt.reason)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v (%s)", tt.args, err, tt.reason)
			continue
		}
		got.IO = nil
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%v:\n got %+v\nwant %+v (%s)", tt.args, *got, tt.want, tt.reason)
		}
	}
}

func TestLintPlantedFigureFailsTheBuild(t *testing.T) {
	inRepo(t)
	tests := []struct {
		args   []string
		code   int
		reason string
	}{
		{[]string{"lint", planted, "--against", seed}, ExitFindings, "two confident contradictions fail at the default level, high"},
		{[]string{"lint", planted, "--against", seed, "--fail-level", "none"}, ExitOK, "--fail-level none never fails"},
		{[]string{"lint", planted, "--against", seed, "--no-exit"}, ExitOK, "--no-exit forces 0"},
		{[]string{"lint", planted, "--against", seed, "--fail-level", "1"}, ExitOK, "no finding reaches confidence 1"},
		{[]string{"lint", seed + "/dual-ai-strategy.txt", "--against", seed}, ExitOK, "a source that agrees with the others: the draft is not its own reference"},
		{[]string{"lint", planted, "--against", seed, "--min-confidence", "1"}, ExitOK, "findings below --min-confidence are left out"},
		{[]string{"lint", "nope.md", "--against", seed}, ExitError, "a draft that is not there"},
		{[]string{"lint", planted, "--against", "nope/"}, ExitError, "references that are not there"},
		{[]string{"lint", planted, "--against", seed, "--baseline", "nope.json"}, ExitError, "a baseline that is not there"},
		{[]string{"lint", planted, "--against", seed, "--config", "nope.yaml"}, ExitError, "a config that is not there"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, nil, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)\nstdout: %s\nstderr: %s", tt.args, code, tt.code, tt.reason, out, errOut)
		}
		if tt.code == ExitError && !strings.Contains(errOut, "nope") {
			t.Errorf("%v: stderr %q must name the input", tt.args, errOut)
		}
	}
	_, out, _ := run(t, nil, "lint", planted, "--against", seed)
	for _, want := range []string{
		planted + ":8:27: [error] Scale AI · deal value: draft says $13.4 billion; 3 of 5 sources say $14.3 billion",
		planted + ":10:", "Alexandr Wang · age: draft says 29-year-old; 3 of 3 sources say 28-year-old",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lint output lacks %q:\n%s", want, out)
		}
	}
}

// TestLintGolden holds every format's output for the planted draft.
func TestLintGolden(t *testing.T) {
	inRepo(t)
	for _, format := range []string{"text", "table", "json", "sarif", "rdjsonl", "rdjson", "github", "markdown", "junit"} {
		code, out, errOut := run(t, &IOStreams{Width: 100}, "lint", planted, "--against", seed, "--format", format, "--unsupported", "--fail-level", "none")
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		golden(t, filepath.Join("lint", "draft."+format+".golden"), out)
		switch format {
		case "sarif":
			schema, err := jsonschema.NewCompiler().Compile("checker/render/testdata/sarif-schema-2.1.0.json")
			if err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Errorf("lint's SARIF does not validate against SARIF 2.1.0: %v", err)
			}
		case "rdjsonl":
			for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var d rdf.Diagnostic
				if err := protojson.Unmarshal([]byte(line), &d); err != nil {
					t.Errorf("rdjsonl line %d is not a reviewdog Diagnostic: %v", i+1, err)
				}
			}
		}
	}
}

func TestLintConfigFile(t *testing.T) {
	inRepo(t)
	wd, _ := os.Getwd()
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".crosscheck.yaml")
	write := func(s string) {
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	io := func() *IOStreams {
		return &IOStreams{WorkDir: wd, Getenv: func(k string) string {
			if k == "CROSSCHECK_CONFIG" {
				return cfg
			}
			return ""
		}}
	}
	write("fail_level: none\n")
	if code, _, errOut := run(t, io(), "lint", planted, "--against", seed); code != ExitOK {
		t.Errorf("fail_level none in $CROSSCHECK_CONFIG: exit %d (%s)", code, errOut)
	}
	if code, _, _ := run(t, io(), "lint", planted, "--against", seed, "--fail-level", "high"); code != ExitFindings {
		t.Errorf("--fail-level must override the file: exit %d", code)
	}
	write("ignore:\n  - attribute: deal value\n  - attribute: age\n")
	if code, out, _ := run(t, io(), "lint", planted, "--against", seed); code != ExitOK || out != "" {
		t.Errorf("ignore rules for both attributes: exit %d, output %q; want 0 and nothing", code, out)
	}
	write("tolerances:\n  money: 0.1\n")
	_, out, _ := run(t, io(), "lint", planted, "--against", seed)
	if strings.Contains(out, "deal value") || !strings.Contains(out, "age") {
		t.Errorf("a 10%% money tolerance must accept $13.4bn against $14.3bn, not the age:\n%s", out)
	}
	// A synonym makes a word the lexicon does not know a cue for an attribute.
	consideration := "The consideration was $16 billion, Scale AI said.\n"
	syn := io()
	syn.In = strings.NewReader(consideration)
	if code, out, _ := run(t, syn, "lint", "-", "--against", seed); code != ExitOK || out != "" {
		t.Errorf("without a synonym, \"consideration\" is no deal value: exit %d\n%s", code, out)
	}
	write("synonyms:\n  deal value: [consideration]\n")
	syn = io()
	syn.In = strings.NewReader(consideration)
	if code, out, _ := run(t, syn, "lint", "-", "--against", seed); code != ExitFindings || !strings.Contains(out, "-:1:23: [error] Scale AI · deal value: draft says $16 billion") {
		t.Errorf("with the synonym: exit %d\n%s", code, out)
	}
	write("tolerances:\n  money: much\n")
	code, _, errOut := run(t, io(), "lint", planted, "--against", seed)
	if code != ExitError || !strings.Contains(errOut, cfg+":2:10: tolerances.money: want a fraction") {
		t.Errorf("bad config: exit %d, stderr %q; want 2 and file:line:col: key", code, errOut)
	}
	code, _, _ = run(t, io(), "config")
	if code != ExitError {
		t.Errorf("crosscheck config on a bad file: exit %d, want 2", code)
	}
	write("fail_level: low\n")
	code, out, _ = run(t, io(), "config", "--min-confidence", "0.4")
	if code != ExitOK || !strings.Contains(out, "fail_level: low  # "+cfg+":1") || !strings.Contains(out, "min_confidence: 0.4  # flag --min-confidence") {
		t.Errorf("crosscheck config: exit %d\n%s\nwant each value with its origin", code, out)
	}
}

func TestLintBaseline(t *testing.T) {
	inRepo(t)
	dir := t.TempDir()
	base := filepath.Join(dir, "baseline.json")
	if code, _, errOut := run(t, nil, "lint", planted, "--against", seed, "--write-baseline", base); code != ExitFindings {
		t.Fatalf("writing a baseline still reports: exit %d (%s)", code, errOut)
	}
	var b struct {
		Findings []struct{ ID string }
	}
	data, err := os.ReadFile(base)
	if err != nil || json.Unmarshal(data, &b) != nil || len(b.Findings) != 2 {
		t.Fatalf("baseline %s = %s (%v), want 2 findings", base, data, err)
	}
	// Move every line down: ids do not depend on line numbers.
	text, _ := os.ReadFile(planted)
	moved := filepath.Join(dir, "draft.md")
	shifted := strings.Replace(string(text), "# Meta", "\n\n# Meta", 1)
	if err := os.WriteFile(moved, []byte(shifted), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, nil, "lint", moved, "--against", seed, "--baseline", base, "--format", "json")
	if code != ExitOK {
		t.Fatalf("with the baseline: exit %d (%s)", code, errOut)
	}
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 0 || r.Baselined != 2 {
		t.Errorf("with the baseline: %d findings, %d baselined; want 0 and 2", len(r.Findings), r.Baselined)
	}
	// A new wrong figure is reported.
	if err := os.WriteFile(moved, []byte(strings.ReplaceAll(shifted, "49% stake", "51% stake")), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, nil, "lint", moved, "--against", seed, "--baseline", base)
	if code != ExitFindings || !strings.Contains(out, "stake: draft says 51%") || strings.Contains(out, "deal value") {
		t.Errorf("a new finding past the baseline: exit %d\n%s", code, out)
	}
	if err := os.WriteFile(base, []byte(`{"schema_version": 1, "findings": [{"idd": "x"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, nil, "lint", planted, "--against", seed, "--baseline", base)
	if code != ExitError || !strings.Contains(errOut, base) || !strings.Contains(errOut, "bad baseline") {
		t.Errorf("a bad baseline: exit %d, stderr %q", code, errOut)
	}
}

func TestLintSuppressionComments(t *testing.T) {
	inRepo(t)
	text, _ := os.ReadFile(planted)
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.md")
	write := func(s string) {
		if err := os.WriteFile(draft, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(strings.Replace(string(text), "Meta has agreed", "<!-- crosscheck-disable-next-line -->\nMeta has agreed", 1))
	code, out, _ := run(t, nil, "lint", draft, "--against", seed, "--format", "json")
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if code != ExitFindings || r.Suppressed != 1 || len(r.Findings) != 1 || r.Findings[0].Attribute != "age" {
		t.Errorf("disable-next-line above the deal value: exit %d, %d suppressed, findings %+v; want the age alone", code, r.Suppressed, r.Findings)
	}
	write(strings.Replace(string(text), "Meta has agreed", "<!-- crosscheck-disable attribute=\"deal value\" -->\nMeta has agreed", 1))
	if _, out, _ := run(t, nil, "lint", draft, "--against", seed); strings.Contains(out, "deal value") || !strings.Contains(out, "age") {
		t.Errorf("a disable region for one attribute:\n%s", out)
	}
	write(strings.Replace(string(text), "Meta has agreed", "<!-- crosscheck-disabel -->\nMeta has agreed", 1))
	code, _, errOut := run(t, nil, "lint", draft, "--against", seed)
	if code != ExitError || !strings.Contains(errOut, draft+":8: unknown directive") {
		t.Errorf("a misspelt directive: exit %d, stderr %q; want 2 naming the draft and line", code, errOut)
	}
}

func TestLintSeveralDrafts(t *testing.T) {
	inRepo(t)
	good := seed + "/dual-ai-strategy.txt"
	code, out, _ := run(t, nil, "lint", planted, good, "--against", seed, "--format", "junit")
	if code != ExitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	var doc struct {
		Suites []struct {
			Cases []struct {
				Name     string `xml:"name,attr"`
				Failures []struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	cases := doc.Suites[0].Cases
	if len(cases) != 2 || cases[0].Name != planted || len(cases[0].Failures) != 2 || cases[1].Name != good || len(cases[1].Failures) != 0 {
		t.Errorf("junit testcases = %+v; want the planted draft with 2 failures, then the good one with none", cases)
	}
}

// TestLintLeftOutInEveryFormat: a finding suppressed in the draft and one
// recorded in a baseline are counted in every format, not only JSON and
// Markdown.
func TestLintLeftOutInEveryFormat(t *testing.T) {
	inRepo(t)
	text, err := os.ReadFile(planted)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(draft, []byte(strings.Replace(string(text), "Meta has agreed", "<!-- crosscheck-disable-next-line -->\nMeta has agreed", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "baseline.json")
	if code, _, errOut := run(t, nil, "lint", draft, "--against", seed, "--write-baseline", base, "--no-exit"); code != ExitOK {
		t.Fatalf("writing the baseline: exit %d: %s", code, errOut)
	}
	const said = "1 finding suppressed in the draft, 1 finding recorded in the baseline"
	for _, tt := range []struct {
		format string
		want   []string
	}{
		{"text", []string{"crosscheck: left out " + said}},
		{"table", []string{"Left out: " + said + "."}},
		{"github", []string{"::notice title=crosscheck%3A findings left out::Left out: " + said + "."}},
		{"markdown", []string{"Left out: " + said + "."}},
		{"rdjson", []string{`"message": "Left out: ` + said + `."`}},
		{"rdjsonl", []string{`"message":"Left out: ` + said + `."`}},
		{"json", []string{`"suppressed": 1,`, `"baselined": 1,`}},
		{"sarif", []string{`"suppressed": 1,`, `"baselined": 1,`}},
		{"junit", []string{`<property name="suppressed" value="1">`, `<property name="baselined" value="1">`}},
	} {
		code, out, errOut := run(t, nil, "lint", draft, "--against", seed, "--baseline", base, "--format", tt.format)
		if code != ExitOK {
			t.Errorf("%s: exit %d, want 0: every finding is left out (%s)", tt.format, code, errOut)
		}
		for _, want := range tt.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", tt.format, want, out)
			}
		}
	}
}
