package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatchResumeSettings: batch --resume keeps the events checked under
// the same settings, and refuses, exit 2, naming what differs, when
// --min-confidence or the configuration file is not what they were
// checked under; the fail level, which never fails a batch, may differ.
func TestBatchResumeSettings(t *testing.T) {
	inRepo(t)
	corpus := seedCorpus(t)
	out := t.TempDir()
	conf := func(text string) string {
		p := filepath.Join(t.TempDir(), "crosscheck.yaml")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := conf("min_confidence: 0.1\n")
	batch := []string{"batch", "-q", "--input", corpus, "--output", out, "--format", "jsonl"}
	if code, _, errOut := run(t, nil, append(batch, "--config", first)...); code != ExitOK {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	tests := []struct {
		args   []string
		code   int
		stderr string
		reason string
	}{
		{[]string{"--config", first}, ExitOK, "", "the same settings: the events are kept"},
		{[]string{"--config", conf("min_confidence: 0.1\nfail_level: low\n")}, ExitOK, "", "the fail level does not change what a batch writes"},
		{[]string{"--config", first, "--min-confidence", "0.5"}, ExitError, "min_confidence 0.1 (this run 0.5)", "a flag over the file's minimum confidence"},
		{[]string{"--config", conf("min_confidence: 0.1\ntolerances:\n  money: 0.05\n")}, ExitError, "tolerances.money 0 (this run 0.05)", "another tolerance"},
		{[]string{}, ExitError, "min_confidence 0.1 (this run 0)", "no configuration file at all"},
	}
	for _, tt := range tests {
		args := append(append(append([]string(nil), batch...), "--resume"), tt.args...)
		code, _, errOut := run(t, nil, args...)
		if code != tt.code || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("--resume %v: exit %d, stderr %q; want %d and %q (%s)", tt.args, code, errOut, tt.code, tt.stderr, tt.reason)
		}
	}
}
