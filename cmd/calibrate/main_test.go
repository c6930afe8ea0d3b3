package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// model returns the lines of a score.yaml that hold numbers, leaving out
// comments, which say how the previous model fared.
func model(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			if i := strings.Index(l, "#"); i >= 0 {
				l = strings.TrimSpace(l[:i])
			}
			out = append(out, l)
		}
	}
	return out
}

// TestCommittedModelIsReproducible refits the confidence model as `make
// calibrate` does and requires the committed score.yaml to be what it
// writes: the parameters are data made by this program, not edited by
// hand.
func TestCommittedModelIsReproducible(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-fixtures", "../../fixtures", "-o", "-"}, &out, &errOut); err != nil {
		t.Fatalf("calibrate: %v: %s", err, errOut.String())
	}
	committed, err := os.ReadFile("../../checker/judge/score.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, want := model(out.String()), model(string(committed))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("checker/judge/score.yaml is not what calibrate writes; run make calibrate and review the diff.\ncalibrate:\n%s\ncommitted:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(errOut.String(), "fitted on") {
		t.Errorf("calibrate should say what it fitted on; stderr %q", errOut.String())
	}
}

func TestBadFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-events", "x"}, &out, &errOut); err == nil {
		t.Error("-events x: no error")
	}
	if err := run([]string{"-fixtures", t.TempDir(), "-o", "-"}, &out, &errOut); err == nil || !strings.Contains(err.Error(), "no fixture events") {
		t.Errorf("an empty fixtures directory: error %v, want one naming it", err)
	}
}
