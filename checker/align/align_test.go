package align

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// testComparer compares as the checker does in outline: one family per
// kind, exact values agree within half a percent, a slip is a factor of
// a thousand or an off-by-one.
type testComparer struct{}

func (testComparer) Family(q quantity.Quantity) string { return string(q.Kind) }
func (testComparer) Compatible(a, b quantity.Quantity) bool {
	return math.Abs(a.Value-b.Value) <= 0.005*math.Max(math.Abs(a.Value), math.Abs(b.Value))
}
func (testComparer) Slip(a, b quantity.Quantity) bool {
	r := math.Max(a.Value, b.Value) / math.Min(a.Value, b.Value)
	return math.Abs(r-1000) < 1 || math.Abs(a.Value-b.Value) == 1
}

// fig makes a figure of source src stating v of kind k, with the words
// around it (each word's distance its place in the list, nearest first).
func fig(src string, k quantity.Kind, v float64, words string) Figure {
	f := Figure{Source: src, Quantity: quantity.Quantity{Kind: k, Value: v, Low: v, High: v, Bound: quantity.Exact, Text: "x"}}
	for i, w := range strings.Fields(words) {
		f.Context = append(f.Context, Word{Stem: w, Dist: i + 1})
	}
	return f
}

func TestPairsBlocks(t *testing.T) {
	cases := []struct {
		reason string
		figs   []Figure
		want   int
	}{
		{"two sources, one kind, values apart: a candidate",
			[]Figure{fig("a", quantity.Count, 40, "injured"), fig("b", quantity.Count, 44, "injured")}, 1},
		{"one source stating two values is no pair: an article is not its own rival",
			[]Figure{fig("a", quantity.Count, 40, "injured"), fig("a", quantity.Count, 44, "injured")}, 0},
		{"values that agree within tolerance are no disagreement",
			[]Figure{fig("a", quantity.Money, 1000, "price"), fig("b", quantity.Money, 1001, "price")}, 0},
		{"other kinds are never compared",
			[]Figure{fig("a", quantity.Count, 40, "staff"), fig("b", quantity.Percent, 44, "staff")}, 0},
		{"values far apart are different facts, whatever their words",
			[]Figure{fig("a", quantity.Count, 40, "staff"), fig("b", quantity.Count, 900, "staff")}, 0},
		{"a whole count and a bare fraction are different facts: things are counted whole",
			[]Figure{fig("a", quantity.Number, 12, "dead"), fig("b", quantity.Number, 6.4, "dead")}, 0},
		{"the same, whichever source states the fraction",
			[]Figure{fig("a", quantity.Number, 6.4, "dead"), fig("b", quantity.Number, 12, "dead")}, 0},
		{"a fraction with its noun is a rate, which may be a whole one misstated",
			[]Figure{fig("a", quantity.Count, 1.4, "children"), fig("b", quantity.Count, 2, "children")}, 1},
		{"a figure a float's rounding off whole is whole: 2.01 million people",
			[]Figure{fig("a", quantity.Number, 2009999.9999999998, "evacuated"), fig("b", quantity.Number, 1.6e6, "evacuated")}, 1},
		{"but a scale-word slip bridges the distance",
			[]Figure{fig("a", quantity.Money, 3e6, "cost"), fig("b", quantity.Money, 3e9, "cost")}, 1},
	}
	for _, c := range cases {
		if got := len(NewEvent(c.figs).Pairs(testComparer{})); got != c.want {
			t.Errorf("%s: %d pairs, want %d", c.reason, got, c.want)
		}
	}
}

func feature(t *testing.T, p Pair, name string) float64 {
	t.Helper()
	i := slices.Index(FeatureNames, name)
	if i < 0 {
		t.Fatalf("no feature %q", name)
	}
	return p.X[i]
}

