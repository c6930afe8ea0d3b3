package read

import (
	"strings"
	"testing"
)

func TestCapRuns(t *testing.T) {
	lex, _ := DefaultLexicon()
	e := newEntities(lex)
	tests := []struct {
		in     string
		want   []string
		reason string
	}{
		{"Shares in Coca-Cola rose.", []string{"Shares", "Coca-Cola"}, "a tight hyphen joins a name"},
		{"The Bank of England held rates.", []string{"Bank of England"}, "a particle joins a name; a leading article goes"},
		{"Scale AI CEO Alexandr Wang spoke.", []string{"Scale AI", "Alexandr Wang"}, "a role word splits two names"},
		{"Meta's deal with Scale", []string{"Meta", "Scale"}, "a possessive ends a name"},
		{"It runs on the NVIDIA H100 chip.", []string{"NVIDIA"}, "letters against a number are a model, not a name"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range e.capRuns(readSentence(lex, tt.in), nil) {
			got = append(got, m.surface)
		}
		if len(got) != len(tt.want) {
			t.Errorf("capRuns(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("capRuns(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
				break
			}
		}
	}
}

// readSentence reads one sentence as Extract does before it looks for
// names.
func readSentence(lex *Lexicon, in string) *sentence {
	s := &sentence{text: in}
	Extractor{Lex: lex}.read(s, &arena{block: 64})
	return s
}

// TestFinish checks the names finish ties together once every sentence
// has been read: each case lists surface forms (with counts) and people,
// and what canonical makes of a short form.
func TestFinish(t *testing.T) {
	lex, _ := DefaultLexicon()
	type seen struct {
		surface string
		n       int
	}
	tests := []struct {
		forms  []seen
		people []string
		short  string
		want   string
		reason string
	}{
		{[]seen{{"Orvia Health", 3}, {"Orvia", 2}}, nil, "orvia", "orvia health",
			"a one-word name opening exactly one longer name is that name"},
		{[]seen{{"Orvia Health", 3}, {"Orvia Bank", 3}, {"Orvia", 2}}, nil, "orvia", "orvia",
			"a one-word name opening two longer names stays itself"},
		{[]seen{{"Orvia Health", 1}, {"Orvia", 9}}, nil, "orvia", "orvia",
			"a longer name used less than a third as often does not take the short one"},
		{[]seen{{"Orvia Health", 3}, {"Orviant", 1}, {"Orvia", 2}}, nil, "orvia", "orvia health",
			"a name that merely starts with the same letters opens nothing"},
		{[]seen{{"Orvia Health", 3}, {"Orvia", 2}}, []string{"orvia health"}, "orvia", "orvia",
			"a person's name is no organisation's long form"},
		{[]seen{{"Pacific Rail Union", 2}, {"PRU", 2}}, nil, "pru", "pacific rail union",
			"an acronym stands for the one name whose initials it spells"},
		{[]seen{{"Pacific Rail Union", 2}, {"Port Rescue Unit", 2}, {"PRU", 2}}, nil, "pru", "pru",
			"an acronym two names spell stands for neither"},
		{[]seen{{"Dana Okoro", 2}, {"Okoro", 3}}, []string{"dana okoro"}, "okoro", "dana okoro",
			"a surname is the one person who bears it"},
	}
	for _, tt := range tests {
		e := newEntities(lex)
		for _, f := range tt.forms {
			for range f.n {
				e.see(e.keyOf(f.surface), f.surface)
			}
		}
		for _, p := range tt.people {
			e.person[p] = true
		}
		e.finish()
		if got := e.canonical(tt.short); got != tt.want {
			t.Errorf("canonical(%q) = %q, want %q (%s)", tt.short, got, tt.want, tt.reason)
		}
	}
}

// TestIsUpperCase checks isUpperCase against what it stands for,
// strings.ToUpper(s) == s, on the cases where the two could part.
func TestIsUpperCase(t *testing.T) {
	for _, s := range []string{"EU", "Eu", "", "G7", "ÉTAT", "État", "ß", "ǅ", "A\xffB", "AB-CD", "ﬁ"} {
		if got, want := isUpperCase(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("isUpperCase(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestStripPossessive checks the possessive endings and the words that
// merely end like one.
func TestStripPossessive(t *testing.T) {
	tests := []struct {
		in, want string
		poss     bool
		reason   string
	}{
		{"Meta's", "Meta", true, "straight apostrophe"},
		{"Meta’s", "Meta", true, "curly apostrophe"},
		{"Teachers'", "Teachers", true, "plural possessive, straight"},
		{"Teachers’", "Teachers", true, "plural possessive, curly"},
		{"Chess", "Chess", false, "ends in s, no apostrophe"},
		{"'s", "'s", false, "the ending alone is no possessive"},
		{"rock'n'roll", "rock'n'roll", false, "inner apostrophes"},
		{"", "", false, "empty"},
	}
	for _, tt := range tests {
		got, poss := stripPossessive(tt.in)
		if got != tt.want || poss != tt.poss {
			t.Errorf("stripPossessive(%q) = %q, %v; want %q, %v (%s)", tt.in, got, poss, tt.want, tt.poss, tt.reason)
		}
	}
}
