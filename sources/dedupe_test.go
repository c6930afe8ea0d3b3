package sources

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// allPairs is near-copy detection as it was: the word 3-gram sets of
// every pair of articles compared. Syndicated must give what it gives.
func allPairs(arts []*checker.Article) []Syndication {
	sets := make([]map[string]bool, len(arts))
	for i, a := range arts {
		ws := strings.Fields(oldNormalText(a))
		sets[i] = map[string]bool{}
		for j := 0; j+3 <= len(ws); j++ {
			sets[i][ws[j]+" "+ws[j+1]+" "+ws[j+2]] = true
		}
	}
	var out []Syndication
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			a, b := sets[i], sets[j]
			if len(a) == 0 || len(b) == 0 {
				continue
			}
			inter := 0
			for k := range a {
				if b[k] {
					inter++
				}
			}
			if s := float64(inter) / float64(len(a)+len(b)-inter); s >= SyndicationThreshold {
				out = append(out, Syndication{A: arts[i].ID, B: arts[j].ID, Similarity: s})
			}
		}
	}
	return out
}

// oldNormalText is normalText as it was, lower-casing each paragraph
// whole and splitting it on every rune that is no part of a word.
func oldNormalText(a *checker.Article) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		for _, w := range strings.FieldsFunc(strings.ToLower(p.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '$' && r != '%' && r != '.'
		}) {
			b.WriteString(w)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestNormalText(t *testing.T) {
	tests := []struct {
		paragraphs []string
		want       string
		reason     string
	}{
		{[]string{"Meta paid $14.3 billion, for 49%."}, "meta paid $14.3 billion for 49%. ", "case, commas and spaces ironed out; $, % and . are kept"},
		{[]string{"  Two   spaces\tand a tab  ", "next-paragraph"}, "two spaces and a tab next paragraph ", "runs of separators are one, a paragraph ends a word"},
		{[]string{"ÉLAN İstanbul ΣΟΦΙΑ \u212a"}, "élan istanbul σοφια k ", "non-ASCII letters lower-cased rune by rune, as strings.ToLower does"},
		{[]string{"—", ""}, "", "no words at all"},
		{[]string{"٣٤ ½ x²"}, "٣٤ x ", "digits of any script are word runes; ½ and ² are not digits"},
	}
	for _, tt := range tests {
		a := &checker.Article{}
		for _, p := range tt.paragraphs {
			a.Paragraphs = append(a.Paragraphs, checker.Paragraph{Text: p})
		}
		if got := normalText(a); got != tt.want || got != oldNormalText(a) {
			t.Errorf("normalText(%q) = %q, want %q, as the old reading gives %q (%s)", tt.paragraphs, got, tt.want, oldNormalText(a), tt.reason)
		}
	}
	for _, a := range event(t, 11, 30) {
		if got, want := normalText(a), oldNormalText(a); got != want {
			t.Fatalf("normalText of a generated article differs from the old reading:\n%q\n%q", got, want)
		}
	}
}

// texts parses each text as an article with ID a0, a1, ….
func texts(t testing.TB, ts ...string) []*checker.Article {
	t.Helper()
	arts := make([]*checker.Article, len(ts))
	for i, s := range ts {
		a, err := Parse(fmt.Sprintf("a%d.txt", i), []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		a.ID = fmt.Sprintf("a%d", i)
		arts[i] = a
	}
	return arts
}

// event is a generated event of n outlets, with every third article
// followed by a copy of it with its last paragraph changed: the wire
// copy Syndicated is there to find.
func event(t testing.TB, seed uint64, n int) []*checker.Article {
	t.Helper()
	var ts []string
	for i, d := range newsgen.New(seed).Event("e", n).Docs {
		ts = append(ts, d.Text)
		if i%3 == 0 {
			ps := strings.Split(strings.TrimSpace(d.Text), "\n\n")
			ps[len(ps)-1] = "A spokesman declined to comment on the figures."
			ts = append(ts, strings.Join(ps, "\n\n"))
		}
	}
	return texts(t, ts...)
}

func TestSyndicatedMatchesAllPairs(t *testing.T) {
	base := "Harbor Systems agreed to pay $2.4 billion for Tidewater Labs on Monday. The deal ends a six-month bidding war. Tidewater employs 340 people."
	tests := []struct {
		arts   []*checker.Article
		want   int // pairs flagged
		reason string
	}{
		{nil, 0, "no articles: nothing to compare"},
		{texts(t, base), 0, "one article is nobody's copy"},
		{texts(t, base, base), 1, "two identical texts are near copies"},
		{texts(t, base, "Another story: a quake of magnitude 6.8 struck, killing 212."), 0, "two different stories"},
		{texts(t, "Brief.", "Too short", base), 0, "articles of fewer than three words have no 3-grams and match nothing"},
		{texts(t, base, base+" Shares rose 3% on the news of the deal.", base+" Shares rose 3% on the news."), 3, "near copies of different lengths all pair up"},
		{event(t, 7, 12), -1, "a generated event with wire copies"},
		{event(t, 3, 40), -1, "a larger generated event with wire copies"},
		{event(t, 5, 300), -1, "an event of hundreds of articles from a few templates, where most pairs share a prefix member and the places of the shared members rule them out"},
	}
	for _, tt := range tests {
		got, want := Syndicated(tt.arts), allPairs(tt.arts)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Syndicated = %+v, all pairs compared give %+v (%s)", got, want, tt.reason)
		}
		if tt.want >= 0 && len(got) != tt.want {
			t.Errorf("Syndicated flagged %d pairs, want %d (%s)", len(got), tt.want, tt.reason)
		}
		if tt.want < 0 && len(got) == 0 {
			t.Errorf("Syndicated found none of the planted copies (%s)", tt.reason)
		}
	}
}

func TestPrefixLenNeverShort(t *testing.T) {
	// A pair at the threshold shares at least ⌈t·n⌉ members of a set of n,
	// so a prefix of n−⌈t·n⌉+1 members is the shortest that is safe.
	for n := 1; n <= 10000; n++ {
		need := 0
		for float64(need) < SyndicationThreshold*float64(n) {
			need++
		}
		if p := prefixLen(n); p < n-need+1 || p > n {
			t.Fatalf("prefixLen(%d) = %d, want between %d and %d", n, p, n-need+1, n)
		}
	}
}

func TestOverlapNeededNeverHigh(t *testing.T) {
	// overlapNeeded must not ask more than a pair at the threshold shares,
	// or positional filtering would drop a near copy.
	for m := 1; m <= 300; m++ {
		for n := 1; n <= 300; n++ {
			need := overlapNeeded(m, n)
			if need > 0 {
				if o := need - 1; o <= min(m, n) && float64(o)/float64(m+n-o) >= SyndicationThreshold {
					t.Fatalf("overlapNeeded(%d, %d) = %d, but %d shared members reach the threshold", m, n, need, o)
				}
			}
			if need <= min(m, n) && float64(need)/float64(m+n-need) < SyndicationThreshold-1e-9 {
				t.Fatalf("overlapNeeded(%d, %d) = %d falls short of the threshold: it must be the fewest that reach it", m, n, need)
			}
		}
	}
}

// BenchmarkSyndicated is near-copy detection on one generated event as
// its articles grow.
func BenchmarkSyndicated(b *testing.B) {
	for _, n := range []int{50, 500, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			arts := event(b, 7, n)
			b.ReportAllocs()
			for b.Loop() {
				Syndicated(arts)
			}
		})
	}
}

