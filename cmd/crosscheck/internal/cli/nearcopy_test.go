package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

// TestNearCopiesOncePerGroup: check says once per group of near copies
// which sources are syndicated, not once per pair (a group of n copies
// is n(n-1)/2 pairs), and the report still lists each source's copies.
func TestNearCopiesOncePerGroup(t *testing.T) {
	harbor := "Harbor Systems agreed to pay $2.4 billion for Tidewater Labs on Monday.\nThe deal ends a six-month bidding war for the maker of industrial sensors.\nTidewater, founded in 2011, employs 340 people at its plant near the harbour.\nAnalysts said the price was high but the sensors fit Harbor's plans well.\nShares in Harbor rose 3% in early trading after the announcement was made.\n"
	quake := "A quake of magnitude 6.8 struck the Ardent basin before dawn on Tuesday.\nRescuers said at least 212 people had died and 1,400 were hurt in the region.\nThe quake was felt 300 kilometres away in the capital, where offices emptied.\nAftershocks of up to magnitude 5.1 followed through the morning, officials said.\nThe government declared three days of mourning and opened six shelters.\n"
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Each copy changes its own last line: near copies, not one text.
	var harbors, quakes []string
	for i := range 5 {
		id := fmt.Sprintf("harbor%d", i)
		harbors = append(harbors, id)
		write(id, harbor+fmt.Sprintf("Reported by desk %d of the wire.\n", i))
	}
	for i := range 3 {
		id := fmt.Sprintf("quake%d", i)
		quakes = append(quakes, id)
		write(id, quake+fmt.Sprintf("Filed from bureau %d this morning.\n", i))
	}
	code, out, errOut := run(t, nil, "check", "--format", "json", "--fail-level", "none", dir)
	if code != ExitOK {
		t.Fatalf("check: exit %d: %s", code, errOut)
	}
	var lines []string
	for l := range strings.Lines(errOut) {
		if strings.Contains(l, "near copies") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	want := []string{
		"crosscheck: harbor0, harbor1, harbor2, harbor3 and harbor4 are near copies",
		"crosscheck: quake0, quake1 and quake2 are near copies",
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d near-copy lines, want one per group (%d):\n%s", len(lines), len(want), errOut)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) || !strings.HasSuffix(lines[i], "of their word triples shared): syndicated, not independent") {
			t.Errorf("line %d = %q, want it to start %q and say how much they share", i+1, lines[i], w)
		}
	}
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Sources {
		group := harbors
		if strings.HasPrefix(s.ID, "quake") {
			group = quakes
		}
		others := slices.DeleteFunc(slices.Clone(group), func(id string) bool { return id == s.ID })
		if !slices.Equal(s.SyndicatedWith, others) {
			t.Errorf("%s: syndicated_with %v, want %v: every other copy of its story, in input order", s.ID, s.SyndicatedWith, others)
		}
	}
}

// TestNearCopyLine: how a group of near copies is told, from a pair to a
// group too large to name every member.
func TestNearCopyLine(t *testing.T) {
	ids := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprintf("s%02d", i)
		}
		return s
	}
	tests := []struct {
		ids       []string
		low, high float64
		want      string
		reason    string
	}{
		{[]string{"a", "b"}, 0.8, 0.8, "crosscheck: a and b are near copies (80% of their word triples shared): syndicated, not independent", "a pair reads as it always has"},
		{[]string{"a", "b", "c"}, 0.64, 0.91, "crosscheck: a, b and c are near copies (64–91% of their word triples shared): syndicated, not independent", "a group gives the range of its pairs"},
		{[]string{"a", "b", "c"}, 0.701, 0.704, "crosscheck: a, b and c are near copies (70% of their word triples shared): syndicated, not independent", "a range that rounds to one figure is one figure"},
		{ids(12), 0.6, 1, "crosscheck: s00, s01, s02, s03, s04, s05, s06, s07 and 4 more are near copies (60–100% of their word triples shared): syndicated, not independent", "a large group names its first members and counts the rest"},
	}
	for _, tt := range tests {
		if got := nearCopyLine(tt.ids, tt.low, tt.high); got != tt.want {
			t.Errorf("nearCopyLine(%v, %v, %v) =\n%q, want\n%q (%s)", tt.ids, tt.low, tt.high, got, tt.want, tt.reason)
		}
	}
}
