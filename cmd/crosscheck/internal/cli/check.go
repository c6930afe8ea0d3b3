package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/config"
	"github.com/crosscheck/crosscheck/sources"
)

// CheckOptions are the inputs of `crosscheck check`.
type CheckOptions struct {
	IO      *IOStreams
	Sources []string
	Output
	Settings
	Inputs
}

// NewCmdCheck builds `crosscheck check`. runF, when not nil, is called
// with the parsed options instead of runCheck (for tests).
func NewCmdCheck(io *IOStreams, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "check [flags] SOURCE...",
		Short: "Compare articles and report where they disagree",
		Long: `Compare two or more articles about one event and report the facts on
which they disagree, and the facts they corroborate.

A SOURCE is a text or Markdown file (optionally opening with YAML front
matter: title, outlet, published, url, weight), a directory (its .txt and
.md files), or - for standard input. Page furniture such as share buttons,
"Read more" teasers and comment prompts is ignored.

Each finding names a slot (subject · attribute), the competing values with
the sources behind each, and a confidence in [0,1]: error from 0.7,
warning from 0.5, info below.

The table (the default on a terminal, or --format table) fits the
terminal's width, or --width N (100 when the output is not a terminal):
long cells wrap and evidence sentences are shortened around their figure.

Settings (fail level, minimum confidence, tolerances, outlet weights,
synonyms, ignore rules) come from .crosscheck.yaml; flags override it.
See 'crosscheck config'. To check a draft against its sources in CI, use
'crosscheck lint'.

Exit status: 0 when no finding reaches --fail-level, 1 when one does,
2 for a usage, input or configuration error.`,
		Example: `  crosscheck check fixtures/meta-scale/*.txt
  crosscheck check --format json fixtures/meta-scale/ > report.json
  crosscheck check --fail-level medium draft.md refs/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("check needs at least two sources (files, directories or -)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			if err := opts.Output.resolve(opts.IO, nil); err != nil {
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
			return runCheck(opts)
		},
	}
	f := cmd.Flags()
	addOutputFlags(f, &opts.Output, nil)
	addSettingsFlags(f, &opts.Settings)
	addInputFlags(f, &opts.Inputs, "skip inputs that cannot be read (files, pages, JSONL lines, feed items, subdirectories, FIFOs in a directory), report each, and check the rest")
	return cmd
}

func runCheck(opts *CheckOptions) error {
	res, err := sources.Load(opts.Sources, opts.Inputs.options(opts.IO, opts.KeepGoing))
	if err != nil {
		return err
	}
	announce(opts.IO, res)
	if len(res.Articles) < 2 {
		var names []string
		for _, a := range res.Articles {
			names = append(names, a.Path)
		}
		detail := "none could be read"
		if len(names) == 1 {
			detail = "only " + names[0] + " was read"
		}
		if len(res.Duplicates) > 0 {
			detail += fmt.Sprintf(" (%d merged as copies of another)", len(res.Duplicates))
		}
		return fmt.Errorf("%w: %s", sources.ErrTooFewInputs, detail)
	}
	cfg, err := opts.Settings.load(opts.IO)
	if err != nil {
		return err
	}
	c, err := cfg.NewChecker()
	if err != nil {
		return err
	}
	report := c.Check(res.Articles)
	account(res, report)
	if err := writeReport(opts.IO, opts.Format, report, renderOptions(opts.IO, opts.Output, res.Articles)); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	if failing(report, cfg) {
		return errFindings
	}
	return nil
}

// addSettingsFlags declares the flags of Settings.
func addSettingsFlags(f *pflag.FlagSet, s *Settings) {
	f.StringVar(&s.Config, "config", "", "configuration file (default: $"+config.EnvVar+", else "+config.FileName+" in the working directory or above)")
	f.Var(newFraction(&s.MinConfidence, 0), "min-confidence", "leave out findings below this confidence, 0 to 1 (default: the config's min_confidence, else 0)")
	f.StringVar(&s.FailLevel, "fail-level", "", "exit 1 when a finding reaches this level: none, low (any), medium (≥0.5), high (≥0.7), or a confidence (default: the config's fail_level, else high)")
}
