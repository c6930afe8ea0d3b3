package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatchInterrupted: a batch whose context ends (a signal) exits 2
// with one message, whatever the signal, saying where the checked
// events are and how to go on, and leaves no report behind.
func TestBatchInterrupted(t *testing.T) {
	inRepo(t)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errOut strings.Builder
	io := &IOStreams{Out: &strings.Builder{}, ErrOut: &errOut}
	cmd := NewCmdBatch(io, func(o *BatchOptions) error {
		o.ctx = ctx
		return runBatch(o)
	})
	cmd.SetArgs([]string{"--input", "fixtures/", "--output", out, "-q"})
	err := cmd.Execute()
	want := "interrupted: the events checked so far are kept in " + out + "; run again with --resume to go on"
	if err == nil || err.Error() != want {
		t.Errorf("an interrupted batch: %v, want %q", err, want)
	}
	if _, err := os.Stat(filepath.Join(out, "summary.json")); err == nil {
		t.Error("an interrupted batch wrote summary.json")
	}
}
