package read

import (
	"bytes"
	"strings"
	"testing"
)

// TestParseLexiconGrammar checks that every grammar list of lexicon.yaml
// must be given: a lexicon without one would read clauses silently worse.
func TestParseLexiconGrammar(t *testing.T) {
	for _, tt := range []struct {
		reason string
		drop   string // the grammar key whose line is left out
		want   string // in the error; "" for none
	}{
		{"the shipped lexicon parses", "", ""},
		{"a lexicon without copulas cannot find the noun a figure measures", "copulas", "grammar.copulas is empty"},
		{"a lexicon without speech verbs would take speakers for subjects", "speech_verbs", "grammar.speech_verbs is empty"},
		{"a lexicon without change verbs could not tie a long subject to its level", "change_verbs", "grammar.change_verbs is empty"},
	} {
		var data []byte
		for line := range bytes.Lines(defaultLexicon) {
			if tt.drop != "" && bytes.HasPrefix(bytes.TrimSpace(line), []byte(tt.drop+":")) {
				continue
			}
			data = append(data, line...)
		}
		_, err := ParseLexicon(data)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.reason, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one saying %q", tt.reason, err, tt.want)
		}
	}
}

// TestGrammarClasses checks that a grammar word gets its class and that
// classes add up for a word in two lists ("until" ends a period and
// attaches a year).
func TestGrammarClasses(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		reason string
		word   string
		want   wordClass
		not    wordClass
	}{
		{"a copula", "Was", wCopula, wSpeech},
		{"a word in two lists has both classes", "until", wPeriodEnd | wYearPrep, wCopula},
		{"a speech verb", "told", wSpeech, wPlacePrep},
		{"a content word has none", "merger", 0, wCopula | wSpeech | wPlacePrep | wYearPrep | wPeriodEnd | wDeterminer},
	} {
		got := lex.word(tt.word).class
		if got&tt.want != tt.want || got&tt.not != 0 {
			t.Errorf("%s: class of %q = %b, want %b set and %b clear", tt.reason, tt.word, got, tt.want, tt.not)
		}
	}
}
