package cli

import (
	"fmt"
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
	// Width is --width, the columns a table may take; 0 leaves it to the
	// terminal, or render.DefaultWidth when there is none.
	Width int
}

// addOutputFlags adds --format and --color, and --width when a table is
// one of the formats; formats are those the command knows, nil for every
// report format.
func addOutputFlags(f *pflag.FlagSet, o *Output, formats []string) {
	if formats == nil {
		formats = render.Formats
	}
	f.StringVarP(&o.Format, "format", "f", "", "output format: "+strings.Join(formats, ", ")+" (default table on a terminal, text otherwise)")
	f.StringVar(&o.Color, "color", "auto", "colour: auto (on a terminal unless NO_COLOR is set), always, never")
	if slices.Contains(formats, "table") {
		f.IntVar(&o.Width, "width", 0, fmt.Sprintf("draw the table in `N` columns at most, %d or more: cells wrap, evidence is shortened around its figure (default: the terminal's width; %d when the output is not a terminal)", render.MinWidth, render.DefaultWidth))
	}
}

// resolve picks the default format for the terminal and checks the
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
	if o.Width != 0 && o.Width < render.MinWidth {
		return usagef("--width %d: want %d columns or more", o.Width, render.MinWidth)
	}
	return nil
}

// writeReport draws r in format on io.Out. The JSON report also names the
// tool that wrote it, a field added to the contract at schema_version 1.
func writeReport(io *IOStreams, format string, r *checker.Report, opt render.Options) error {
	if format == "json" {
		r.Tool = &checker.Tool{Name: "crosscheck", Version: opt.Version}
	}
	return render.Write(io.Out, format, r, opt)
}

// renderOptions are the options every renderer gets: colour as --color
// says, the table as wide as --width says, else as the terminal is.
func renderOptions(io *IOStreams, o Output, arts []*checker.Article) render.Options {
	paths := map[string]string{}
	byID := map[string]*checker.Article{}
	for _, a := range arts {
		paths[a.ID] = a.Path
		byID[a.ID] = a
	}
	color := o.Color == "always" || (o.Color == "auto" && io.OutTTY && !io.NoColor)
	width := o.Width
	if width == 0 {
		width = io.Width // the terminal's, 0 for a pipe
	}
	return render.Options{Color: color, Paths: paths, Width: width, Root: io.WorkDir, Version: version.Current().Version, Articles: byID}
}
