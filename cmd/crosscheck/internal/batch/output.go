package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/render"
)

// openJournal opens the journal of checked events: kept when resuming
// (after cutting a last line an interruption left half written), emptied
// otherwise; a journal begun anew opens with head, what its events are
// checked under.
func openJournal(path string, resume bool, head []byte) (*os.File, error) {
	flag := os.O_CREATE | os.O_RDWR
	if !resume {
		flag |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	whole := bytes.LastIndexByte(data, '\n') + 1
	if err := f.Truncate(int64(whole)); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := f.Seek(int64(whole), io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	if whole == 0 {
		if _, err := f.Write(head); err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return f, nil
}

// readJournal returns the event ID and hash of every event an earlier
// run wrote: in its journal, when it was interrupted, and in its
// events.jsonl, when it finished. A line that does not parse (the last
// one, cut by an interruption) is not an event.
func readJournal(paths ...string) map[string]string {
	done := map[string]string{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 64<<20)
		for sc.Scan() {
			var ev struct{ ID, Hash string }
			if json.Unmarshal(sc.Bytes(), &ev) == nil && ev.ID != "" {
				done[ev.ID] = ev.Hash
			}
		}
		f.Close()
	}
	return done
}

// writeSkipped lists the skipped records this run accounts for, in input
// order.
func writeSkipped(dir string, a *Assignment, p *plan) error {
	return writeAtomic(filepath.Join(dir, SkippedFile), func(f *os.File) error {
		bw := bufio.NewWriter(f)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for i, r := range a.Records {
			if r.Skipped && p.mine[i] {
				if err := enc.Encode(skippedLine{N: r.N, Record: r.Key, Reason: r.Reason}); err != nil {
					return err
				}
			}
		}
		return bw.Flush()
	})
}

type skippedLine struct {
	N      int    `json:"n"`
	Record string `json:"record"`
	Reason string `json:"reason"`
}

// entry is where an event's line is in the journal, and what sorting and
// the summary need of it.
type entry struct {
	id       string
	off, len int64
	top      float64
	checked  bool               // its status is checked
	severity []checker.Severity // its findings'
}

// brief is what finalize reads of a journal line before it writes the
// reports: decoding only these fields costs a fraction of the whole.
type brief struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Findings []struct {
		Confidence float64          `json:"confidence"`
		Severity   checker.Severity `json:"severity"`
	} `json:"findings"`
}

// finalize turns a journal into the run's reports: events.jsonl with the
// last line of each event in ids (nil: every event), sorted by ID;
// summary.json; and the human reports. The journal is removed at the end.
func finalize(dir, journal string, ids map[string]bool, sum *Summary, formats []string, htmlEvents int) error {
	jf, err := os.Open(journal)
	if err != nil {
		return err
	}
	defer jf.Close()
	last := map[string]entry{}
	var off int64
	br := bufio.NewReaderSize(jf, 1<<16)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			var ev brief
			if json.Unmarshal(line, &ev) == nil && ev.ID != "" && (ids == nil || ids[ev.ID]) {
				e := entry{id: ev.ID, off: off, len: int64(len(line)), checked: ev.Status == checker.EventChecked}
				for _, f := range ev.Findings {
					e.top = max(e.top, f.Confidence) // EventReport.TopConfidence
					e.severity = append(e.severity, f.Severity)
				}
				last[ev.ID] = e
			}
		}
		off += int64(len(line))
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return fmt.Errorf("%s: %w", journal, err)
		}
	}
	for id := range ids {
		if _, ok := last[id]; !ok {
			return fmt.Errorf("event %s was not checked: its line is missing from %s", id, journal)
		}
	}
	byID := make([]entry, 0, len(last))
	for _, e := range last {
		byID = append(byID, e)
	}
	slices.SortFunc(byID, func(a, b entry) int { return strings.Compare(a.id, b.id) })
	read := func(e entry) (checker.EventReport, error) {
		buf := make([]byte, e.len)
		if _, err := jf.ReadAt(buf, e.off); err != nil {
			return checker.EventReport{}, fmt.Errorf("%s: %w", journal, err)
		}
		var ev checker.EventReport
		err := json.Unmarshal(buf, &ev)
		return ev, err
	}
	// events.jsonl, and the counts.
	sum.Events.Total, sum.Events.Checked, sum.Events.Unchecked, sum.Events.WithFindings = len(byID), 0, 0, 0
	err = writeAtomic(filepath.Join(dir, EventsFile), func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 1<<16)
		for _, e := range byID {
			buf := make([]byte, e.len)
			if _, err := jf.ReadAt(buf, e.off); err != nil {
				return err
			}
			if e.checked {
				sum.Events.Checked++
			} else {
				sum.Events.Unchecked++
			}
			if len(e.severity) > 0 {
				sum.Events.WithFindings++
			}
			for _, s := range e.severity {
				sum.Findings[s]++
			}
			if _, err := bw.Write(buf); err != nil {
				return err
			}
		}
		return bw.Flush()
	})
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, SummaryFile), sum); err != nil {
		return err
	}
	// Human reports, events by their most confident finding.
	byTop := slices.Clone(byID)
	slices.SortStableFunc(byTop, func(a, b entry) int {
		switch {
		case a.top > b.top:
			return -1
		case a.top < b.top:
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	var rerr error
	events := func(yield func(checker.EventReport) bool) {
		for _, e := range byTop {
			ev, err := read(e)
			if err != nil {
				rerr = err
				return
			}
			if !yield(ev) {
				return
			}
		}
	}
	for _, format := range formats {
		name, draw := "", func(io.Writer, *checker.BatchSummary, iter.Seq[checker.EventReport]) error { return nil }
		switch format {
		case "html":
			err := writeHTML(dir, sum, events, htmlEvents, func() error { return rerr })
			if rerr != nil {
				return rerr
			}
			if err != nil {
				return err
			}
			continue
		case "markdown":
			name, draw = "report.md", render.BatchMarkdown
		case "json":
			name, draw = "report.json", func(w io.Writer, _ *checker.BatchSummary, events iter.Seq[checker.EventReport]) error {
				return render.BatchJSON(w, sum, events)
			}
		case "jsonl":
			continue
		default:
			return fmt.Errorf("format %q: want html, markdown, json or jsonl", format)
		}
		err := writeAtomic(filepath.Join(dir, name), func(f *os.File) error {
			bw := bufio.NewWriterSize(f, 1<<16)
			if err := draw(bw, &sum.BatchSummary, events); err != nil {
				return err
			}
			if rerr != nil {
				return rerr
			}
			return bw.Flush()
		})
		if err != nil {
			return err
		}
	}
	jf.Close()
	return os.Remove(journal)
}

// writeHTML writes the HTML report's pages, index.html first, and
// removes the further pages (page-N.html) an earlier run wrote that this
// one does not. Articles without a URL link to their files, made
// absolute against the working directory the paths are relative to.
// failed reports an error reading the events, checked before a page
// replaces the last run's, so a failed read leaves no page cut short.
func writeHTML(dir string, sum *Summary, events iter.Seq[checker.EventReport], perPage int, failed func() error) error {
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	opt := render.HTMLOptions{PerPage: perPage, Dir: cwd, Tool: strings.TrimSpace(sum.Tool.Name + " " + sum.Tool.Version), Settings: sum.Settings}
	written := map[string]bool{}
	err = render.BatchHTML(&sum.BatchSummary, events, opt, func(name string, draw func(io.Writer) error) error {
		written[name] = true
		return writeAtomic(filepath.Join(dir, name), func(f *os.File) error {
			bw := bufio.NewWriterSize(f, 1<<16)
			if err := draw(bw); err != nil {
				return err
			}
			if err := failed(); err != nil {
				return err
			}
			return bw.Flush()
		})
	})
	if err != nil {
		return err
	}
	stale, _ := filepath.Glob(filepath.Join(dir, "page-*.html"))
	for _, p := range stale {
		if !written[filepath.Base(p)] {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeJSON(path string, v any) error {
	return writeAtomic(path, func(f *os.File) error {
		data, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		_, err = f.Write(append(data, '\n'))
		return err
	})
}

// Merge combines the output directories of the shards of one run into
// dir, as one run over the whole corpus would have written it. Every
// shard must be there, each once, over the same inputs and grouping.
func Merge(dir string, shards []string, formats []string, htmlEvents int) (*Summary, error) {
	if len(shards) == 0 {
		return nil, errors.New("merge needs the output directories of the shards")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	var sum *Summary
	seen := map[string]string{} // shard -> its directory
	for _, d := range shards {
		var s Summary
		data, err := os.ReadFile(filepath.Join(d, SummaryFile))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no %s: not the output of a finished batch run", d, SummaryFile)
			}
			return nil, err
		}
		if err := json.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(d, SummaryFile), err)
		}
		if prev, ok := seen[s.Shard]; ok {
			return nil, fmt.Errorf("%s and %s are both shard %q", prev, d, s.Shard)
		}
		seen[s.Shard] = d
		if sum == nil {
			sum = &s
			sum.Shard = ""
			sum.Articles.OtherShards = 0
			sum.Events = checker.EventCounts{Resumed: s.Events.Resumed}
			sum.Findings = map[checker.Severity]int{}
			if sum.Skipped == nil {
				sum.Skipped = map[string]int{}
			}
			continue
		}
		if !slices.Equal(s.Inputs, sum.Inputs) || s.Grouping != sum.Grouping || s.Since != sum.Since || s.Articles.Records != sum.Articles.Records {
			return nil, fmt.Errorf("%s is a shard of another run: its inputs, grouping, --since or record count differ from %s", d, shards[0])
		}
		if diff := differences(journalHeader{sum.Tool, sum.Settings}, journalHeader{s.Tool, s.Settings}, d); len(diff) > 0 {
			return nil, fmt.Errorf("%s was checked under other settings than %s: %s; merge the shards of one run", d, shards[0], strings.Join(diff, "; "))
		}
		a := &sum.Articles
		a.Checked += s.Articles.Checked
		a.Duplicates += s.Articles.Duplicates
		a.Singletons += s.Articles.Singletons
		a.Skipped += s.Articles.Skipped
		sum.Events.Resumed += s.Events.Resumed
		for k, v := range s.Skipped {
			sum.Skipped[k] += v
		}
	}
	if got := sum.Articles.Accounted(); got != sum.Articles.Records {
		return nil, fmt.Errorf("the shards account for %d of %d records: a shard is missing (have %d)", got, sum.Articles.Records, len(shards))
	}
	// The shards' events, one journal; their skipped records, in input order.
	journal := filepath.Join(dir, journalFile)
	err = writeAtomic(journal, func(f *os.File) error {
		for _, d := range shards {
			in, err := os.Open(filepath.Join(d, EventsFile))
			if err != nil {
				return err
			}
			_, err = io.Copy(f, in)
			in.Close()
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, d := range shards {
		for id := range readJournal(filepath.Join(d, EventsFile)) {
			if ids[id] {
				return nil, fmt.Errorf("event %s is in two shards (again in %s): the shards were not grouped by one assignment", id, d)
			}
			ids[id] = true
		}
	}
	var skipped []skippedLine
	for _, d := range shards {
		data, err := os.ReadFile(filepath.Join(d, SkippedFile))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for line := range bytes.Lines(data) {
			var s skippedLine
			if err := json.Unmarshal(line, &s); err != nil {
				return nil, fmt.Errorf("%s: %w", filepath.Join(d, SkippedFile), err)
			}
			skipped = append(skipped, s)
		}
	}
	slices.SortFunc(skipped, func(a, b skippedLine) int { return a.N - b.N })
	err = writeAtomic(filepath.Join(dir, SkippedFile), func(f *os.File) error {
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		for _, s := range skipped {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := finalize(dir, journal, ids, sum, formats, htmlEvents); err != nil {
		return nil, err
	}
	return sum, nil
}
