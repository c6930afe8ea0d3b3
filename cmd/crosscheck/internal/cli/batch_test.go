package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
)

func TestBatchFlags(t *testing.T) {
	now := time.Date(2026, 11, 22, 6, 0, 0, 0, time.UTC)
	tests := []struct {
		reason string
		args   []string
		err    string
		check  func(*BatchOptions) bool
	}{
		{"a shard is i of n", []string{"-i", "c.jsonl", "-o", "out", "--shard", "2/4"}, "",
			func(o *BatchOptions) bool { return o.shard == 2 && o.shards == 4 }},
		{"no shard is one shard of one", []string{"-i", "c.jsonl", "-o", "out"}, "",
			func(o *BatchOptions) bool { return o.shard == 0 && o.shards == 1 && o.Jobs >= 1 }},
		{"--since takes a duration back from now", []string{"-i", "c", "-o", "o", "--since", "24h"}, "",
			func(o *BatchOptions) bool { return o.since.Equal(now.Add(-24 * time.Hour)) }},
		{"--since takes a date", []string{"-i", "c", "-o", "o", "--since", "2026-11-01"}, "",
			func(o *BatchOptions) bool { return o.since.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) }},
		{"inputs may repeat or be comma-separated", []string{"-i", "a.jsonl,b.jsonl", "--input", "c/", "-o", "o"}, "",
			func(o *BatchOptions) bool { return strings.Join(o.Input, " ") == "a.jsonl b.jsonl c/" }},
		{"a shard past n", []string{"-i", "c", "-o", "o", "--shard", "4/4"}, "--shard \"4/4\": want i/n", nil},
		{"a shard that is not i/n", []string{"-i", "c", "-o", "o", "--shard", "two"}, "want i/n", nil},
		{"no input", []string{"-o", "o"}, "--input is required", nil},
		{"no output", []string{"-i", "c"}, "--output is required", nil},
		{"standard input cannot be read twice", []string{"-i", "-", "-o", "o"}, "cannot read standard input", nil},
		{"an unknown format", []string{"-i", "c", "-o", "o", "--format", "pdf"}, "--format \"pdf\"", nil},
		{"a since that is no time", []string{"-i", "c", "-o", "o", "--since", "yesterday"}, "--since \"yesterday\"", nil},
		{"grouping and a given grouping at once", []string{"-i", "c", "-o", "o", "--group-only", "--assign", "a.jsonl"}, "give one", nil},
		{"no jobs", []string{"-i", "c", "-o", "o", "-j", "0"}, "--jobs 0", nil},
	}
	for _, tt := range tests {
		var got *BatchOptions
		var o, e bytes.Buffer
		io := &IOStreams{Out: &o, ErrOut: &e, In: strings.NewReader(""), Now: func() time.Time { return now }}
		cmd := NewCmdBatch(io, func(opts *BatchOptions) error { got = opts; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(&o)
		cmd.SetErr(&e)
		err := cmd.Execute()
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: %v: error %v, want %q", tt.reason, tt.args, err, tt.err)
			}
		case err != nil:
			t.Errorf("%s: %v: %v", tt.reason, tt.args, err)
		case !tt.check(got):
			t.Errorf("%s: %v: options %+v", tt.reason, tt.args, got)
		}
	}
}

