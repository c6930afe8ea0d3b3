package sources

import (
	"errors"
	"strings"
	"testing"
)

// TestFrontMatterWeight: a weight is a positive, finite number. NaN, the
// infinities and 0 (which reads as no weight, so the source would count
// as an ordinary one) are errors naming the key and the value.
func TestFrontMatterWeight(t *testing.T) {
	tests := []struct {
		weight string
		want   float64 // 0: an error
		reason string
	}{
		{"2", 2, "an outlet twice as trusted"},
		{"0.25", 0.25, "an outlet a quarter as trusted"},
		{".nan", 0, "YAML's NaN compares false with every bound and would pass a sign check"},
		{".inf", 0, "an infinite weight would outweigh every other source"},
		{"-.inf", 0, "a negative infinity"},
		{"0", 0, "a weight of 0 reads as no weight, so it would be silently ignored"},
		{"-1", 0, "a negative weight"},
	}
	for _, tt := range tests {
		src := "---\ntitle: Harbor deal\nweight: " + tt.weight + "\n---\nHarbor Systems agreed a €2.4bn deal.\n"
		a, err := Parse("ledger.md", []byte(src))
		if tt.want == 0 {
			if !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), "weight") || !strings.Contains(err.Error(), "want a positive number") {
				t.Errorf("weight %s: error %v, want a front-matter error naming the weight (%s)", tt.weight, err, tt.reason)
			}
			continue
		}
		if err != nil || a.Weight != tt.want {
			t.Errorf("weight %s: %v, weight %v; want %v (%s)", tt.weight, err, a, tt.want, tt.reason)
		}
	}
}
