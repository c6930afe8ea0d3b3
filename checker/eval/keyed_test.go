package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

func group(text string, amount float64, date string) checker.ValueGroup {
	return checker.ValueGroup{Text: text, Value: checker.Value{Amount: amount, Date: date}}
}

func TestKeyMatches(t *testing.T) {
	cases := []struct {
		reason string
		g      checker.ValueGroup
		want   KeyValue
		match  bool
	}{
		{"a large figure within half a percent", group("$2.41bn", 2.41e9, ""), KeyValue{Num: 2.4e9}, true},
		{"a large figure beyond it", group("$2.5bn", 2.5e9, ""), KeyValue{Num: 2.4e9}, false},
		{"small whole numbers must be exact: years 0.05% apart differ", group("2012", 2012, ""), KeyValue{Num: 2011}, false},
		{"the figure as written counts: 10 km reported in metres", group("10 km", 10000, ""), KeyValue{Num: 10}, true},
		{"a date string inside the value's date", group("6 April", 0, "--04-06"), KeyValue{Str: "04-06", IsStr: true}, true},
		{"a time string inside the text", group("2:17:41", 0, ""), KeyValue{Str: "2:17:41", IsStr: true}, true},
		{"zero only matches zero", group("none", 0, ""), KeyValue{Num: 0}, true},
	}
	for _, c := range cases {
		if got := keyMatches(c.g, c.want); got != c.match {
			t.Errorf("%s: keyMatches(%q, %v) = %v", c.reason, c.g.Text, c.want, got)
		}
	}
}

func TestBreaks(t *testing.T) {
	f := checker.Finding{Values: []checker.ValueGroup{group("12%", 12, ""), group("1.2%", 1.2, ""), group("30%", 30, "")}}
	cases := []struct {
		reason string
		trap   KeyedTrap
		broken bool
	}{
		{"the opposed pair carries both values", KeyedTrap{Value: []KeyValue{{Num: 12}, {Num: 1.2}}}, true},
		{"a value beyond the first two is compatible, not opposed", KeyedTrap{Value: []KeyValue{{Num: 12}, {Num: 30}}}, false},
		{"one value opposed to itself in another scale", KeyedTrap{Value: []KeyValue{{Num: 1.2}}}, false},
		{"one value opposed to itself a tenth apart is not a scale", KeyedTrap{Value: []KeyValue{{Num: 12}}}, false},
	}
	for _, c := range cases {
		if got := breaks(f, c.trap); got != c.broken {
			t.Errorf("%s: breaks = %v, want %v", c.reason, got, c.broken)
		}
	}
	scaled := checker.Finding{Values: []checker.ValueGroup{group("€1.2bn", 1.2e9, ""), group("€1.2m", 1.2e6, "")}}
	if !breaks(scaled, KeyedTrap{Value: []KeyValue{{Num: 1.2e9}}}) {
		t.Error("a one-value trap opposed to its value a thousand times smaller is broken")
	}
}