// pairOf returns the pair of figures a and b among pairs, failing the
// test when there is none.
func pairOf(t *testing.T, pairs []Pair, a, b int) Pair {
	t.Helper()
	for _, p := range pairs {
		if p.A == a && p.B == b {
			return p
		}
	}
	t.Fatalf("no pair %d-%d in %v", a, b, pairs)
	return Pair{}
}

func TestFeatures(t *testing.T) {
	// The same measure in two sources' words, and a second figure in the
	// second source that restates the first one's value in its context.
	figs := []Figure{
		fig("a", quantity.Count, 120, "flights cancelled storm"),
		fig("b", quantity.Count, 130, "flights cancelled airport"),
		fig("b", quantity.Count, 120, "flights cancelled storm"),
		fig("c", quantity.Count, 130, "volunteers shelter town"),
	}
	pairs := NewEvent(figs).Pairs(testComparer{})
	get := func(a, b int) Pair { return pairOf(t, pairs, a, b) }
	same, other := get(0, 1), get(0, 3)
	if len(same.X) != len(FeatureNames) {
		t.Fatalf("%d features, want %d", len(same.X), len(FeatureNames))
	}
	if c1, c2 := feature(t, same, "context"), feature(t, other, "context"); c1 <= c2 || c2 != 0 {
		t.Errorf("context: shared words %.2f, none shared %.2f; want the first higher and the second 0", c1, c2)
	}
	// Source b states 120 in the very words of source a's 120: its 130
	// is about something else, and the rival feature says so.
	if r := feature(t, same, "rival"); r <= 0 {
		t.Errorf("rival = %.2f, want > 0 when the other source restates the value in like words", r)
	}
	if r := feature(t, get(2, 3), "rival"); r != 0 {
		t.Errorf("rival = %.2f for a pair with no restatement, want 0", r)
	}
}

// TestOrderFeatures: where a figure stands among its source's figures of
// its kind. A report's lead gives its main count first and usually as
// its largest; the same place in two reports hints at the same fact.
func TestOrderFeatures(t *testing.T) {
	figs := []Figure{
		fig("a", quantity.Count, 310, "homes destroyed"),    // a's first and largest
		fig("a", quantity.Count, 12, "schools closed"),      // a's second
		fig("b", quantity.Count, 290, "homes destroyed"),    // b's first and largest
		fig("b", quantity.Count, 14, "schools closed"),      // b's second
		fig("c", quantity.Count, 110, "homes damaged"),      // c's first, but not larger than its next
		fig("c", quantity.Count, 330, "houses burned down"), // c's second and largest
	}
	pairs := NewEvent(figs).Pairs(testComparer{})
	get := func(a, b int) Pair { return pairOf(t, pairs, a, b) }
	cases := []struct {
		reason string
		a, b   int
		name   string
		want   float64
	}{
		{"both lead their reports", 0, 2, "first", 1},
		{"one leads, the other is second", 0, 5, "first", 0.5},
		{"neither leads", 1, 3, "first", 0},
		{"both second in their reports", 1, 3, "same_rank", 1},
		{"first against second", 0, 5, "same_rank", 0},
		{"both the largest their reports state", 0, 5, "largest", 1},
		{"one largest, one not", 0, 4, "largest", 0.5},
		{"neither the largest", 1, 3, "largest", 0},
	}
	for _, c := range cases {
		if got := feature(t, get(c.a, c.b), c.name); got != c.want {
			t.Errorf("%s: %s = %v, want %v", c.reason, c.name, got, c.want)
		}
	}
}

