package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/sources/sourcestest"
)

// corpusDir copies the seed's articles into dir/corpus (one of them in a
// subdirectory, locked, that the test may lock) and returns the
// directory.
func corpusDir(t *testing.T, dir string) string {
	t.Helper()
	corpus := filepath.Join(dir, "corpus")
	locked := filepath.Join(corpus, "locked")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	seedDir := filepath.Join("..", "..", "..", "..", seed)
	ents, err := os.ReadDir(seedDir)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range ents {
		data, err := os.ReadFile(filepath.Join(seedDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		to := corpus
		if i == 0 {
			to = locked
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return corpus
}

// runWithin runs the command and fails the test if it does not finish in
// a while: a FIFO opened for reading blocks until a writer comes.
func runWithin(t *testing.T, io *IOStreams, args ...string) (code int, out, errOut string) {
	t.Helper()
	type result struct {
		code        int
		out, errOut string
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.code, r.out, r.errOut = run(t, io, args...)
		done <- r
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.errOut
	case <-time.After(60 * time.Second):
		t.Fatalf("%v hangs", args)
		return 0, "", ""
	}
}

// TestCheckKeepGoingDirectory is must-fixes 1 and 2 for check: a
// corpus with an unreadable subdirectory and a FIFO in it is checked,
// every readable article a source, the subdirectory and the FIFO
// skipped with their reasons, and the run finishes.
func TestCheckKeepGoingDirectory(t *testing.T) {
	dir := t.TempDir()
	corpusDir(t, dir)
	t.Chdir(dir)
	if err := syscall.Mkfifo(filepath.Join("corpus", "wire.txt"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	io := &IOStreams{FS: sourcestest.LockedFS{FS: os.DirFS("."), Locked: map[string]bool{"corpus/locked": true}}}
	code, out, errOut := runWithin(t, io, "check", "--keep-going", "--format", "json", "--fail-level", "none", "corpus")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ids, skipped := reportInputs(t, out)
	if len(ids) != 4 || slices.ContainsFunc(ids, func(p string) bool { return strings.Contains(p, "locked") }) {
		t.Errorf("sources %q: want the 4 readable seed articles beside the locked directory", ids)
	}
	want := []string{
		"corpus/locked: directory cannot be read: permission denied",
		"corpus/wire.txt: not a regular file: a named pipe (name it on its own to read it as a stream)",
	}
	if !slices.Equal(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
	for _, w := range want {
		if !strings.Contains(errOut, "crosscheck: skipped "+w) {
			t.Errorf("stderr %q does not say %q", errOut, w)
		}
	}
	// Without --keep-going the locked directory is the error, named.
	code, _, errOut = runWithin(t, io, "check", "--fail-level", "none", "corpus")
	if code != ExitError || !strings.Contains(errOut, "corpus/locked: directory cannot be read") {
		t.Errorf("without --keep-going: exit %d, stderr %q; want 2 naming corpus/locked", code, errOut)
	}
}

// reportInputs lists a JSON report's sources, sorted, and its skipped
// inputs with their reasons.
func reportInputs(t *testing.T, out string) (ids, skipped []string) {
	t.Helper()
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, s := range r.Sources {
		ids = append(ids, s.Path)
	}
	for _, s := range r.Skipped {
		skipped = append(skipped, s.Path+": "+s.Reason)
	}
	slices.Sort(ids)
	return ids, skipped
}

// TestCheckKeepGoingUnreadableOnDisk is must-fix 1 on the real file
// system, where the permission, not a test double, stops the read.
func TestCheckKeepGoingUnreadableOnDisk(t *testing.T) {
	dir := t.TempDir()
	corpusDir(t, dir)
	t.Chdir(dir)
	locked := filepath.Join("corpus", "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, locked), 0o755) })
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("a directory of mode 000 can still be read here (running as root?): TestCheckKeepGoingDirectory injects the failure instead")
	}
	code, out, errOut := runWithin(t, nil, "check", "--keep-going", "--format", "json", "--fail-level", "none", "corpus")
	if code != ExitOK {
		t.Fatalf("on disk: exit %d: %s", code, errOut)
	}
	want := []string{"corpus/locked: directory cannot be read: permission denied"}
	if ids, skipped := reportInputs(t, out); len(ids) != 4 || !slices.Equal(skipped, want) {
		t.Errorf("on disk: sources %q, skipped %q; want 4 sources and %q", ids, skipped, want)
	}
}

// TestCheckNamedPipe is must-fix 2's other half: a FIFO named on the
// command line is read as a stream.
func TestCheckNamedPipe(t *testing.T) {
	inRepo(t)
	fifo := filepath.Join(t.TempDir(), "wire.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(seed, "meta-bets-15bn.txt"))
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		f.Write(data)
	}()
	code, out, errOut := runWithin(t, nil, "check", "--format", "text", "--fail-level", "none", fifo, filepath.Join(seed, "dual-ai-strategy.txt"))
	if code != ExitOK || !strings.Contains(out, "wire.txt:") {
		t.Errorf("exit %d, out %q, stderr %q; want the FIFO's article checked", code, out, errOut)
	}
}

// TestKeepGoingTooFewSources is must-fix 9: when fewer than two sources
// remain, the run fails, and still says what it skipped and why.
func TestKeepGoingTooFewSources(t *testing.T) {
	inRepo(t)
	dir := t.TempDir()
	good := filepath.Join(seed, "meta-bets-15bn.txt")
	bin := filepath.Join(dir, "scan.txt")
	if err := os.WriteFile(bin, []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		args   []string
		want   []string
		reason string
	}{
		{[]string{"check", "--keep-going", good, missing}, []string{"skipped " + missing + ": no such file", "only " + good + " was read"},
			"one source left: the missing one is reported before the error"},
		{[]string{"check", "--keep-going", bin, missing}, []string{"skipped " + bin + ": binary file", "skipped " + missing + ": no such file", "none could be read"},
			"no source left: both are reported"},
		{[]string{"lint", "--keep-going", good, "--against", missing + "," + bin}, []string{"skipped " + missing + ": no such file", "skipped " + bin + ": binary file", "no reference source could be read"},
			"lint with no reference left"},
		{[]string{"extract", "--keep-going", missing}, []string{"skipped " + missing + ": no such file"},
			"extract lists what it skipped"},
	}
	for _, tt := range tests {
		code, _, errOut := run(t, nil, tt.args...)
		if tt.args[0] != "extract" && code != ExitError {
			t.Errorf("%v: exit %d, want 2 (%s)", tt.args, code, tt.reason)
		}
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q does not say %q (%s)", tt.args, errOut, w, tt.reason)
			}
		}
	}
}

// TestCheckJSONLMaxSizePerLine is must-fix 10 for check: a dump over
// --max-size whose lines are under it is read; one long line is skipped.
func TestCheckJSONLMaxSizePerLine(t *testing.T) {
	inRepo(t)
	var b strings.Builder
	for _, name := range []string{"meta-bets-15bn", "dual-ai-strategy"} {
		data, err := os.ReadFile(filepath.Join(seed, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": name, "text": string(data)})
		b.Write(line)
		b.WriteByte('\n')
		if name == "meta-bets-15bn" {
			long, _ := json.Marshal(map[string]string{"id": "long", "text": strings.Repeat("Meta paid $15bn. ", 5000)})
			b.Write(long)
			b.WriteByte('\n')
		}
	}
	dump := filepath.Join(t.TempDir(), "dump.jsonl")
	if err := os.WriteFile(dump, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, nil, "check", "--keep-going", "--max-size", "64KiB", "--format", "json", "--fail-level", "none", dump)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Sources) != 2 || len(r.Skipped) != 1 || r.Skipped[0].Path != dump+":2" || !strings.Contains(r.Skipped[0].Reason, "line over 65536 bytes") {
		t.Errorf("%d sources, skipped %+v; want both short lines checked and line 2 skipped as too long", len(r.Sources), r.Skipped)
	}
}

// TestFeedBadDateWarns: a feed item whose date cannot be read is read as
// undated, and stderr says so.
func TestFeedBadDateWarns(t *testing.T) {
	inRepo(t)
	feed := filepath.Join(t.TempDir(), "wire.xml")
	err := os.WriteFile(feed, []byte(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Harbor pays €2.4bn</title><pubDate>sometime on Tuesday</pubDate>
<description>Harbor Systems agreed to pay €2.4bn for Tidewater Labs, the companies said.</description></item>
<item><title>Harbor pays €2.5bn</title><pubDate>Tue, 10 Jun 2025 18:20:00 GMT</pubDate>
<description>Harbor Systems agreed to pay €2.5bn for Tidewater Labs, the companies said.</description></item>
</channel></rss>`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, nil, "check", "--fail-level", "none", feed)
	want := "crosscheck: warning: " + feed + `#1: unreadable publication date: "sometime on Tuesday": read as undated`
	if code != ExitOK || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want 0 and %q", code, errOut, want)
	}
}
