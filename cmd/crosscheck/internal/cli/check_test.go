package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const seed = "fixtures/meta-scale"

// inRepo runs the test from the repository root, so that paths in output
// read as a user would type them.
func inRepo(t *testing.T) {
	t.Helper()
	t.Chdir(filepath.Join("..", "..", "..", ".."))
}

func run(t *testing.T, io *IOStreams, args ...string) (code int, out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	if io == nil {
		io = &IOStreams{}
	}
	io.Out, io.ErrOut = &o, &e
	if io.In == nil {
		io.In = strings.NewReader("")
	}
	code = Main(args, io)
	return code, o.String(), e.String()
}

func TestCheckFlags(t *testing.T) {
	tests := []struct {
		args   []string
		tty    bool
		want   CheckOptions
		err    string
		reason string
	}{
		{[]string{"a.txt", "b.txt"}, true, CheckOptions{Output: Output{Format: "table", Color: "auto"}, Inputs: defaultInputs}, "", "a terminal gets a table"},
		{[]string{"a.txt", "b.txt"}, false, CheckOptions{Output: Output{Format: "text", Color: "auto"}, Inputs: defaultInputs}, "", "a pipe gets lines"},
		{[]string{"-f", "json", "--fail-level", "medium", "--min-confidence", "0.4", "--keep-going", "a", "b"}, false, CheckOptions{Output: Output{Format: "json", Color: "auto"}, Inputs: Inputs{KeepGoing: true, InputFormat: "auto", MaxSize: "10MiB", Timeout: 30 * time.Second}, Settings: Settings{FailLevel: "medium", MinConfidence: 0.4, MinConfidenceSet: true}}, "", "every flag reaches the options"},
		{[]string{"--fail-level", "0.65", "a", "b"}, false, CheckOptions{Output: Output{Format: "text", Color: "auto"}, Inputs: defaultInputs, Settings: Settings{FailLevel: "0.65"}}, "", "a fail level may be a confidence"},
		{[]string{"--format", "xml", "a", "b"}, false, CheckOptions{}, `--format "xml"`, "an unknown format"},
		{[]string{"--fail-level", "severe", "a", "b"}, false, CheckOptions{}, `--fail-level "severe"`, "an unknown fail level"},
		{[]string{"--min-confidence", "1.5", "a", "b"}, false, CheckOptions{}, `"1.5" for "--min-confidence" flag: want a number from 0 to 1`, "a confidence above 1"},
		{[]string{"--max-size", "lots", "a", "b"}, false, CheckOptions{}, `--max-size "lots"`, "a size we cannot read"},
		{[]string{"--color", "sometimes", "a", "b"}, false, CheckOptions{}, `--color "sometimes"`, "an unknown colour mode"},
		{[]string{}, false, CheckOptions{}, "needs at least two sources", "no sources at all"},
	}
	for _, tt := range tests {
		var got *CheckOptions
		io := &IOStreams{OutTTY: tt.tty, Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}
		cmd := NewCmdCheck(io, func(o *CheckOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Out)
		cmd.SetErr(io.ErrOut)
		err := cmd.Execute()
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("check %v: error %v, want %q (%s)", tt.args, err, tt.err, tt.reason)
			}
			continue
		}
		if err != nil {
			t.Errorf("check %v: %v (%s)", tt.args, err, tt.reason)
			continue
		}
		if got.Format != tt.want.Format || got.FailLevel != tt.want.FailLevel || got.MinConfidence != tt.want.MinConfidence ||
			got.KeepGoing != tt.want.KeepGoing || got.Color != tt.want.Color || got.MaxSize != tt.want.MaxSize {
			t.Errorf("check %v: options %+v, want %+v (%s)", tt.args, *got, tt.want, tt.reason)
		}
	}
}

