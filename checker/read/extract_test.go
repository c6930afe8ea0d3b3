package read

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// article makes an article of one paragraph per line.

func TestExtract(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text      string
		figure    string // the claim to look at, by its text
		subject   string // "" for the event itself
		attribute string
		time      string
		hedge     string
		reason    string
	}{
		{"Harbor Systems said its profits were strong.\nHarbor's valuation rose to $3bn.", "$3bn", "Harbor Systems", "valuation", "current", "", "a possessive names the subject; a short form is its longer name"},
		{"Acme Corp bought a 30% stake in Harbor Systems on Monday.", "30%", "Harbor Systems", "stake", "current", "", "the object of 'stake in' is the subject"},
		{"Harbor Systems makes chips for cars.\nThe company was previously valued at $1bn.", "$1bn", "Harbor Systems", "valuation", "earlier", "", "'the company' is the company named before; 'previously' is earlier"},
		{"Harbor Systems said revenue reached $2bn in 2024.", "$2bn", "Harbor Systems", "revenue", "2024", "", "a year after 'in' dates the figure"},
		{"Acme Corp is reportedly paying $5bn for Harbor Systems.", "$5bn", "Harbor Systems", "deal value", "current", "reportedly", "a reporting hedge qualifies the sentence"},
		{"The quake near Tarn killed at least 40 people.", "at least 40", "", "deaths", "current", "", "a death toll is the event's, not the town's"},
		{"Ines Lund, 56, said the vote was close.", "56", "Ines Lund", "age", "current", "", "an age in commas after a name is that person's"},
		{"A 5.4-magnitude aftershock followed the main quake.", "5.4-magnitude", "aftershock", "magnitude", "current", "", "an aftershock's magnitude is not the main quake's"},
		{"Officials said 1,412 were injured, 300 of them seriously.", "1,412", "", "injuries", "current", "", "the total is a claim"},
		{"Kestrel Bank agreed a five-year contract with its chief executive.", "five-year", "Kestrel Bank", "contract length", "current", "", "a duration's own noun is its cue"},
		{"In 2009, a flood in the valley killed 74 people.", "74", "", "deaths", "2009", "", "a year opening the sentence dates it"},
		{"The poet Ana Vireo died in Lisbon in 1931.", "1931", "", "date of death", "current", "", "a year dates the word before it, past a place after 'in'"},
		{"Ana Vireo was killed in 1931, aged 40.", "1931", "", "date of death", "current", "", "killed and died date one event; an age in the clause is no figure the year times"},
		{"The frigate Halcyon was laid down at Pembrey Yard in 1802.", "1802", "", "date of laid", "current", "", "a place after 'at' is passed over"},
		{"In 1971, a second edition was published.", "1971", "", "date of publish", "current", "", "a fronted year dates the verb of its clause"},
		{"Production of the Vela coupe began in June 2004.", "June 2004", "", "date of start", "current", "", "began is a start"},
		{"Production of the Vela coupe ran from June 2004 to March 2011.", "June 2004", "", "date of start", "current", "", "the first date of 'from … to …' is the start"},
		{"Production of the Vela coupe ran from June 2004 to March 2011.", "March 2011", "", "date of end", "current", "", "the second date of 'from … to …' is the end"},
		{"Kestrel County saw 40 confirmed floods.", "40", "Kestrel County", "flood", "current", "", "a participle before the noun describes it and is not what is counted"},
		{"Lake Vessor is brackish, and its overall salinity is between 2% and 4%.", "between 2% and 4%", "Lake Vessor", "salinity", "current", "", "the subject of 'is' names what the figure measures"},
		{"The delta of the Orvo River has a salinity of only 0.4%.", "0.4%", "Orvo River", "salinity", "current", "", "'a salinity of' names what the figure measures, past 'only'"},
		{"The maximum firing range of the Sparrow (mortar) is 900 metres.", "900 metres", "Sparrow", "range", "current", "", "the subject of 'is' past a bracket and its owner's name"},
		{"Tomas Ferrel is billed at a height of 5 ft 10 in.", "5 ft 10 in", "Tomas Ferrel", "height", "current", "", "height is an attribute of measures"},
		{"In 2004, Tomas Ferrel joined the Aldis troupe.\nHe is the tallest actor (6' 2\") in it.", "6' 2\"", "Tomas Ferrel", "height", "current", "", "'he' with no known person is the name that last opened a sentence"},
	}
	for _, tt := range tests {
		claims := Extractor{Lex: lex}.Extract([]*checker.Article{checker.ArticleOfLines("a", tt.text)})
		found := claimOfFigure(claims, tt.figure)
		if found == nil {
			t.Errorf("%q: no claim for %q (%s); claims: %v", tt.text, tt.figure, tt.reason, claimTexts(claims))
			continue
		}
		c := *found
		if c.Subject != tt.subject || c.Attribute != tt.attribute || c.Time != tt.time {
			t.Errorf("%q: %q is %q · %q (%s), want %q · %q (%s) (%s)", tt.text, tt.figure, c.Subject, c.Attribute, c.Time, tt.subject, tt.attribute, tt.time, tt.reason)
		}
		if tt.hedge != "" && !strings.Contains(strings.Join(c.Hedges, ","), tt.hedge) {
			t.Errorf("%q: hedges %v, want %q (%s)", tt.text, c.Hedges, tt.hedge, tt.reason)
		}
	}
}

