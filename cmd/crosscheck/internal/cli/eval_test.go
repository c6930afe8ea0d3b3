package cli

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalQuantitiesSkipsWithoutData(t *testing.T) {
	dir := t.TempDir()
	fails := filepath.Join(dir, "fails.jsonl")
	code, out, errOut := run(t, nil, "eval", "quantities", "--benchmarks", filepath.Join(dir, "absent"), "--failures", fails)
	if code != ExitOK {
		t.Fatalf("eval with no data: exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "skipped") || !strings.Contains(errOut, "relevant.jsonl (not found)") {
		t.Errorf("eval with no data should say what it skipped; stderr %q", errOut)
	}
	if strings.Contains(out, "Quantity recognition") {
		t.Errorf("eval with no data printed a table: %q", out)
	}
	if _, err := os.Stat(fails); err == nil {
		t.Error("eval with no data wrote a failures file")
	}
}

func TestEvalFlags(t *testing.T) {
	tests := []struct {
		args   []string
		err    string
		reason string
	}{
		{[]string{"eval", "nosuch"}, `unknown suite "nosuch"`, "a suite we do not have"},
		{[]string{"eval", "--format", "xml"}, `--format "xml"`, "eval prints table or json"},
		{[]string{"eval", "--require-accuracy", "95"}, "--require-accuracy 95", "a fraction, not a percentage"},
	}
	for _, tt := range tests {
		code, _, errOut := run(t, nil, tt.args...)
		if code != ExitError || !strings.Contains(errOut, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q (%s)", tt.args, code, errOut, tt.err, tt.reason)
		}
	}
}

// TestEvalQuantitiesFloor runs the quantity suites on the third-party
// specs when ../shared is beside the repository, and guards the targets:
// 95% value accuracy outside the documented deviations, no false
// positive, no panic.
func TestEvalQuantitiesFloor(t *testing.T) {
	inRepo(t)
	bench := filepath.Join("..", "shared", "benchmarks")
	if _, err := os.Stat(filepath.Join(bench, "recognizers-text", "relevant.jsonl")); err != nil {
		t.Skip("../shared/benchmarks is absent")
	}
	fails := filepath.Join(t.TempDir(), "fails.jsonl")
	code, out, errOut := run(t, nil, "eval", "quantities", "--format", "json", "--require-accuracy", "0.95", "--failures", fails)
	if code != ExitOK {
		t.Fatalf("eval quantities: exit %d: %s", code, errOut)
	}
	var rep EvalReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval json: %v", err)
	}
	if rep.Quantities == nil || len(rep.Quantities.Suites) != 2 {
		t.Fatalf("want two quantity suites, got %+v", rep.Quantities)
	}
	for _, s := range rep.Quantities.Suites {
		if s.ValueAccuracy < 0.95 || s.FalsePositives > 0 || s.Errors > 0 {
			t.Errorf("%s %s: value accuracy %.3f, %d false positives, %d errors", s.Suite, s.Category, s.ValueAccuracy, s.FalsePositives, s.Errors)
		}
		if s.Cases < 400 {
			t.Errorf("%s: only %d cases read", s.Suite, s.Cases)
		}
	}
	f, err := os.Open(fails)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); n++ {
		var fl struct{ Suite, ID, Input, Problem string }
		if err := json.Unmarshal(sc.Bytes(), &fl); err != nil || fl.ID == "" || fl.Problem == "" {
			t.Fatalf("failures line %d: %v %q", n+1, err, sc.Text())
		}
	}
	if want := rep.Quantities.Failures + countDeviant(t, fails); n != want || n == 0 {
		t.Errorf("failures file has %d lines, want %d (failures plus unmatched deviations)", n, want)
	}
}

func countDeviant(t *testing.T, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data), `"problem":"deviation: `)
}
