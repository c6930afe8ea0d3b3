package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
)

// TestTableWidths holds check's and lint's tables at 60, 80 and 120
// columns to golden files, and every line of them to the width: no
// border wraps, a cell wraps instead, and evidence is shortened.
func TestTableWidths(t *testing.T) {
	inRepo(t)
	runs := []struct {
		name string
		args []string
	}{
		{"meta-scale", []string{"check", seed}},
		{"draft", []string{"lint", planted, "--against", seed, "--unsupported"}},
	}
	for _, w := range []int{60, 80, 120} {
		for _, r := range runs {
			args := append(append([]string(nil), r.args...), "--format", "table", "--fail-level", "none")
			// A terminal of w columns, and a pipe told --width w.
			code, term, errOut := run(t, &IOStreams{OutTTY: true, NoColor: true, Width: w}, args...)
			if code != ExitOK {
				t.Fatalf("%s at %d: exit %d: %s", r.name, w, code, errOut)
			}
			_, piped, _ := run(t, nil, append(args, "--width", fmt.Sprint(w))...)
			if piped != term {
				t.Errorf("%s: --width %d draws another table than a terminal of %d columns:\n%s", r.name, w, w, piped)
			}
			golden(t, filepath.Join("table", fmt.Sprintf("%s.%d.golden", r.name, w)), term)
			border := 0
			for i, line := range strings.Split(strings.TrimSuffix(term, "\n"), "\n") {
				n := displaywidth.String(line)
				if n > w {
					t.Errorf("%s at %d columns: line %d is %d wide:\n%s", r.name, w, i+1, n, line)
				}
				if strings.HasPrefix(line, "┌") {
					border = n
				}
				if strings.HasPrefix(line, "│") && n != border {
					t.Errorf("%s at %d columns: line %d is %d wide, the table %d: a row broke its border", r.name, w, i+1, n, border)
				}
			}
			if !strings.Contains(term, "…") {
				t.Errorf("%s at %d columns: no evidence was shortened", r.name, w)
			}
		}
	}
}

func TestWidthFlag(t *testing.T) {
	inRepo(t)
	widest := func(out string) int {
		n := 0
		for _, line := range strings.Split(out, "\n") {
			n = max(n, displaywidth.String(line))
		}
		return n
	}
	tests := []struct {
		io     *IOStreams
		args   []string
		code   int
		widest int // at most
		over   int // and more than
		reason string
	}{
		{nil, nil, ExitOK, 100, 80, "a pipe gets 100 columns"},
		{&IOStreams{OutTTY: true, NoColor: true, Width: 72}, nil, ExitOK, 72, 60, "a terminal gets its width"},
		{&IOStreams{OutTTY: true, NoColor: true, Width: 72}, []string{"--width", "132"}, ExitOK, 132, 100, "--width overrides the terminal's"},
		{nil, []string{"--width", "39"}, ExitError, 0, 0, "under 40 columns, no table can be read"},
	}
	for _, tt := range tests {
		args := append([]string{"check", seed, "--format", "table", "--fail-level", "none"}, tt.args...)
		code, out, errOut := run(t, tt.io, args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s): %s", tt.args, code, tt.code, tt.reason, errOut)
			continue
		}
		if code == ExitError {
			if !strings.Contains(errOut, "--width 39: want 40 columns or more") {
				t.Errorf("%v: stderr %q must say what --width takes", tt.args, errOut)
			}
			continue
		}
		if n := widest(out); n > tt.widest || n <= tt.over {
			t.Errorf("%v: widest line %d columns, want %d to %d (%s)", tt.args, n, tt.over+1, tt.widest, tt.reason)
		}
	}
}
