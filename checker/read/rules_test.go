package read_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/checker/readtest"
)

// TestRules holds the claim reader to the annotated sentences of
// testdata/claims: every claim an annotated line must yield, and nothing
// else on it.
func TestRules(t *testing.T) {
	lex, err := read.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	readtest.Run(t, lex, "testdata/claims")
}

// TestUpToLevels holds the claim reader to the parser's verbs of a level
// reached through "up to": for each, the level the parser reads is a
// claim of the subject the verb ties it to, not a figure left unclaimed.
func TestUpToLevels(t *testing.T) {
	lex, err := read.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := read.Extractor{Lex: lex}
	for _, v := range quantity.UpToLevelVerbs() {
		aux := "has"
		if v == "revised" {
			aux = "was" // a verb of revision takes its object: the toll is what was revised
		}
		text := "The death toll from the floods in the Varn valley " + aux + " " + v + " up to 173, officials said."
		claims := x.Extract([]*checker.Article{{ID: "a", Paragraphs: []checker.Paragraph{{Text: text}}}})
		if len(claims) != 1 || claims[0].Attribute != "deaths" || claims[0].Quantity.Bound != quantity.Exact || claims[0].Quantity.Value != 173 {
			t.Errorf("%q: claims %+v, want one of deaths = 173, exact", text, claims)
		}
	}
}
