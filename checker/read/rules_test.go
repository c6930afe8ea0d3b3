package read_test

import (
	"testing"

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
