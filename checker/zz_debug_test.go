package checker_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/sources"
)

func TestZZDebug(t *testing.T) {
	res, _ := sources.Load([]string{"../fixtures/meta-scale"}, sources.Options{})
	lex, _ := checker.DefaultLexicon()
	checker.DebugEntities(t.Logf, checker.Extractor{Lex: lex}, res.Articles)
}
