package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/group"
	"github.com/crosscheck/crosscheck/checker/newsgen"
)

func fixturesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func readEvents(t *testing.T, dir string) []checker.EventReport {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, EventsFile))
	if err != nil {
		t.Fatal(err)
	}
	var evs []checker.EventReport
	for line := range bytes.Lines(data) {
		var ev checker.EventReport
		if err := json.Unmarshal(line, &ev); err != nil {
			t.Fatalf("events.jsonl: %v: %s", err, line)
		}
		evs = append(evs, ev)
	}
	return evs
}

// checkAccounts asserts the invariant: every input record is
// counted once, as checked, duplicate, singleton, skipped or elsewhere.
func checkAccounts(t *testing.T, s *Summary) {
	t.Helper()
	if got := s.Articles.Accounted(); got != s.Articles.Records {
		t.Errorf("the summary accounts for %d of %d records: %+v", got, s.Articles.Records, s.Articles)
	}
	skipped := 0
	for _, n := range s.Skipped {
		skipped += n
	}
	if skipped != s.Articles.Skipped {
		t.Errorf("skip reasons add up to %d, skipped is %d", skipped, s.Articles.Skipped)
	}
}

// TestFixtures is the "done when": the fixture events, read as a
// directory with nothing saying which article is about what, come out as
// the events they are, with the three outputs written.
func TestFixtures(t *testing.T) {
	out := t.TempDir()
	sum, err := Run(Options{Inputs: []string{fixturesDir(t)}, Dir: out, Formats: []string{"html", "markdown", "json"}})
	if err != nil {
		t.Fatal(err)
	}
	checkAccounts(t, sum)
	for _, f := range []string{EventsFile, SummaryFile, "index.html", "report.md", "report.json", AssignFile, SkippedFile} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, journalFile)); err == nil {
		t.Error("the journal is left behind after a finished run")
	}
	// report.json's summary is summary.json's: the tool and its settings too.
	var rep struct {
		Summary map[string]json.RawMessage `json:"summary"`
	}
	if b, err := os.ReadFile(filepath.Join(out, "report.json")); err != nil || json.Unmarshal(b, &rep) != nil {
		t.Fatalf("report.json unreadable: %v", err)
	}
	for _, k := range []string{"tool", "settings", "articles", "events"} {
		if _, ok := rep.Summary[k]; !ok {
			t.Errorf("report.json's summary has no %q", k)
		}
	}
	// The grouping against the fixture directories, pair by pair.
	a, err := ReadAssignment(filepath.Join(out, AssignFile))
	if err != nil {
		t.Fatal(err)
	}
	var got, truth []int
	events, dirs := map[string]int{}, map[string]int{}
	for _, r := range a.Records {
		d := filepath.Base(filepath.Dir(r.Key))
		d = strings.TrimSuffix(d, "-html") // the HTML copy of the seed event
		if _, ok := events[r.Event]; !ok {
			events[r.Event] = len(events)
		}
		if _, ok := dirs[d]; !ok {
			dirs[d] = len(dirs)
		}
		got, truth = append(got, events[r.Event]), append(truth, dirs[d])
	}
	if p, r, f1 := group.Pairwise(got, truth); f1 < 1 {
		t.Errorf("fixture grouping: P %.3f R %.3f F1 %.3f, want every event whole and apart", p, r, f1)
	}
	if sum.Events.Total != len(dirs) || sum.Events.Checked != len(dirs) {
		t.Errorf("%d events, %d checked; want the %d fixture events (the seed's HTML copy is the seed), all checked", sum.Events.Total, sum.Events.Checked, len(dirs))
	}
	if sum.Articles.Duplicates != 5 {
		t.Errorf("%d duplicates, want the 5 HTML copies of the seed articles", sum.Articles.Duplicates)
	}
	evs := readEvents(t, out)
	if !slices.IsSortedFunc(evs, func(a, b checker.EventReport) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("events.jsonl is not sorted by event ID")
	}
	withFindings := 0
	for _, ev := range evs {
		if len(ev.Findings) > 0 {
			withFindings++
		}
	}
	if withFindings < 6 || withFindings != sum.Events.WithFindings {
		t.Errorf("%d events with findings (summary says %d); every fixture but the agreeing ones has some", withFindings, sum.Events.WithFindings)
	}
}

