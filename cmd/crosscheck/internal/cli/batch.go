package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker/render"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/batch"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
)

// BatchOptions are the inputs of `crosscheck batch`.
type BatchOptions struct {
	IO        *IOStreams
	Input     []string
	Output    string
	Jobs      int
	Since     string
	Shard     string
	Formats   []string
	Resume    bool
	Assign    string
	GroupOnly bool
	Progress  string
	Interval  time.Duration
	Quiet     bool
	HTMLLimit int
	MemLimit  string
	Settings
	Inputs

	since         time.Time
	shard, shards int
	now           func() time.Time
	// ctx is the context the run's interruption is laid over; nil is
	// context.Background (a test seam).
	ctx context.Context
}

// NewCmdBatch builds `crosscheck batch`. runF, when not nil, is called
// with the parsed options instead of runBatch (for tests).
func NewCmdBatch(io *IOStreams, runF func(*BatchOptions) error) *cobra.Command {
	opts := &BatchOptions{IO: io, now: time.Now}
	if io.Now != nil {
		opts.now = io.Now
	}
	cmd := &cobra.Command{
		Use:   "batch --input CORPUS... --output DIR",
		Short: "Group a corpus into events, check each, and write a report",
		Long: `Read many articles (JSONL dumps, directories, feeds), group them into the
events they report, check each event's articles against each other in
parallel, and write the run's report to DIR:

  events.jsonl         one line per event: id, title, status, sources, findings
                       (findings per the JSON report contract), sorted by id
  summary.json         what happened to every input record, and the counts
  skipped.jsonl        each record left out, and why
  events.assign.jsonl  each record's event: the grouping, reusable by shards
  index.html           the report an editor opens (--format html, the default):
                       a summary of the run, then the events; past
                       --html-events events, page-2.html, page-3.html …

Events. A JSONL record's "event" field puts it in that event. Other
articles are grouped by the rare names and figures they share (MinHash/LSH
candidates, then a TF-IDF cosine of at least 0.34, rarity weighed against a
background of ordinary prose, so two articles group as well as two
thousand) when published within 72 hours of each other. An article alone in its event is
reported unchecked; a copy of another article (same URL or text) is merged
into it. Every input record is in summary.json as checked, merged,
singleton, skipped (with its reason) or in another shard.

Memory is bounded by the events in flight, not by the corpus: the inputs
are streamed twice, once to group and once to check. Output files are
written to a temporary file and renamed, so an interrupted run (Ctrl-C or
SIGTERM) never leaves half a report; --resume then keeps the events it
already checked, and refuses, saying what differs, when they were checked
under other settings (--min-confidence, the configuration) or by another
crosscheck version. One run at a time writes DIR: a second is refused.

The configuration (.crosscheck.yaml or --config) applies as it does to
check: tolerances, synonyms, min_confidence, outlet weights and ignore
rules.

Sharding. --shard i/n checks only the events whose id hashes to i of n.
Group once with --group-only, give each shard the same assignment with
--assign DIR/events.assign.jsonl, then 'crosscheck merge' the shards'
directories into one report, identical to a single run's.

Exit status: 0 when the report was written, 2 for a usage, input or
runtime error. Findings do not fail a batch; use 'crosscheck lint' for that.`,
		Example: `  crosscheck batch --input fixtures/ --output out/
  crosscheck batch --input dump.jsonl --output out/ --since 24h --progress plain
  crosscheck batch --input dump.jsonl --output grouped/ --group-only
  crosscheck batch --input dump.jsonl --assign grouped/events.assign.jsonl --shard 0/4 --output shard0/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("batch reads its inputs from --input, not arguments (got %q)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			if err := opts.Settings.fromFlags(cmd); err != nil {
				return err
			}
			if err := opts.Inputs.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runBatch(opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVarP(&opts.Input, "input", "i", nil, "the corpus: JSONL files, directories, feeds (repeat or separate with commas)")
	f.StringVarP(&opts.Output, "output", "o", "", "the directory to write the report to (created when missing)")
	f.IntVarP(&opts.Jobs, "jobs", "j", runtime.NumCPU(), "events checked at once, and JSONL lines parsed at once")
	f.StringVar(&opts.Since, "since", "", "leave out articles published before this: a date (2026-11-21), an RFC 3339 time, or a duration back from now (24h)")
	f.StringVar(&opts.Shard, "shard", "", "check only shard i of n (i/n, i from 0): the events whose id hashes to i")
	f.StringSliceVar(&opts.Formats, "format", []string{"html"}, "human reports to write besides events.jsonl and summary.json: html (index.html), markdown (report.md), json (report.json), jsonl (none)")
	f.BoolVar(&opts.Resume, "resume", false, "keep the events an earlier run in --output already checked (same id, same articles); refused when it checked them under other settings or another crosscheck")
	f.StringVar(&opts.Assign, "assign", "", "use this events.assign.jsonl instead of grouping (for shards)")
	f.BoolVar(&opts.GroupOnly, "group-only", false, "group the corpus, write events.assign.jsonl and stop")
	f.StringVar(&opts.Progress, "progress", "auto", "progress on stderr: auto (a bar on a terminal, else plain), bar, plain (a line every --progress-interval), none")
	f.DurationVar(&opts.Interval, "progress-interval", 10*time.Second, "how often --progress plain writes a line")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress, no closing line")
	f.StringVar(&opts.MemLimit, "memory-limit", "768MiB", "a soft limit on the heap: the garbage collector works harder near it (GOMEMLIMIT wins when set; 0 for none)")
	f.IntVar(&opts.HTMLLimit, "html-events", render.DefaultHTMLEvents, "events each page of the HTML report details: index.html, then page-2.html …")
	f.StringVar(&opts.Config, "config", "", "configuration file (tolerances, weights, synonyms, min_confidence)")
	f.Var(newFraction(&opts.MinConfidence, 0), "min-confidence", "leave out findings below this confidence, 0 to 1")
	addInputFlags(f, &opts.Inputs, "unused by batch: unreadable records are always skipped and listed")
	_ = f.MarkHidden("keep-going")
	return cmd
}

func (o *BatchOptions) validate() error {
	if len(o.Input) == 0 {
		return usagef("--input is required: the corpus to read")
	}
	if o.Output == "" {
		return usagef("--output is required: the directory to write the report to")
	}
	if o.Jobs < 1 {
		return usagef("--jobs %d: want 1 or more", o.Jobs)
	}
	for _, in := range o.Input {
		if in == "-" {
			return usagef("--input -: batch reads its inputs twice and cannot read standard input; save it to a file")
		}
	}
	if o.Since != "" {
		t, err := parseSince(o.Since, o.now())
		if err != nil {
			return usagef("--since %q: %v", o.Since, err)
		}
		o.since = t
	}
	o.shards = 1
	if o.Shard != "" {
		i, n, ok := strings.Cut(o.Shard, "/")
		si, err1 := strconv.Atoi(i)
		sn, err2 := strconv.Atoi(n)
		if !ok || err1 != nil || err2 != nil || sn < 1 || si < 0 || si >= sn {
			return usagef("--shard %q: want i/n with 0 ≤ i < n, such as 0/4", o.Shard)
		}
		o.shard, o.shards = si, sn
	}
	for _, f := range o.Formats {
		switch f {
		case "html", "markdown", "json", "jsonl":
		default:
			return usagef("--format %q: want html, markdown, json or jsonl", f)
		}
	}
	switch o.Progress {
	case "auto", "bar", "plain", "none":
	default:
		return usagef("--progress %q: want auto, bar, plain or none", o.Progress)
	}
	if o.Interval <= 0 {
		return usagef("--progress-interval %v: want a positive duration", o.Interval)
	}
	if o.MemLimit != "0" {
		if _, err := parseSize(o.MemLimit); err != nil {
			return usagef("--memory-limit: %v", err)
		}
	}
	if o.GroupOnly && o.Assign != "" {
		return usagef("--group-only and --assign: the one groups, the other uses a grouping; give one")
	}
	return nil
}

// interruptContext returns a context that ends when the process is asked
// to stop: by Ctrl-C at a terminal (SIGINT) or by SIGTERM, which systemd,
// Kubernetes and kill send. Either stops a batch the same way: the events
// checked so far are kept for --resume.
func interruptContext(parent context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
}

// parseSince reads --since: a date, an RFC 3339 time, or a duration back
// from now.
func parseSince(s string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(s); err == nil {
		if d <= 0 {
			return time.Time{}, fmt.Errorf("want a positive duration")
		}
		return now.Add(-d), nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("want a date (2006-01-02), an RFC 3339 time or a duration (24h)")
}

func runBatch(o *BatchOptions) error {
	cfg, err := o.Settings.load(o.IO)
	if err != nil {
		return err
	}
	c, err := cfg.NewChecker()
	if err != nil {
		return err
	}
	if limit, _ := parseSize(o.MemLimit); limit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	parent := o.ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, stop := interruptContext(parent)
	defer stop()
	// What the findings depend on, for --resume and merge to compare;
	// findings never fail a batch, so the fail level is not among them.
	settings := cfg.Values()
	delete(settings, "fail_level")
	counters := &batch.Counters{}
	opt := batch.Options{
		Inputs: o.Input, Dir: o.Output, Jobs: o.Jobs, Since: o.since, Shard: o.shard, Shards: o.shards,
		Resume: o.Resume, Assign: o.Assign, GroupOnly: o.GroupOnly, Formats: o.Formats, HTMLEvents: o.HTMLLimit,
		Checker: c, Tool: version.Current(), Settings: settings,
		Sources: o.Inputs.options(o.IO, true), Counters: counters, Context: ctx,
	}
	mode := o.Progress
	if o.Quiet {
		mode = "none"
	}
	if mode == "auto" {
		mode = "plain"
		if o.IO.ErrTTY {
			mode = "bar"
		}
	}
	start := time.Now()
	done := showProgress(o.IO, mode, o.Interval, counters)
	sum, err := batch.Run(opt)
	done()
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: the events checked so far are kept in %s; run again with --resume to go on", o.Output)
	}
	if err != nil {
		return err
	}
	if !o.Quiet {
		a := sum.Articles
		if o.GroupOnly {
			fmt.Fprintf(o.IO.ErrOut, "crosscheck: grouped %d records into %s/%s in %s\n", a.Records, o.Output, batch.AssignFile, time.Since(start).Round(time.Millisecond))
			return nil
		}
		fmt.Fprintf(o.IO.ErrOut, "crosscheck: %d records: %d checked, %d duplicates, %d singletons, %d skipped, %d in other shards; %d events (%d resumed), %d with findings; report in %s (%s)\n",
			a.Records, a.Checked, a.Duplicates, a.Singletons, a.Skipped, a.OtherShards, sum.Events.Total, sum.Events.Resumed, sum.Events.WithFindings, o.Output, time.Since(start).Round(time.Millisecond))
	}
	return nil
}
