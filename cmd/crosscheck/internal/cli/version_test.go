package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
)

func TestVersionCommand(t *testing.T) {
	want := version.Current().Line() + "\n"
	for _, tt := range []struct {
		args   []string
		code   int
		out    string
		reason string
	}{
		{[]string{"version"}, ExitOK, want, "the command"},
		{[]string{"--version"}, ExitOK, want, "the flag prints the same line"},
		{[]string{"version", "--help"}, ExitOK, "", "help, not the version"},
		{[]string{"version", "now"}, ExitError, "", "version takes no arguments"},
	} {
		code, out, errOut := run(t, nil, tt.args...)
		if code != tt.code || (tt.out != "" && out != tt.out) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d and %q (%s)", tt.args, code, out, errOut, tt.code, tt.out, tt.reason)
		}
	}
}

// TestVersionInReports: the JSON report and summary.json say which
// crosscheck wrote them.
func TestVersionInReports(t *testing.T) {
	inRepo(t)
	want := version.Current()
	if want.Name != "crosscheck" || want.Version == "" {
		t.Fatalf("version.Current() = %+v", want)
	}
	var tools []version.Tool
	for _, args := range [][]string{
		{"check", "--format", "json", "--fail-level", "none", seed},
		{"lint", "--format", "json", "--no-exit", filepath.Join(seed, "meta-bets-15bn.txt"), "--against", seed},
	} {
		code, out, errOut := run(t, nil, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var r struct {
			SchemaVersion int          `json:"schema_version"`
			Tool          version.Tool `json:"tool"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil || r.SchemaVersion != 1 {
			t.Fatalf("%v: %v, schema_version %d", args, err, r.SchemaVersion)
		}
		tools = append(tools, r.Tool)
	}
	out := t.TempDir()
	if code, _, errOut := run(t, nil, "batch", "-q", "--input", seed, "--output", out, "--format", "jsonl"); code != ExitOK {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sum struct {
		Tool version.Tool `json:"tool"`
	}
	if err := json.Unmarshal(data, &sum); err != nil {
		t.Fatal(err)
	}
	tools = append(tools, sum.Tool)
	for i, where := range []string{"check's JSON report", "lint's JSON report", "summary.json"} {
		if tools[i] != want {
			t.Errorf("%s: tool %+v, want %+v", where, tools[i], want)
		}
	}
}
