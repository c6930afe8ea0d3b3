package cli

import (
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	inRepo(t)
	code, out, errOut := run(t, nil, "extract", seed)
	if code != ExitOK {
		t.Fatalf("extract: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"dual-ai-strategy.txt:5:7\tScale AI · deal value (current)\t$14.3 billion\t[object 1.0, cue 1.0]",
		"meta-bets-15bn.txt:4:120\tAlexandr Wang · age (current)\t28-year-old\t[coref 0.8, implied 1.0]",
		"biggest-external-ai-bet.txt:4:253\tScale AI · valuation (earlier)\t$14 billion",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("extract output lacks %q", want)
		}
	}
	if strings.Contains(out, "Llama") || strings.Contains(out, "Read more") {
		t.Error("extract read a claim from a model name or a teaser")
	}
	if code, _, errOut := run(t, nil, "extract"); code != ExitError || !strings.Contains(errOut, "requires at least 1 arg") {
		t.Errorf("extract with no source: exit %d, stderr %q", code, errOut)
	}
}
