package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

// seedCorpus writes the seed event's articles as one JSONL dump, each
// record naming the event so that batch checks them together whatever
// its grouping makes of five articles.
func seedCorpus(t *testing.T) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(seed, "*.txt"))
	if err != nil || len(paths) < 2 {
		t.Fatalf("the seed's articles: %v, %d files", err, len(paths))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		rec := map[string]string{"id": id, "outlet": "Outlet " + id, "event": "meta-scale", "text": string(text)}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	corpus := filepath.Join(t.TempDir(), "seed.jsonl")
	if err := os.WriteFile(corpus, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return corpus
}

// findingIDs are the ids of a report's findings, sorted.
func findingIDs(fs []checker.Finding) []string {
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Attribute + " " + f.ID
	}
	slices.Sort(ids)
	return ids
}

// TestBatchAppliesConfig: batch checks an event as check checks the same
// articles, under the same configuration: its ignore rules, outlet
// weights, tolerances and min_confidence.
func TestBatchAppliesConfig(t *testing.T) {
	inRepo(t)
	corpus := seedCorpus(t)
	cfg := filepath.Join(t.TempDir(), "crosscheck.yaml")
	conf := "ignore:\n  - attribute: valuation\noutlets:\n  Outlet dual-ai-strategy: 4\ntolerances:\n  money: 0.01\n"
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	checkFindings := func(args ...string) []string {
		t.Helper()
		code, out, errOut := run(t, nil, append([]string{"check", "--format", "json", "--fail-level", "none"}, args...)...)
		if code != ExitOK {
			t.Fatalf("check %v: exit %d: %s", args, code, errOut)
		}
		var r checker.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return findingIDs(r.Findings)
	}
	plain := checkFindings(corpus)
	if !slices.ContainsFunc(plain, func(s string) bool { return strings.HasPrefix(s, "valuation ") }) {
		t.Fatalf("the seed has no valuation finding to ignore: %v", plain)
	}
	want := checkFindings("--config", cfg, corpus)
	if slices.ContainsFunc(want, func(s string) bool { return strings.HasPrefix(s, "valuation ") }) {
		t.Fatalf("check kept the ignored valuation finding: %v", want)
	}
	out := t.TempDir()
	if code, _, errOut := run(t, nil, "batch", "-q", "--config", cfg, "--input", corpus, "--output", out, "--format", "jsonl"); code != ExitOK {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(out, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var ev checker.EventReport
	if err := json.Unmarshal(data, &ev); err != nil || bytes.Count(data, []byte("\n")) != 1 {
		t.Fatalf("events.jsonl: %v, want one event:\n%s", err, data)
	}
	if got := findingIDs(ev.Findings); !slices.Equal(got, want) {
		t.Errorf("batch --config found %v; check --config found %v on the same articles", got, want)
	}
}
