package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
)

// VersionOptions are the inputs of `crosscheck version`.
type VersionOptions struct {
	IO *IOStreams
}

// NewCmdVersion builds `crosscheck version`. runF, when not nil, is
// called with the parsed options instead of runVersion (for tests).
func NewCmdVersion(io *IOStreams, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: io}
	return &cobra.Command{
		Use:   "version",
		Short: "Print crosscheck's version",
		Long: `Print crosscheck's version, the Go release that built it and the platform,
as 'crosscheck --version' does. The version is the module version the
binary was installed at (go install …@v1.4.0), or the one go build
stamps from the repository; a build that records none is "(devel)",
with its revision when known. The JSON report's tool field and a batch's
summary.json carry the same version.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("version takes no arguments (got %q)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runVersion(opts)
		},
	}
}

func runVersion(opts *VersionOptions) error {
	_, err := fmt.Fprintln(opts.IO.Out, version.Current().Line())
	return err
}