func TestGroup(t *testing.T) {
	figs := []Figure{
		fig("a", quantity.Count, 50, "x"),
		fig("b", quantity.Count, 50, "x"),
		fig("c", quantity.Count, 56, "x"),
		fig("d", quantity.Count, 55.9, "x"),
		fig("e", quantity.Count, 70, "y"),
	}
	pairs := []Pair{{A: 0, B: 2}, {A: 1, B: 2}, {A: 0, B: 3}, {A: 0, B: 4}, {A: 3, B: 4}}
	raw := []float64{0.9, 0.8, 0.7, 0.1, 0.01}
	facts := NewEvent(figs).Group(pairs, raw, testComparer{}, 0.05)
	if len(facts) != 1 {
		t.Fatalf("%d facts, want 1: %+v", len(facts), facts)
	}
	f := facts[0]
	// 50 (a, b) against 56 and 55.9 (c, d, which agree); 70 joins through
	// a pair at 0.1, under a quarter of the best: left out; the pair under
	// the link threshold does nothing.
	if len(f.Sides) != 2 || len(f.Sides[0]) != 2 || len(f.Sides[1]) != 2 || f.Raw != 0.9 || f.Best.A != 0 || f.Best.B != 2 {
		t.Errorf("fact = %+v, want sides [a b] [c d] from best pair a-c", f)
	}
	if f.Links != 3 {
		t.Errorf("links = %d, want 3 (a-c, b-c, a-d)", f.Links)
	}
	// A third value linked at a third of the best pair's chance joins on
	// a side of its own (a toll told at three moments); linked at a fifth
	// it stays out.
	for _, tt := range []struct {
		r     float64
		sides int
	}{{0.3, 3}, {0.18, 2}} {
		got := NewEvent(figs).Group([]Pair{{A: 0, B: 2}, {A: 2, B: 4}}, []float64{0.9, tt.r}, testComparer{}, 0.05)
		if len(got) != 1 || len(got[0].Sides) != tt.sides {
			t.Errorf("a third value linked at %v of a best 0.9: %+v, want one fact of %d sides", tt.r, got, tt.sides)
		}
	}
	// Linked at a fifth, a third value still joins when the reader put it
	// in the slot of both figures of the best pair: its slot vouches for
	// what the weak link does not.
	slotted := append([]Figure(nil), figs...)
	for _, i := range []int{0, 2, 4} {
		slotted[i].Slot = "toll"
	}
	if got := NewEvent(slotted).Group([]Pair{{A: 0, B: 2}, {A: 2, B: 4}}, []float64{0.9, 0.18}, testComparer{}, 0.05); len(got) != 1 || len(got[0].Sides) != 3 {
		t.Errorf("a third value in the best pair's slot, linked at a fifth: %+v, want one fact of 3 sides", got)
	}
	// Even when its source gave another value of the fact: one article
	// often tells an earlier and a later value of a count.
	slotted[4].Source = slotted[0].Source
	if got := NewEvent(slotted).Group([]Pair{{A: 0, B: 2}, {A: 2, B: 4}}, []float64{0.9, 0.18}, testComparer{}, 0.05); len(got) != 1 || len(got[0].Sides) != 3 {
		t.Errorf("a third value in the slot from a source in the fact, linked at a fifth: %+v, want one fact of 3 sides", got)
	}
	// Two facts whose best pairs state the same two values are one.
	split := NewEvent(figs[:4]).Group([]Pair{{A: 0, B: 2}, {A: 1, B: 3}}, []float64{0.9, 0.6}, testComparer{}, 0.05)
	if len(split) != 1 || len(split[0].Sides[0])+len(split[0].Sides[1]) != 4 {
		t.Errorf("two pairs of the same two values: %+v, want one fact of four figures", split)
	}
}

