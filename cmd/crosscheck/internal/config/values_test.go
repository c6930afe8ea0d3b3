package config

import (
	"maps"
	"slices"
	"testing"
)

// TestValues: Values names every key Origin does, no more, each with the
// value Write would print, so that a batch records every setting.
func TestValues(t *testing.T) {
	p := write(t, t.TempDir(), `min_confidence: 0.3
tolerances:
  money: 0.02
outlets:
  Wire Service: 0.5
synonyms:
  deal value: ["purchase price", "consideration"]
ignore:
  - attribute: age
  - subject: Acme
    id: abc
`)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	v := c.Values()
	if got, want := slices.Sorted(maps.Keys(v)), slices.Sorted(maps.Keys(c.Origin)); !slices.Equal(got, want) {
		t.Errorf("Values has keys %v, Origin %v", got, want)
	}
	for _, tt := range []struct {
		key, want, reason string
	}{
		{"fail_level", "high", "a default"},
		{"min_confidence", "0.3", "from the file"},
		{"tolerances.money", "0.02", "from the file"},
		{"tolerances.percent", "0", "a default tolerance"},
		{"outlets.Wire Service", "0.5", "an outlet keeps its spelling"},
		{"synonyms.deal value", `["purchase price", "consideration"]`, "phrases in order, quoted"},
		{"ignore[0]", `{attribute: "age"}`, "a rule as the file would write it"},
		{"ignore[1]", `{subject: "Acme", id: "abc"}`, "every field of a rule"},
	} {
		if v[tt.key] != tt.want {
			t.Errorf("Values()[%q] = %q, want %q (%s)", tt.key, v[tt.key], tt.want, tt.reason)
		}
	}
}
