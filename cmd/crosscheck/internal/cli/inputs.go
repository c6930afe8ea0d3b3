package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/nearcopy"
	"github.com/crosscheck/crosscheck/sources"
)

// Inputs are the flags that say how sources are read, shared by check,
// lint and extract.
type Inputs struct {
	InputFormat string
	MaxSize     string
	Cache       string
	FetchItems  bool
	Timeout     time.Duration
	KeepGoing   bool
}

func addInputFlags(f *pflag.FlagSet, in *Inputs, keepGoing string) {
	names := make([]string, len(sources.Formats))
	for i, x := range sources.Formats {
		names[i] = string(x)
	}
	f.StringVar(&in.InputFormat, "input-format", "auto", "read every input as: auto (by content, content type and extension), "+strings.Join(names, ", "))
	f.StringVar(&in.MaxSize, "max-size", "10MiB", "largest input file or page to read; for a JSONL dump, the largest line")
	f.StringVar(&in.Cache, "cache", "", "keep fetched pages in this directory, so a rerun does not fetch them again")
	f.BoolVar(&in.FetchItems, "fetch-items", false, "fetch each feed item's link instead of reading the item's own text")
	f.DurationVar(&in.Timeout, "timeout", 30*time.Second, "longest time to fetch one URL, body included")
	f.BoolVar(&in.KeepGoing, "keep-going", false, keepGoing)
}

// validate checks the input flags before anything runs.
func (in Inputs) validate() error {
	if _, err := sources.ParseFormat(in.InputFormat); err != nil {
		return usagef("--input-format: %v", err)
	}
	if _, err := parseSize(in.MaxSize); err != nil {
		return err
	}
	if in.Timeout <= 0 {
		return usagef("--timeout %v: want a positive duration such as 30s", in.Timeout)
	}
	return nil
}

// options are the sources.Options the flags ask for.
func (in Inputs) options(io *IOStreams, keepGoing bool) sources.Options {
	maxSize, _ := parseSize(in.MaxSize)
	format, _ := sources.ParseFormat(in.InputFormat)
	connect := min(10*time.Second, in.Timeout)
	return sources.Options{
		MaxSize: maxSize, Stdin: io.In, KeepGoing: keepGoing, Format: format, FetchItems: in.FetchItems,
		FS:      io.FS,
		Fetcher: &sources.Fetcher{CacheDir: in.Cache, Timeout: in.Timeout, ConnectTimeout: connect, MaxSize: maxSize},
	}
}

// announce tells stderr about every input that is not a source of its
// own (skipped, or merged as a duplicate), every near copy and every
// warning. Commands call it as soon as their inputs are loaded, so that
// a run that then fails (fewer than two sources left) still says what
// it left out and why.
func announce(io *IOStreams, res sources.Result) {
	for _, s := range res.Skipped {
		fmt.Fprintf(io.ErrOut, "crosscheck: skipped %s: %v\n", s.Path, s.Err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(io.ErrOut, "crosscheck: warning: %s: %v: %s\n", w.Path, w.Err, consequence(w.Err))
	}
	for _, d := range res.Duplicates {
		fmt.Fprintf(io.ErrOut, "crosscheck: %s is a copy of %s (%s): read once\n", d.Path, d.Of, d.Reason)
	}
	for _, g := range nearcopy.Groups(res.Syndicated) {
		fmt.Fprintln(io.ErrOut, nearCopyLine(g.IDs, g.Low, g.High))
	}
}

// consequence says what a warning means for the run.
func consequence(err error) string {
	if errors.Is(err, sources.ErrBadDate) {
		return "read as undated"
	}
	return "read all the same"
}

// account puts every input that is not a source of its own (skipped, or
// merged as a duplicate) in the report, and marks near copies, so that
// every input is accounted for there as on stderr (announce).
func account(res sources.Result, r *checker.Report) {
	for _, s := range res.Skipped {
		r.Skipped = append(r.Skipped, checker.SkippedInfo{Path: s.Path, Reason: s.Err.Error()})
	}
	for _, d := range res.Duplicates {
		r.Duplicates = append(r.Duplicates, checker.DuplicateInfo{Path: d.Path, DuplicateOf: d.Of, Reason: d.Reason})
	}
	nearcopy.Mark(r, res.Syndicated)
}

// nearCopyNames is how many of a group of near copies its line names.
const nearCopyNames = 8

// nearCopyLine tells a group of near copies, whose pairs share from low
// to high of their word triples: one line however large the group.
func nearCopyLine(ids []string, low, high float64) string {
	names := ids
	if len(ids) > nearCopyNames+1 {
		names = append(ids[:nearCopyNames:nearCopyNames], fmt.Sprintf("%d more", len(ids)-nearCopyNames))
	}
	who := names[0]
	if n := len(names); n > 1 {
		who = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	share := fmt.Sprintf("%.0f%%", 100*low)
	if hi := fmt.Sprintf("%.0f%%", 100*high); hi != share {
		share = strings.TrimSuffix(share, "%") + "–" + hi
	}
	return fmt.Sprintf("crosscheck: %s are near copies (%s of their word triples shared): syndicated, not independent", who, share)
}
