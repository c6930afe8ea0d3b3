package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInterruptedScan: a run interrupted while it reads and groups the
// corpus stops there, before writing the assignment, rather than reading
// a corpus to its end and only then seeing it was asked to stop.
func TestInterruptedScan(t *testing.T) {
	in := corpus(t, 5)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := &Counters{}
	_, err := Run(Options{Inputs: []string{in}, Dir: out, GroupOnly: true, Context: ctx, Counters: c})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a run interrupted before it began: %v, want context.Canceled", err)
	}
	if n := c.Records.Load(); n > 1 {
		t.Errorf("the scan read %d records after the interruption", n)
	}
	if _, err := os.Stat(filepath.Join(out, AssignFile)); err == nil {
		t.Errorf("%s written by an interrupted scan", AssignFile)
	}
}

// TestOneRunPerOutput: a second run on an output directory in use is
// refused, naming the directory, and leaves the first run's report whole;
// the directory is free again once the first run ends, and a merge into
// it is refused the same way.
func TestOneRunPerOutput(t *testing.T) {
	in := corpus(t, 10)
	out := t.TempDir()
	clean := t.TempDir()
	if _, err := Run(Options{Inputs: []string{in}, Dir: clean, Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	var second, merge error
	first := Options{Inputs: []string{in}, Dir: out, Jobs: 1, journaled: func(n int64) {
		if n == 1 {
			_, second = Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1})
			_, merge = Merge(out, []string{clean}, nil, 0)
		}
	}}
	if _, err := Run(first); err != nil {
		t.Fatalf("the first run: %v", err)
	}
	for _, tt := range []struct {
		err    error
		reason string
	}{
		{second, "a second batch on the same --output"},
		{merge, "a merge into a directory a batch is writing"},
	} {
		if tt.err == nil || !strings.Contains(tt.err.Error(), out) || !strings.Contains(tt.err.Error(), "in use by another crosscheck run") {
			t.Errorf("%s: error %v, want a refusal naming %s", tt.reason, tt.err, out)
		}
	}
	if a, b := readEvents(t, clean), readEvents(t, out); len(a) != len(b) {
		t.Errorf("the first run wrote %d events alongside a refused one, a clean run %d", len(b), len(a))
	}
	if _, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1}); err != nil {
		t.Errorf("a run after the first has ended: %v, want the directory free", err)
	}
}
