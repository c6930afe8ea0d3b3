package cli

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/render"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/config"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
)

// Settings are what check and lint share: the configuration file and the
// flags that override it.
type Settings struct {
	Config           string // --config
	FailLevel        string // --fail-level; "" leaves the config's
	MinConfidence    float64
	MinConfidenceSet bool // --min-confidence was given
}

// load finds and reads the configuration (--config, CROSSCHECK_CONFIG,
// or .crosscheck.yaml from the working directory up) and lays the flags
// over it.
func (s Settings) load(io *IOStreams) (*config.Config, error) {
	env := ""
	if io.Getenv != nil {
		env = io.Getenv(config.EnvVar)
	}
	path, err := config.Find(s.Config, env, io.WorkDir)
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	if s.FailLevel != "" {
		cfg.FailLevel, cfg.Origin["fail_level"] = s.FailLevel, "flag --fail-level"
	}
	if s.MinConfidenceSet {
		cfg.MinConfidence, cfg.Origin["min_confidence"] = s.MinConfidence, "flag --min-confidence"
	}
	return cfg, nil
}

// fromFlags notes what cmd's flags say that the values of s cannot, that
// --min-confidence was given, and checks s before anything runs.
func (s *Settings) fromFlags(cmd *cobra.Command) error {
	s.MinConfidenceSet = cmd.Flags().Changed("min-confidence")
	return s.validate()
}

// validate checks the flags of s before anything runs.
func (s Settings) validate() error {
	if s.FailLevel != "" {
		if _, _, err := failThreshold(s.FailLevel); err != nil {
			return err
		}
	}
	return nil
}

// failing reports whether a finding of r reaches the configured fail level.
func failing(r *checker.Report, cfg *config.Config) bool {
	threshold, fails, _ := config.FailThreshold(cfg.FailLevel)
	if !fails {
		return false
	}
	for _, f := range r.Findings {
		if f.Confidence >= threshold {
			return true
		}
	}
	return false
}

// Output are the flags that say how a report is drawn.
type Output struct {
	Format string // "" chooses: table on a terminal, text otherwise
	Color  string // auto, always, never
}

// addOutputFlags adds --format and --color; formats are those the command
// knows, nil for every report format.
func addOutputFlags(f *pflag.FlagSet, o *Output, formats []string) {
	if formats == nil {
		formats = render.Formats
	}
	f.StringVarP(&o.Format, "format", "f", "", "output format: "+strings.Join(formats, ", ")+" (default table on a terminal, text otherwise)")
	f.StringVar(&o.Color, "color", "auto", "colour: auto (on a terminal unless NO_COLOR is set), always, never")
}

// resolve picks the default format for the terminal and checks both
// flags; formats are those the command knows, nil for every report format.
func (o *Output) resolve(io *IOStreams, formats []string) error {
	if o.Format == "" {
		o.Format = "text"
		if io.OutTTY {
			o.Format = "table"
		}
	}
	if formats == nil {
		formats = render.Formats
	}
	if !slices.Contains(formats, o.Format) {
		return usagef("--format %q: want one of %s", o.Format, strings.Join(formats, ", "))
	}
	if o.Color != "auto" && o.Color != "always" && o.Color != "never" {
		return usagef("--color %q: want auto, always or never", o.Color)
	}
	return nil
}

// writeReport draws r in format on io.Out. The JSON report also names the
// tool that wrote it, a field added to the contract at schema_version 1.
func writeReport(io *IOStreams, format string, r *checker.Report, opt render.Options) error {
	if format != "json" {
		return render.Write(io.Out, format, r, opt)
	}
	enc := json.NewEncoder(io.Out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		*checker.Report
		Tool version.Tool `json:"tool"`
	}{r, version.Tool{Name: "crosscheck", Version: opt.Version}})
}

// renderOptions are the options every renderer gets.
func renderOptions(io *IOStreams, colorFlag string, arts []*checker.Article) render.Options {
	paths := map[string]string{}
	byID := map[string]*checker.Article{}
	for _, a := range arts {
		paths[a.ID] = a.Path
		byID[a.ID] = a
	}
	color := colorFlag == "always" || (colorFlag == "auto" && io.OutTTY && !io.NoColor)
	return render.Options{Color: color, Paths: paths, Width: io.Width, Root: io.WorkDir, Version: version.Current().Version, Articles: byID}
}