// TestGroupSameSlot holds that facts whose best pairs the reader put in
// one slot, the same for both, are one fact: a toll told at four moments
// makes two pairs of values no pair links, and an editor wants the four
// values in one finding, not two.
func TestGroupSameSlot(t *testing.T) {
	slotted := func(src string, v float64, slot string) Figure {
		f := fig(src, quantity.Count, v, "killed")
		f.Slot = slot
		return f
	}
	cases := []struct {
		reason     string
		slots      [4]string // of the figures of the first pair, then the second's
		wantFacts  int
		wantValues int // in the first fact
	}{
		{"both pairs in one slot: one fact of four values",
			[4]string{"deaths", "deaths", "deaths", "deaths"}, 1, 4},
		{"pairs in two slots: two facts",
			[4]string{"deaths", "deaths", "injuries", "injuries"}, 2, 2},
		{"a pair across two slots is no slot's: two facts",
			[4]string{"deaths", "deaths", "deaths", "injuries"}, 2, 2},
		{"figures the reader made no claim of have no slot: two facts",
			[4]string{"", "", "", ""}, 2, 2},
	}
	for _, tt := range cases {
		figs := []Figure{
			slotted("a", 12, tt.slots[0]), slotted("b", 19, tt.slots[1]),
			slotted("c", 40, tt.slots[2]), slotted("d", 71, tt.slots[3]),
		}
		got := NewEvent(figs).Group([]Pair{{A: 0, B: 1}, {A: 2, B: 3}}, []float64{0.8, 0.6}, testComparer{}, 0.05)
		if len(got) != tt.wantFacts || len(got[0].Sides) != tt.wantValues {
			t.Errorf("%s: %+v, want %d facts, the first of %d values", tt.reason, got, tt.wantFacts, tt.wantValues)
		}
	}
}

func TestFactFeatures(t *testing.T) {
	figs := []Figure{
		fig("a", quantity.Count, 50, "toll"),
		fig("b", quantity.Count, 56, "toll"),
		fig("a", quantity.Money, 3e6, "fee"),
		fig("b", quantity.Money, 4e6, "fee"),
	}
	one := Fact{Sides: [][]int{{0}, {1}}, Raw: 0.8, Best: Pair{A: 0, B: 1, X: make([]float64, len(FeatureNames))}}
	two := Fact{Sides: [][]int{{2}, {3}}, Raw: 0.4, Best: Pair{A: 2, B: 3, X: make([]float64, len(FeatureNames))}}
	cases := []struct {
		reason string
		facts  []Fact
		want   float64 // the "facts" feature of each
	}{
		{"a lone fact: log2(1) is 0", []Fact{one}, 0},
		{"two facts in one event: log2(2) is 1, for each", []Fact{one, two}, 1},
	}
	last := len(FactFeatureNames) - 1
	if FactFeatureNames[last] != "facts" {
		t.Fatalf("the last fact feature is %q, want facts", FactFeatureNames[last])
	}
	for _, c := range cases {
		xs := FactFeatures(c.facts, figs)
		for i, x := range xs {
			if len(x) != len(FactFeatureNames) {
				t.Fatalf("%s: fact %d has %d features, want %d", c.reason, i, len(x), len(FactFeatureNames))
			}
			if x[last] != c.want {
				t.Errorf("%s: fact %d: facts = %v, want %v", c.reason, i, x[last], c.want)
			}
			if !slices.Equal(x[:last], c.facts[i].Features(figs)) {
				t.Errorf("%s: fact %d: the first features %v are not Fact.Features %v", c.reason, i, x[:last], c.facts[i].Features(figs))
			}
		}
	}
}

func TestDefaultModel(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, len(FeatureNames))
	if p := m.Raw(x); p <= 0 || p >= 1 || math.IsNaN(p) {
		t.Errorf("Raw(0…) = %v, want a chance in (0,1)", p)
	}
	if p := m.Confidence(make([]float64, len(FactFeatureNames))); p <= 0 || p >= 1 {
		t.Errorf("Confidence(0…) = %v, want a chance in (0,1)", p)
	}
	bad := *m
	bad.Features = append(slices.Clone(m.Features), "extra")
	if bad.Validate() == nil {
		t.Error("a model with a feature this package lacks validated")
	}
	bad = *m
	bad.Trees = []Tree{{Nodes: []Node{{Feature: 0, Threshold: 0.5, Left: 1, Right: 2}, {Feature: 0, Left: 1, Right: 2}, {Value: 1}}}}
	if bad.Validate() == nil {
		t.Error("a tree whose split points back at itself validated")
	}
}