// corpus writes a generated corpus, with a bad line and an old article
// added, and returns its path.
func corpus(t *testing.T, events int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	n := 0
	err := newsgen.New(11).Corpus(newsgen.CorpusOptions{Events: events, PerDay: 50}, func(a newsgen.CorpusArticle) error {
		n++
		if n == 3 {
			b.WriteString("{not json\n")
			b.WriteString(`{"id":"old","published":"2020-01-01","text":"An article from long ago about Velmora Capital."}` + "\n")
		}
		return enc.Encode(a)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAccounting checks that nothing is lost: a bad line and an article
// before --since are skipped with their reasons and listed, copies are
// merged, singletons reported, and the counts add up to the records.
func TestAccounting(t *testing.T) {
	in := corpus(t, 40)
	out := t.TempDir()
	since := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	sum, err := Run(Options{Inputs: []string{in}, Dir: out, Since: since, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	checkAccounts(t, sum)
	lines := 0
	data, _ := os.ReadFile(in)
	lines = bytes.Count(data, []byte("\n"))
	if sum.Articles.Records != lines {
		t.Errorf("%d records for %d input lines", sum.Articles.Records, lines)
	}
	if sum.Skipped["bad JSONL line"] != 1 || sum.Skipped["published before --since"] != 1 {
		t.Errorf("skip reasons %v, want one bad line and one before --since", sum.Skipped)
	}
	skipped, _ := os.ReadFile(filepath.Join(out, SkippedFile))
	if !bytes.Contains(skipped, []byte(`"record":"`+in+`:3"`)) || !bytes.Contains(skipped, []byte("published before --since")) {
		t.Errorf("skipped.jsonl does not list the skipped records:\n%s", skipped)
	}
	if sum.Articles.Singletons == 0 || sum.Events.Unchecked != sum.Articles.Singletons {
		t.Errorf("%d singletons, %d unchecked events: want some, one each", sum.Articles.Singletons, sum.Events.Unchecked)
	}
	if sum.Articles.Duplicates == 0 {
		t.Error("no duplicates merged; the corpus republishes about one article in 50")
	}
	// Every record appears in the assignment with one fate.
	a, err := ReadAssignment(filepath.Join(out, AssignFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Records) != lines {
		t.Errorf("the assignment has %d records for %d lines", len(a.Records), lines)
	}
}

// TestShardsMergeToOneRun: n shards over one grouping, merged, give the
// report of one run, byte for byte.
func TestShardsMergeToOneRun(t *testing.T) {
	in := corpus(t, 60)
	whole := t.TempDir()
	want, err := Run(Options{Inputs: []string{in}, Dir: whole, Formats: []string{"html", "markdown"}})
	if err != nil {
		t.Fatal(err)
	}
	grouped := t.TempDir()
	if _, err := Run(Options{Inputs: []string{in}, Dir: grouped, GroupOnly: true}); err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for i := range 3 {
		d := t.TempDir()
		s, err := Run(Options{Inputs: []string{in}, Dir: d, Shard: i, Shards: 3, Assign: filepath.Join(grouped, AssignFile), Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		checkAccounts(t, s)
		if s.Articles.OtherShards == 0 {
			t.Errorf("shard %d/3 checked everything", i)
		}
		dirs = append(dirs, d)
	}
	merged := t.TempDir()
	got, err := Merge(merged, dirs, []string{"html", "markdown"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkAccounts(t, got)
	for _, f := range []string{EventsFile, SkippedFile, "index.html", "report.md", SummaryFile} {
		a, _ := os.ReadFile(filepath.Join(whole, f))
		b, _ := os.ReadFile(filepath.Join(merged, f))
		if !bytes.Equal(a, b) || len(a) == 0 {
			t.Errorf("%s: merged shards (%d bytes) differ from one run (%d bytes)", f, len(b), len(a))
		}
	}
	if want.Events.Total != got.Events.Total {
		t.Errorf("%d events merged, %d in one run", got.Events.Total, want.Events.Total)
	}
	if _, err := Merge(t.TempDir(), dirs[:2], nil, 0); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("merging 2 of 3 shards: %v, want an error saying a shard is missing", err)
	}
	if _, err := Merge(t.TempDir(), []string{dirs[0], dirs[0], dirs[1], dirs[2]}, nil, 0); err == nil {
		t.Error("merging a shard twice: no error")
	}
}

// TestResume interrupts a run part way, leaves a half-written last line
// as a kill would, and checks that no report was left half written, and
// that --resume keeps what was checked and ends with the report a clean
// run writes.
func TestResume(t *testing.T) {
	in := corpus(t, 60)
	clean := t.TempDir()
	if _, err := Run(Options{Inputs: []string{in}, Dir: clean, Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	c := &Counters{}
	go func() {
		for c.Done.Load() < 20 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1, Context: ctx, Counters: c})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v, want context.Canceled", err)
	}
	for _, f := range []string{EventsFile, SummaryFile, "index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s exists after an interrupted run: half a report", f)
		}
	}
	j, err := os.OpenFile(filepath.Join(out, journalFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	j.WriteString(`{"schema_version":1,"id":"ev-cut`)
	j.Close()
	checked := countLines(t, filepath.Join(out, journalFile))
	sum, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events.Resumed < 20 || sum.Events.Resumed > checked {
		t.Errorf("resumed %d events; the interrupted run had checked %d (at least 20)", sum.Events.Resumed, checked)
	}
	for _, f := range []string{EventsFile, "index.html"} {
		a, _ := os.ReadFile(filepath.Join(clean, f))
		b, _ := os.ReadFile(filepath.Join(out, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s after resuming differs from a clean run's", f)
		}
	}
}

func countLines(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		n++
	}
	return n
}

// TestHTMLPages checks that the events past HTMLEvents go to further
// pages, and that a later run with fewer pages removes the ones it no
// longer writes.
func TestHTMLPages(t *testing.T) {
	out := t.TempDir()
	sum, err := Run(Options{Inputs: []string{fixturesDir(t)}, Dir: out, Formats: []string{"html"}, HTMLEvents: 3})
	if err != nil {
		t.Fatal(err)
	}
	pages := func() []string {
		m, _ := filepath.Glob(filepath.Join(out, "*.html"))
		for i := range m {
			m[i] = filepath.Base(m[i])
		}
		return m
	}
	want := []string{"index.html"}
	for n := 2; n <= (sum.Events.Total+2)/3; n++ {
		want = append(want, fmt.Sprintf("page-%d.html", n))
	}
	if len(want) < 2 || !slices.Equal(pages(), want) {
		t.Errorf("%d events, 3 a page: pages %v, want %v", sum.Events.Total, pages(), want)
	}
	if _, err := Run(Options{Inputs: []string{fixturesDir(t)}, Dir: out, Formats: []string{"html"}}); err != nil {
		t.Fatal(err)
	}
	if got := pages(); !slices.Equal(got, []string{"index.html"}) {
		t.Errorf("after a run of one page: %v, want the earlier run's further pages gone", got)
	}
}

// TestSmallCorpusGrouped is issue 17's third item end to end: a batch
// over the seed event's five articles alone checks them as one event and
// finds what check finds on the same files, where it once reported five
// singletons and no finding.
func TestSmallCorpusGrouped(t *testing.T) {
	cases := []struct {
		reason string
		input  string
	}{
		{"the seed event as text", "meta-scale"},
		{"the seed event as HTML pages", "meta-scale-html"},
	}
	for _, c := range cases {
		out := t.TempDir()
		sum, err := Run(Options{Inputs: []string{filepath.Join(fixturesDir(t), c.input)}, Dir: out})
		if err != nil {
			t.Fatal(err)
		}
		checkAccounts(t, sum)
		if sum.Events.Total != 1 || sum.Articles.Checked != 5 || sum.Articles.Singletons != 0 {
			t.Errorf("%s: %d events, %d articles checked, %d singletons; want the 5 articles checked as one event", c.reason, sum.Events.Total, sum.Articles.Checked, sum.Articles.Singletons)
		}
		if sum.Events.WithFindings != 1 {
			t.Errorf("%s: %d events with findings, want the seed event's disagreements found", c.reason, sum.Events.WithFindings)
		}
	}
}

// TestHTMLFailedReadKeepsPage holds that an error reading the events
// leaves the last run's index.html as it was, not a page cut short.
func TestHTMLFailedReadKeepsPage(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "index.html")
	if err := os.WriteFile(index, []byte("last run"), 0o644); err != nil {
		t.Fatal(err)
	}
	events := func(yield func(checker.EventReport) bool) {}
	failure := errors.New("event 3: unreadable")
	err := writeHTML(dir, &Summary{}, events, 10, func() error { return failure })
	if !errors.Is(err, failure) {
		t.Fatalf("writeHTML = %v, want the read error", err)
	}
	if b, _ := os.ReadFile(index); string(b) != "last run" {
		t.Errorf("index.html is %d bytes of something else, want the last run's page kept", len(b))
	}
}
