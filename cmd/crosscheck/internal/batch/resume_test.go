package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
)

// TestResumeUnderOtherSettings: --resume keeps the events an earlier run
// checked only under the settings and crosscheck it checked them with;
// otherwise it refuses, saying what differs, rather than mix events
// checked two ways in one report. An interrupted run (its journal) and a
// finished one (its summary.json) are held alike.
func TestResumeUnderOtherSettings(t *testing.T) {
	in := corpus(t, 30)
	base := map[string]string{"min_confidence": "0", "tolerances.money": "0.005"}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for kk, vv := range base {
			m[kk] = vv
		}
		if v == "" {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	v1 := version.Tool{Name: "crosscheck", Version: "v1.4.0"}
	v2 := version.Tool{Name: "crosscheck", Version: "v1.5.0"}
	clean := t.TempDir()
	if _, err := Run(Options{Inputs: []string{in}, Dir: clean, Jobs: 1, Tool: v1, Settings: base}); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(clean, EventsFile))
	tests := []struct {
		tool     version.Tool
		settings map[string]string
		want     string // "" resumes
		reason   string
	}{
		{v1, base, "", "the same settings and crosscheck: the checked events are kept"},
		{v1, with("min_confidence", "0.7"), "min_confidence 0 (this run 0.7)", "findings below 0.7 would be kept from the first run and dropped from the rest"},
		{v2, base, "crosscheck v1.4.0 (this run v1.5.0)", "another crosscheck reads and scores differently"},
		{v1, with("ignore[0]", `{attribute: "age"}`), `ignore[0] unset (this run {attribute: "age"})`, "a rule the first run did not have"},
		{v1, with("tolerances.money", ""), "tolerances.money 0.005 (this run unset)", "a setting the first run had"},
	}
	for _, finished := range []bool{false, true} {
		for _, tt := range tests {
			out := t.TempDir()
			first := Options{Inputs: []string{in}, Dir: out, Jobs: 1, Tool: v1, Settings: base}
			if !finished {
				ctx, cancel := context.WithCancel(context.Background())
				first.Context = ctx
				first.journaled = func(n int64) {
					if n == 5 {
						cancel()
					}
				}
			}
			if _, err := Run(first); finished != (err == nil) || (!finished && !errors.Is(err, context.Canceled)) {
				t.Fatalf("first run (finished %v): %v", finished, err)
			}
			sum, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1, Tool: tt.tool, Settings: tt.settings, Resume: true})
			if tt.want == "" {
				if err != nil || sum.Events.Resumed < 5 {
					t.Fatalf("finished %v: %v, %+v; want the first run's events resumed (%s)", finished, err, sum, tt.reason)
				}
				if got, _ := os.ReadFile(filepath.Join(out, EventsFile)); !bytes.Equal(got, want) {
					t.Errorf("finished %v: %s after resuming differs from a clean run's", finished, EventsFile)
				}
				continue
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), out) || !strings.Contains(err.Error(), "without --resume") {
				t.Errorf("finished %v: error %v, want a refusal naming %s and saying %q (%s)", finished, err, out, tt.want, tt.reason)
			}
		}
	}
}

// TestResumeUnrecordedSettings: a directory whose settings were never
// recorded (written by a crosscheck from before they were) is not
// resumed from: what it was checked under is unknown.
func TestResumeUnrecordedSettings(t *testing.T) {
	in := corpus(t, 10)
	out := t.TempDir()
	if _, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, SummaryFile), []byte(`{"schema_version":1,"inputs":[]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1, Resume: true})
	if err == nil || !strings.Contains(err.Error(), "not recorded") {
		t.Errorf("resuming from a summary.json without settings: %v, want a refusal", err)
	}
}

// TestMergeUnderOtherSettings: merge refuses shards checked under other
// settings or by another crosscheck, naming the shard and what differs.
func TestMergeUnderOtherSettings(t *testing.T) {
	in := corpus(t, 20)
	grouped := t.TempDir()
	if _, err := Run(Options{Inputs: []string{in}, Dir: grouped, GroupOnly: true}); err != nil {
		t.Fatal(err)
	}
	v1 := version.Tool{Name: "crosscheck", Version: "v1.4.0"}
	shard := func(i int, tool version.Tool, settings map[string]string) string {
		d := t.TempDir()
		if _, err := Run(Options{Inputs: []string{in}, Dir: d, Shard: i, Shards: 2, Assign: filepath.Join(grouped, AssignFile), Jobs: 1, Tool: tool, Settings: settings}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	base := map[string]string{"min_confidence": "0"}
	first := shard(0, v1, base)
	tests := []struct {
		tool     version.Tool
		settings map[string]string
		want     string // "" merges
		reason   string
	}{
		{v1, base, "", "shards of one run merge"},
		{v1, map[string]string{"min_confidence": "0.5"}, "min_confidence 0 (", "a shard with another minimum confidence"},
		{version.Tool{Name: "crosscheck", Version: "v1.5.0"}, base, "crosscheck v1.4.0 (", "a shard checked by another crosscheck"},
	}
	for _, tt := range tests {
		second := shard(1, tt.tool, tt.settings)
		_, err := Merge(t.TempDir(), []string{first, second}, nil, 0)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%v (%s)", err, tt.reason)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), second) {
			t.Errorf("merge: %v, want a refusal naming %s and saying %q (%s)", err, second, tt.want, tt.reason)
		}
	}
}
