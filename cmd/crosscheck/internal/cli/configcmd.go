package cli

import (
	"github.com/spf13/cobra"
)

// ConfigOptions are the inputs of `crosscheck config`.
type ConfigOptions struct {
	IO *IOStreams
	Settings
}

// NewCmdConfig builds `crosscheck config`, which prints the effective
// configuration and where each value came from.
func NewCmdConfig(io *IOStreams, runF func(*ConfigOptions) error) *cobra.Command {
	opts := &ConfigOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print the configuration check and lint would use, as YAML, each value
with a comment saying where it came from: a default, a line of the
configuration file, or a flag.

The file is --config, else $CROSSCHECK_CONFIG, else the first
.crosscheck.yaml found from the working directory upwards. Its keys:

  fail_level: medium          # none, low, medium, high, or a confidence
  min_confidence: 0.3         # leave out findings below it
  tolerances:                 # fraction of the larger figure two exact
    money: 0.01               # figures may differ by and still agree:
    percent: 0                # money, percent, count, number, age,
    count: 0                  # duration, multiplier, measure; and about,
    about: 0.1                # the slack of "about", "nearly", "some";
    at_least: 0.5             # and at_least, how far above "at least N"
                              # a figure still fits it, as a fraction of
                              # that figure (0.5: up to 2N; 0: any larger
                              # one); lint always reads a bound logically;
    converted: 0.05           # and converted, the rounding allowed between
                              # measures in units of two systems (miles
                              # and km), half on each figure
  outlets:                    # weigh sources by outlet name or source id
    Reuters: 1.5
  synonyms:                   # more cue phrases for known attributes
    deal value: ["purchase price", "consideration"]
  ignore:                     # drop findings matching every field given
    - attribute: age
    - subject: Acme Corp
    - id: 3f2a9c1b04d7

Unknown keys and bad values are errors naming the file, line and key.`,
		Example: `  crosscheck config
  crosscheck config --config ci/crosscheck.yaml --fail-level low`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Settings.fromFlags(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			cfg, err := opts.Settings.load(opts.IO)
			if err != nil {
				return err
			}
			if _, err := cfg.NewChecker(); err != nil {
				return err
			}
			return cfg.Write(opts.IO.Out)
		},
	}
	addSettingsFlags(cmd.Flags(), &opts.Settings)
	return cmd
}