func TestCheckExitCodes(t *testing.T) {
	inRepo(t)
	// The fail level is held against the seed's top confidence, whatever
	// the fitted model makes it.
	_, out, _ := run(t, nil, "check", "--format", "json", "--fail-level", "none", seed)
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Findings) == 0 {
		t.Fatalf("the seed's report: %v, %d findings", err, len(r.Findings))
	}
	top := r.Findings[0].Confidence
	if top < 0.5 {
		t.Fatalf("the seed's deal value at %.2f, want at least warning (0.5)", top)
	}
	atHigh := ExitOK
	if top >= 0.7 {
		atHigh = ExitFindings
	}
	tests := []struct {
		args   []string
		code   int
		reason string
	}{
		{[]string{"check", seed}, atHigh, fmt.Sprintf("the default level is high (0.7); the seed's top finding is at %.2f", top)},
		{[]string{"check", "--fail-level", "medium", seed}, ExitFindings, "the seed's deal value reaches medium (0.5)"},
		{[]string{"check", "--fail-level", strconv.FormatFloat(top, 'f', 2, 64), seed}, ExitFindings, "a finding at the level fails"},
		{[]string{"check", "--fail-level", strconv.FormatFloat(top+0.01, 'f', 2, 64), seed}, ExitOK, "nothing above the top finding fails"},
		{[]string{"check", "--fail-level", "none", seed}, ExitOK, "none never fails"},
		{[]string{"check", "--fail-level", "1", seed}, ExitOK, "no finding reaches 1: a calibrated confidence is at most 0.99"},
		{[]string{"check", "--fail-level", "medium", "--min-confidence", "1", seed}, ExitOK, "findings filtered out do not fail"},
		{[]string{"check", "--bogus", seed}, ExitError, "an unknown flag is a usage error"},
		{[]string{"frobnicate"}, ExitError, "an unknown command is a usage error"},
	}
	for _, tt := range tests {
		if code, _, errOut := run(t, nil, tt.args...); code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s); stderr %q", tt.args, code, tt.code, tt.reason, errOut)
		}
	}
}

func TestCheckBadInput(t *testing.T) {
	inRepo(t)
	dir := t.TempDir()
	good := filepath.Join(seed, "meta-bets-15bn.txt")
	other := filepath.Join(seed, "dual-ai-strategy.txt")
	bin := filepath.Join(dir, "scan.txt")
	os.WriteFile(bin, []byte("\x00\x01\x02binary"), 0o644)
	empty := filepath.Join(dir, "empty.md")
	os.WriteFile(empty, nil, 0o644)
	latin := filepath.Join(dir, "latin1.txt")
	os.WriteFile(latin, []byte("Caf\xe9 \xa315m"), 0o644)
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("word "), 1000), 0o644)
	nodocs := filepath.Join(dir, "nodocs")
	os.Mkdir(nodocs, 0o755)
	tests := []struct {
		args   []string
		stderr string
		reason string
	}{
		{[]string{"check", good, filepath.Join(dir, "missing.txt")}, "missing.txt: no such file or directory", "a missing path"},
		{[]string{"check", good, nodocs}, "nodocs: directory has no files crosscheck reads", "a directory with no text files"},
		{[]string{"check", good, empty}, "empty.md: empty file", "an empty file"},
		{[]string{"check", good, bin}, "scan.txt: binary file", "a binary file"},
		{[]string{"check", good, latin}, "latin1.txt: not valid UTF-8", "invalid UTF-8"},
		{[]string{"check", "--max-size", "1KB", good, big}, "over the 1000-byte limit", "a file over the size limit"},
		{[]string{"check", good}, "need at least two sources to compare: only " + good + " was read", "one source"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, nil, tt.args...)
		if code != ExitError {
			t.Errorf("%v: exit %d, want 2 (%s)", tt.args, code, tt.reason)
		}
		if !strings.Contains(errOut, tt.stderr) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: stderr %q, want one line saying %q (%s)", tt.args, errOut, tt.stderr, tt.reason)
		}
		if out != "" {
			t.Errorf("%v: printed a report %q on bad input (%s)", tt.args, out, tt.reason)
		}
	}
	// A directory with one bad file among good ones: exit 2 naming it, and
	// with --keep-going the rest is checked.
	mixed := filepath.Join(dir, "mixed")
	os.Mkdir(mixed, 0o755)
	for _, f := range []string{"meta-bets-15bn.txt", "dual-ai-strategy.txt"} {
		data, _ := os.ReadFile(filepath.Join(seed, f))
		os.WriteFile(filepath.Join(mixed, f), data, 0o644)
	}
	// A PNG named .txt. (Not "\xff\xfe…": that is UTF-16's byte-order mark.)
	os.WriteFile(filepath.Join(mixed, "broken.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	if code, _, errOut := run(t, nil, "check", mixed); code != ExitError || !strings.Contains(errOut, "broken.txt: binary file") {
		t.Errorf("directory with a bad file: exit %d, stderr %q; want 2 naming broken.txt", code, errOut)
	}
	if code, out, errOut := run(t, nil, "check", "--keep-going", "--fail-level", "none", mixed); code != ExitOK || !strings.Contains(out, "$15bn") || !strings.Contains(errOut, "skipped") {
		t.Errorf("directory with a bad file, --keep-going: exit %d, out %q, stderr %q; want the good files checked", code, out, errOut)
	}

	// --keep-going checks the good ones and lists the bad one.
	code, out, errOut := run(t, nil, "check", "--keep-going", "--format", "json", "--fail-level", "none", good, other, bin)
	if code != ExitOK {
		t.Fatalf("--keep-going: exit %d: %s", code, errOut)
	}
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Sources) != 2 || len(r.Skipped) != 1 || r.Skipped[0].Path != bin || !strings.Contains(errOut, "skipped "+bin) {
		t.Errorf("--keep-going: %d sources, skipped %+v, stderr %q; want 2 sources and %s skipped", len(r.Sources), r.Skipped, errOut, bin)
	}
}