func TestCover(t *testing.T) {
	k := Key{Disagreements: []KeyedFact{
		{Kind: "count", Value: []KeyValue{{Num: 40}, {Num: 47}}},
		{Kind: "count", Value: []KeyValue{{Num: 47}, {Num: 52}}},
		{Kind: "count", Value: []KeyValue{{Num: 40}, {Num: 60}}},
	}}
	// A toll told at three moments: one finding lists 47, 40 and 52.
	f := checker.Finding{Values: []checker.ValueGroup{group("47", 47, ""), group("40", 40, ""), group("52", 52, "")}}
	var det Detection
	k.cover(&det, f, "ev")
	if det.Covers != "ev#0" || len(det.Also) != 1 || det.Also[0] != "ev#1" || !det.Strict {
		t.Errorf("cover = %q also %v, want ev#0 also [ev#1]: both pairs it carries, not 40 vs 60", det.Covers, det.Also)
	}
	// The opposed pair 40 against 41 is no keyed pair; the list carries
	// 40 and 47 further on: found, but not strictly.
	var listed Detection
	k.cover(&listed, checker.Finding{Values: []checker.ValueGroup{group("40", 40, ""), group("41", 41, ""), group("47", 47, "")}}, "ev")
	if listed.Covers != "ev#0" || listed.Strict {
		t.Errorf("cover = %q strict %v, want ev#0 not strict: its opposed pair is not the keyed one", listed.Covers, listed.Strict)
	}
	// The opposed pair 47 against 52 is the second keyed pair: the finding
	// covers it strictly and also carries the first.
	var second Detection
	k.cover(&second, checker.Finding{Values: []checker.ValueGroup{group("52", 52, ""), group("47", 47, ""), group("40", 40, "")}}, "ev")
	if second.Covers != "ev#1" || !second.Strict || len(second.Also) != 1 || second.Also[0] != "ev#0" {
		t.Errorf("cover = %q strict %v also %v, want ev#1 strict also [ev#0]", second.Covers, second.Strict, second.Also)
	}
	var none Detection
	k.cover(&none, checker.Finding{Values: []checker.ValueGroup{group("40", 40, ""), group("41", 41, "")}}, "ev")
	if none.Correct() || len(none.Also) != 0 {
		t.Errorf("a finding of no keyed pair covers %q also %v", none.Covers, none.Also)
	}
}

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	write := func(body string) string {
		p := filepath.Join(dir, "key.json")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	k, err := LoadKey(write(`{"event":"e","disagreements":[{"what":"toll","kind":"count","values":[12,"03-04"]}],"traps":[{"what":"t","values":[1]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if d := k.Disagreements[0].Value; d[0].Num != 12 || !d[1].IsStr || d[1].Str != "03-04" {
		t.Errorf("values = %+v, want 12 and the string 03-04", d)
	}
	if b, _ := json.Marshal(k.Disagreements[0].Value); string(b) != `[12,"03-04"]` {
		t.Errorf("values marshal to %s", b)
	}
	for _, bad := range []string{
		`{"disagreements":[{"what":"one value","values":[1]}]}`,
		`{"traps":[{"what":"three values","values":[1,2,3]}]}`,
		`{"disagreements":[{"what":"not a value","values":[true,1]}]}`,
	} {
		if _, err := LoadKey(write(bad)); err == nil {
			t.Errorf("LoadKey(%s): no error", bad)
		}
	}
	if !(Key{Disagreements: k.Disagreements}).Opposes(group("12", 12, ""), group("4 March", 0, "2026-03-04")) {
		t.Error("Opposes: a group of each value, in either order, is the keyed pair")
	}
}

// quoted finds a quotation of four words or more: article text, which
// the dev set's keys must not carry (facts and figures only, in our words).
var quoted = regexp.MustCompile(`(?:^|[^A-Za-z])['‘"“]([^'’"”]+)['’"”](?:[^A-Za-z]|$)`)

// TestRealnewsKeys: every key of the real-news dev set loads, quotes no
// article text, and its sources.json names each article by URL and query
// only.
func TestRealnewsKeys(t *testing.T) {
	keys, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "realnews*", "*", "key.json"))
	if err != nil || len(keys) < 60 {
		t.Fatalf("%d real-news keys (%v), want at least 60", len(keys), err)
	}
	for _, p := range keys {
		k, err := LoadKey(p)
		if err != nil {
			t.Error(err)
			continue
		}
		var whats []string
		disputed := map[[2]KeyValue]bool{}
		for _, d := range k.Disagreements {
			whats = append(whats, d.What)
			if len(d.Value) == 2 {
				disputed[[2]KeyValue{d.Value[0], d.Value[1]}] = true
				disputed[[2]KeyValue{d.Value[1], d.Value[0]}] = true
			}
		}
		// A trap with a disagreement's two values is broken whenever the
		// disagreement is found: the key contradicts itself.
		for _, tr := range k.Traps {
			if len(tr.Value) == 2 && disputed[[2]KeyValue{tr.Value[0], tr.Value[1]}] {
				t.Errorf("%s: trap %q carries the values of a disagreement", p, tr.What)
			}
		}
		for _, tr := range k.Traps {
			whats = append(whats, tr.What)
		}
		for _, w := range whats {
			for _, m := range quoted.FindAllStringSubmatch(w, -1) {
				if len(strings.Fields(m[1])) >= 4 {
					t.Errorf("%s: quotes article text %q", p, m[1])
				}
			}
		}
		var src struct {
			Event, Domain, Date string
			Articles            []map[string]any
		}
		data, err := os.ReadFile(filepath.Join(filepath.Dir(p), "sources.json"))
		if err != nil || json.Unmarshal(data, &src) != nil || len(src.Articles) < 3 {
			t.Errorf("%s: sources.json unreadable or under 3 articles (%v)", p, err)
			continue
		}
		for _, a := range src.Articles {
			for f := range a {
				switch f {
				case "file", "site", "url", "query", "published":
				default:
					t.Errorf("%s: sources.json article field %q: only file, site, url, query and published belong there", p, f)
				}
			}
		}
	}
}
