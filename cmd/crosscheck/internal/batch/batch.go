package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/renameio/v2"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/group"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
	"github.com/crosscheck/crosscheck/sources"
)

// Options say what a run reads, how it groups and checks, and where it
// writes.
type Options struct {
	Inputs []string
	Dir    string // the output directory, created when missing
	Jobs   int    // events checked at once; 0 means the number of CPUs
	// Since leaves out articles published before it (zero: none).
	Since time.Time
	// Shard and Shards: this run checks only the events that ShardOf
	// gives to Shard, of Shards. Shards 0 or 1 is the whole corpus.
	Shard, Shards int
	// Resume keeps the events an interrupted run in Dir already checked,
	// when their articles are the same.
	Resume bool
	// Assign is an events.assign.jsonl to use instead of scanning and
	// grouping; GroupOnly stops after writing it.
	Assign    string
	GroupOnly bool
	// Formats are the human reports to write besides events.jsonl and
	// summary.json: "html" (index.html), "markdown" (report.md), "json"
	// (report.json); "jsonl" adds nothing.
	Formats []string
	// HTMLEvents is how many events a page of the HTML report details
	// (index.html, then page-2.html …); 0 means 1000.
	HTMLEvents int
	Group      group.Options
	// Checker checks each event; nil is a judge.Checker with the
	// defaults. The command gives one configured in full (config.Checker).
	Checker Checker
	Sources sources.Options
	// Tool is the crosscheck that checks, as summary.json records it;
	// zero is version.Current().
	Tool version.Tool
	// Settings are what the findings depend on besides the articles and
	// the Tool, by name: the configuration's values (config.Values).
	// summary.json and the journal record them, and Resume refuses a
	// directory checked under other settings or by another Tool, saying
	// what differs, rather than mix their events with this run's.
	Settings map[string]string
	// Counters, when not nil, are kept up to date for a progress display.
	Counters *Counters
	Context  context.Context

	// journaled, when not nil, is called after each checked event is
	// handed to the journal, with how many have been: a test seam, so a
	// test can kill the run at an exact point.
	journaled func(n int64)
}

// Counters tell a progress display how far a run is.
type Counters struct {
	Phase    atomic.Value // "scan", "check" or "write"
	Records  atomic.Int64 // records read by the scan
	Events   atomic.Int64 // events to check in this run
	Done     atomic.Int64 // events checked (or resumed)
	Findings atomic.Int64
	Bytes    atomic.Int64 // article text checked
}

// PhaseName is the current phase, "" before the run starts.
func (c *Counters) PhaseName() string {
	s, _ := c.Phase.Load().(string)
	return s
}

// The files of an output directory.
const (
	EventsFile  = "events.jsonl"
	SummaryFile = "summary.json"
	SkippedFile = "skipped.jsonl"
	journalFile = ".events.journal.jsonl"
)

// A Summary is summary.json: what happened to every input record, the
// crosscheck that checked them and the settings it checked them under.
type Summary struct {
	checker.BatchSummary
	Tool     version.Tool      `json:"tool"`
	Settings map[string]string `json:"settings"`
}