func TestGramSet(t *testing.T) {
	tests := []struct {
		a, b   []uint64
		inter  int
		reason string
	}{
		{[]uint64{1, 2, 3}, []uint64{3, 4, 1}, 2, "two shared"},
		{[]uint64{0, 0, 5, 5, 7}, []uint64{7, 0}, 2, "repeats counted once; the hash 0, which the table cannot hold, kept apart"},
		{[]uint64{1 << 40, 1<<40 + 16, 1<<40 + 32}, []uint64{1<<40 + 16}, 1, "keys that collide in the table's low bits"},
		{nil, []uint64{1}, 0, "an empty set"},
	}
	for _, tt := range tests {
		a, b := newGramSet(tt.a), newGramSet(tt.b)
		if got, _ := a.shared(&b, 0); got != tt.inter {
			t.Errorf("%s: %d shared, want %d", tt.reason, got, tt.inter)
		}
		if got, _ := b.shared(&a, 0); got != tt.inter {
			t.Errorf("%s, the other way: %d shared, want %d", tt.reason, got, tt.inter)
		}
		seen := map[uint64]bool{}
		for _, k := range tt.a {
			seen[k] = true
		}
		if len(a.keys) != len(seen) {
			t.Errorf("%s: %d keys, want the %d distinct", tt.reason, len(a.keys), len(seen))
		}
	}
}