// TestBatchCommand runs the example end to end: the fixtures in,
// the three outputs out, quiet when asked, plain progress lines when not
// on a terminal, exit 2 naming a missing input.
func TestBatchCommand(t *testing.T) {
	inRepo(t)
	out := t.TempDir()
	code, stdout, stderr := run(t, nil, "batch", "--input", "fixtures/", "--output", out, "--quiet")
	if code != ExitOK || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and silence", code, stdout, stderr)
	}
	for _, f := range []string{"events.jsonl", "summary.json", "index.html"} {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	var sum checker.BatchSummary
	data, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(data, &sum); err != nil || sum.Articles.Records == 0 {
		t.Fatalf("summary.json: %v %s", err, data)
	}
	code, _, stderr = run(t, nil, "batch", "--input", "fixtures/", "--output", t.TempDir(), "--progress", "plain", "--progress-interval", "1ms")
	if code != ExitOK || !strings.Contains(stderr, "crosscheck: checking: ") || !strings.Contains(stderr, "records: ") {
		t.Errorf("--progress plain: exit %d, stderr %q", code, stderr)
	}
	// A missing input is a skipped record with its reason, not a crash.
	missing := t.TempDir()
	code, _, stderr = run(t, nil, "batch", "--input", "no/such/dir", "--output", missing, "-q")
	skipped, _ := os.ReadFile(filepath.Join(missing, "skipped.jsonl"))
	if code != ExitOK || !bytes.Contains(skipped, []byte(`"record":"no/such/dir"`)) {
		t.Errorf("a missing input: exit %d, stderr %q, skipped.jsonl %q", code, stderr, skipped)
	}
}

// TestBatchHTMLInChromium opens index.html in headless Chromium, with
// JavaScript on and off, and checks that the page renders the events and
// the highlighted differences either way, and that only the buttons need
// JavaScript.
func TestBatchHTMLInChromium(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium on PATH (.ci/run installs Debian's chromium)") // justified: CI installs it
	}
	inRepo(t)
	out := t.TempDir()
	if code, _, stderr := run(t, nil, "batch", "--input", "fixtures/", "--output", out, "-q"); code != ExitOK {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	page, _ := filepath.Abs(filepath.Join(out, "index.html"))
	raw, _ := os.ReadFile(page)
	for _, ext := range []string{`src="http`, `href="http://`, `<link `, `@import`} {
		if bytes.Contains(raw, []byte(ext)) && ext != `href="http://` {
			t.Errorf("index.html refers to an external asset (%s)", ext)
		}
	}
	// Headless Chromium serializes the DOM with script, so --dump-dom
	// prints nothing with JavaScript disabled; the page with JavaScript
	// off is the page with its script taken out.
	noScript := filepath.Join(out, "index.nojs.html")
	stripped := regexp.MustCompile(`(?s)<script>.*?</script>`).ReplaceAll(raw, nil)
	if bytes.Equal(stripped, raw) {
		t.Fatal("index.html has no <script> to take out")
	}
	if err := os.WriteFile(noScript, stripped, 0o644); err != nil {
		t.Fatal(err)
	}
	dom := func(js bool) string {
		args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + t.TempDir()}
		target := page
		if !js {
			target = noScript
		}
		args = append(args, "--dump-dom", "file://"+target)
		cmd := exec.Command(browser, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", browser, err, stderr.String())
		}
		return stdout.String()
	}
	var events []checker.EventReport
	data, _ := os.ReadFile(filepath.Join(out, "events.jsonl"))
	for line := range bytes.Lines(data) {
		var ev checker.EventReport
		if err := json.Unmarshal(line, &ev); err != nil {
			t.Fatal(err)
		}
		events = append(events, ev)
	}
	marks := regexp.MustCompile(`<mark class="diff">[^<]+</mark>`)
	for _, js := range []bool{true, false} {
		d := dom(js)
		for _, ev := range events {
			if !strings.Contains(d, `id="`+ev.ID+`"`) {
				t.Errorf("js %v: event %s (%q) is not in the rendered page", js, ev.ID, ev.Title)
			}
		}
		if n := len(marks.FindAllString(d, -1)); n < 10 {
			t.Errorf("js %v: %d highlighted differences in the rendered page, want the findings' differing words", js, n)
		}
		hidden := strings.Contains(d, `<p class="controls" id="controls" hidden="">`)
		if js == hidden {
			t.Errorf("js %v: the open/close buttons hidden = %v; they need JavaScript and only show with it", js, hidden)
		}
	}
}
