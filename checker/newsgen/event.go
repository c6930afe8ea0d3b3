package newsgen

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// An Event is one synthetic news event as several outlets report it, with
// the disagreements planted among them: the truth a checker is scored
// against.
type Event struct {
	ID      string
	Title   string
	Docs    []Doc
	Planted []Planted
}

// A Doc is one outlet's article about an event.
type Doc struct {
	Source string `json:"source"` // the outlet, unique within the event
	Text   string `json:"text"`
}

// Planted is a disagreement the generator wrote on purpose: most outlets
// state True, the outlets in Sources state Wrong.
type Planted struct {
	Fact string // what the figure is, as a reader would say it ("death toll")
	Kind string // quantity kind: "money", "count", "percent", "measure", "age"
	// True and Wrong are in the base units a report gives (square metres
	// for an area written in acres).
	True    float64
	Wrong   float64
	Slip    string   // how Wrong came about: "different", "transposed", "off by one", "scale"
	Sources []string // the outlets that state Wrong
}

// A fact is one figure of an event and the ways outlets state it.
type fact struct {
	name  string
	kind  string
	value float64
	// say writes a sentence stating the figure, given as text.
	say []func(fig string) string
	// figure writes a value as an outlet would; loose allows a rounded,
	// hedged or bounded form that still agrees with the value.
	figure func(g *Generator, v float64, loose bool) string
	// integer facts are whole numbers (counts, ages, years).
	integer bool
	// base converts the figure as written to base units; 0 means 1.
	base float64
}

func (f fact) inBase(v float64) float64 {
	if f.base == 0 {
		return v
	}
	return v * f.base
}

const acre = 4046.8564224 // square metres

var outletNames = []string{"Wire Service", "National Daily", "Business Desk", "Regional Post", "Evening Standard-Herald", "Metro Online", "Public Broadcaster", "Trade Journal", "City Paper", "Morning Ledger", "Valley Times", "Global Monitor"}

