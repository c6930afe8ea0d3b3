package judge

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kljensen/snowball/english"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/align"
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/checker/text"
	"github.com/crosscheck/crosscheck/sources"
)

// distances returns each context word of the sentence's figure i, stem
// to distance.
func distances(t *testing.T, sentence string, i int) map[string]int {
	t.Helper()
	toks := text.Tokenize(sentence, nil)
	var p quantity.Parser
	qs := p.ParseTokens(sentence, toks, nil)
	if i >= len(qs) {
		t.Fatalf("%q: %d figures, want more than %d", sentence, len(qs), i)
	}
	out := map[string]int{}
	for _, w := range contextOf(toks, qs, i, nil, func(w string) string { return english.Stem(w, false) }) {
		out[w.Stem] = w.Dist
	}
	return out
}

func TestContextOf(t *testing.T) {
	cases := []struct {
		reason   string
		sentence string
		figure   int
		word     string
		dist     int // 0: the word must not be in the context
	}{
		{"the word before a figure is one word away", "Officials counted 40 injured.", 0, "count", 1},
		{"the word after it too", "Officials counted 40 injured.", 0, "injur", 1},
		{"function words are not context", "Officials counted 40 of the injured.", 0, "the", 0},
		{"the words of the figure itself are not context", "The bill came to 3 million dollars.", 0, "million", 0},
		// "hurt" stands three words from the first figure and four from the
		// second: to the second it counts as twice as far, so each figure
		// keeps its own words.
		{"a word nearer another figure counts as farther", "Police said 12 people were hurt in Arlen and 9 in Brook.", 1, "hurt", 8},
		{"a word nearest this figure keeps its distance", "Police said 12 people were hurt in Arlen and 9 in Brook.", 1, "brook", 2},
	}
	for _, c := range cases {
		got := distances(t, c.sentence, c.figure)[c.word]
		if got != c.dist {
			t.Errorf("%s: %q figure %d: %q at %d, want %d (context %v)", c.reason, c.sentence, c.figure, c.word, got, c.dist, distances(t, c.sentence, c.figure))
		}
	}
}

// TestDetectAcrossLabels: the figure the sources misstate is written in
// other words by each outlet, so its reader labels differ; the aligner
// still opposes the two values, and corroborating outlets join the
// larger side.
func TestDetectAcrossLabels(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	arts := []*checker.Article{
		checker.ArticleOfLines("wire", "Storm Brana forced Northjet to cancel 312 flights on Monday, the carrier said. Its shares fell 2% in early trading."),
		checker.ArticleOfLines("daily", "Northjet scrapped 312 flights on Monday as Storm Brana swept in, the airline said. About 40,000 passengers were affected."),
		checker.ArticleOfLines("tabloid", "Storm Brana chaos as Northjet axes 321 flights on Monday. Around 40,000 travellers were stranded, the airline said."),
	}
	r := c.Check(arts)
	var found *checker.Finding
	for i, f := range r.Findings {
		if len(f.Values) >= 2 && f.Values[0].Value.Amount == 312 && f.Values[1].Value.Amount == 321 {
			found = &r.Findings[i]
		}
	}
	if found == nil {
		var got []string
		for _, f := range r.Findings {
			got = append(got, describe(f))
		}
		t.Fatalf("no finding of 312 against 321; findings: %s", strings.Join(got, "; "))
	}
	if s := found.Values[0].Sources; len(s) != 2 || s[0] != "daily" || s[1] != "wire" {
		t.Errorf("312 is stated by %v, want [daily wire]", s)
	}
	if found.Factors == nil || len(found.Factors.Fact) != len(align.FactFeatureNames) {
		t.Errorf("finding carries no fact features for refitting: %+v", found.Factors)
	}
	for _, f := range r.Findings {
		for _, v := range f.Values[:2] {
			if v.Value.Amount == 2 {
				t.Errorf("the share move (2%%) was opposed: %s", describe(f))
			}
		}
	}
}

