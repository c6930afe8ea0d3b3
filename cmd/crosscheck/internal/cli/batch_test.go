package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
)

func TestBatchFlags(t *testing.T) {
	now := time.Date(2026, 11, 22, 6, 0, 0, 0, time.UTC)
	tests := []struct {
		reason string
		args   []string
		err    string
		check  func(*BatchOptions) bool
	}{
		{"a shard is i of n", []string{"-i", "c.jsonl", "-o", "out", "--shard", "2/4"}, "",
			func(o *BatchOptions) bool { return o.shard == 2 && o.shards == 4 }},
		{"no shard is one shard of one", []string{"-i", "c.jsonl", "-o", "out"}, "",
			func(o *BatchOptions) bool { return o.shard == 0 && o.shards == 1 && o.Jobs >= 1 }},
		{"--since takes a duration back from now", []string{"-i", "c", "-o", "o", "--since", "24h"}, "",
			func(o *BatchOptions) bool { return o.since.Equal(now.Add(-24 * time.Hour)) }},
		{"--since takes a date", []string{"-i", "c", "-o", "o", "--since", "2026-11-01"}, "",
			func(o *BatchOptions) bool { return o.since.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) }},
		{"inputs may repeat or be comma-separated", []string{"-i", "a.jsonl,b.jsonl", "--input", "c/", "-o", "o"}, "",
			func(o *BatchOptions) bool { return strings.Join(o.Input, " ") == "a.jsonl b.jsonl c/" }},
		{"a shard past n", []string{"-i", "c", "-o", "o", "--shard", "4/4"}, "--shard \"4/4\": want i/n", nil},
		{"a shard that is not i/n", []string{"-i", "c", "-o", "o", "--shard", "two"}, "want i/n", nil},
		{"no input", []string{"-o", "o"}, "--input is required", nil},
		{"no output", []string{"-i", "c"}, "--output is required", nil},
		{"standard input cannot be read twice", []string{"-i", "-", "-o", "o"}, "cannot read standard input", nil},
		{"an unknown format", []string{"-i", "c", "-o", "o", "--format", "pdf"}, "--format \"pdf\"", nil},
		{"a since that is no time", []string{"-i", "c", "-o", "o", "--since", "yesterday"}, "--since \"yesterday\"", nil},
		{"grouping and a given grouping at once", []string{"-i", "c", "-o", "o", "--group-only", "--assign", "a.jsonl"}, "give one", nil},
		{"no jobs", []string{"-i", "c", "-o", "o", "-j", "0"}, "--jobs 0", nil},
	}
	for _, tt := range tests {
		var got *BatchOptions
		var o, e bytes.Buffer
		io := &IOStreams{Out: &o, ErrOut: &e, In: strings.NewReader(""), Now: func() time.Time { return now }}
		cmd := NewCmdBatch(io, func(opts *BatchOptions) error { got = opts; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(&o)
		cmd.SetErr(&e)
		err := cmd.Execute()
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: %v: error %v, want %q", tt.reason, tt.args, err, tt.err)
			}
		case err != nil:
			t.Errorf("%s: %v: %v", tt.reason, tt.args, err)
		case !tt.check(got):
			t.Errorf("%s: %v: options %+v", tt.reason, tt.args, got)
		}
	}
}

// TestBatchCommand runs the example end to end: the fixtures in,
// the three outputs out, quiet when asked, plain progress lines when not
// on a terminal, exit 2 naming a missing input.
func TestBatchCommand(t *testing.T) {
	inRepo(t)
	out := t.TempDir()
	code, stdout, stderr := run(t, nil, "batch", "--input", "fixtures/", "--output", out, "--quiet")
	if code != ExitOK || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and silence", code, stdout, stderr)
	}
	for _, f := range []string{"events.jsonl", "summary.json", "index.html"} {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	var sum checker.BatchSummary
	data, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(data, &sum); err != nil || sum.Articles.Records == 0 {
		t.Fatalf("summary.json: %v %s", err, data)
	}
	code, _, stderr = run(t, nil, "batch", "--input", "fixtures/", "--output", t.TempDir(), "--progress", "plain", "--progress-interval", "1ms")
	if code != ExitOK || !strings.Contains(stderr, "crosscheck: checking: ") || !strings.Contains(stderr, "records: ") {
		t.Errorf("--progress plain: exit %d, stderr %q", code, stderr)
	}
	// A missing input is a skipped record with its reason, not a crash.
	missing := t.TempDir()
	code, _, stderr = run(t, nil, "batch", "--input", "no/such/dir", "--output", missing, "-q")
	skipped, _ := os.ReadFile(filepath.Join(missing, "skipped.jsonl"))
	if code != ExitOK || !bytes.Contains(skipped, []byte(`"record":"no/such/dir"`)) {
		t.Errorf("a missing input: exit %d, stderr %q, skipped.jsonl %q", code, stderr, skipped)
	}
}
