package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/sources"
)

// ExtractOptions are the inputs of `crosscheck extract`.
type ExtractOptions struct {
	IO      *IOStreams
	Sources []string
	Inputs
}

// NewCmdExtract builds `crosscheck extract`, which lists the claims read
// from each source: the debugging view of what check compares.
func NewCmdExtract(io *IOStreams, runF func(*ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "extract [flags] SOURCE...",
		Short: "List the claims read from each source",
		Long: `List every claim crosscheck reads from the sources, one per line:

  source:line:col  subject · attribute (time)  value  [how] hedges

"how" says how the subject and the attribute were found (object, possessive,
neighbour, sentence, attribute, topic, event, coref; cue, noun, implied),
which is where to look when a claim is misread.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			if err := opts.Inputs.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runExtract(opts)
		},
	}
	addInputFlags(cmd.Flags(), &opts.Inputs, "skip inputs that cannot be read, report them on stderr, and list the rest")
	return cmd
}

func runExtract(opts *ExtractOptions) error {
	res, err := sources.Load(opts.Sources, opts.Inputs.options(opts.IO, opts.KeepGoing))
	if err != nil {
		return err
	}
	account(opts.IO, res, &checker.Report{})
	c, err := checker.New()
	if err != nil {
		return err
	}
	for _, cl := range (checker.Extractor{Lex: c.Lexicon}).Extract(res.Articles) {
		e := cl.Evidence
		subj := cl.Subject
		if subj == "" {
			subj = "(event)"
		}
		hedges := ""
		if len(cl.Hedges) > 0 {
			hedges = " hedged: " + strings.Join(cl.Hedges, ", ")
		}
		if _, err := fmt.Fprintf(opts.IO.Out, "%s:%d:%d\t%s · %s (%s)\t%s\t[%s %.1f, %s %.1f]%s\n",
			e.Source, e.Line, e.Column, subj, cl.Attribute, cl.Time, cl.Quantity.Text,
			cl.How.Subject, cl.How.SubjectScore, cl.How.Attribute, cl.How.AttributeScore, hedges); err != nil {
			return err
		}
	}
	return nil
}
