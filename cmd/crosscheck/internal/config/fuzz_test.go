package config

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse reads arbitrary bytes as a configuration file: it must not
// panic, an error must name the file, and a file it accepts must hold
// only values in range.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"fail_level: medium\nmin_confidence: 0.3\n",
		"tolerances:\n  money: 0.02\n  about: 0.15\n",
		"outlets:\n  Wire: 0.5\nsynonyms:\n  deal value: [price]\n",
		"ignore:\n  - attribute: age\n  - {subject: A, id: b}\n",
		"fail_level: [\n", "- a\n", "&a x: *a\n", "tolerances: {money: .nan}\n", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := Default()
		err := c.parse("c.yaml", data)
		if err != nil {
			var ce *Error
			if !strings.HasPrefix(err.Error(), "c.yaml") && !errors.As(err, &ce) {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if !ValidFailLevel(c.FailLevel) || c.MinConfidence < 0 || c.MinConfidence > 1 {
			t.Fatalf("accepted fail level %q, min confidence %v", c.FailLevel, c.MinConfidence)
		}
		for k, v := range c.Tolerances {
			if !(v >= 0 && v < 1) {
				t.Fatalf("accepted tolerance %s = %v", k, v)
			}
		}
		for k, v := range c.Outlets {
			if !(v > 0) {
				t.Fatalf("accepted outlet weight %s = %v", k, v)
			}
		}
	})
}
