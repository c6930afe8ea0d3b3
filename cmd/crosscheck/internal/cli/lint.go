package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/sources"
)

// LintOptions are the inputs of `crosscheck lint`.
type LintOptions struct {
	IO      *IOStreams
	Drafts  []string
	Against []string
	Output
	NoExit        bool
	Unsupported   bool
	Baseline      string
	WriteBaseline string
	Settings
	Inputs
}

// NewCmdLint builds `crosscheck lint`. runF, when not nil, is called with
// the parsed options instead of runLint (for tests).
func NewCmdLint(io *IOStreams, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "lint DRAFT... --against SOURCE...",
		Short: "Check a draft against its sources and fail on a confident contradiction",
		Long: `Check one or more drafts against reference sources and report only what a
draft states that the sources contradict, positioned in the draft:

  draft.md:12:31: [error] Scale AI · deal value: draft says $15bn; 3 of 4 sources say $14.3 billion (confidence 0.91)

A draft's figure is reported when the largest group of sources stating
an incompatible value outnumbers the sources that back the draft. Each
draft is checked on its own against the sources; drafts are not each
other's references. Corroborated facts count only the references. With
--unsupported, the facts a draft states that no source speaks to are
listed too.

Formats: text (path:line:col, as linters print), table (as wide as the
terminal, or --width N), json (the report contract), sarif (GitHub code
scanning), rdjsonl and rdjson (reviewdog), github (workflow annotations),
markdown (step summary, PR comment), junit. Every format lists the
unsupported facts and says how many findings suppression comments and a
baseline left out.

Accept a known discrepancy in the draft with a comment:
  <!-- crosscheck-disable-next-line -->
  <!-- crosscheck-disable attribute="deal value" --> … <!-- crosscheck-enable -->
(filters: attribute, subject, id). To adopt the lint on an existing archive,
record today's findings with --write-baseline and report only new ones
with --baseline.

Settings come from .crosscheck.yaml (see 'crosscheck config'); flags
override it.

Exit status: 0 when no finding reaches --fail-level (or with --no-exit),
1 when one does, 2 for a usage, input or configuration error.`,
		Example: `  crosscheck lint draft.md --against fixtures/meta-scale/
  crosscheck lint drafts/*.md --against refs/ --format sarif > crosscheck.sarif
  crosscheck lint draft.md --against refs/ --format github --fail-level medium
  crosscheck lint archive/ --against refs/ --write-baseline .crosscheck-baseline.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("lint needs a draft (a file, a directory of drafts, or -)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Drafts = args
			if len(opts.Against) == 0 {
				return usagef("lint needs --against SOURCE... (the articles to check the draft against)")
			}
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
			return runLint(opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.Against, "against", nil, "the reference sources: files, directories, repeated or comma-separated")
	addOutputFlags(f, &opts.Output, nil)
	f.BoolVar(&opts.NoExit, "no-exit", false, "exit 0 whatever is found (errors still exit 2)")
	f.BoolVar(&opts.Unsupported, "unsupported", false, "also list the facts a draft states that no source speaks to")
	f.StringVar(&opts.Baseline, "baseline", "", "report only findings not recorded in this baseline file")
	f.StringVar(&opts.WriteBaseline, "write-baseline", "", "record the findings, by stable id, in this file")
	addInputFlags(f, &opts.Inputs, "skip reference sources that cannot be read, report them, and lint against the rest (a draft that cannot be read is always an error)")
	addSettingsFlags(f, &opts.Settings)
	return cmd
}

func runLint(opts *LintOptions) error {
	// A draft that cannot be read is always an error: linting the others
	// would pass a build that checked nothing of it.
	drafts, err := sources.Load(opts.Drafts, opts.Inputs.options(opts.IO, false))
	if err != nil {
		return err
	}
	announce(opts.IO, drafts)
	refs, err := sources.Load(opts.Against, opts.Inputs.options(opts.IO, opts.KeepGoing))
	if err != nil {
		return err
	}
	announce(opts.IO, refs)
	// A draft named among the references (lint drafts/a.md --against
	// drafts/) is not its own reference.
	isDraft := map[string]bool{}
	for _, d := range drafts.Articles {
		isDraft[samePath(d.Path)] = true
	}
	var against []*checker.Article
	for _, a := range refs.Articles {
		if !isDraft[samePath(a.Path)] {
			against = append(against, a)
		}
	}
	if len(against) == 0 {
		return fmt.Errorf("%w: no reference source could be read from %s", sources.ErrTooFewInputs, strings.Join(opts.Against, ", "))
	}
	all := append(append([]*checker.Article(nil), drafts.Articles...), against...)
	sources.AssignIDs(all)

	cfg, err := opts.Settings.load(opts.IO)
	if err != nil {
		return err
	}
	c, err := cfg.NewChecker()
	if err != nil {
		return err
	}
	report, err := c.Lint(drafts.Articles, against)
	if err != nil {
		return err
	}
	if !opts.Unsupported {
		report.Unsupported = nil
	}
	account(drafts, report)
	account(refs, report)
	if opts.Baseline != "" {
		b, err := readBaseline(opts.Baseline)
		if err != nil {
			return err
		}
		b.filter(report)
	}
	if opts.WriteBaseline != "" {
		if err := writeBaseline(opts.WriteBaseline, report); err != nil {
			return err
		}
	}
	if err := writeReport(opts.IO, opts.Format, report, renderOptions(opts.IO, opts.Output, all)); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	if !opts.NoExit && failing(report, cfg) {
		return errFindings
	}
	return nil
}

// samePath is a path's identity for telling a draft from a reference.
func samePath(p string) string {
	if p == "-" {
		return p
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}