// Event writes an event reported by n outlets (at least 2). Each figure
// of the event is disagreed on with probability 0.35; the other outlets
// state the figure exactly or in a looser form that agrees with it
// ("about", "more than", rounded), and some mention figures of earlier
// years or of other parties that must not be compared with it.
func (g *Generator) Event(id string, n int) Event {
	n = max(n, 2)
	var title string
	var facts []fact
	var asides []func() string
	switch g.r.IntN(4) {
	case 0:
		title, facts, asides = g.deal()
	case 1:
		title, facts, asides = g.quake()
	case 2:
		title, facts, asides = g.layoffs()
	default:
		title, facts, asides = g.wildfire()
	}
	ev := Event{ID: id, Title: title}
	perm := g.r.Perm(len(outletNames))
	sources := make([]string, n)
	for i := range sources {
		sources[i] = outletNames[perm[i%len(perm)]]
		if i >= len(perm) {
			sources[i] += " " + strconv.Itoa(i/len(perm)+1)
		}
	}
	// Who states what: every outlet states a figure with probability 0.8,
	// and at least two do.
	states := make([][]bool, len(facts))
	wrong := make([]int, len(facts)) // the outlet that gets it wrong, or -1
	wrongValue := make([]float64, len(facts))
	for fi := range facts {
		states[fi] = make([]bool, n)
		count := 0
		for i := range states[fi] {
			states[fi][i] = g.r.Float64() < 0.8
			if states[fi][i] {
				count++
			}
		}
		for i := 0; count < 2; i++ {
			if !states[fi][i] {
				states[fi][i] = true
				count++
			}
		}
		wrong[fi] = -1
		// A minority of one, so the majority is the truth; with two
		// outlets either may be wrong.
		if g.r.Float64() < 0.35 && count >= 2 {
			var speakers []int
			for i, s := range states[fi] {
				if s {
					speakers = append(speakers, i)
				}
			}
			w := speakers[g.r.IntN(len(speakers))]
			wrong[fi] = w
			f := facts[fi]
			v, slip := g.misstate(f)
			wrongValue[fi] = v
			ev.Planted = append(ev.Planted, Planted{Fact: f.name, Kind: f.kind, True: f.inBase(f.value), Wrong: f.inBase(v), Slip: slip, Sources: []string{sources[w]}})
		}
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n\n", title)
		var sents []string
		for fi, f := range facts {
			if !states[fi][i] {
				continue
			}
			// Where a figure is disagreed on, every outlet states it
			// exactly, so the disagreement can be seen.
			v, loose := f.value, wrong[fi] < 0 && g.r.Float64() < 0.3
			if wrong[fi] == i {
				v = wrongValue[fi]
			}
			sents = append(sents, f.say[g.r.IntN(len(f.say))](f.figure(g, v, loose)))
		}
		for _, a := range asides {
			if g.r.Float64() < 0.4 {
				sents = append(sents, a())
			}
		}
		if len(sents) > 2 {
			g.r.Shuffle(len(sents)-1, func(a, b int) { sents[a+1], sents[b+1] = sents[b+1], sents[a+1] })
		}
		for k, s := range sents {
			b.WriteString(s)
			if k%2 == 1 || k == len(sents)-1 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		ev.Docs = append(ev.Docs, Doc{Source: sources[i], Text: b.String()})
	}
	return ev
}

// other picks a company that is none of not.
func (g *Generator) other(not ...string) string {
	for {
		if c := g.company(); !slices.Contains(not, c) {
			return c
		}
	}
}

// misstate returns a wrong value for f and the slip that made it.
func (g *Generator) misstate(f fact) (float64, string) {
	v := f.value
	switch r := g.r.IntN(10); {
	case r < 2 && f.integer && v >= 10:
		s := strconv.Itoa(int(v))
		for k := 0; k+1 < len(s); k++ {
			if s[k] != s[k+1] && !(k == 0 && s[k+1] == '0') {
				t := []byte(s)
				t[k], t[k+1] = t[k+1], t[k]
				w, _ := strconv.Atoi(string(t))
				return float64(w), "transposed"
			}
		}
	case r < 3 && f.integer && f.kind != "measure" && v < 1000:
		// An off-by-one is a slip in a small count or an age.
		return v + 1, "off by one"
	case r < 4 && f.kind == "money":
		return v * 1000, "scale"
	}
	// Another figure 8–40% away, as precise as the true one.
	d := 0.08 + 0.32*g.r.Float64()
	if g.r.IntN(2) == 0 {
		d = -d
	}
	w := v * (1 + d)
	switch {
	case f.integer:
		w = math.Round(w)
	case f.kind == "measure" && v < 20:
		w = math.Round(w*10) / 10
	default:
		w = roundSig(w, 3)
	}
	if w == v {
		w = v + 1
	}
	return w, "different"
}

func roundSig(v float64, digits int) float64 {
	if v == 0 {
		return 0
	}
	p := math.Pow(10, float64(digits)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// moneyText writes dollars as outlets do: "$14.3 billion", "$14.3bn",
// "$850 million", and a slip of scale as "$14.3 trillion", not "$14,300
// billion".
func (g *Generator) moneyText(v float64, loose bool) string {
	scale, word, short := 1e6, " million", "m"
	switch {
	case v >= 1e12: // a slip of scale: billions written a thousand times over
		scale, word, short = 1e12, " trillion", "tn"
	case v >= 1e9:
		scale, word, short = 1e9, " billion", "bn"
	}
	x := v / scale
	prefix := ""
	if loose {
		switch g.r.IntN(3) {
		case 0:
			prefix, x = "about ", roundSig(x, 2)
		case 1:
			prefix, x = "more than ", math.Floor(x)
		default:
			prefix, x = "nearly ", math.Ceil(x)
		}
	}
	num := short3(x)
	if g.r.IntN(2) == 0 {
		return prefix + "$" + num + short
	}
	return prefix + "$" + num + word
}

// short3 writes x with at most three significant digits and no float
// noise: 37.2, 850, 1.25.
func short3(x float64) string {
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64)
	return strconv.FormatFloat(y, 'f', -1, 64)
}

// countText writes a count: "1,412", "about 1,400", "more than 1,400".
func (g *Generator) countText(v float64, loose bool) string {
	n := int(v)
	if loose && n >= 20 {
		r := int(roundSig(v, 2))
		switch g.r.IntN(3) {
		case 0:
			return "about " + grouped(r)
		case 1:
			if r <= n {
				return "more than " + grouped(r)
			}
			return "nearly " + grouped(r)
		default:
			return "at least " + grouped(int(math.Floor(v/10)*10))
		}
	}
	if n < 10 && g.r.IntN(2) == 0 {
		return ones[n]
	}
	return grouped(n)
}

// percentText writes a percentage: "49%", "49 per cent", "49 percent".
func (g *Generator) percentText(v float64) string {
	num := strconv.FormatFloat(v, 'f', -1, 64)
	switch g.r.IntN(3) {
	case 0:
		return num + "%"
	case 1:
		return num + " per cent"
	}
	return num + " percent"
}

func (g *Generator) deal() (string, []fact, []func() string) {
	buyer, target := g.company(), g.company()
	for target == buyer {
		target = g.company()
	}
	who := g.person()
	price := roundSig(float64(2+g.r.IntN(400))*1e8*(1+g.r.Float64()), 3)
	stake := float64(10 + g.r.IntN(80))
	staff := float64(200 + g.r.IntN(20000))
	age := float64(28 + g.r.IntN(40))
	money := func(g *Generator, v float64, loose bool) string { return g.moneyText(v, loose) }
	title := fmt.Sprintf("%s to buy stake in %s", buyer, target)
	facts := []fact{
		{name: "deal value", kind: "money", value: price, figure: money, say: []func(string) string{
			func(f string) string {
				return fmt.Sprintf("%s agreed to pay %s for the stake in %s.", buyer, f, target)
			},
			func(f string) string {
				return fmt.Sprintf("The deal, worth %s, gives %s a seat on the board of %s.", f, buyer, target)
			},
			func(f string) string {
				return fmt.Sprintf("%s is investing %s in %s, the companies said on Monday.", buyer, f, target)
			},
		}},
		{name: "stake", kind: "percent", value: stake, figure: func(g *Generator, v float64, _ bool) string { return g.percentText(v) }, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("%s will take a %s stake in %s.", buyer, f, target) },
			func(f string) string {
				return fmt.Sprintf("The investment buys %s a %s stake in the company.", buyer, f)
			},
		}},
		{name: "employees", kind: "count", value: staff, integer: true, figure: func(g *Generator, v float64, loose bool) string { return g.countText(v, loose) }, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("%s employs %s people.", target, f) },
			func(f string) string { return fmt.Sprintf("%s has %s employees across three offices.", target, f) },
		}},
		{name: "age", kind: "age", value: age, integer: true, figure: func(_ *Generator, v float64, _ bool) string { return strconv.Itoa(int(v)) }, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("Its founder, %s, %s, will join %s.", who, f, buyer) },
			func(f string) string { return fmt.Sprintf("The %s-year-old chief executive %s will stay on.", f, who) },
		}},
	}
	// Asides are the same facts in every outlet: a figure from another
	// year or of another party, which no outlet disagrees on.
	rival, other := g.other(buyer, target), g.other(buyer, target)
	earlier := roundSig(price*(0.3+g.r.Float64()), 2)
	rivalPaid := roundSig(price*(0.2+g.r.Float64()), 2)
	asides := []func() string{
		func() string {
			return fmt.Sprintf("Last year %s was valued at %s in a funding round.", target, g.moneyText(earlier, false))
		},
		func() string {
			return fmt.Sprintf("In 2021 %s paid %s for a stake in %s.", rival, g.moneyText(rivalPaid, false), other)
		},
		func() string {
			return fmt.Sprintf("%s told %s the talks had lasted months.", who, g.pick(outlets))
		},
	}
	return title, facts, asides
}