func TestExtractSkips(t *testing.T) {
	lex, _ := DefaultLexicon()
	tests := []struct {
		text, figure, reason string
	}{
		{"Officials said 1,412 were injured, 300 of them seriously.", "300", "a part of a total ('300 of them') is not a total"},
		{"The model, Llama 4, beat Gemini 1.5 on two tests.", "4", "a model number is a name"},
		{"It was one of the biggest deals of the year.", "one", "a bare number with nothing it measures"},
	}
	for _, tt := range tests {
		for _, c := range (Extractor{Lex: lex}).Extract([]*checker.Article{checker.ArticleOfLines("a", tt.text)}) {
			if c.Quantity.Text == tt.figure {
				t.Errorf("%q: read a claim %q · %q from %q (%s)", tt.text, c.Subject, c.Attribute, tt.figure, tt.reason)
			}
		}
	}
}

func TestEvidencePosition(t *testing.T) {
	lex, _ := DefaultLexicon()
	a := checker.ArticleOfLines("a", "Title line\nThe deal is worth €2.4bn, people said.")
	claims := Extractor{Lex: lex}.Extract([]*checker.Article{a})
	if len(claims) != 1 {
		t.Fatalf("claims = %v", claimTexts(claims))
	}
	e := claims[0].Evidence
	if e.Line != 2 || e.Column != 19 || e.Sentence != "The deal is worth €2.4bn, people said." {
		t.Errorf("evidence = %+v, want line 2, column 19 (UTF-8 bytes), the sentence", e)
	}
}

// claimOfFigure returns the last claim whose figure is written figure,
// or nil.
func claimOfFigure(cs []checker.Claim, figure string) *checker.Claim {
	var found *checker.Claim
	for i := range cs {
		if cs[i].Quantity.Text == figure {
			found = &cs[i]
		}
	}
	return found
}

func claimTexts(cs []checker.Claim) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Subject+" · "+c.Attribute+" = "+c.Quantity.Text)
	}
	return out
}

func TestHeadNounNamesTheCount(t *testing.T) {
	lex, _ := DefaultLexicon()
	text := "The band Nightfall has released two live albums, six EPs and three compilation albums."
	for _, c := range (Extractor{Lex: lex}).Extract([]*checker.Article{checker.ArticleOfLines("a", text)}) {
		if c.Attribute == "deaths" {
			t.Errorf("%q read as deaths: 'live' shares a stem with 'lives', but the count's noun is its head, 'albums'", c.Quantity.Text)
		}
		if c.Quantity.Text == "two" && c.Attribute != "live album" {
			t.Errorf("two live albums: attribute %q, want %q", c.Attribute, "live album")
		}
	}
}