// Run runs a batch and returns its summary.
func Run(opt Options) (*Summary, error) {
	if opt.Jobs <= 0 {
		opt.Jobs = runtime.NumCPU()
	}
	if opt.Sources.Workers == 0 {
		// The lines of a dump are parsed by as many goroutines as check.
		opt.Sources.Workers = opt.Jobs
	}
	if opt.Counters == nil {
		opt.Counters = &Counters{}
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	if opt.Tool == (version.Tool{}) {
		opt.Tool = version.Current()
	}
	if opt.Settings == nil {
		opt.Settings = map[string]string{}
	}
	if opt.Checker == nil {
		c, err := judge.New()
		if err != nil {
			return nil, err
		}
		opt.Checker = c
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockDir(opt.Dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if opt.Resume {
		if err := checkResume(opt.Dir, opt.Tool, opt.Settings); err != nil {
			return nil, err
		}
	}
	var asg *Assignment
	if opt.Assign != "" {
		if asg, err = ReadAssignment(opt.Assign); err != nil {
			return nil, err
		}
	} else {
		opt.Counters.Phase.Store("scan")
		if asg, err = scan(&opt); err != nil {
			return nil, err
		}
		if err := writeAtomic(filepath.Join(opt.Dir, AssignFile), func(f *os.File) error { return WriteAssignment(f, asg) }); err != nil {
			return nil, err
		}
	}
	sum := &Summary{BatchSummary: checker.BatchSummary{
		SchemaVersion: checker.SchemaVersion, Inputs: opt.Inputs, Grouping: asg.Grouping,
		Skipped: map[string]int{}, Findings: map[checker.Severity]int{},
	}, Tool: opt.Tool, Settings: opt.Settings}
	if opt.Shards > 1 {
		sum.Shard = fmt.Sprintf("%d/%d", opt.Shard, opt.Shards)
	}
	if !opt.Since.IsZero() {
		sum.Since = opt.Since.Format(time.RFC3339)
	}
	plan := planEvents(asg, opt.Shard, opt.Shards, &sum.BatchSummary)
	if opt.GroupOnly {
		return sum, nil
	}
	opt.Counters.Events.Store(int64(len(plan.events)))
	opt.Counters.Phase.Store("check")
	journal := filepath.Join(opt.Dir, journalFile)
	jf, err := openJournal(journal, opt.Resume, header(opt.Tool, opt.Settings))
	if err != nil {
		return nil, err
	}
	resumed := map[string]string{}
	if opt.Resume {
		// The journal's events, and a finished run's besides: those are
		// copied into the journal, which the report is written from.
		resumed = readJournal(journal)
		events := filepath.Join(opt.Dir, EventsFile)
		if err := carryOver(jf, events, resumed); err != nil {
			jf.Close()
			return nil, err
		}
		for id, h := range readJournal(events) {
			if _, ok := resumed[id]; !ok {
				resumed[id] = h
			}
		}
	}
	n, err := check(&opt, asg, plan, resumed, jf)
	sum.Events.Resumed = n
	if cerr := jf.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	opt.Counters.Phase.Store("write")
	if err := writeSkipped(opt.Dir, asg, plan); err != nil {
		return nil, err
	}
	if err := finalize(opt.Dir, journal, plan.ids(), sum, opt.Formats, opt.HTMLEvents); err != nil {
		return nil, err
	}
	return sum, nil
}

// A plan is what this run checks: its events and their records.
type plan struct {
	events map[string]*pending
	mine   []bool // by record: this run accounts for it
}

// pending is an event being read.
type pending struct {
	id, title string
	members   int // articles, duplicates not counted
	arts      []*checker.Article
	dups      []checker.DuplicateInfo
}

func (p *plan) ids() map[string]bool {
	m := make(map[string]bool, len(p.events))
	for id := range p.events {
		m[id] = true
	}
	return m
}

// planEvents picks this shard's events and counts every record's fate.
func planEvents(a *Assignment, shard, shards int, sum *checker.BatchSummary) *plan {
	p := &plan{events: map[string]*pending{}, mine: make([]bool, len(a.Records))}
	c := &sum.Articles
	c.Records = len(a.Records)
	for i, r := range a.Records {
		if r.Skipped {
			if ShardOf(r.Key, shards) == shard {
				p.mine[i] = true
				c.Skipped++
				sum.Skipped[reasonClass(r.Reason)]++
			} else {
				c.OtherShards++
			}
			continue
		}
		if ShardOf(r.Event, shards) != shard {
			c.OtherShards++
			continue
		}
		p.mine[i] = true
		ev := p.events[r.Event]
		if ev == nil {
			ev = &pending{id: r.Event}
			p.events[r.Event] = ev
		}
		if r.DuplicateOf != "" {
			ev.dups = append(ev.dups, checker.DuplicateInfo{Path: r.Key, DuplicateOf: r.DuplicateOf, Reason: r.Reason})
			c.Duplicates++
			continue
		}
		ev.members++
	}
	for _, ev := range p.events {
		if ev.members == 1 {
			c.Singletons++
		} else {
			c.Checked += ev.members
		}
	}
	return p
}

// check reads the records again and checks each event of the plan once
// its last article is read, on opt.Jobs workers, appending each result
// to the journal. It returns how many events were resumed.
func check(opt *Options, a *Assignment, p *plan, resumed map[string]string, journal *os.File) (int, error) {
	type result struct {
		line []byte
		ev   *checker.EventReport
	}
	work := make(chan *pending, opt.Jobs)
	results := make(chan result, opt.Jobs)
	var wg sync.WaitGroup
	for range opt.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ev := range work {
				rep := CheckEvent(opt.Checker, ev.id, ev.title, ev.arts, ev.dups)
				ev.arts, ev.dups = nil, nil // memory is bounded by the events in flight
				line, _ := json.Marshal(&rep)
				results <- result{line, &rep}
			}
		}()
	}
	bw := bufio.NewWriterSize(journal, 1<<16)
	var werr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		for r := range results {
			if werr == nil {
				if _, err := bw.Write(append(r.line, '\n')); err != nil {
					werr = err
				}
			}
			n := opt.Counters.Done.Add(1)
			opt.Counters.Findings.Add(int64(len(r.ev.Findings)))
			if opt.journaled != nil {
				opt.journaled(n)
			}
		}
		if werr == nil {
			werr = bw.Flush()
		}
	}()
	nresumed := 0
	i := 0
	err := sources.Stream(opt.Inputs, opt.Sources, func(r sources.Record) error {
		if err := opt.Context.Err(); err != nil {
			return err
		}
		if i >= len(a.Records) || a.Records[i].Key != r.Key {
			want := "the end of the input"
			if i < len(a.Records) {
				want = a.Records[i].Key
			}
			return fmt.Errorf("the input changed since it was grouped: record %d is %s, the assignment has %s", i+1, r.Key, want)
		}
		rec := &a.Records[i]
		mine := p.mine[i]
		i++
		if !mine || rec.Skipped || rec.DuplicateOf != "" {
			return nil
		}
		if r.Article == nil {
			// Read when it was grouped, unreadable now: the input changed.
			return fmt.Errorf("the input changed since it was grouped: record %d (%s) can no longer be read: %w", i, r.Key, r.Err)
		}
		ev := p.events[rec.Event]
		art := r.Article
		art.ID = rec.ID
		if ev.title == "" {
			ev.title = art.Title
		}
		ev.arts = append(ev.arts, art)
		opt.Counters.Bytes.Add(int64(len(art.Raw)))
		if len(ev.arts) < ev.members {
			return nil
		}
		if h, ok := resumed[ev.id]; ok && h == Hash(ev.arts) {
			nresumed++
			opt.Counters.Done.Add(1)
			ev.arts = nil
			return nil
		}
		work <- ev
		return nil
	})
	close(work)
	wg.Wait()
	close(results)
	<-done
	if err != nil {
		return nresumed, err
	}
	if i != len(a.Records) {
		return nresumed, fmt.Errorf("the input changed since it was grouped: %d records, the assignment has %d", i, len(a.Records))
	}
	return nresumed, werr
}

// writeAtomic writes a file through fill into a temporary file beside
// it, renamed into place only when complete.
func writeAtomic(path string, fill func(*os.File) error) error {
	t, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return err
	}
	defer t.Cleanup()
	if err := fill(t.File); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := t.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
