package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker"
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
	// Evidence is how much evidence jsonl writes with each item: none,
	// span (its place) or sentence (its place and sentence, the default).
	Evidence string
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
jsonl prints one item a line, each as it is found; --evidence span leaves
the sentence out of its evidence and --evidence none the whole evidence
(the byte span stays), for bulk output.`,
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
			if !slices.Contains(render.EvidenceLevels, opts.Evidence) {
				return fmt.Errorf("--evidence %q: want %s", opts.Evidence, strings.Join(render.EvidenceLevels, ", "))
			}
			if opts.Evidence != "sentence" && opts.Output.Format != "jsonl" {
				return fmt.Errorf("--evidence %s needs --format jsonl", opts.Evidence)
			}
			if runF != nil {
				return runF(opts)
			}
			return runExtract(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Quantities, "quantities", false, "list every quantity found, not only claims")
	f.StringVar(&opts.Evidence, "evidence", "sentence", "evidence each jsonl item carries: none, span (place only) or sentence")
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
	if opts.Output.Format == "jsonl" {
		return extractJSONL(opts, res.Articles)
	}
	c, err := judge.New()
	if err != nil {
		return err
	}
	x := read.NewExtraction(res.Articles, c.Lexicon, opts.Quantities)
	return render.WriteExtraction(opts.IO.Out, opts.Output.Format, x, renderOptions(opts.IO, opts.Output, res.Articles))
}

// extractJSONL writes one item a line through a buffer: quantities as
// the reader finds them (read.EachQuantity: a few runs of paragraphs
// kept, not the input's); claims once an article set is read, since
// reading a claim needs the whole set.
func extractJSONL(opts *ExtractOptions, arts []*checker.Article) error {
	w, err := render.NewJSONLWriter(opts.IO.Out, opts.Evidence)
	if err != nil {
		return err
	}
	if opts.Quantities {
		err = read.EachQuantity(arts, w.Write)
	} else {
		var c *judge.Checker
		if c, err = judge.New(); err != nil {
			return err
		}
		x := read.NewExtraction(arts, c.Lexicon, false)
		for i := 0; i < len(x.Claims) && err == nil; i++ {
			err = w.Write(&x.Claims[i])
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("writing jsonl: %w", err)
	}
	return nil
}
