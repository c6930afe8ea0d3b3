package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker/render"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/batch"
)

// MergeOptions are the inputs of `crosscheck merge`.
type MergeOptions struct {
	IO        *IOStreams
	Dirs      []string
	Output    string
	Formats   []string
	HTMLLimit int
	Quiet     bool
}

// NewCmdMerge builds `crosscheck merge`. runF, when not nil, is called
// with the parsed options instead of runMerge (for tests).
func NewCmdMerge(io *IOStreams, runF func(*MergeOptions) error) *cobra.Command {
	opts := &MergeOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "merge --output DIR SHARD_DIR...",
		Short: "Combine the output of batch shards into one report",
		Long: `Combine the output directories of 'crosscheck batch --shard i/n' runs into
one report in --output: events.jsonl, summary.json, skipped.jsonl and the
human reports, as one run over the whole corpus would have written them.

Every shard must be given once, all from the same inputs and grouping;
merge fails, naming the directory, when one is missing, repeated, or from
another run.

Exit status: 0 when the report was written, 2 otherwise.`,
		Example: `  crosscheck merge --output out/ shard0/ shard1/ shard2/ shard3/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("merge needs the shards' output directories")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dirs = args
			if opts.Output == "" {
				return usagef("--output is required: the directory to write the merged report to")
			}
			for _, f := range opts.Formats {
				switch f {
				case "html", "markdown", "json", "jsonl":
				default:
					return usagef("--format %q: want html, markdown, json or jsonl", f)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runMerge(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", "the directory to write the merged report to")
	f.StringSliceVar(&opts.Formats, "format", []string{"html"}, "human reports to write: html, markdown, json, jsonl (none)")
	f.IntVar(&opts.HTMLLimit, "html-events", render.DefaultHTMLEvents, "events each page of the HTML report details: index.html, then page-2.html …")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no closing line")
	return cmd
}

func runMerge(o *MergeOptions) error {
	sum, err := batch.Merge(o.Output, o.Dirs, o.Formats, o.HTMLLimit)
	if err != nil {
		return err
	}
	if !o.Quiet {
		fmt.Fprintf(o.IO.ErrOut, "crosscheck: merged %d shards: %d records, %d events, %d with findings; report in %s\n",
			len(o.Dirs), sum.Articles.Records, sum.Events.Total, sum.Events.WithFindings, o.Output)
	}
	return nil
}
