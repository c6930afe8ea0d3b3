package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

func TestExtract(t *testing.T) {
	inRepo(t)
	code, out, errOut := run(t, nil, "extract", seed)
	if code != ExitOK {
		t.Fatalf("extract: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"dual-ai-strategy.txt:5:7\tScale AI · deal value (current)\t$14.3 billion\t[object 1.0, cue 1.0]",
		"meta-bets-15bn.txt:4:120\tAlexandr Wang · age (current)\t28-year-old\t[coref 0.8, implied 1.0]",
		"biggest-external-ai-bet.txt:4:253\tScale AI · valuation (earlier)\t$14 billion",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("extract output lacks %q", want)
		}
	}
	if strings.Contains(out, "Llama") || strings.Contains(out, "Read more") {
		t.Error("extract read a claim from a model name or a teaser")
	}
	if code, _, errOut := run(t, nil, "extract"); code != ExitError || !strings.Contains(errOut, "requires at least 1 arg") {
		t.Errorf("extract with no source: exit %d, stderr %q", code, errOut)
	}
}

func TestExtractQuantitiesFormats(t *testing.T) {
	inRepo(t)
	file := seed + "/bold-move-superintelligence.txt"
	code, out, errOut := run(t, nil, "extract", "--quantities", "--format", "json", file)
	if code != ExitOK {
		t.Fatalf("extract --quantities: exit %d: %s", code, errOut)
	}
	var x checker.Extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("extract json: %v", err)
	}
	if x.SchemaVersion != 1 || len(x.Sources) != 1 || x.Claims != nil || len(x.Quantities) == 0 {
		t.Fatalf("extract json: version %d, %d sources, claims %v, %d quantities", x.SchemaVersion, len(x.Sources), x.Claims, len(x.Quantities))
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var over *checker.Extracted
	for i, q := range x.Quantities {
		// Every span is the quantity's text in the file, so editors can
		// find what was read.
		if got := string(raw[q.Span[0]:q.Span[1]]); got != q.Text {
			t.Errorf("quantity %d: span %v is %q, text %q", i, q.Span, got, q.Text)
		}
		if q.Text == "over $29 billion" {
			over = &x.Quantities[i]
		}
	}
	if over == nil || over.Value.Kind != "money" || over.Value.Bound != "at_least" || over.Value.Low == nil || *over.Value.Low != 29e9 || over.Value.High != nil {
		t.Errorf("over $29 billion: %+v", over)
	}

	code, out, _ = run(t, nil, "extract", "--quantities", "--format", "jsonl", file)
	if code != ExitOK || strings.Count(out, "\n") != len(x.Quantities) {
		t.Errorf("jsonl: exit %d, %d lines, want %d", code, strings.Count(out, "\n"), len(x.Quantities))
	}
	code, out, _ = run(t, nil, "extract", "--format", "table", file)
	if code != ExitOK || !strings.Contains(out, "Slot") || !strings.Contains(out, "$14.3 billion") {
		t.Errorf("table: exit %d:\n%s", code, out)
	}
	if code, _, errOut := run(t, nil, "extract", "--format", "sarif", file); code != ExitError || !strings.Contains(errOut, `--format "sarif"`) {
		t.Errorf("extract -f sarif: exit %d, %q", code, errOut)
	}
}

func TestExtractEvidence(t *testing.T) {
	inRepo(t)
	file := seed + "/bold-move-superintelligence.txt"
	_, full, _ := run(t, nil, "extract", "--quantities", "--format", "jsonl", file)
	lines := strings.Split(strings.TrimSuffix(full, "\n"), "\n")
	tests := []struct {
		args     []string
		code     int
		sentence bool   // items carry their sentence
		place    bool   // items carry their line and column
		err      string // in stderr
		reason   string
	}{
		{[]string{"--evidence", "sentence"}, ExitOK, true, true, "", "sentence is the default, written out"},
		{[]string{"--evidence", "span"}, ExitOK, false, true, "", "span keeps the place, drops the sentence"},
		{[]string{"--evidence", "none"}, ExitOK, false, false, "", "none drops the evidence, keeps the byte span"},
		{[]string{"--evidence", "all"}, ExitError, false, false, `--evidence "all"`, "an unknown level"},
		{[]string{"--evidence", "none", "--format", "json"}, ExitError, false, false, "needs --format jsonl", "only jsonl writes less evidence"},
	}
	for _, tt := range tests {
		args := append([]string{"extract", "--quantities", "--format", "jsonl"}, tt.args...)
		code, out, errOut := run(t, nil, append(args, file)...)
		if code != tt.code || !strings.Contains(errOut, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d, stderr with %q (%s)", tt.args, code, errOut, tt.code, tt.err, tt.reason)
			continue
		}
		if code != ExitOK {
			continue
		}
		got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(got) != len(lines) {
			t.Errorf("%v: %d items, want %d (%s)", tt.args, len(got), len(lines), tt.reason)
			continue
		}
		for i, line := range got {
			var item map[string]any
			var want checker.Extracted
			if err := json.Unmarshal([]byte(line), &item); err != nil {
				t.Fatalf("%v: item %d: %v", tt.args, i, err)
			}
			if err := json.Unmarshal([]byte(lines[i]), &want); err != nil {
				t.Fatal(err)
			}
			ev, _ := item["evidence"].(map[string]any)
			if _, has := ev["sentence"]; has != tt.sentence {
				t.Errorf("%v: item %d has a sentence: %v, want %v (%s)", tt.args, i, has, tt.sentence, tt.reason)
			}
			if line, has := ev["line"]; has != tt.place || (has && int(line.(float64)) != want.Evidence.Line) {
				t.Errorf("%v: item %d evidence line %v, want it %v and %d (%s)", tt.args, i, line, tt.place, want.Evidence.Line, tt.reason)
			}
			if item["text"] != want.Text || fmt.Sprint(item["span"]) != fmt.Sprint([]any{float64(want.Span[0]), float64(want.Span[1])}) {
				t.Errorf("%v: item %d is %q at %v, want %q at %v (%s)", tt.args, i, item["text"], item["span"], want.Text, want.Span, tt.reason)
			}
		}
		if tt.sentence && out != full {
			t.Errorf("%v: output differs from the default's (%s)", tt.args, tt.reason)
		}
	}
}