func TestStdinSource(t *testing.T) {
	inRepo(t)
	io := &IOStreams{In: strings.NewReader("Meta pays $16bn for Scale AI\nMeta agreed to pay $16bn for a 49% stake in Scale AI.\n")}
	code, out, errOut := run(t, io, "check", "--format", "text", "--fail-level", "none", "-", filepath.Join(seed, "dual-ai-strategy.txt"))
	if code != ExitOK || !strings.Contains(out, "$16bn") {
		t.Errorf("stdin: exit %d, out %q, stderr %q; want a finding with the stdin figure", code, out, errOut)
	}
}

// TestGolden holds the seed event's table and JSON to files in testdata;
// run `go test ./... -update` to rewrite them and review the diff.
func TestGolden(t *testing.T) {
	inRepo(t)
	for _, tt := range []struct{ format, file string }{
		{"table", "meta-scale.table"},
		{"json", "meta-scale.json"},
		{"text", "meta-scale.text"},
	} {
		code, out, errOut := run(t, &IOStreams{OutTTY: true, NoColor: true, Width: 100}, "check", "--format", tt.format, "--fail-level", "none", seed)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", tt.format, code, errOut)
		}
		path := filepath.Join("cmd", "crosscheck", "internal", "cli", "testdata", tt.file+".golden")
		if *update {
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if out != string(want) {
			t.Errorf("%s output differs from %s (run go test -update and review the diff):\n%s", tt.format, path, out)
		}
	}
}

func TestColor(t *testing.T) {
	inRepo(t)
	_, plain, _ := run(t, &IOStreams{OutTTY: true, NoColor: true}, "check", "--fail-level", "none", seed)
	_, colour, _ := run(t, &IOStreams{OutTTY: true}, "check", "--fail-level", "none", seed)
	_, forced, _ := run(t, &IOStreams{OutTTY: false}, "check", "--format", "table", "--color", "always", "--fail-level", "none", seed)
	if strings.Contains(plain, "\x1b[") {
		t.Error("NO_COLOR: output has colour codes")
	}
	if !strings.Contains(colour, "\x1b[") || !strings.Contains(forced, "\x1b[") {
		t.Error("a terminal (or --color always) gets no colour")
	}
}

// defaultInputs are the input flags when none is given.
var defaultInputs = Inputs{InputFormat: "auto", MaxSize: "10MiB", Timeout: 30 * time.Second}