func TestMonthIsNoHedge(t *testing.T) {
	lex, _ := DefaultLexicon()
	tests := []struct {
		lines  []string
		hedged bool
		reason string
	}{
		{[]string{"The essay first appeared on 3 May 1919."}, false, "the month May inside a date is not the modal 'may'"},
		{[]string{"Varnok's sales rose 5% in May, the company said."}, false, "May capitalized inside a sentence is the month"},
		{[]string{"Varnok first bid $40 a share back in May."}, false, "a month with no day is still no modal"},
		{[]string{"Varnok may cut 300 jobs."}, true, "the modal in lower case hedges the figure"},
		{[]string{"Varnok May Pay $5 Billion For Rival Firm Talon"}, true, "a headline capitalizes every word: its May may be the modal"},
		{[]string{"Varnok said: May brought 300 new jobs."}, true, "after a colon a capital is a sentence's, so the word stays ambiguous and is read as the lexicon lists it"},
		{[]string{"* May see Varnok cut 300 jobs"}, true, "after a bullet a capital is a sentence's too"},
		{[]string{"Varnok's 300 jobs [May go] by spring."}, true, "and after an opening bracket"},
	}
	for _, tt := range tests {
		claims := Extractor{Lex: lex}.Extract([]*checker.Article{checker.ArticleOfLines("a", strings.Join(tt.lines, "\n"))})
		if len(claims) == 0 {
			t.Fatalf("%q: no claim (%s)", tt.lines, tt.reason)
		}
		hedged := slices.Contains(claims[0].Hedges, "may")
		if hedged != tt.hedged {
			t.Errorf("%q: hedges %v, want hedged by may %v (%s)", tt.lines, claims[0].Hedges, tt.hedged, tt.reason)
		}
	}
}

func TestConversionInSameUnitIsOneClaim(t *testing.T) {
	lex, _ := DefaultLexicon()
	claims := Extractor{Lex: lex}.Extract([]*checker.Article{checker.ArticleOfLines("a", "The maximum range of the Sparrow (mortar) is 900 metres (2,950 ft).")})
	if len(claims) != 1 || claims[0].Quantity.Text != "900 metres" {
		t.Errorf("claims = %v, want just the 900 metres: the bracketed feet restate it in the same base unit, and as a second value they would show as a disagreement of their own", claimTexts(claims))
	}
}

// TestExtractReusesNothing checks that an extraction leaves nothing behind
// for the next: claims read with a lexicon whose arenas, word table and
// name keys have served hundreds of other articles (of other sizes, one of
// them too big to keep) are those read with a fresh lexicon.
func TestExtractReusesNothing(t *testing.T) {
	g := newsgen.New(11)
	var arts []*checker.Article
	for i := range 120 {
		text, _ := g.Article(5 + i%50)
		if i == 60 {
			text = strings.Repeat(text, 40) // past maxArenaTokens: not kept
		}
		arts = append(arts, checker.ArticleOfLines(fmt.Sprintf("a%d", i), text))
	}
	shared, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range arts {
		fresh, _ := DefaultLexicon()
		want := Extractor{Lex: fresh}.Extract([]*checker.Article{a})
		got := Extractor{Lex: shared}.Extract([]*checker.Article{a})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("article %d: %d claims with a used lexicon, %d with a fresh one; first difference:\n%s", i, len(got), len(want), firstDiff(got, want))
		}
	}
	// Two articles at once, after all that.
	fresh, _ := DefaultLexicon()
	if got, want := (Extractor{Lex: shared}).Extract(arts[3:5]), (Extractor{Lex: fresh}).Extract(arts[3:5]); !reflect.DeepEqual(got, want) {
		t.Fatalf("a pair of articles: claims differ with a used lexicon:\n%s", firstDiff(got, want))
	}
}

func firstDiff(got, want []checker.Claim) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return fmt.Sprintf("got  %+v\nwant %+v", got[i], want[i])
		}
	}
	return "one list is longer"
}

