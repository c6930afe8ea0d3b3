package checker

import (
	"math"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

func TestSeverityOf(t *testing.T) {
	for _, tt := range []struct {
		reason string
		c      float64
		want   Severity
	}{
		{"well above the error threshold", 0.95, Error},
		{"error starts at 0.7 inclusive", 0.7, Error},
		{"just below error is a warning", 0.69, Warning},
		{"warning starts at 0.5 inclusive", 0.5, Warning},
		{"just below warning is info", 0.49, Info},
		{"no confidence at all is info", 0, Info},
	} {
		if got := SeverityOf(tt.c); got != tt.want {
			t.Errorf("%s: SeverityOf(%v) = %s, want %s", tt.reason, tt.c, got, tt.want)
		}
	}
}

// TestArticleOfLines holds the plain-text constructor to its promise:
// one paragraph per non-empty line, offsets that map back to the line
// and column of the original text.
func TestArticleOfLines(t *testing.T) {
	a := ArticleOfLines("memo", "First line.\n\nThird line has 12 words.\n")
	if a.Path != "memo.txt" || len(a.Paragraphs) != 2 {
		t.Fatalf("path %q, %d paragraphs; want memo.txt and 2 (the empty line is no paragraph)", a.Path, len(a.Paragraphs))
	}
	p := a.Paragraphs[1]
	at := p.Offset + len("Third line has ")
	if line, col := a.Position(at); line != 3 || col != 16 {
		t.Errorf("Position of the figure = %d:%d, want 3:16", line, col)
	}
}

// TestValueOf checks that an open side of an interval is left out of a
// report's value and a closed one kept.
func TestValueOf(t *testing.T) {
	q := quantity.Quantity{Kind: quantity.Money, Unit: "USD", Value: 29e9, Low: 29e9, High: math.Inf(1), Bound: quantity.AtLeast}
	v := ValueOf(q)
	if v.Low == nil || *v.Low != 29e9 {
		t.Errorf("Low = %v, want 29e9 kept", v.Low)
	}
	if v.High != nil {
		t.Errorf("High = %v, want the open side left out", *v.High)
	}
	if v.Kind != "money" || v.Unit != "USD" || v.Amount != 29e9 {
		t.Errorf("ValueOf = %+v, want money USD 29e9", v)
	}
}

func TestLineStarts(t *testing.T) {
	tests := []struct {
		s      string
		want   []int
		reason string
	}{
		{"", []int{0}, "no text: one empty line"},
		{"one line", []int{0}, "no newline"},
		{"a\nbc\n", []int{0, 2, 5}, "a final newline opens an empty last line"},
		{"\n\n", []int{0, 1, 2}, "blank lines"},
		{"x\r\ny", []int{0, 3}, "\\r\\n ends a line at the \\n"},
	}
	for _, tt := range tests {
		if got := LineStarts(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("LineStarts(%q) = %v, want %v (%s)", tt.s, got, tt.want, tt.reason)
		}
	}
}