// TestOutletWeights holds that an outlet's weight counts: a side one
// heavily weighed outlet states comes first, the reasons say so, and
// the finding model sees the weighed sides, so the confidence moves.
func TestOutletWeights(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	articles := func(tabloid float64) []*checker.Article {
		arts := []*checker.Article{
			checker.ArticleOfLines("wire", "Storm Brana forced Northjet to cancel 312 flights on Monday, the carrier said."),
			checker.ArticleOfLines("daily", "Northjet scrapped 312 flights on Monday as Storm Brana swept in, the airline said."),
			checker.ArticleOfLines("tabloid", "Storm Brana chaos as Northjet axes 321 flights on Monday, the airline said."),
		}
		arts[2].Weight = tabloid
		return arts
	}
	flights := func(r *checker.Report) *checker.Finding {
		for i, f := range r.Findings {
			if len(f.Values) >= 2 && (f.Values[0].Value.Amount == 312 || f.Values[0].Value.Amount == 321) {
				return &r.Findings[i]
			}
		}
		t.Fatalf("no finding of 312 against 321")
		return nil
	}
	plain := flights(c.Check(articles(0)))
	heavy := flights(c.Check(articles(5)))
	if plain.Values[0].Value.Amount != 312 || heavy.Values[0].Value.Amount != 321 {
		t.Errorf("first values %v unweighed and %v with the tabloid at 5, want 312 then 321", plain.Values[0].Value.Amount, heavy.Values[0].Value.Amount)
	}
	if !strings.Contains(heavy.Reasons[0], "weighed by outlet: 5 against 2") {
		t.Errorf("reasons %q do not give the weighed sides", heavy.Reasons)
	}
	if strings.Contains(plain.Reasons[0], "weighed") {
		t.Errorf("reasons %q speak of weights none was given", plain.Reasons)
	}
	if heavy.Factors.Fact[2] == plain.Factors.Fact[2] {
		t.Errorf("the finding model's majority feature is %v with and without weights", heavy.Factors.Fact[2])
	}
}

func describe(f checker.Finding) string {
	var vs []string
	for _, v := range f.Values {
		vs = append(vs, v.Text+strings.Join(v.Sources, ","))
	}
	return f.Attribute + ": " + strings.Join(vs, " vs ")
}

// TestTimeline: sources published on different days whose values of one
// fact differ are said to show the figure changing, in order.
func TestTimeline(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	early := checker.ArticleOfLines("early", "The flooding in the Varn valley has killed 14 people, the regional authority said on Monday.")
	late := checker.ArticleOfLines("late", "The flooding in the Varn valley has killed 31 people, the regional authority said on Thursday.")
	late2 := checker.ArticleOfLines("later", "The death toll from the flooding in the Varn valley rose to 31, the regional authority said.")
	for i, a := range []*checker.Article{early, late, late2} {
		a.Published = mustDay(t, 10+3*i)
	}
	r := c.Check([]*checker.Article{early, late, late2})
	for _, f := range r.Findings {
		if strings.Contains(strings.Join(f.Reasons, "; "), `changed over the coverage: "14" (2026-03-10) then "31" (2026-03-13)`) {
			return
		}
	}
	var got []string
	for _, f := range r.Findings {
		got = append(got, describe(f)+" "+strings.Join(f.Reasons, "; "))
	}
	t.Errorf("no finding says the toll changed from 14 to 31 over the coverage: %s", strings.Join(got, " | "))
}

func mustDay(t *testing.T, day int) time.Time {
	t.Helper()
	return time.Date(2026, 3, day, 9, 0, 0, 0, time.UTC)
}

// TestReadFigures holds the figures Check reads in its one pass over the
// sentences to those figuresOf reads again with a Scanner from the
// claims Extract made: the fixtures, and the dev clusters when ../shared
// has them.
func TestReadFigures(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("../../fixtures/*")
	more, _ := filepath.Glob("../../../shared/devsets/clusters/*")
	n := 0
	for _, dir := range append(dirs, more...) {
		res, err := sources.Load([]string{dir}, sources.Options{})
		if err != nil {
			continue // a directory of keys alone
		}
		n++
		sameFigures(t, c, res.Articles)
	}
	if n < 3 {
		t.Fatalf("%d events read, want the fixtures", n)
	}
}

// sameFigures fails t unless readFigures reads the claims and figures of
// arts that Extract and figuresOf do.
func sameFigures(t *testing.T, c *Checker, arts []*checker.Article) {
	t.Helper()
	claims, figs := c.readFigures(arts)
	want := read.Extractor{Lex: c.Lexicon}.Extract(arts)
	if !reflect.DeepEqual(claims, want) {
		t.Fatalf("%s: readFigures's claims differ from Extract's", arts[0].ID)
	}
	wantFigs := c.figuresOf(arts, want)
	if len(figs) != len(wantFigs) {
		t.Fatalf("%s: %d figures, figuresOf reads %d", arts[0].ID, len(figs), len(wantFigs))
	}
	for i := range figs {
		if !reflect.DeepEqual(figs[i], wantFigs[i]) {
			t.Fatalf("%s: figure %d\ngot  %+v\nwant %+v", arts[0].ID, i, figs[i], wantFigs[i])
		}
	}
}