// TestAddCuesAfterExtract checks that a cue added to a lexicon that has
// already read articles is heard: the words the lexicon remembers are
// forgotten when its cues change.
func TestAddCuesAfterExtract(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	a := checker.ArticleOfLines("a", "Harbor Systems set its outlay at $4bn.")
	attrOf := func() string {
		for _, c := range (Extractor{Lex: lex}).Extract([]*checker.Article{a}) {
			if c.Quantity.Text == "$4bn" {
				return c.Attribute
			}
		}
		return ""
	}
	before := attrOf()
	if before == "deal value" {
		t.Fatalf("the test needs a word the lexicon does not know as a cue: got %q before AddCues", before)
	}
	if err := lex.AddCues("deal value", "outlay"); err != nil {
		t.Fatal(err)
	}
	if got := attrOf(); got != "deal value" {
		t.Errorf("after AddCues(deal value, outlay): attribute %q, was %q; want the new cue heard", got, before)
	}
}

// TestExtractConcurrent checks that extractions sharing a lexicon from
// several goroutines, as a batch's workers do, read what one reads alone:
// the lexicon's word table and arenas are shared safely (run under -race).
func TestExtractConcurrent(t *testing.T) {
	g := newsgen.New(12)
	var arts []*checker.Article
	for i := range 40 {
		text, _ := g.Article(10 + i%20)
		arts = append(arts, checker.ArticleOfLines(fmt.Sprintf("c%d", i), text))
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]checker.Claim, len(arts))
	for i, a := range arts {
		fresh, _ := DefaultLexicon()
		want[i] = Extractor{Lex: fresh}.Extract([]*checker.Article{a})
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(arts))
	for w := range 4 {
		wg.Go(func() {
			for k := range arts {
				i := (k + w*7) % len(arts)
				if got := (Extractor{Lex: lex}).Extract([]*checker.Article{arts[i]}); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("worker %d, article %d: %s", w, i, firstDiff(got, want[i]))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestExtractWithFullWordTable checks extraction once the lexicon's word
// table has stopped growing: words it cannot keep are worked out afresh
// each time they are met, and read the same.
func TestExtractWithFullWordTable(t *testing.T) {
	g := newsgen.New(13)
	text, _ := g.Article(30)
	a := checker.ArticleOfLines("full", text)
	fresh, _ := DefaultLexicon()
	want := Extractor{Lex: fresh}.Extract([]*checker.Article{a})
	full, _ := DefaultLexicon()
	full.words.Store(&wordTable{max: 5}) // keeps 5 words, then none
	for range 2 {                        // the second time, through a used arena
		if got := (Extractor{Lex: full}).Extract([]*checker.Article{a}); !reflect.DeepEqual(got, want) {
			t.Fatalf("with a full word table: %s", firstDiff(got, want))
		}
	}
	if n := full.words.Load().n.Load(); n != 5 {
		t.Errorf("the table keeps %d words, want its bound of 5", n)
	}
}

func TestForecastWordHedgesItsOwnFigure(t *testing.T) {
	lex, _ := DefaultLexicon()
	tests := []struct {
		line   string
		figure string // the text of the claim's figure
		hedged bool   // whether "expected" hedges it
		reason string
	}{
		{"Output in Brell grew 4.1% last year, short of the expected 4.3%.", "4.1%", false, "'expected' stands right before the other figure, which it marks"},
		{"Brell's economy is expected to grow 4.3% this year.", "4.3%", true, "a forecast word with no other figure near hedges the clause's figure"},
		{"Brell's economy grew 4.1%, as expected.", "4.1%", false, "a forecast word in another clause hedges nothing"},
		{"Brell's output is expected to grow 4.3% after 4.1% last year.", "4.3%", true, "the figure the word reaches first keeps the hedge"},
		{"Vell is expected to cut 200 jobs and close 12 stores.", "12", true, "a forecast word that stands against no figure hedges every figure of its clause"},
	}
	for _, tt := range tests {
		claims := Extractor{Lex: lex}.Extract([]*checker.Article{checker.ArticleOfLines("a", tt.line)})
		c := claimOfFigure(claims, tt.figure)
		if c == nil {
			t.Fatalf("%q: no claim of %s (%s)", tt.line, tt.figure, tt.reason)
		}
		if got := slices.Contains(c.Hedges, "expected"); got != tt.hedged {
			t.Errorf("%q: %s hedged by 'expected' = %v, want %v (%s)", tt.line, tt.figure, got, tt.hedged, tt.reason)
		}
	}
}
