package sources

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// jsonl joins lines into a dump.
func jsonl(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// TestLoadJSONLLimitIsPerLine is must-fix 10: --max-size bounds a JSONL
// line, as documented, not the file; one line over it is skipped alone.
func TestLoadJSONLLimitIsPerLine(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"long","text":"` + strings.Repeat("word ", 400) + `"}`
	dump := jsonl(
		`{"id":"one","text":"Meta paid $14.3 billion for a stake in Scale AI."}`,
		long,
		`{"id":"two","text":"Meta paid $15 billion for a stake in Scale AI."}`,
		`{"id":"three","text":"Scale AI was valued at $29 billion."}`,
	)
	path := write(t, dir, "dump.jsonl", dump)
	sniffed := write(t, dir, "dump.data", dump)
	const limit = 1000
	if len(dump) <= limit || len(long) <= limit {
		t.Fatalf("the dump (%d bytes) and its long line (%d) must both be over the %d-byte limit", len(dump), len(long), limit)
	}
	tests := []struct {
		name   string
		input  string
		opt    Options
		reason string
	}{
		{"by extension", path, Options{}, "a .jsonl file over the limit whose lines are under it"},
		{"by content", sniffed, Options{}, "an unknown extension whose first bytes are JSON lines"},
		{"forced", sniffed, Options{Format: JSONL}, "--input-format jsonl"},
		{"standard input", "-", Options{}, "a dump piped in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.MaxSize, opt.KeepGoing = limit, true
			opt.Stdin = strings.NewReader(dump)
			res, err := Load([]string{tt.input}, opt)
			if err != nil {
				t.Fatalf("Load: %v (%s)", err, tt.reason)
			}
			var ids []string
			for _, a := range res.Articles {
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, []string{"one", "two", "three"}) || len(res.Skipped) != 1 ||
				!errors.Is(res.Skipped[0].Err, ErrTooLarge) || res.Skipped[0].Path != tt.input+":2" {
				t.Errorf("articles %v, skipped %v; want the three short lines read and line 2 skipped as too large (%s)", ids, res.Skipped, tt.reason)
			}
			// Without KeepGoing the long line is the error, named by line.
			opt.KeepGoing = false
			opt.Stdin = strings.NewReader(dump)
			_, err = Load([]string{tt.input}, opt)
			var e *Error
			if !errors.As(err, &e) || e.Path != tt.input+":2" || !errors.Is(err, ErrTooLarge) {
				t.Errorf("without KeepGoing: %v, want the error of line 2", err)
			}
		})
	}
	// A text file is still bounded as a whole.
	big := write(t, dir, "big.txt", strings.Repeat("word ", 400))
	if _, err := Load([]string{big}, Options{MaxSize: limit}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a text file over the limit: %v, want ErrTooLarge", err)
	}
}
