package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/checker/render"
	"github.com/crosscheck/crosscheck/sources"
)

// ExtractOptions are the inputs of `crosscheck extract`.
type ExtractOptions struct {
	IO      *IOStreams
	Sources []string
	// Quantities lists every quantity found, claim or not.
	Quantities bool
	Output
	Inputs
}

// NewCmdExtract builds `crosscheck extract`, which lists the claims read
// from each source: the debugging view of what check compares.
func NewCmdExtract(io *IOStreams, runF func(*ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "extract [flags] SOURCE...",
		Short: "List the claims (or every quantity) read from each source",
		Long: `List every claim crosscheck reads from the sources, or with --quantities
every quantity it finds, claim or not: the place to look when a figure is
misread ("why did it read that as 15?").

In text format, one line each:

  source:line:col  subject · attribute (time)  text  [how] hedges
  source:line:col  kind  text  value                       (--quantities)

"how" says how the subject and the attribute were found (object, possessive,
neighbour, sentence, attribute, topic, event, coref; cue, noun, implied),
with a score for each.

--format json prints {"schema_version":1,"sources":[…],"claims":[…]} (or
"quantities"), each item with the value object of the JSON report contract,
its evidence (source, line, column, sentence) and its byte span in the file;
jsonl prints one item a line.`,
		Example: `  crosscheck extract article.txt
  crosscheck extract --quantities --format jsonl page.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			if err := opts.Inputs.validate(); err != nil {
				return err
			}
			if err := opts.Output.resolve(opts.IO, render.ExtractFormats); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runExtract(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Quantities, "quantities", false, "list every quantity found, not only claims")
	addOutputFlags(f, &opts.Output, render.ExtractFormats)
	addInputFlags(f, &opts.Inputs, "skip inputs that cannot be read, report them on stderr, and list the rest")
	return cmd
}

func runExtract(opts *ExtractOptions) error {
	res, err := sources.Load(opts.Sources, opts.Inputs.options(opts.IO, opts.KeepGoing))
	if err != nil {
		return err
	}
	announce(opts.IO, res)
	c, err := judge.New()
	if err != nil {
		return err
	}
	x := read.NewExtraction(res.Articles, c.Lexicon, opts.Quantities)
	return render.WriteExtraction(opts.IO.Out, opts.Output.Format, x, renderOptions(opts.IO, opts.Output.Color, res.Articles))
}
