package newsgen

import "strings"

// Syllables of invented names: pronounceable, and many enough that a
// corpus of a million articles rarely names two events alike.
var (
	onsets     = []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st", "kr", "gl", "th"}
	nuclei     = []string{"a", "e", "i", "o", "u", "ai", "ou"}
	codas      = []string{"", "", "", "n", "r", "l", "s", "x"}
	firmSuffix = []string{"Systems", "Labs", "Energy", "Steel", "Health", "Foods", "Media", "Robotics", "Bank", "Motors", "Biotech", "Holdings", "Logistics", "Telecom", "Capital", "Airlines", "Mining", "Pharma"}
	firstNames = []string{"Maria", "David", "Priya", "Tomás", "Helen", "Jonas", "Amara", "Luca", "Sofia", "Kenji", "Ana", "Omar", "Ingrid", "Rafael", "Mei", "Yusuf", "Clara", "Arjun", "Nadia", "Pieter"}
)

// word invents a capitalized word of two or three syllables.
func (g *Generator) word() string {
	var b strings.Builder
	n := 2 + g.r.IntN(2)
	for i := range n {
		b.WriteString(g.pick(onsets))
		b.WriteString(g.pick(nuclei))
		if i == n-1 {
			b.WriteString(g.pick(codas))
		}
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// company names a company: one of a few well-known names, or, when the
// generator invents, a new one ("Traloun Logistics").
func (g *Generator) company() string {
	if !g.invent {
		return g.pick(companies)
	}
	return g.word() + " " + g.pick(firmSuffix)
}

// person names a person.
func (g *Generator) person() string {
	if !g.invent {
		return g.pick(people)
	}
	return g.pick(firstNames) + " " + g.word()
}

// place names a place.
func (g *Generator) place() string {
	if !g.invent {
		return g.pick(places)
	}
	return g.word()
}
