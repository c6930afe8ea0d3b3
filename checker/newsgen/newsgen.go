package newsgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Gold is one quantity a sentence states, as the parser should read it.
type Gold struct {
	Text      string // the quantity as written
	Kind      string // quantity.Kind: "money", "percent", "count", "age", "year", "duration", "date", "measure"
	Unit      string // currency code, "%", "year", "m" …; "" when none
	Low, High float64
}

// A Sentence is generated text and the quantities it states, in order.
type Sentence struct {
	Text string
	Gold []Gold
}

// A Generator writes sentences from a seed.
type Generator struct {
	r *rand.Rand
	// invent makes Event name fresh companies, people and places instead
	// of drawing from the short lists, so that events of one kind are
	// told apart by their names, as real ones are (Corpus sets it).
	invent bool
	// jargon is the invented vocabulary of a padded corpus's background
	// (jargonWord), made on first use.
	jargon []string
}

// New returns a generator for seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

var (
	companies = []string{"Harbor Systems", "Northwind Labs", "Keller & Ames", "Bluefin Energy", "Ostrava Steel", "Lumen Health", "Castell Foods", "Pinecrest Media", "Arden Robotics", "Meridian Bank", "Tallis Motors", "Quarry Biotech"}
	people    = []string{"Maria Lund", "David Okafor", "Priya Raman", "Tomás Vidal", "Helen Park", "Jonas Weber", "Amara Nwosu", "Luca Bianchi", "Sofia Marques", "Kenji Sato"}
	places    = []string{"Lisbon", "Osaka", "Nairobi", "Calgary", "Valparaíso", "Gdańsk", "Cebu", "Tbilisi", "Leeds", "Hobart"}
	outlets   = []string{"Reuters", "the Financial Times", "Bloomberg", "the Guardian", "Nikkei", "Le Monde"}
	scaleWord = []struct {
		word string
		mult float64
	}{{" billion", 1e9}, {"bn", 1e9}, {" million", 1e6}, {"m", 1e6}, {"mn", 1e6}}
	currencies = []struct {
		sym, code string
	}{{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"US$", "USD"}, {"A$", "AUD"}, {"C$", "CAD"}}
	ones = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

func (g *Generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// decimal returns a figure with one decimal or none: 14.3, 15.
func (g *Generator) decimal(lo, hi int) (string, float64) {
	n := lo + g.r.IntN(hi-lo+1)
	if g.r.IntN(2) == 0 {
		d := 1 + g.r.IntN(9)
		return fmt.Sprintf("%d.%d", n, d), float64(n) + float64(d)/10
	}
	return fmt.Sprint(n), float64(n)
}

// grouped writes n with thousands commas.
func grouped(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// spelled writes 1..99 in words.
func spelled(n int) string {
	if n < 20 {
		return ones[n]
	}
	if n%10 == 0 {
		return tens[n/10]
	}
	return tens[n/10] + "-" + ones[n%10]
}

func (g *Generator) money() Gold {
	c := currencies[g.r.IntN(len(currencies))]
	sc := scaleWord[g.r.IntN(len(scaleWord))]
	fig, v := g.decimal(1, 99)
	return Gold{Text: c.sym + fig + sc.word, Kind: "money", Unit: c.code, Low: v * sc.mult, High: v * sc.mult}
}

// Sentence writes one sentence.
func (g *Generator) Sentence() Sentence {
	co, co2, who, where, src := g.pick(companies), g.pick(companies), g.pick(people), g.pick(places), g.pick(outlets)
	switch g.r.IntN(12) {
	case 0:
		m := g.money()
		pct := 5 + g.r.IntN(90)
		p := Gold{Text: fmt.Sprintf("%d%%", pct), Kind: "percent", Unit: "%", Low: float64(pct), High: float64(pct)}
		return Sentence{fmt.Sprintf("%s agreed to pay %s for a %s stake in %s, according to %s.", co, m.Text, p.Text, co2, src), []Gold{m, p}}
	case 1:
		m := g.money()
		m.Text = "more than " + m.Text
		m.High = inf
		return Sentence{fmt.Sprintf("The deal values %s at %s, people familiar with the matter said.", co, m.Text), []Gold{m}}
	case 2:
		n := 100 + g.r.IntN(20000)
		c := Gold{Text: grouped(n), Kind: "count", Low: float64(n), High: float64(n)}
		return Sentence{fmt.Sprintf("%s said it would cut %s jobs in %s over the next year.", co, c.Text, where), []Gold{c}}
	case 3:
		age := 21 + g.r.IntN(60)
		a := Gold{Text: fmt.Sprintf("%d-year-old", age), Kind: "age", Unit: "year", Low: float64(age), High: float64(age)}
		return Sentence{fmt.Sprintf("The %s chief executive, %s, joined the company after a career in %s.", a.Text, who, where), []Gold{a}}
	case 4:
		y := 1990 + g.r.IntN(36)
		yr := Gold{Text: fmt.Sprint(y), Kind: "year", Low: float64(y), High: float64(y)}
		n := 2 + g.r.IntN(18)
		d := Gold{Text: spelled(n) + "-year", Kind: "duration", Unit: "year", Low: float64(n), High: float64(n)}
		return Sentence{fmt.Sprintf("Founded in %s, %s signed a %s contract with %s.", yr.Text, co, d.Text, co2), []Gold{yr, d}}
	case 5:
		fig, v := g.decimal(4, 8)
		m := Gold{Text: fig + "-magnitude", Kind: "measure", Unit: "magnitude", Low: v, High: v}
		dead := 3 + g.r.IntN(400)
		c := Gold{Text: "at least " + fmt.Sprint(dead), Kind: "count", Low: float64(dead), High: inf}
		return Sentence{fmt.Sprintf("A %s earthquake struck near %s on Tuesday, killing %s people, officials said.", m.Text, where, c.Text), []Gold{m, c}}
	case 6:
		pp, v := g.decimal(1, 9)
		p := Gold{Text: pp + " percentage points", Kind: "percent", Unit: "pp", Low: v, High: v}
		return Sentence{fmt.Sprintf("Support for %s fell %s in a month, a poll by %s found.", who, p.Text, src), []Gold{p}}
	case 7:
		lo := 2 + g.r.IntN(20)
		hi := lo + 1 + g.r.IntN(10)
		m := Gold{Text: fmt.Sprintf("$%d–%d billion", lo, hi), Kind: "money", Unit: "USD", Low: float64(lo) * 1e9, High: float64(hi) * 1e9}
		return Sentence{fmt.Sprintf("Analysts expect %s to raise %s when it lists in %s.", co, m.Text, where), []Gold{m}}
	case 8:
		n := 2 + g.r.IntN(17)
		c := Gold{Text: ones[n], Kind: "count", Low: float64(n), High: float64(n)}
		return Sentence{fmt.Sprintf("%s scored %s goals in the season before the club sold him to %s.", who, c.Text, co), []Gold{c}}
	case 9:
		n := 10 + g.r.IntN(89)
		c := Gold{Text: "about " + grouped(n*100), Kind: "count", Low: float64(n * 100), High: float64(n * 100)}
		a := 100 + g.r.IntN(9000)
		ar := Gold{Text: grouped(a) + " acres", Kind: "measure", Unit: "m2", Low: float64(a) * 4046.8564224, High: float64(a) * 4046.8564224}
		return Sentence{fmt.Sprintf("The fire near %s forced %s residents to leave and burned %s of forest.", where, c.Text, ar.Text), []Gold{c, ar}}
	case 10:
		n := 20 + g.r.IntN(79)
		m := Gold{Text: spelled(n) + " million euros", Kind: "money", Unit: "EUR", Low: float64(n) * 1e6, High: float64(n) * 1e6}
		return Sentence{fmt.Sprintf("%s paid %s for the striker, %s reported.", co, m.Text, src), []Gold{m}}
	default:
		return Sentence{fmt.Sprintf("%s told %s that %s would keep its headquarters in %s.", who, src, co, where), nil}
	}
}

var inf = math.Inf(1)

// Article writes n sentences as paragraphs of three, with a headline.
func (g *Generator) Article(n int) (string, []Sentence) {
	var b strings.Builder
	ss := make([]Sentence, 0, n)
	fmt.Fprintf(&b, "%s and %s in talks\n\n", g.pick(companies), g.pick(companies))
	for i := 0; i < n; i++ {
		s := g.Sentence()
		ss = append(ss, s)
		b.WriteString(s.Text)
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String(), ss
}

// Text writes articles of about 40 sentences until it has at least size
// bytes.
func (g *Generator) Text(size int) string {
	var b strings.Builder
	for b.Len() < size {
		a, _ := g.Article(40)
		b.WriteString(a)
		b.WriteString("\n\n")
	}
	return b.String()
}