func (g *Generator) quake() (string, []fact, []func() string) {
	where := g.place()
	mag := float64(55+g.r.IntN(30)) / 10
	dead := float64(5 + g.r.IntN(900))
	hurt := dead * float64(2+g.r.IntN(6))
	displaced := math.Round(hurt * float64(5+g.r.IntN(20)))
	count := func(g *Generator, v float64, loose bool) string { return g.countText(v, loose) }
	title := fmt.Sprintf("Earthquake strikes near %s", where)
	facts := []fact{
		{name: "magnitude", kind: "measure", value: mag, figure: func(_ *Generator, v float64, _ bool) string { return strconv.FormatFloat(v, 'f', 1, 64) }, say: []func(string) string{
			func(f string) string {
				return fmt.Sprintf("A magnitude %s earthquake struck near %s early on Tuesday.", f, where)
			},
			func(f string) string {
				return fmt.Sprintf("The quake, measured at magnitude %s, shook buildings in %s.", f, where)
			},
		}},
		{name: "deaths", kind: "count", value: dead, integer: true, figure: count, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("The earthquake killed %s people, officials said.", f) },
			func(f string) string { return fmt.Sprintf("The death toll rose to %s on Wednesday.", f) },
			func(f string) string { return fmt.Sprintf("Rescuers said %s people died in the collapse of homes.", f) },
		}},
		{name: "injuries", kind: "count", value: hurt, integer: true, figure: count, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("Another %s people were injured.", f) },
			func(f string) string { return fmt.Sprintf("Hospitals treated %s injured people.", f) },
		}},
		{name: "displaced", kind: "count", value: displaced, integer: true, figure: count, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("The quake displaced %s residents.", f) },
			func(f string) string {
				return fmt.Sprintf("Authorities said %s people had been evacuated to shelters.", f)
			},
		}},
	}
	after := strconv.FormatFloat(mag-1-float64(g.r.IntN(10))/10, 'f', 1, 64)
	past := grouped(3 + g.r.IntN(300))
	asides := []func() string{
		func() string { return fmt.Sprintf("A magnitude %s aftershock hit the region hours later.", after) },
		func() string { return fmt.Sprintf("In 2009 a quake near %s killed %s people.", where, past) },
		func() string { return fmt.Sprintf("%s said rescue teams were still searching.", g.person()) },
	}
	return title, facts, asides
}