func TestTreeEval(t *testing.T) {
	tr := Tree{Nodes: []Node{
		{Feature: 1, Threshold: 0.5, Left: 1, Right: 2},
		{Value: -1},
		{Value: 2},
	}}
	for _, c := range []struct {
		x    []float64
		want float64
	}{{[]float64{9, 0.5}, -1}, {[]float64{9, 0.51}, 2}} {
		if got := tr.Eval(c.x); got != c.want {
			t.Errorf("Eval(%v) = %v, want %v (x ≤ threshold goes left)", c.x, got, c.want)
		}
	}
}

func TestConcepts(t *testing.T) {
	c, err := DefaultConcepts()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 10000 {
		t.Fatalf("%d words, want the WordNet table", c.Len())
	}
	cases := []struct {
		reason string
		a, b   string
		same   bool
	}{
		{"synonyms in their first sense", "injury", "hurt", true},
		{"a plural reaches its noun by WordNet's rules", "injuries", "injury", true},
		{"a past tense reaches its verb", "purchased", "buy", true},
		{"unrelated words", "injury", "purchase", false},
	}
	for _, k := range cases {
		ca, cb := c.Of(k.a), c.Of(k.b)
		if ca == 0 || cb == 0 {
			t.Errorf("%s: %q → %d, %q → %d; want both in the table", k.reason, k.a, ca, k.b, cb)
			continue
		}
		if (ca == cb) != k.same {
			t.Errorf("%s: %q → %d, %q → %d; same = %v", k.reason, k.a, ca, k.b, cb, k.same)
		}
	}
	if _, err := ParseConcepts("word notanumber\n"); err == nil {
		t.Error("a malformed line parsed")
	}
}

// TestLead: a finding opens with the two sides its pairs link most surely
// taken together, not always with its single likeliest pair; one source
// repeating a value is one voice in that.
func TestLead(t *testing.T) {
	values := func(srcs string, vs ...float64) []Figure {
		var out []Figure
		for i, v := range vs {
			out = append(out, fig(string(srcs[i]), quantity.Count, v, "x"))
		}
		return out
	}
	cases := []struct {
		reason string
		figs   []Figure
		pairs  []Pair
		raw    []float64
		want   [2]int
	}{
		{"three sources at 100 each linked to 120 outweigh the lone likelier pair of 120 and 130",
			values("abcde", 100, 100, 100, 120, 130),
			[]Pair{{A: 3, B: 4}, {A: 0, B: 3}, {A: 1, B: 3}, {A: 2, B: 3}}, []float64{0.6, 0.5, 0.5, 0.5}, [2]int{0, 3}},
		{"one pair each way: the likeliest pair leads, as it made the fact",
			values("abcde", 100, 100, 100, 120, 130),
			[]Pair{{A: 3, B: 4}, {A: 0, B: 3}}, []float64{0.6, 0.5}, [2]int{3, 4}},
		{"two sources at 130 (0.6 and 0.3) outweigh one source stating 100 three times (0.45 each)",
			values("aaabcd", 100, 100, 100, 120, 130, 130),
			[]Pair{{A: 3, B: 4}, {A: 0, B: 3}, {A: 1, B: 3}, {A: 2, B: 3}, {A: 3, B: 5}}, []float64{0.6, 0.45, 0.45, 0.45, 0.3}, [2]int{3, 4}},
	}
	for _, c := range cases {
		facts := NewEvent(c.figs).Group(c.pairs, c.raw, testComparer{}, 0.05)
		if len(facts) != 1 {
			t.Fatalf("%s: %d facts, want 1: %+v", c.reason, len(facts), facts)
		}
		if f := facts[0]; f.Lead != c.want || f.Best.A != 3 || f.Best.B != 4 {
			t.Errorf("%s: lead %v best %d-%d, want lead %v and the best pair 3-4 kept", c.reason, f.Lead, f.Best.A, f.Best.B, c.want)
		}
	}
}