// TestNounKey: two figures count one thing when their nouns differ only in
// number or form, and a vague noun counts nothing the aligner can compare.
func TestNounKey(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	nounOf := func(sentence string) string {
		t.Helper()
		_, figs := c.readFigures([]*checker.Article{checker.ArticleOfLines("a", sentence)})
		if len(figs) != 1 {
			t.Fatalf("%q: %d figures, want 1", sentence, len(figs))
		}
		return figs[0].Noun
	}
	for _, tt := range []struct {
		a, b   string
		same   bool
		reason string
	}{
		{"The floods left 12 deaths in the valley.", "The floods left one death in the valley.", true, "plural and singular are one noun"},
		{"Rescuers found 40 bodies in the mud.", "Rescuers found one body in the mud.", true, "an irregular plural is its lemma"},
		{"The flood swept away 30 cars.", "The flood swept away 12 automobiles.", true, "synonyms share a WordNet concept, which spelling does not give"},
		{"The floods left 12 deaths in the valley.", "The storm flattened 30 houses.", false, "different nouns count different things"},
	} {
		a, b := nounOf(tt.a), nounOf(tt.b)
		if got := a != "" && a == b; got != tt.same {
			t.Errorf("%q and %q: keys %q and %q, same %v, want %v (%s)", tt.a, tt.b, a, b, got, tt.same, tt.reason)
		}
	}
	for _, s := range []string{"The floods killed 12 people in the valley.", "About 300 residents fled."} {
		if n := nounOf(s); n != "" {
			t.Errorf("%q: noun key %q, want none: a vague noun names no fact", s, n)
		}
	}
}

// TestForecastFigureTime: a figure a forecast word stands by holds at the
// time "expected", whether or not a claim was read of it, so it is not
// set against an outcome as of one time; an outcome keeps its claim's.
func TestForecastFigureTime(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sentence, figure, want string
		reason                 string
	}{
		{"The rate beat the 4.1% expected by analysts polled last week.", "4.1%", "expected", "a forecast word right after the figure, no claim read of it"},
		{"Prices rose more than expected to 4.6% in May.", "4.6%", "current", "the outcome a forecast is compared with keeps its own time"},
		{"The 4.1% expected by analysts for 2027 is high.", "4.1%", "", "a year in the sentence may date the forecast, which only a claim tells"},
	} {
		_, figs := c.readFigures([]*checker.Article{checker.ArticleOfLines("a", tt.sentence)})
		found := false
		for _, f := range figs {
			if f.Quantity.Text != tt.figure {
				continue
			}
			found = true
			if f.Time != tt.want {
				t.Errorf("%q: %s holds at %q, want %q (%s)", tt.sentence, tt.figure, f.Time, tt.want, tt.reason)
			}
		}
		if !found {
			t.Errorf("%q: no figure %s", tt.sentence, tt.figure)
		}
	}
}

// TestFindingOpensWithLead: a finding's first two values are those of the
// fact's lead pair, which may not be its likeliest single pair.
func TestFindingOpensWithLead(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	mk := func(src string, v float64) figure {
		var f figure
		f.Source = src
		f.Quantity = quantity.Quantity{Kind: quantity.Count, Value: v, Low: v, High: v, Bound: quantity.Exact, Text: strconv.FormatFloat(v, 'f', -1, 64), Noun: "homes"}
		return f
	}
	figs := []figure{mk("a", 100), mk("b", 100), mk("c", 120), mk("d", 130)}
	fact := align.Fact{Sides: [][]int{{2}, {3}, {0, 1}}, Best: align.Pair{A: 2, B: 3}, Lead: [2]int{0, 2}, Raw: 0.6}
	f := c.finding(figs, fact, 0.8, func(string) float64 { return 1 })
	var got []string
	for _, v := range f.Values {
		got = append(got, v.Text)
	}
	if len(got) != 3 || got[0] != "100" || got[1] != "120" {
		t.Errorf("values %v, want 100 (two sources) and 120 first: the lead pair, not the best pair 120 and 130", got)
	}
	// A fact with no lead opens with its best pair.
	fact.Lead = [2]int{}
	f = c.finding(figs, fact, 0.8, func(string) float64 { return 1 })
	if len(f.Values) != 3 || f.Values[0].Text == "100" || f.Values[1].Text == "100" {
		t.Errorf("values %+v, want the best pair 120 and 130 first when the fact has no lead", f.Values)
	}
}
