package checker

import (
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