func (g *Generator) layoffs() (string, []fact, []func() string) {
	co := g.company()
	staff := float64(2000 + g.r.IntN(60000))
	share := float64(3 + g.r.IntN(20))
	cuts := math.Round(staff * share / 100)
	cost := roundSig(cuts*float64(40+g.r.IntN(200))*1e3, 2)
	title := fmt.Sprintf("%s to cut jobs", co)
	count := func(g *Generator, v float64, loose bool) string { return g.countText(v, loose) }
	facts := []fact{
		{name: "job cuts", kind: "count", value: cuts, integer: true, figure: count, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("%s will cut %s jobs, the company said.", co, f) },
			func(f string) string { return fmt.Sprintf("%s plans to lay off %s workers this year.", co, f) },
			func(f string) string { return fmt.Sprintf("The layoffs will affect %s staff.", f) },
		}},
		{name: "share of workforce", kind: "percent", value: share, figure: func(g *Generator, v float64, _ bool) string { return g.percentText(v) }, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("The cuts amount to %s of its workforce.", f) },
			func(f string) string { return fmt.Sprintf("That is about %s of the staff.", f) },
		}},
		{name: "employees", kind: "count", value: staff, integer: true, figure: count, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("%s employs %s people worldwide.", co, f) },
			func(f string) string { return fmt.Sprintf("The company has %s employees.", f) },
		}},
		{name: "cost", kind: "money", value: cost, figure: func(g *Generator, v float64, loose bool) string { return g.moneyText(v, loose) }, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("The restructuring will cost %s.", f) },
			func(f string) string { return fmt.Sprintf("%s expects a restructuring charge of %s.", co, f) },
		}},
	}
	pastCuts := grouped(int(cuts * (0.3 + g.r.Float64())))
	rival, rivalStaff := g.other(co), grouped(1000+g.r.IntN(50000))
	asides := []func() string{
		func() string { return fmt.Sprintf("In 2020 %s cut %s jobs.", co, pastCuts) },
		func() string { return fmt.Sprintf("Rival %s employs %s people.", rival, rivalStaff) },
		func() string { return fmt.Sprintf("Shares in %s rose after the announcement.", co) },
	}
	return title, facts, asides
}

func (g *Generator) wildfire() (string, []fact, []func() string) {
	where := g.place()
	acres := float64(1000 + g.r.IntN(90000))
	evac := float64(500 + g.r.IntN(30000))
	contained := float64(5 + g.r.IntN(90))
	homes := float64(10 + g.r.IntN(900))
	count := func(g *Generator, v float64, loose bool) string { return g.countText(v, loose) }
	title := fmt.Sprintf("Wildfire spreads near %s", where)
	facts := []fact{
		{name: "area burned", kind: "measure", value: acres, integer: true, base: acre, figure: func(g *Generator, v float64, loose bool) string { return g.countText(v, loose) }, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("The fire near %s has burned %s acres.", where, f) },
			func(f string) string { return fmt.Sprintf("Flames have scorched %s acres of forest.", f) },
		}},
		{name: "displaced", kind: "count", value: evac, integer: true, figure: count, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("Authorities evacuated %s residents.", f) },
			func(f string) string { return fmt.Sprintf("Officials said %s people had been evacuated.", f) },
		}},
		{name: "containment", kind: "percent", value: contained, figure: func(g *Generator, v float64, _ bool) string { return g.percentText(v) }, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("Firefighters said the blaze was %s contained.", f) },
			func(f string) string { return fmt.Sprintf("Containment stood at %s on Thursday.", f) },
		}},
		{name: "buildings destroyed", kind: "count", value: homes, integer: true, figure: count, say: []func(string) string{
			func(f string) string { return fmt.Sprintf("The fire destroyed %s buildings.", f) },
			func(f string) string { return fmt.Sprintf("Officials said %s homes had been destroyed.", f) },
		}},
	}
	pastAcres := grouped(500 + g.r.IntN(50000))
	asides := []func() string{
		func() string { return fmt.Sprintf("In 2018 a fire near %s burned %s acres.", where, pastAcres) },
		func() string { return fmt.Sprintf("%s said crews were working through the night.", g.person()) },
	}
	return title, facts, asides
}
