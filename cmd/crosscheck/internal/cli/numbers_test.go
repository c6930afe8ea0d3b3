package cli

import (
	"strings"
	"testing"
)

// TestNumberFlagsRejectNaN: every flag that takes a fraction refuses NaN
// and the infinities, which compare false with every bound and so would
// pass a range check and then hide every finding (or pass every gate).
func TestNumberFlagsRejectNaN(t *testing.T) {
	out := t.TempDir()
	cmds := []struct {
		args   []string
		flag   string
		reason string
	}{
		{[]string{"check", "a.txt", "b.txt"}, "--min-confidence", "check filters its report by it"},
		{[]string{"lint", "draft.md", "--against", "refs/"}, "--min-confidence", "lint filters its report by it"},
		{[]string{"batch", "--input", "corpus/", "--output", out}, "--min-confidence", "batch filters every event by it"},
		{[]string{"config"}, "--min-confidence", "config prints what it would be"},
		{[]string{"check", "a.txt", "b.txt"}, "--fail-level", "a fail level may be a confidence"},
		{[]string{"eval", "fixtures"}, "--min-confidence", "eval counts detections from it"},
		{[]string{"eval", "fixtures"}, "--require-f1", "a floor of NaN can never be missed"},
		{[]string{"eval", "quantities"}, "--require-accuracy", "a floor of NaN can never be missed"},
	}
	for _, c := range cmds {
		for _, v := range []string{"NaN", "nan", "Inf", "+Inf", "-Inf", "infinity"} {
			args := append(append([]string(nil), c.args...), c.flag, v)
			code, out, errOut := run(t, nil, args...)
			if code != ExitError || !strings.Contains(errOut, c.flag) || !strings.Contains(errOut, v) || out != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 naming %s and %q (%s)", args, code, out, errOut, c.flag, v, c.reason)
			}
		}
	}
}
